/* chronicle-opml.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-sync"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "chronicle-opml.h"
#include "chronicle-sync-error.h"
#include "chronicle-sync-private.h"

/* OPML import and export of the source list. An outline is data: only its feed
 * address and names are read; scripts, includes (type="include") and any scheme but
 * http and https are ignored. */

void
chronicle_opml_outline_free (ChronicleOpmlOutline *outline)
{
  if (outline == NULL)
    return;

  g_free (outline->url);
  g_free (outline->title);
  g_free (outline->html_url);
  g_free (outline->category);
  g_free (outline);
}

static char *
attr (xmlNode    *node,
      const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *clean;

  if (value == NULL)
    return NULL;

  clean = _chronicle_normalize_space ((const char *) value);
  xmlFree (value);
  return clean;
}

static gboolean
is_web_url (const char *url)
{
  g_autofree char *scheme = NULL;

  if (url == NULL || !g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL))
    return FALSE;

  scheme = g_uri_parse_scheme (url);
  return scheme != NULL && (g_ascii_strcasecmp (scheme, "http") == 0
                            || g_ascii_strcasecmp (scheme, "https") == 0);
}

static void
collect (xmlNode    *node,
         const char *category,
         GPtrArray  *out,
         GHashTable *seen,
         guint      *n_skipped)
{
  for (; node != NULL; node = node->next)
    {
      g_autofree char *url = NULL;
      g_autofree char *title = NULL;

      if (node->type != XML_ELEMENT_NODE || g_ascii_strcasecmp ((const char *) node->name, "outline") != 0)
        continue;

      url = attr (node, "xmlUrl");
      if (url == NULL)
        url = attr (node, "xmlurl");
      title = attr (node, "title");
      if (title == NULL)
        title = attr (node, "text");

      if (url != NULL)
        {
          if (is_web_url (url) && !g_hash_table_contains (seen, url))
            {
              ChronicleOpmlOutline *outline = g_new0 (ChronicleOpmlOutline, 1);
              g_autofree char *html_url = attr (node, "htmlUrl");

              outline->url = g_strdup (url);
              outline->title = g_steal_pointer (&title);
              outline->html_url = is_web_url (html_url) ? g_steal_pointer (&html_url) : NULL;
              outline->category = g_strdup (category);
              g_hash_table_add (seen, g_strdup (url));
              g_ptr_array_add (out, outline);
            }
          else if (!g_hash_table_contains (seen, url))
            (*n_skipped)++;
        }
      else
        collect (node->children, title != NULL ? title : category, out, seen, n_skipped);
    }
}

/**
 * chronicle_opml_parse:
 * @data: an OPML document
 * @len: its length
 * @n_skipped: (out) (optional): how many outlines were not http(s) feeds
 * @error: return location for a #GError
 *
 * Reads the subscriptions of an OPML file, folders included (a folder's title becomes
 * the category). Duplicates are dropped; nothing an outline carries is executed
 * or fetched.
 *
 * Returns: (transfer full) (element-type ChronicleOpmlOutline): the outlines
 */
GPtrArray *
chronicle_opml_parse (const char  *data,
                      gsize        len,
                      guint       *n_skipped,
                      GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *out;
  xmlDoc *doc;
  xmlNode *root;
  gboolean well_formed;
  guint skipped = 0;

  doc = _chronicle_xml_read_safe (data, len, NULL, NULL, &well_formed, NULL, NULL, NULL, error);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  if (g_ascii_strcasecmp ((const char *) root->name, "opml") != 0)
    {
      xmlFreeDoc (doc);
      g_set_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_NOT_A_FEED,
                   _("This is not an OPML file."));
      return NULL;
    }

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) chronicle_opml_outline_free);
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *) child->name, "body") == 0)
      collect (child->children, NULL, out, seen, &skipped);

  xmlFreeDoc (doc);

  if (n_skipped != NULL)
    *n_skipped = skipped;

  return out;
}

static void
append_attr (GString    *out,
             const char *name,
             const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL)
    return;

  escaped = g_markup_escape_text (value, -1);
  g_string_append_printf (out, " %s=\"%s\"", name, escaped);
}

/**
 * chronicle_opml_write:
 * @outlines: (element-type ChronicleOpmlOutline): the sources
 * @title: (nullable): the document's title
 *
 * Writes OPML 2.0, one `<outline type="rss">` per source, inside a folder outline
 * per category.
 *
 * Returns: (transfer full): the document
 */
char *
chronicle_opml_write (GPtrArray  *outlines,
                      const char *title)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n");
  g_autofree char *escaped_title = g_markup_escape_text (title != NULL ? title : "Chronicle", -1);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%a, %d %b %Y %H:%M:%S GMT");
  g_autoptr(GPtrArray) categories = g_ptr_array_new ();

  g_string_append_printf (out, "    <title>%s</title>\n    <dateCreated>%s</dateCreated>\n"
                               "  </head>\n  <body>\n", escaped_title, date);

  /* Uncategorised outlines first, then one folder per category in first-seen order. */
  for (guint i = 0; i < outlines->len; i++)
    {
      ChronicleOpmlOutline *outline = g_ptr_array_index (outlines, i);
      gboolean known = FALSE;

      if (outline->category == NULL)
        {
          g_string_append (out, "    <outline type=\"rss\"");
          append_attr (out, "text", outline->title != NULL ? outline->title : outline->url);
          append_attr (out, "title", outline->title);
          append_attr (out, "xmlUrl", outline->url);
          append_attr (out, "htmlUrl", outline->html_url);
          g_string_append (out, "/>\n");
          continue;
        }

      for (guint j = 0; j < categories->len && !known; j++)
        known = strcmp (g_ptr_array_index (categories, j), outline->category) == 0;
      if (!known)
        g_ptr_array_add (categories, outline->category);
    }

  for (guint j = 0; j < categories->len; j++)
    {
      const char *category = g_ptr_array_index (categories, j);

      g_string_append (out, "    <outline");
      append_attr (out, "text", category);
      append_attr (out, "title", category);
      g_string_append (out, ">\n");
      for (guint i = 0; i < outlines->len; i++)
        {
          ChronicleOpmlOutline *outline = g_ptr_array_index (outlines, i);

          if (g_strcmp0 (outline->category, category) != 0)
            continue;
          g_string_append (out, "      <outline type=\"rss\"");
          append_attr (out, "text", outline->title != NULL ? outline->title : outline->url);
          append_attr (out, "title", outline->title);
          append_attr (out, "xmlUrl", outline->url);
          append_attr (out, "htmlUrl", outline->html_url);
          g_string_append (out, "/>\n");
        }
      g_string_append (out, "    </outline>\n");
    }

  g_string_append (out, "  </body>\n</opml>\n");
  return g_string_free (out, FALSE);
}
