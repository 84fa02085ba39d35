/* chronicle-html.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-sync"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>

#include "chronicle-date.h"
#include "chronicle-html.h"
#include "chronicle-sync-error.h"
#include "chronicle-sync-private.h"

/* HTML → clean text with libxml2's HTML parser (no network, no entities beyond
 * HTML's own, which the parser decodes), feed discovery, and web pages as articles. */

#define HTML_OPTIONS (HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING \
                      | HTML_PARSE_RECOVER)

typedef enum {
  BREAK_NONE,
  BREAK_SPACE,
  BREAK_LINE,
  BREAK_PARAGRAPH,
} Break;

typedef struct {
  GString *out;
  Break    pending;
  gboolean page;
} TextState;

static const char *dropped[] = {
  "script", "style", "nav", "noscript", "template", "iframe", "object", "embed",
  "form", "button", "select", "textarea", "svg", "math", "head", "title", "canvas",
  "video", "audio", "map",
};

/* Also dropped when a whole page is read as an article. */
static const char *page_furniture[] = {
  "header", "footer", "aside", "menu", "dialog",
};

static const char *paragraph_blocks[] = {
  "p", "div", "section", "article", "main", "blockquote", "pre", "h1", "h2", "h3", "h4",
  "h5", "h6", "ul", "ol", "dl", "table", "figure", "figcaption", "address", "hr",
  "center", "details", "summary", "fieldset", "body", "html",
};

static const char *line_blocks[] = {
  "br", "li", "tr", "dt", "dd", "caption",
};

typedef enum {
  KIND_INLINE,
  KIND_DROPPED,
  KIND_FURNITURE,
  KIND_PARAGRAPH,
  KIND_LINE,
  KIND_CELL,
} ElementKind;

/* Element names → what they do to text; built once. Page furniture also breaks
 * paragraphs when it is kept. */
static GHashTable *
element_kinds (void)
{
  static gsize initialised = 0;
  static GHashTable *kinds = NULL;

  if (g_once_init_enter (&initialised))
    {
      GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (paragraph_blocks); i++)
        g_hash_table_insert (table, (gpointer) paragraph_blocks[i], GINT_TO_POINTER (KIND_PARAGRAPH));
      for (guint i = 0; i < G_N_ELEMENTS (page_furniture); i++)
        g_hash_table_insert (table, (gpointer) page_furniture[i], GINT_TO_POINTER (KIND_FURNITURE));
      for (guint i = 0; i < G_N_ELEMENTS (line_blocks); i++)
        g_hash_table_insert (table, (gpointer) line_blocks[i], GINT_TO_POINTER (KIND_LINE));
      for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
        g_hash_table_insert (table, (gpointer) dropped[i], GINT_TO_POINTER (KIND_DROPPED));
      g_hash_table_insert (table, (gpointer) "td", GINT_TO_POINTER (KIND_CELL));
      g_hash_table_insert (table, (gpointer) "th", GINT_TO_POINTER (KIND_CELL));
      kinds = table;
      g_once_init_leave (&initialised, 1);
    }

  return kinds;
}

static ElementKind
element_kind (const xmlChar *name)
{
  char lower[16];
  gsize i;

  /* The HTML parser gives lower-case names; XHTML in feeds may not. */
  for (i = 0; name[i] != '\0' && i < sizeof lower - 1; i++)
    lower[i] = g_ascii_tolower (name[i]);
  if (name[i] != '\0')
    return KIND_INLINE;
  lower[i] = '\0';

  return GPOINTER_TO_INT (g_hash_table_lookup (element_kinds (), lower));
}

static void
request_break (TextState *state,
               Break      brk)
{
  if (brk > state->pending)
    state->pending = brk;
}

static void
flush_break (TextState *state)
{
  if (state->out->len > 0)
    {
      switch (state->pending)
        {
        case BREAK_SPACE:
          g_string_append_c (state->out, ' ');
          break;
        case BREAK_LINE:
          g_string_append_c (state->out, '\n');
          break;
        case BREAK_PARAGRAPH:
          g_string_append (state->out, "\n\n");
          break;
        case BREAK_NONE:
        default:
          break;
        }
    }
  state->pending = BREAK_NONE;
}

static void
append_text (TextState  *state,
             const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *run = p;
      gsize space_len;

      /* A run of non-space bytes is copied as it is. */
      while (*p != '\0' && (space_len = _chronicle_space_len (p)) == 0)
        p++;

      if (p > run)
        {
          flush_break (state);
          g_string_append_len (state->out, run, p - run);
        }

      while (*p != '\0' && (space_len = _chronicle_space_len (p)) > 0)
        {
          request_break (state, BREAK_SPACE);
          p += space_len;
        }
    }
}

static void
walk (TextState *state,
      xmlNode   *node)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          if (node->content != NULL)
            append_text (state, (const char *) node->content);
          continue;
        }

      if (node->type != XML_ELEMENT_NODE)
        continue;

      switch (element_kind (node->name))
        {
        case KIND_DROPPED:
          break;
        case KIND_FURNITURE:
          if (state->page)
            break;
          G_GNUC_FALLTHROUGH;
        case KIND_PARAGRAPH:
          request_break (state, BREAK_PARAGRAPH);
          walk (state, node->children);
          request_break (state, BREAK_PARAGRAPH);
          break;
        case KIND_LINE:
          request_break (state, BREAK_LINE);
          walk (state, node->children);
          request_break (state, BREAK_LINE);
          break;
        case KIND_CELL:
          request_break (state, BREAK_SPACE);
          walk (state, node->children);
          request_break (state, BREAK_SPACE);
          break;
        case KIND_INLINE:
        default:
          walk (state, node->children);
          break;
        }
    }
}

/*< private >
 * _chronicle_html_node_to_text:
 * @node: the first node of a list of siblings
 * @page: also drop page furniture (header, footer, aside)
 *
 * Returns: (transfer full) (nullable): paragraphs separated by blank lines, or %NULL
 *   when there is no text
 */
char *
_chronicle_html_node_to_text (xmlNode  *node,
                              gboolean  page)
{
  TextState state = { g_string_new (NULL), BREAK_NONE, page };

  walk (&state, node);
  if (state.out->len == 0)
    {
      g_string_free (state.out, TRUE);
      return NULL;
    }

  return g_string_free (state.out, FALSE);
}

/**
 * chronicle_html_to_text:
 * @html: HTML, a fragment or a document, in UTF-8
 * @len: the length of @html, or -1 when it is nul-terminated
 *
 * Turns HTML into clean text: paragraphs kept (separated by a blank line), line
 * breaks and list items on their own lines, scripts, styles and navigation dropped,
 * entities decoded, whitespace collapsed.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when there is none
 */
char *
chronicle_html_to_text (const char *html,
                        gssize      len)
{
  htmlDocPtr doc;
  char *text;

  if (html == NULL)
    return NULL;
  if (len < 0)
    len = strlen (html);
  if (len == 0)
    return NULL;

  /* Plain text needs no parser; this is the common case for short summaries. */
  if (memchr (html, '<', len) == NULL && memchr (html, '&', len) == NULL)
    {
      g_autofree char *copy = g_strndup (html, len);
      return _chronicle_normalize_space (copy);
    }

  doc = htmlReadMemory (html, (int) MIN (len, G_MAXINT), NULL, "UTF-8", HTML_OPTIONS);
  if (doc == NULL)
    return NULL;

  text = _chronicle_html_node_to_text (doc->children, FALSE);
  xmlFreeDoc (doc);
  return text;
}

static char *
get_prop (xmlNode    *node,
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

static gboolean
rel_has (const char *rel,
         const char *word)
{
  g_auto(GStrv) words = NULL;

  if (rel == NULL)
    return FALSE;

  words = g_strsplit_set (rel, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (g_ascii_strcasecmp (words[i], word) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
is_feed_type (const char *type)
{
  static const char *types[] = {
    "application/rss+xml", "application/atom+xml", "application/rdf+xml",
    "application/feed+json", "application/json", "application/x-rss+xml",
    "text/xml", "application/xml",
  };

  if (type == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_ascii_strncasecmp (type, types[i], strlen (types[i])) == 0)
      return TRUE;

  return FALSE;
}

static void
collect_links (xmlNode    *node,
               const char *base_url,
               GPtrArray  *out)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;

      if (g_ascii_strcasecmp ((const char *) node->name, "link") == 0)
        {
          g_autofree char *rel = get_prop (node, "rel");
          g_autofree char *type = get_prop (node, "type");
          g_autofree char *href = get_prop (node, "href");

          if (rel_has (rel, "alternate") && is_feed_type (type) && href != NULL)
            {
              char *url = _chronicle_resolve_url (base_url, href);

              if (url != NULL)
                g_ptr_array_add (out, url);
            }
        }

      collect_links (node->children, base_url, out);
    }
}

/**
 * chronicle_html_discover_feeds:
 * @html: a web page
 * @len: its length
 * @base_url: (nullable): the page's address, to resolve relative links
 *
 * Finds the feeds a page announces with `<link rel="alternate" type="application/rss+xml"
 * href="…">` (also Atom and JSON Feed), in document order.
 *
 * Returns: (transfer full) (element-type utf8): absolute http(s) URLs, maybe none
 */
GPtrArray *
chronicle_html_discover_feeds (const char *html,
                               gsize       len,
                               const char *base_url)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  htmlDocPtr doc;

  if (html == NULL || len == 0)
    return out;

  doc = htmlReadMemory (html, (int) MIN (len, G_MAXINT), base_url,
                        g_utf8_validate (html, len, NULL) ? "UTF-8" : NULL, HTML_OPTIONS);
  if (doc == NULL)
    return out;

  collect_links (doc->children, base_url, out);
  xmlFreeDoc (doc);
  return out;
}

/**
 * chronicle_html_looks_like_page:
 * @data: the start of a document
 * @len: its length
 *
 * Returns: %TRUE when @data starts like an HTML page (`<!DOCTYPE html` or `<html`),
 *   after an optional BOM, whitespace and comments
 */
gboolean
chronicle_html_looks_like_page (const char *data,
                                gsize       len)
{
  gsize i = 0;

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;

  for (;;)
    {
      while (i < len && g_ascii_isspace (data[i]))
        i++;
      if (i + 4 <= len && memcmp (data + i, "<!--", 4) == 0)
        {
          const char *end = g_strstr_len (data + i, len - i, "-->");
          if (end == NULL)
            return FALSE;
          i = end - data + 3;
          continue;
        }
      break;
    }

  if (i + 14 <= len && g_ascii_strncasecmp (data + i, "<!doctype html", 14) == 0)
    return TRUE;
  if (i + 5 <= len && g_ascii_strncasecmp (data + i, "<html", 5) == 0)
    return TRUE;
  return FALSE;
}

static xmlNode *
find_element (xmlNode    *node,
              const char *name)
{
  for (; node != NULL; node = node->next)
    {
      xmlNode *found;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (g_ascii_strcasecmp ((const char *) node->name, name) == 0)
        return node;
      found = find_element (node->children, name);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
collect_meta (xmlNode    *node,
              GHashTable *meta)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;

      if (g_ascii_strcasecmp ((const char *) node->name, "meta") == 0)
        {
          g_autofree char *key = get_prop (node, "property");
          g_autofree char *content = get_prop (node, "content");

          if (key == NULL)
            key = get_prop (node, "name");
          if (key == NULL)
            key = get_prop (node, "itemprop");
          if (key != NULL && content != NULL)
            {
              char *lower = g_ascii_strdown (key, -1);
              if (!g_hash_table_contains (meta, lower))
                g_hash_table_insert (meta, lower, g_steal_pointer (&content));
              else
                g_free (lower);
            }
        }
      else if (g_ascii_strcasecmp ((const char *) node->name, "link") == 0)
        {
          g_autofree char *rel = get_prop (node, "rel");
          g_autofree char *href = get_prop (node, "href");

          if (rel_has (rel, "canonical") && href != NULL && !g_hash_table_contains (meta, "canonical"))
            g_hash_table_insert (meta, g_strdup ("canonical"), g_steal_pointer (&href));
        }
      else if (g_ascii_strcasecmp ((const char *) node->name, "time") == 0
               && !g_hash_table_contains (meta, "time"))
        {
          char *datetime = get_prop (node, "datetime");
          if (datetime != NULL)
            g_hash_table_insert (meta, g_strdup ("time"), datetime);
        }

      collect_meta (node->children, meta);
    }
}

static const char *
first_meta (GHashTable *meta,
            ...)
{
  va_list args;
  const char *key;
  const char *value = NULL;

  va_start (args, meta);
  while (value == NULL && (key = va_arg (args, const char *)) != NULL)
    {
      value = g_hash_table_lookup (meta, key);
      if (value != NULL && *value == '\0')
        value = NULL;
    }
  va_end (args);

  return value;
}

/**
 * chronicle_html_parse_page:
 * @html: a web page
 * @len: its length
 * @base_url: (nullable): its address
 * @error: return location for a #GError
 *
 * Reads a web page as one article: the title from `og:title`, the first `<h1>` or
 * `<title>`; the date from `article:published_time` and similar meta tags or the first
 * `<time datetime>`; the text from `<article>`, `<main>` or the body, without
 * navigation, headers, footers and asides. Without a date the entry is marked for the
 * extraction layer to infer one.
 *
 * Returns: (transfer full): a feed of format `html` with one entry
 */
ChronicleFeed *
chronicle_html_parse_page (const char  *html,
                           gsize        len,
                           const char  *base_url,
                           GError     **error)
{
  g_autoptr(ChronicleFeed) feed = NULL;
  g_autoptr(GHashTable) meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(ChronicleFeedEntry) entry = chronicle_feed_entry_new ();
  htmlDocPtr doc;
  xmlNode *body, *h1, *title;
  const char *value;

  doc = htmlReadMemory (html, (int) MIN (len, G_MAXINT), base_url,
                        g_utf8_validate (html, len, NULL) ? "UTF-8" : NULL, HTML_OPTIONS);
  if (doc == NULL)
    {
      g_set_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_PARSE,
                   _("The web page could not be read."));
      return NULL;
    }

  collect_meta (doc->children, meta);

  value = first_meta (meta, "og:title", "twitter:title", "headline", NULL);
  if (value != NULL)
    entry->title = _chronicle_normalize_space (value);
  if (entry->title == NULL && (h1 = find_element (doc->children, "h1")) != NULL)
    entry->title = _chronicle_html_node_to_text (h1->children, FALSE);
  if (entry->title == NULL && (title = find_element (doc->children, "title")) != NULL)
    {
      xmlChar *text = xmlNodeGetContent (title);
      entry->title = _chronicle_normalize_space ((const char *) text);
      xmlFree (text);
    }

  value = first_meta (meta, "article:published_time", "datepublished", "date",
                      "dc.date", "dc.date.issued", "pubdate", "time", NULL);
  if (value != NULL)
    entry->published = chronicle_date_parse (value);
  value = first_meta (meta, "article:modified_time", "datemodified", NULL);
  if (value != NULL)
    entry->updated = chronicle_date_parse (value);
  entry->needs_date_inference = entry->published == NULL;

  value = first_meta (meta, "author", "article:author", NULL);
  if (value != NULL)
    entry->author = _chronicle_normalize_space (value);
  value = first_meta (meta, "og:description", "description", NULL);
  if (value != NULL)
    entry->summary = _chronicle_normalize_space (value);
  value = first_meta (meta, "og:image", NULL);
  if (value != NULL)
    entry->image = _chronicle_resolve_url (base_url, value);

  value = first_meta (meta, "canonical", "og:url", NULL);
  if (value != NULL)
    entry->link = _chronicle_resolve_url (base_url, value);
  if (entry->link == NULL && base_url != NULL)
    entry->link = g_strdup (base_url);

  body = find_element (doc->children, "article");
  if (body == NULL)
    body = find_element (doc->children, "main");
  if (body == NULL)
    body = find_element (doc->children, "body");
  if (body != NULL)
    entry->content = _chronicle_html_node_to_text (body->children, TRUE);
  else
    entry->content = _chronicle_html_node_to_text (doc->children, TRUE);

  xmlFreeDoc (doc);

  if (entry->content == NULL)
    {
      g_set_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_PARSE,
                   _("The web page has no text to read."));
      return NULL;
    }

  _chronicle_feed_entry_finish (entry);

  feed = chronicle_feed_new ("html");
  feed->title = g_strdup (entry->title);
  feed->link = g_strdup (entry->link);
  g_ptr_array_add (feed->entries, g_steal_pointer (&entry));
  return g_steal_pointer (&feed);
}
