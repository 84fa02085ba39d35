/* chronicle-feed-xml.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-sync"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "chronicle-date.h"
#include "chronicle-html.h"
#include "chronicle-sync-error.h"
#include "chronicle-sync-private.h"

/* RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 with libxml2. The parser never
 * touches the network (XML_PARSE_NONET), never loads a DTD and never substitutes
 * entities: a document that declares any entity is refused outright, which stops
 * both "billion laughs" and external entities. Broken documents are recovered. */

#define NS_ATOM10  "http://www.w3.org/2005/Atom"
#define NS_ATOM03  "http://purl.org/atom/ns#"
#define NS_RSS10   "http://purl.org/rss/1.0/"
#define NS_RSS090  "http://my.netscape.com/rdf/simple/0.9/"
#define NS_RDF     "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_DC      "http://purl.org/dc/elements/1.1/"
#define NS_DCTERMS "http://purl.org/dc/terms/"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_MEDIA   "http://search.yahoo.com/mrss/"
#define NS_XHTML   "http://www.w3.org/1999/xhtml"

typedef struct {
  gboolean entity_declared;
} ParseGuard;

static void
refuse_entity_decl_cb (void          *user_data,
                       const xmlChar *name,
                       int            type,
                       const xmlChar *public_id,
                       const xmlChar *system_id,
                       xmlChar       *content)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseGuard *guard = ctxt->_private;

  guard->entity_declared = TRUE;
  xmlStopParser (ctxt);
}

static gboolean
is (xmlNode    *node,
    const char *ns,
    const char *name)
{
  if (node->type != XML_ELEMENT_NODE || strcmp ((const char *) node->name, name) != 0)
    return FALSE;

  if (ns == NULL)
    return node->ns == NULL || node->ns->href == NULL;

  return node->ns != NULL && node->ns->href != NULL
         && strcmp ((const char *) node->ns->href, ns) == 0;
}

/* RSS 2.0 elements have no namespace; some feeds put them in the RSS 1.0 one. */
static gboolean
is_rss (xmlNode    *node,
        const char *name)
{
  return is (node, NULL, name) || is (node, NS_RSS10, name) || is (node, NS_RSS090, name);
}

static gboolean
is_atom (xmlNode    *node,
         const char *name)
{
  /* Atom without its namespace happens; the context (a <feed> root) decides. */
  return is (node, NS_ATOM10, name) || is (node, NS_ATOM03, name) || is (node, NULL, name);
}

static char *
prop (xmlNode    *node,
      const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;

  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

static char *
ns_prop (xmlNode    *node,
         const char *name,
         const char *ns)
{
  xmlChar *value = xmlGetNsProp (node, (const xmlChar *) name, (const xmlChar *) ns);
  char *copy;

  if (value == NULL)
    return NULL;

  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

static char *
raw_text (xmlNode *node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *copy;

  if (value == NULL)
    return NULL;

  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

static char *
plain_text (xmlNode *node)
{
  g_autofree char *text = raw_text (node);

  return _chronicle_normalize_space (text);
}

/* Titles are plain text in principle and escaped HTML in practice. */
static char *
title_text (xmlNode *node)
{
  g_autofree char *text = raw_text (node);
  g_autofree char *clean = NULL;

  if (text == NULL)
    return NULL;

  if (strchr (text, '<') != NULL || strchr (text, '&') != NULL)
    {
      clean = chronicle_html_to_text (text, -1);
      return _chronicle_normalize_space (clean);
    }

  return _chronicle_normalize_space (text);
}

static char *
html_text (xmlNode *node)
{
  g_autofree char *text = raw_text (node);

  return chronicle_html_to_text (text, -1);
}

/* An Atom text construct: text, html or xhtml (Atom 0.3: a MIME type and a mode). */
static char *
atom_text (xmlNode *node)
{
  g_autofree char *type = prop (node, "type");
  g_autofree char *mode = prop (node, "mode");

  if (type != NULL && (strcmp (type, "xhtml") == 0 || strcmp (type, "application/xhtml+xml") == 0))
    return _chronicle_html_node_to_text (node->children, FALSE);

  if ((type != NULL && (strcmp (type, "html") == 0 || strcmp (type, "text/html") == 0))
      || g_strcmp0 (mode, "escaped") == 0)
    return html_text (node);

  return title_text (node);
}

static char *
resolve (xmlNode    *node,
         const char *href)
{
  xmlChar *base;
  char *url;

  if (href == NULL)
    return NULL;

  base = xmlNodeGetBase (node->doc, node);
  url = _chronicle_resolve_url ((const char *) base, href);
  if (url == NULL && node->doc->URL != NULL)
    url = _chronicle_resolve_url ((const char *) node->doc->URL, href);
  xmlFree (base);
  return url;
}

static void
set_string (char **field,
            char  *value)
{
  if (value == NULL)
    return;

  if (*field == NULL)
    *field = value;
  else
    g_free (value);
}

static void
set_date (GDateTime **field,
          xmlNode    *node)
{
  g_autofree char *text = NULL;

  if (*field != NULL)
    return;

  text = raw_text (node);
  *field = chronicle_date_parse (text);
}

static void
add_category (ChronicleFeedEntry *entry,
              char               *category)
{
  if (category == NULL)
    return;

  for (guint i = 0; i < entry->categories->len; i++)
    if (strcmp (g_ptr_array_index (entry->categories, i), category) == 0)
      {
        g_free (category);
        return;
      }

  g_ptr_array_add (entry->categories, category);
}

static void
append_author (ChronicleFeedEntry *entry,
               char               *name)
{
  if (name == NULL)
    return;

  if (entry->author == NULL)
    entry->author = name;
  else
    {
      char *joined = g_strconcat (entry->author, ", ", name, NULL);
      g_free (entry->author);
      g_free (name);
      entry->author = joined;
    }
}

/* RSS <author> is "email (Name)" by the spec and anything in practice. */
static char *
rss_author (xmlNode *node)
{
  g_autofree char *text = plain_text (node);
  const char *open, *close;

  if (text == NULL)
    return NULL;

  open = strchr (text, '(');
  close = strrchr (text, ')');
  if (open != NULL && close != NULL && close > open + 1 && strchr (text, '@') != NULL)
    {
      g_autofree char *name = g_strndup (open + 1, close - open - 1);
      return _chronicle_normalize_space (name);
    }

  return g_steal_pointer (&text);
}

static void
media_image (ChronicleFeedEntry *entry,
             xmlNode            *node)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE || node->ns == NULL || node->ns->href == NULL
          || strcmp ((const char *) node->ns->href, NS_MEDIA) != 0)
        continue;

      if (strcmp ((const char *) node->name, "thumbnail") == 0)
        {
          g_autofree char *url = prop (node, "url");
          set_string (&entry->image, resolve (node, url));
        }
      else if (strcmp ((const char *) node->name, "content") == 0)
        {
          g_autofree char *url = prop (node, "url");
          g_autofree char *medium = prop (node, "medium");
          g_autofree char *type = prop (node, "type");

          if (g_strcmp0 (medium, "image") == 0 || (type != NULL && g_str_has_prefix (type, "image/")))
            set_string (&entry->image, resolve (node, url));
          media_image (entry, node->children);
        }
      else if (strcmp ((const char *) node->name, "group") == 0)
        media_image (entry, node->children);
    }
}

/* An entry left without a date: the text of a date element it had that could not be
 * read, for the warning (chronicle_feed_warn_unread_dates()). */
static void
note_unread_date (ChronicleFeedEntry *entry,
                  xmlNode            *item)
{
  static const char *const names[] = { "pubDate", "date", "published", "updated", "issued",
                                       "created", "modified" };

  if (entry->published != NULL || entry->updated != NULL)
    return;

  for (xmlNode *child = item->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        if (strcmp ((const char *) child->name, names[i]) == 0)
          {
            char *text = plain_text (child);

            if (text != NULL && *text != '\0' && entry->unread_date == NULL)
              entry->unread_date = text;
            else
              g_free (text);
          }
    }
}

/* Elements RSS and Atom entries share: Dublin Core, content:encoded, media. */
static gboolean
common_element (ChronicleFeedEntry *entry,
                xmlNode            *child)
{
  if (is (child, NS_DC, "date") || is (child, NS_DCTERMS, "issued")
      || is (child, NS_DCTERMS, "created"))
    set_date (&entry->published, child);
  else if (is (child, NS_DCTERMS, "modified"))
    set_date (&entry->updated, child);
  else if (is (child, NS_DC, "creator"))
    append_author (entry, plain_text (child));
  else if (is (child, NS_DC, "subject"))
    add_category (entry, plain_text (child));
  else if (is (child, NS_DC, "language"))
    set_string (&entry->language, plain_text (child));
  else if (is (child, NS_DC, "rights") || is (child, NS_DCTERMS, "rights")
           || is (child, NS_DCTERMS, "license"))
    set_string (&entry->license, plain_text (child));
  else if (is (child, NS_DC, "description"))
    set_string (&entry->summary, html_text (child));
  else if (is (child, NS_DC, "title"))
    set_string (&entry->title, title_text (child));
  else if (is (child, NS_CONTENT, "encoded"))
    set_string (&entry->content, html_text (child));
  else if (child->ns != NULL && child->ns->href != NULL
           && strcmp ((const char *) child->ns->href, NS_MEDIA) == 0)
    {
      xmlNode *next = child->next;
      child->next = NULL;
      media_image (entry, child);
      child->next = next;
    }
  else
    return FALSE;

  return TRUE;
}

static ChronicleFeedEntry *
parse_rss_item (xmlNode *item)
{
  g_autoptr(ChronicleFeedEntry) entry = chronicle_feed_entry_new ();
  g_autofree char *permalink = NULL;
  g_autofree char *about = ns_prop (item, "about", NS_RDF);

  for (xmlNode *child = item->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (is_rss (child, "title"))
        set_string (&entry->title, title_text (child));
      else if (is_rss (child, "link"))
        {
          g_autofree char *href = plain_text (child);
          set_string (&entry->link, resolve (child, href));
        }
      else if (is_rss (child, "guid"))
        {
          g_autofree char *is_permalink = prop (child, "isPermaLink");
          char *guid = plain_text (child);

          if (guid != NULL && g_strcmp0 (is_permalink, "false") != 0
              && (g_str_has_prefix (guid, "http://") || g_str_has_prefix (guid, "https://")
                  || g_strcmp0 (is_permalink, "true") == 0))
            set_string (&permalink, resolve (child, guid));
          set_string (&entry->id, guid);
        }
      else if (is_rss (child, "description"))
        set_string (&entry->summary, html_text (child));
      else if (is_rss (child, "pubDate"))
        set_date (&entry->published, child);
      else if (is_rss (child, "author"))
        append_author (entry, rss_author (child));
      else if (is_rss (child, "category"))
        add_category (entry, plain_text (child));
      else if (is_rss (child, "enclosure"))
        {
          g_autofree char *type = prop (child, "type");
          g_autofree char *url = prop (child, "url");

          if (type != NULL && g_str_has_prefix (type, "image/"))
            set_string (&entry->image, resolve (child, url));
        }
      else if (is_rss (child, "source"))
        set_string (&entry->source_name, plain_text (child));
      else if (is_atom (child, "updated"))
        set_date (&entry->updated, child);
      else if (is_atom (child, "published"))
        set_date (&entry->published, child);
      else if (is_atom (child, "link") && entry->link == NULL)
        {
          g_autofree char *rel = prop (child, "rel");
          g_autofree char *href = prop (child, "href");

          if (rel == NULL || strcmp (rel, "alternate") == 0)
            set_string (&entry->link, resolve (child, href));
        }
      else
        common_element (entry, child);
    }

  note_unread_date (entry, item);
  if (entry->link == NULL && permalink != NULL)
    entry->link = g_steal_pointer (&permalink);
  if (entry->id == NULL && about != NULL)
    entry->id = g_steal_pointer (&about);

  /* An item needs a title, a link or a description to be anything at all. */
  if (entry->title == NULL && entry->link == NULL && entry->summary == NULL
      && entry->content == NULL)
    return NULL;

  _chronicle_feed_entry_finish (entry);
  return g_steal_pointer (&entry);
}

static void
parse_rss_channel (ChronicleFeed *feed,
                   xmlNode       *channel,
                   gboolean       items_inside)
{
  for (xmlNode *child = channel->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (is_rss (child, "title"))
        set_string (&feed->title, title_text (child));
      else if (is_rss (child, "link"))
        {
          g_autofree char *href = plain_text (child);
          set_string (&feed->link, resolve (child, href));
        }
      else if (is_rss (child, "description"))
        set_string (&feed->description, html_text (child));
      else if (is_rss (child, "copyright") || is (child, NS_DC, "rights"))
        set_string (&feed->rights, plain_text (child));
      else if (is_rss (child, "lastBuildDate") || is_rss (child, "pubDate") || is (child, NS_DC, "date"))
        set_date (&feed->updated, child);
      else if (is_rss (child, "item") && items_inside)
        {
          ChronicleFeedEntry *entry = parse_rss_item (child);
          if (entry != NULL)
            g_ptr_array_add (feed->entries, entry);
        }
    }
}

static ChronicleFeed *
parse_rss (xmlNode *root)
{
  g_autofree char *version = prop (root, "version");
  g_autofree char *format = NULL;
  ChronicleFeed *feed;

  if (version == NULL || *version == '\0')
    format = g_strdup ("rss-2.0");
  else
    format = g_strdup_printf ("rss-%s", version);

  feed = chronicle_feed_new (format);
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    if (is_rss (child, "channel"))
      parse_rss_channel (feed, child, TRUE);

  return feed;
}

static ChronicleFeed *
parse_rdf (xmlNode *root)
{
  ChronicleFeed *feed = NULL;
  gboolean rss090 = FALSE;

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    if (is (child, NS_RSS090, "channel"))
      rss090 = TRUE;

  feed = chronicle_feed_new (rss090 ? "rss-0.90" : "rss-1.0");
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (is_rss (child, "channel"))
        parse_rss_channel (feed, child, FALSE);
      else if (is_rss (child, "item"))
        {
          ChronicleFeedEntry *entry = parse_rss_item (child);
          if (entry != NULL)
            g_ptr_array_add (feed->entries, entry);
        }
    }

  return feed;
}

static char *
atom_link (xmlNode *node)
{
  g_autofree char *rel = prop (node, "rel");
  g_autofree char *href = prop (node, "href");

  if (rel != NULL && strcmp (rel, "alternate") != 0)
    return NULL;

  return resolve (node, href);
}

static ChronicleFeedEntry *
parse_atom_entry (xmlNode *node)
{
  g_autoptr(ChronicleFeedEntry) entry = chronicle_feed_entry_new ();

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (is_atom (child, "id"))
        set_string (&entry->id, plain_text (child));
      else if (is_atom (child, "title"))
        set_string (&entry->title, atom_text (child));
      else if (is_atom (child, "link"))
        set_string (&entry->link, atom_link (child));
      else if (is_atom (child, "published") || is_atom (child, "issued")
               || is_atom (child, "created"))
        set_date (&entry->published, child);
      else if (is_atom (child, "updated") || is_atom (child, "modified"))
        set_date (&entry->updated, child);
      else if (is_atom (child, "author"))
        {
          for (xmlNode *part = child->children; part != NULL; part = part->next)
            if (is_atom (part, "name"))
              append_author (entry, plain_text (part));
        }
      else if (is_atom (child, "summary"))
        set_string (&entry->summary, atom_text (child));
      else if (is_atom (child, "content"))
        {
          g_autofree char *src = prop (child, "src");

          if (src != NULL)
            set_string (&entry->link, resolve (child, src));
          else
            set_string (&entry->content, atom_text (child));
        }
      else if (is_atom (child, "rights") || is_atom (child, "copyright"))
        set_string (&entry->license, atom_text (child));
      else if (is_atom (child, "category"))
        {
          char *label = prop (child, "label");

          if (label == NULL)
            label = prop (child, "term");
          add_category (entry, _chronicle_normalize_space (label));
          g_free (label);
        }
      else
        common_element (entry, child);
    }

  note_unread_date (entry, node);

  /* Atom requires updated; published is optional. A feed's date is its publication. */
  if (entry->published == NULL && entry->updated != NULL)
    entry->published = g_date_time_ref (entry->updated);

  if (entry->title == NULL && entry->link == NULL && entry->summary == NULL
      && entry->content == NULL)
    return NULL;

  _chronicle_feed_entry_finish (entry);
  return g_steal_pointer (&entry);
}

static ChronicleFeed *
parse_atom (xmlNode *root)
{
  gboolean atom03 = root->ns != NULL && root->ns->href != NULL
                    && strcmp ((const char *) root->ns->href, NS_ATOM03) == 0;
  ChronicleFeed *feed = chronicle_feed_new (atom03 ? "atom-0.3" : "atom-1.0");

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (is_atom (child, "title"))
        set_string (&feed->title, atom_text (child));
      else if (is_atom (child, "link"))
        set_string (&feed->link, atom_link (child));
      else if (is_atom (child, "subtitle") || is_atom (child, "tagline"))
        set_string (&feed->description, atom_text (child));
      else if (is_atom (child, "updated") || is_atom (child, "modified"))
        set_date (&feed->updated, child);
      else if (is_atom (child, "rights") || is_atom (child, "copyright"))
        set_string (&feed->rights, atom_text (child));
      else if (is_atom (child, "entry"))
        {
          ChronicleFeedEntry *entry = parse_atom_entry (child);
          if (entry != NULL)
            g_ptr_array_add (feed->entries, entry);
        }
    }

  return feed;
}

/* The encoding the XML declaration names, if any. */
static char *
declared_encoding (const char *data,
                   gsize       len)
{
  g_autofree char *head = NULL;
  const char *end, *enc;
  char quote;
  const char *start;

  if (len < 5 || memcmp (data, "<?xml", 5) != 0)
    return NULL;

  end = g_strstr_len (data, MIN (len, 512), "?>");
  if (end == NULL)
    return NULL;

  head = g_strndup (data, end - data);
  enc = strstr (head, "encoding");
  if (enc == NULL)
    return NULL;

  enc += strlen ("encoding");
  while (*enc == ' ' || *enc == '=')
    enc++;
  quote = *enc;
  if (quote != '"' && quote != '\'')
    return NULL;
  start = ++enc;
  while (*enc != '\0' && *enc != quote)
    enc++;

  return g_strndup (start, enc - start);
}

static gboolean
is_utf8_name (const char *name)
{
  return name == NULL || g_ascii_strcasecmp (name, "UTF-8") == 0
         || g_ascii_strcasecmp (name, "UTF8") == 0 || g_ascii_strcasecmp (name, "us-ascii") == 0;
}

/*< private >
 * _chronicle_xml_read_safe:
 * @data: an XML document
 * @len: its length
 * @base_url: (nullable): the document's address (the base of relative links)
 * @encoding: (nullable): the encoding to use instead of the declared one
 * @well_formed: (out): whether the document was well-formed (else it was recovered)
 * @message: (out) (optional): the last parser error, if any
 * @line: (out) (optional): its line
 * @code: (out) (optional): its #xmlParserErrors code
 * @error: return location for a #GError
 *
 * Reads XML without network access, DTD loading or entity substitution; a document
 * that declares any entity is refused with %CHRONICLE_SYNC_ERROR_UNSAFE.
 *
 * Returns: (transfer full): the document with a root element, or %NULL with @error set
 */
xmlDoc *
_chronicle_xml_read_safe (const char  *data,
                          gsize        len,
                          const char  *base_url,
                          const char  *encoding,
                          gboolean    *well_formed,
                          char       **message,
                          int         *line,
                          int         *code,
                          GError     **error)
{
  xmlParserCtxtPtr ctxt;
  ParseGuard guard = { FALSE };
  g_autofree char *xml_message = NULL;
  int xml_line = 0;
  int xml_code = 0;
  xmlDocPtr doc;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_PARSE,
                   _("The document could not be read (out of memory)."));
      return NULL;
    }
  ctxt->_private = &guard;
  ctxt->sax->entityDecl = refuse_entity_decl_cb;

  doc = xmlCtxtReadMemory (ctxt, data, (int) MIN (len, G_MAXINT), base_url, encoding,
                           XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR
                           | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | XML_PARSE_COMPACT);
  *well_formed = ctxt->wellFormed;
  if (ctxt->lastError.message != NULL)
    {
      xml_message = g_strstrip (g_strdup (ctxt->lastError.message));
      xml_line = ctxt->lastError.line;
      xml_code = ctxt->lastError.code;
    }
  xmlFreeParserCtxt (ctxt);

  if (guard.entity_declared)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_UNSAFE,
                   _("The document declares XML entities, which Chronicle refuses to expand "
                     "(this is how entity-expansion and external-entity attacks work)."));
      return NULL;
    }

  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      if (xml_message != NULL)
        g_set_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_PARSE,
                     _("The document is not readable XML (line %d: %s)."), xml_line, xml_message);
      else
        g_set_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_PARSE,
                     _("The document is empty."));
      return NULL;
    }

  if (line != NULL)
    *line = xml_line;
  if (code != NULL)
    *code = xml_code;
  if (message != NULL)
    *message = g_steal_pointer (&xml_message);

  return doc;
}

/*< private >
 * _chronicle_feed_parse_xml:
 * @data: the document
 * @len: its length
 * @base_url: (nullable): the feed's address, the last resort for relative links
 * @charset: (nullable): the charset from the HTTP Content-Type
 * @error: return location for a #GError
 *
 * Encoding: a byte order mark wins, then the XML declaration, then @charset, then
 * UTF-8. Invalid UTF-8 is repaired (each bad byte becomes U+FFFD) with a warning.
 */
ChronicleFeed *
_chronicle_feed_parse_xml (const char  *data,
                           gsize        len,
                           const char  *base_url,
                           const char  *charset,
                           GError     **error)
{
  g_autofree char *declared = NULL;
  g_autofree char *repaired = NULL;
  const char *encoding = NULL;
  gboolean has_bom = FALSE;
  xmlDocPtr doc;
  xmlNode *root;
  gboolean well_formed;
  g_autofree char *xml_message = NULL;
  int xml_line = 0;
  int xml_code = 0;
  ChronicleFeed *feed = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);

  if (len >= 2 && ((guchar) data[0] == 0xFE || (guchar) data[0] == 0xFF)
      && ((guchar) data[1] == 0xFE || (guchar) data[1] == 0xFF))
    has_bom = TRUE;
  else if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      /* A UTF-8 BOM: the rest is UTF-8, whatever it declares. */
      data += 3;
      len -= 3;
      encoding = "UTF-8";
      has_bom = TRUE;
    }

  if (!has_bom)
    {
      declared = declared_encoding (data, len);
      if (declared == NULL && charset != NULL && *charset != '\0')
        encoding = charset;
    }

  if (!has_bom || encoding != NULL)
    {
      const char *effective = declared != NULL ? declared : encoding;

      if (is_utf8_name (effective) && !g_utf8_validate (data, len, NULL))
        {
          repaired = g_utf8_make_valid (data, len);
          data = repaired;
          len = strlen (repaired);
          encoding = "UTF-8";
          g_ptr_array_add (warnings, g_strdup (_("The feed contains bytes that are not valid "
                                                 "UTF-8; they were replaced.")));
        }
    }

  doc = _chronicle_xml_read_safe (data, len, base_url, encoding, &well_formed, &xml_message,
                                  &xml_line, &xml_code, error);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);

  if (is (root, NULL, "rss") || is (root, NS_RSS10, "rss"))
    feed = parse_rss (root);
  else if (is (root, NS_RDF, "RDF"))
    feed = parse_rdf (root);
  else if (is_atom (root, "feed"))
    feed = parse_atom (root);
  else if (is (root, NS_ATOM10, "entry") || is (root, NS_ATOM03, "entry"))
    {
      /* An Atom entry document: a feed of one. */
      ChronicleFeedEntry *entry = parse_atom_entry (root);

      feed = chronicle_feed_new ("atom-1.0");
      if (entry != NULL)
        g_ptr_array_add (feed->entries, entry);
    }
  else if (g_ascii_strcasecmp ((const char *) root->name, "html") == 0)
    g_set_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_WEB_PAGE,
                 _("This is a web page, not a feed."));
  else if (strcmp ((const char *) root->name, "opml") == 0)
    g_set_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_NOT_A_FEED,
                 _("This is an OPML list of sources, not a feed; import it with “sources "
                   "import-opml”."));
  else
    g_set_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_NOT_A_FEED,
                 _("This XML document is not a feed (its root element is <%s>)."),
                 (const char *) root->name);

  xmlFreeDoc (doc);

  if (feed == NULL)
    return NULL;

  if (!well_formed)
    {
      /* A document cut short: its last entry is cut too. */
      if (xml_code == XML_ERR_TAG_NOT_FINISHED && feed->entries->len > 0)
        g_ptr_array_remove_index (feed->entries, feed->entries->len - 1);

      if (feed->entries->len == 0)
        {
          chronicle_feed_free (feed);
          g_set_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_PARSE,
                       _("The feed is broken and has no readable entries (line %d: %s)."),
                       xml_line, xml_message != NULL ? xml_message : "?");
          return NULL;
        }
      g_ptr_array_add (warnings,
                       g_strdup_printf (_("The feed is not well-formed XML (line %d: %s); "
                                          "Chronicle read what it could."),
                                        xml_line, xml_message != NULL ? xml_message : "?"));
    }

  for (guint i = 0; i < warnings->len; i++)
    chronicle_feed_add_warning (feed, g_ptr_array_index (warnings, i));
  chronicle_feed_warn_unread_dates (feed);

  return feed;
}
