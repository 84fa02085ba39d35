/* chronicle-feed-parser.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-sync"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "chronicle-feed-parser.h"
#include "chronicle-html.h"
#include "chronicle-sync-error.h"
#include "chronicle-sync-private.h"

/* The format is detected from the content, never from the URL or Content-Type. */

static gsize
skip_prolog (const char *data,
             gsize       len)
{
  gsize i = 0;

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < len && g_ascii_isspace (data[i]))
    i++;

  return i;
}

static gboolean
is_utf16 (const char *data,
          gsize       len)
{
  if (len < 2)
    return FALSE;

  /* A BOM, or "<" as a UTF-16 code unit. */
  return ((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE)
         || ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)
         || (data[0] == '<' && data[1] == '\0') || (data[0] == '\0' && data[1] == '<');
}

static char *
first_line (const char *data,
            gsize       len)
{
  g_autofree char *valid = g_utf8_make_valid (data, MIN (len, 400));
  char *newline = strchr (valid, '\n');

  if (newline != NULL)
    *newline = '\0';

  return _chronicle_normalize_space (valid);
}

/**
 * chronicle_feed_parse:
 * @data: the document
 * @len: its length in bytes
 * @base_url: (nullable): where it came from; relative links are resolved against
 *   `xml:base` first and this address last
 * @charset: (nullable): the charset the HTTP Content-Type named, used when the
 *   document has no byte order mark and no XML declaration naming one
 * @error: return location for a #GError in %CHRONICLE_SYNC_ERROR
 *
 * Parses RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.0/1.1, a GDELT ArtList or a
 * Guardian /search answer, detected from the content. An HTML page gives
 * %CHRONICLE_SYNC_ERROR_WEB_PAGE (use chronicle_html_discover_feeds() on it).
 *
 * Returns: (transfer full): the feed, or %NULL with @error set to a sentence
 */
ChronicleFeed *
chronicle_feed_parse (const char  *data,
                      gsize        len,
                      const char  *base_url,
                      const char  *charset,
                      GError     **error)
{
  gsize start;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  start = skip_prolog (data, len);
  if (start >= len)
    {
      g_set_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_NOT_A_FEED,
                   _("The document is empty."));
      return NULL;
    }

  if (is_utf16 (data, len))
    return _chronicle_feed_parse_xml (data, len, base_url, charset, error);

  if (data[start] == '{' || data[start] == '[')
    return _chronicle_feed_parse_json (data, len, base_url, error);

  if (data[start] == '<')
    {
      if (chronicle_html_looks_like_page (data, len))
        {
          g_set_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_WEB_PAGE,
                       _("This is a web page, not a feed."));
          return NULL;
        }
      return _chronicle_feed_parse_xml (data, len, base_url, charset, error);
    }

  g_set_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_NOT_A_FEED,
               _("This is not a feed: it is neither XML nor JSON."));
  return NULL;
}

/**
 * chronicle_feed_parse_for_kind:
 * @kind: what the source is
 * @data: the document
 * @len: its length in bytes
 * @base_url: (nullable): where it came from
 * @charset: (nullable): the HTTP charset
 * @error: return location for a #GError
 *
 * Like chronicle_feed_parse(), with the source's own error conventions: GDELT
 * reports errors as plain text with status 200, which becomes
 * %CHRONICLE_SYNC_ERROR_API with GDELT's words.
 *
 * Returns: (transfer full): the feed, or %NULL with @error set
 */
ChronicleFeed *
chronicle_feed_parse_for_kind (ChronicleSourceKind   kind,
                               const char           *data,
                               gsize                 len,
                               const char           *base_url,
                               const char           *charset,
                               GError              **error)
{
  gsize start = skip_prolog (data, len);

  if (kind == CHRONICLE_SOURCE_KIND_GDELT && start < len && data[start] != '{')
    {
      g_autofree char *line = first_line (data + start, len - start);

      g_set_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_API,
                   _("GDELT refused the query: %s"), line != NULL ? line : "?");
      return NULL;
    }

  if (kind == CHRONICLE_SOURCE_KIND_GDELT && start >= len)
    {
      ChronicleFeed *feed = chronicle_feed_new ("gdelt");
      feed->title = g_strdup ("GDELT");
      return feed;
    }

  return chronicle_feed_parse (data, len, base_url, charset, error);
}
