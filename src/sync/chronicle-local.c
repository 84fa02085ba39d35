/* chronicle-local.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-sync"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "chronicle-date.h"
#include "chronicle-feed-parser.h"
#include "chronicle-html.h"
#include "chronicle-local.h"
#include "chronicle-sync-error.h"
#include "chronicle-sync-private.h"

/* Local files: a plain-text article as copied from a web page, an HTML page, a feed
 * file, and the JSON Lines format of the bundled sample news. */

#define MAX_LOCAL_FILE (64 * 1024 * 1024)

/* Lines a web page puts around an article; dropped when they stand alone. */
static const char *furniture[] = {
  "share", "share this", "share this article", "share this story", "share on facebook",
  "share on twitter", "advertisement", "advert", "ad", "sponsored", "sponsored content",
  "tweet", "email", "e-mail", "print", "comments", "comment", "read more", "related",
  "related articles", "related stories", "related content", "more on this story",
  "follow us", "subscribe", "sign up", "newsletter", "skip to content", "skip to main content",
  "menu", "facebook", "twitter", "whatsapp", "linkedin", "pinterest", "reddit", "copy link",
  "listen", "listen to this article", "save", "image", "photo", "video", "close", "top",
  "back to top", "most read", "most popular", "trending", "loading…", "loading...",
  "story continues below advertisement", "continue reading", "click here", "home",
};

static gboolean
is_furniture (const char *line)
{
  g_autofree char *clean = _chronicle_normalize_space (line);
  g_autofree char *lower = NULL;

  if (clean == NULL)
    return TRUE;
  if (strlen (clean) > 48)
    return FALSE;

  lower = g_utf8_strdown (clean, -1);
  for (gsize n = strlen (lower); n > 0 && (lower[n - 1] == ':' || lower[n - 1] == '|'); n--)
    lower[n - 1] = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (furniture); i++)
    if (strcmp (lower, furniture[i]) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
ends_sentence (const char *text)
{
  static const char *endings[] = { ".", "!", "?", "\"", "”", "’", "'", ")", "…", ":" };

  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    if (g_str_has_suffix (text, endings[i]))
      return TRUE;

  return FALSE;
}

/**
 * chronicle_local_parse_text:
 * @text: a plain-text article in UTF-8
 * @len: its length
 * @error: return location for a #GError
 *
 * Reads a plain-text article as copied from a web page: lines of page furniture
 * ("Share", "Advertisement" …) are dropped, the first remaining line is the
 * headline, a trailing line that is not a sentence (a link to another story) is
 * dropped. Text has no date: the entry is marked so that extraction infers it.
 *
 * Returns: (transfer full): a feed of format `text` with one entry
 */
ChronicleFeed *
chronicle_local_parse_text (const char  *text,
                            gsize        len,
                            GError     **error)
{
  g_autofree char *copy = g_strndup (text, len);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ChronicleFeedEntry) entry = chronicle_feed_entry_new ();
  g_autoptr(ChronicleFeed) feed = NULL;
  GString *body;
  guint first = 0, last;

  /* Every non-empty line is a paragraph: copied articles keep one per line. */
  lines = g_strsplit_set (copy, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *paragraph = _chronicle_normalize_space (lines[i]);

      if (paragraph == NULL)
        continue;
      if (is_furniture (paragraph))
        {
          g_free (paragraph);
          continue;
        }
      g_ptr_array_add (paragraphs, paragraph);
    }

  if (paragraphs->len == 0)
    {
      g_set_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_NOT_A_FEED,
                   _("The file has no text."));
      return NULL;
    }

  last = paragraphs->len;
  /* The headline: a short first line that is not a sentence. */
  {
    const char *head = g_ptr_array_index (paragraphs, 0);

    if (paragraphs->len > 1 && g_utf8_strlen (head, -1) <= 200 && !g_str_has_suffix (head, "."))
      {
        entry->title = g_strdup (head);
        first = 1;
      }
    else
      {
        /* No headline: the start of the first sentence stands in. */
        g_autofree char *start = g_utf8_substring (head, 0, MIN (g_utf8_strlen (head, -1), 100));
        entry->title = g_strdup (start);
      }
  }

  if (last - first > 2 && !ends_sentence (g_ptr_array_index (paragraphs, last - 1))
      && g_utf8_strlen (g_ptr_array_index (paragraphs, last - 1), -1) <= 120)
    last--;

  body = g_string_new (NULL);
  for (guint i = first; i < last; i++)
    {
      if (body->len > 0)
        g_string_append (body, "\n\n");
      g_string_append (body, g_ptr_array_index (paragraphs, i));
    }
  entry->content = g_string_free (body, FALSE);
  entry->needs_date_inference = TRUE;
  _chronicle_feed_entry_finish (entry);

  feed = chronicle_feed_new ("text");
  feed->title = g_strdup (entry->title);
  g_ptr_array_add (feed->entries, g_steal_pointer (&entry));
  return g_steal_pointer (&feed);
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node;

  if (!json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/**
 * chronicle_local_parse_jsonl:
 * @data: JSON Lines, one article a line: `{"id", "title", "date", "url", "text",
 *   "source", "license", "attribution"}` (as in data/sample-news/)
 * @len: its length
 * @error: return location for a #GError
 *
 * Keeps each article's licence and attribution. Lines that are not objects with a
 * title or a text are skipped; a file without any article is an error.
 *
 * Returns: (transfer full): a feed of format `jsonl`
 */
ChronicleFeed *
chronicle_local_parse_jsonl (const char  *data,
                             gsize        len,
                             GError     **error)
{
  g_autoptr(ChronicleFeed) feed = chronicle_feed_new ("jsonl");
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *copy = g_strndup (data, len);
  g_auto(GStrv) lines = g_strsplit (copy, "\n", -1);
  guint skipped = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(ChronicleFeedEntry) entry = NULL;
      JsonNode *root;
      JsonObject *object;
      const char *text;

      g_strstrip (lines[i]);
      if (lines[i][0] == '\0')
        continue;

      if (!g_utf8_validate (lines[i], -1, NULL)
          || !json_parser_load_from_data (parser, lines[i], -1, NULL)
          || (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
        {
          skipped++;
          continue;
        }

      object = json_node_get_object (root);
      entry = chronicle_feed_entry_new ();
      entry->title = _chronicle_normalize_space (string_member (object, "title"));
      text = string_member (object, "text");
      if (text != NULL)
        entry->content = g_strstrip (g_strdup (text));
      if (entry->title == NULL && entry->content == NULL)
        {
          skipped++;
          continue;
        }
      entry->id = g_strdup (string_member (object, "id"));
      entry->link = _chronicle_resolve_url (NULL, string_member (object, "url"));
      entry->published = chronicle_date_parse (string_member (object, "date"));
      entry->needs_date_inference = entry->published == NULL;
      entry->author = _chronicle_normalize_space (string_member (object, "author"));
      entry->source_name = g_strdup (string_member (object, "source"));
      entry->license = g_strdup (string_member (object, "license"));
      entry->attribution = g_strdup (string_member (object, "attribution"));
      entry->language = g_strdup (string_member (object, "language"));
      if (entry->id == NULL && entry->link != NULL)
        entry->id = g_strdup (entry->link);
      _chronicle_feed_entry_finish (entry);

      if (feed->title == NULL && entry->source_name != NULL)
        feed->title = g_strdup (entry->source_name);
      g_ptr_array_add (feed->entries, g_steal_pointer (&entry));
    }

  if (feed->entries->len == 0)
    {
      g_set_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_NOT_A_FEED,
                   _("The file has no articles (expected one JSON object a line with a "
                     "title and a text)."));
      return NULL;
    }

  if (skipped > 0)
    {
      g_autofree char *warning =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u line was not an article and was skipped.",
                                      "%u lines were not articles and were skipped.", skipped),
                         skipped);
      chronicle_feed_add_warning (feed, warning);
    }

  return g_steal_pointer (&feed);
}

static gboolean
looks_like_jsonl (const char *data,
                  gsize       len)
{
  const char *newline = memchr (data, '\n', len);
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *line = NULL;
  JsonNode *root;

  if (newline == NULL)
    newline = data + len;

  line = g_strndup (data, newline - data);
  parser = json_parser_new_immutable ();
  if (!g_utf8_validate (line, -1, NULL) || !json_parser_load_from_data (parser, line, -1, NULL))
    return FALSE;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;

  return json_object_has_member (json_node_get_object (root), "text")
         && !json_object_has_member (json_node_get_object (root), "version");
}

/**
 * chronicle_local_is_opml:
 * @data: a document
 * @len: its length
 *
 * Returns: %TRUE when @data looks like an OPML outline (its root element is `opml`)
 */
gboolean
chronicle_local_is_opml (const char *data,
                         gsize       len)
{
  gsize n = MIN (len, 4096);
  const char *p = data;
  const char *end = data + n;

  /* Skip the XML declaration, comments and a doctype; look at the first element. */
  while (p < end)
    {
      p = memchr (p, '<', end - p);
      if (p == NULL || p + 1 >= end)
        return FALSE;
      if (p[1] == '?' || p[1] == '!')
        {
          p++;
          continue;
        }
      return end - p >= 5 && g_ascii_strncasecmp (p + 1, "opml", 4) == 0;
    }

  return FALSE;
}

/**
 * chronicle_local_parse:
 * @data: the file's contents
 * @len: their length
 * @uri: (nullable): the file's URI, the base of relative links
 * @error: return location for a #GError
 *
 * Detects what a local file holds: JSON Lines articles, a feed (RSS, Atom, JSON
 * Feed), an HTML page, or a plain-text article (UTF-8, else Windows-1252).
 *
 * Returns: (transfer full): the articles, or %NULL with @error set
 */
ChronicleFeed *
chronicle_local_parse (const char  *data,
                       gsize        len,
                       const char  *uri,
                       GError     **error)
{
  gsize start = 0;
  g_autofree char *converted = NULL;

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    start = 3;
  while (start < len && g_ascii_isspace (data[start]))
    start++;

  if (start >= len)
    {
      g_set_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_NOT_A_FEED,
                   _("The file is empty."));
      return NULL;
    }

  if (data[start] == '{' && looks_like_jsonl (data + start, len - start))
    return chronicle_local_parse_jsonl (data + start, len - start, error);

  if (chronicle_html_looks_like_page (data, len))
    return chronicle_html_parse_page (data, len, uri, error);

  if (chronicle_local_is_opml (data + start, len - start))
    {
      g_set_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_NOT_A_FEED,
                   _("This is an OPML list of sources, not articles; import it with "
                     "“sources import-opml”."));
      return NULL;
    }

  if (data[start] == '<' || data[start] == '{')
    return chronicle_feed_parse (data, len, uri, NULL, error);

  if (!g_utf8_validate (data, len, NULL))
    {
      converted = g_convert (data, len, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
      if (converted == NULL)
        converted = g_utf8_make_valid (data, len);
      data = converted;
      len = strlen (converted);
    }

  return chronicle_local_parse_text (data, len, error);
}

/**
 * chronicle_local_load_file:
 * @file: a local file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads @file (at most 64 MiB) and parses it with chronicle_local_parse().
 *
 * Returns: (transfer full): the articles, or %NULL with @error set
 */
ChronicleFeed *
chronicle_local_load_file (GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *name = NULL;
  gsize len = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_INVALID_SOURCE,
                   _("Cannot read “%s”: %s"), name, local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_INVALID_SOURCE,
                   _("“%s” is not a regular file."), name);
      return NULL;
    }

  if (g_file_info_get_size (info) > MAX_LOCAL_FILE)
    {
      g_set_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_TOO_LARGE,
                   _("“%s” is larger than 64 MiB."), name);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &len, NULL, &local_error))
    {
      g_set_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_INVALID_SOURCE,
                   _("Cannot read “%s”: %s"), name, local_error->message);
      return NULL;
    }

  uri = g_file_get_uri (file);
  return chronicle_local_parse (contents, len, uri, error);
}
