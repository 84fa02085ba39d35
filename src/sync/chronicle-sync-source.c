/* chronicle-sync-source.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-sync"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "chronicle-http.h"
#include "chronicle-sync-error.h"
#include "chronicle-sync-source.h"

/* What a person types as a source, turned into a kind and an address:
 *   https://example.org/feed.xml     a feed, or a web site whose feed is discovered
 *   gdelt:QUERY                      a GDELT DOC 2.0 ArtList query (e.g. sourcecountry:ukraine)
 *   guardian:QUERY                   a Guardian content API search
 *   /path/to/file, file:///…         local files */

#define GUARDIAN_HOST "content.guardianapis.com"

/**
 * chronicle_gdelt_url:
 * @query: a GDELT query, e.g. `sourcecountry:ukraine` or `"Lavrov" Kerry`
 * @timespan: (nullable): how far back, e.g. `1d`, `3h`, `1w` (default 1d)
 *
 * Returns: (transfer full): the DOC 2.0 API address of an ArtList in JSON
 */
char *
chronicle_gdelt_url (const char *query,
                     const char *timespan)
{
  g_autofree char *escaped = g_uri_escape_string (query, NULL, FALSE);
  g_autofree char *span = g_uri_escape_string (timespan != NULL ? timespan
                                                                : CHRONICLE_GDELT_DEFAULT_TIMESPAN,
                                               NULL, FALSE);

  return g_strdup_printf ("https://" CHRONICLE_HTTP_GDELT_HOST "/api/v2/doc/doc?query=%s"
                          "&mode=ArtList&format=json&maxrecords=75&timespan=%s&sort=DateDesc",
                          escaped, span);
}

/**
 * chronicle_guardian_url:
 * @query: search words
 * @api_key: (nullable): a key to put in the address; %NULL for none (the address
 *   to store: the key is added when the source is fetched, see
 *   chronicle_guardian_url_with_key())
 *
 * Returns: (transfer full): the /search address with body text, byline, thumbnail
 *   and keyword tags
 */
char *
chronicle_guardian_url (const char *query,
                        const char *api_key)
{
  g_autofree char *escaped = g_uri_escape_string (query, NULL, FALSE);
  g_autofree char *key = api_key != NULL && *api_key != '\0'
                         ? g_uri_escape_string (api_key, NULL, FALSE) : NULL;

  return g_strdup_printf ("https://" GUARDIAN_HOST "/search?q=%s"
                          "&show-fields=bodyText,byline,thumbnail&show-tags=keyword"
                          "&order-by=newest&page-size=50%s%s", escaped,
                          key != NULL ? "&api-key=" : "", key != NULL ? key : "");
}

/**
 * chronicle_source_shareable_url:
 * @source: a source
 *
 * The address to show or export (a source list, OPML): a Guardian address written by
 * an older version may still carry the user's API key until that source next syncs
 * and the key moves to the keyring; it is left out here, so it is never printed or
 * shared.
 *
 * Returns: (transfer full): @source's address without secrets
 */
char *
chronicle_source_shareable_url (ChronicleSource *source)
{
  g_return_val_if_fail (CHRONICLE_IS_SOURCE (source), NULL);

  if (chronicle_source_get_kind (source) == CHRONICLE_SOURCE_KIND_GUARDIAN)
    return chronicle_guardian_url_take_key (chronicle_source_get_url (source), NULL);
  return g_strdup (chronicle_source_get_url (source));
}

/**
 * chronicle_guardian_url_take_key:
 * @url: a Guardian content API address
 * @key: (out) (transfer full) (optional): the `api-key` it carried (unescaped), or
 *   %NULL
 *
 * Returns: (transfer full): @url without its `api-key` parameter (a copy of @url when
 *   it has none)
 */
char *
chronicle_guardian_url_take_key (const char  *url,
                                 char       **key)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GUri) changed = NULL;
  g_autoptr(GString) query = NULL;
  g_auto(GStrv) params = NULL;
  g_autofree char *found = NULL;

  g_return_val_if_fail (url != NULL, NULL);

  if (key != NULL)
    *key = NULL;
  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL || g_uri_get_query (uri) == NULL)
    return g_strdup (url);

  query = g_string_new (NULL);
  params = g_strsplit (g_uri_get_query (uri), "&", -1);
  for (guint i = 0; params[i] != NULL; i++)
    {
      if (g_str_has_prefix (params[i], "api-key="))
        {
          g_free (found);
          found = g_uri_unescape_string (params[i] + 8, NULL);
          continue;
        }
      if (query->len > 0)
        g_string_append_c (query, '&');
      g_string_append (query, params[i]);
    }
  if (found == NULL)
    return g_strdup (url);

  changed = g_uri_build (G_URI_FLAGS_ENCODED, g_uri_get_scheme (uri), g_uri_get_userinfo (uri),
                         g_uri_get_host (uri), g_uri_get_port (uri), g_uri_get_path (uri),
                         query->len > 0 ? query->str : NULL, g_uri_get_fragment (uri));
  if (key != NULL)
    *key = g_steal_pointer (&found);
  return g_uri_to_string (changed);
}

/**
 * chronicle_guardian_url_with_key:
 * @url: a Guardian content API address, as stored
 * @api_key: (nullable): the key to use instead of the one in @url
 *
 * The stored address carries no key (older versions stored one there: it is moved
 * to the keyring when the source next syncs); the key in the user's keyring is added
 * when the source is fetched, and is never stored.
 *
 * Returns: (transfer full): @url with its `api-key` parameter set to @api_key; when
 *   @api_key is %NULL or empty, @url as it is if it has a key, else with the public
 *   `test` key; a copy of @url when it has no query
 */
char *
chronicle_guardian_url_with_key (const char *url,
                                 const char *api_key)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GString) query = NULL;
  g_autoptr(GUri) changed = NULL;
  g_autofree char *escaped = NULL;
  g_auto(GStrv) params = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (url != NULL, NULL);

  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL || g_uri_get_query (uri) == NULL)
    return g_strdup (url);
  if (api_key == NULL || *api_key == '\0')
    {
      if (strstr (g_uri_get_query (uri), "api-key=") != NULL)
        return g_strdup (url);
      api_key = CHRONICLE_GUARDIAN_TEST_KEY;
    }

  escaped = g_uri_escape_string (api_key, NULL, FALSE);
  query = g_string_new (NULL);
  params = g_strsplit (g_uri_get_query (uri), "&", -1);
  for (guint i = 0; params[i] != NULL; i++)
    {
      if (query->len > 0)
        g_string_append_c (query, '&');
      if (g_str_has_prefix (params[i], "api-key="))
        {
          g_string_append_printf (query, "api-key=%s", escaped);
          found = TRUE;
        }
      else
        g_string_append (query, params[i]);
    }
  if (!found)
    g_string_append_printf (query, "&api-key=%s", escaped);

  changed = g_uri_build (G_URI_FLAGS_ENCODED, g_uri_get_scheme (uri), g_uri_get_userinfo (uri),
                         g_uri_get_host (uri), g_uri_get_port (uri), g_uri_get_path (uri),
                         query->str, g_uri_get_fragment (uri));
  return g_uri_to_string (changed);
}

/**
 * chronicle_sync_kind_for_url:
 * @url: an address
 *
 * Returns: %CHRONICLE_SOURCE_KIND_GDELT or %CHRONICLE_SOURCE_KIND_GUARDIAN for their
 *   API hosts, %CHRONICLE_SOURCE_KIND_FILE for file URIs, else
 *   %CHRONICLE_SOURCE_KIND_RSS (the feed's real format is learnt when it is parsed)
 */
ChronicleSourceKind
chronicle_sync_kind_for_url (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *host;

  if (uri == NULL)
    return CHRONICLE_SOURCE_KIND_RSS;
  if (g_strcmp0 (g_uri_get_scheme (uri), "file") == 0)
    return CHRONICLE_SOURCE_KIND_FILE;

  host = g_uri_get_host (uri);
  if (host != NULL && g_ascii_strcasecmp (host, CHRONICLE_HTTP_GDELT_HOST) == 0)
    return CHRONICLE_SOURCE_KIND_GDELT;
  if (host != NULL && g_ascii_strcasecmp (host, GUARDIAN_HOST) == 0)
    return CHRONICLE_SOURCE_KIND_GUARDIAN;

  return CHRONICLE_SOURCE_KIND_RSS;
}

/**
 * chronicle_sync_resolve_address:
 * @address: what the person typed
 * @api_key: (nullable): the Guardian API key for `guardian:` addresses
 * @kind: (out): the source kind
 * @url: (out) (transfer full): the address to store
 * @title: (out) (transfer full) (nullable): a title when one follows from @address
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @address can be a source
 */
gboolean
chronicle_sync_resolve_address (const char           *address,
                                const char           *api_key,
                                ChronicleSourceKind  *kind,
                                char                **url,
                                char                **title,
                                GError              **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *scheme = NULL;

  g_return_val_if_fail (address != NULL, FALSE);

  clean = g_strstrip (g_strdup (address));
  *title = NULL;

  if (g_str_has_prefix (clean, "gdelt:") && clean[6] != '\0')
    {
      *kind = CHRONICLE_SOURCE_KIND_GDELT;
      *url = chronicle_gdelt_url (clean + 6, NULL);
      *title = g_strdup_printf ("GDELT: %s", clean + 6);
      return TRUE;
    }

  if (g_str_has_prefix (clean, "guardian:") && clean[9] != '\0')
    {
      *kind = CHRONICLE_SOURCE_KIND_GUARDIAN;
      *url = chronicle_guardian_url (clean + 9, api_key);
      *title = g_strdup_printf ("The Guardian: %s", clean + 9);
      return TRUE;
    }

  scheme = g_uri_parse_scheme (clean);
  if (scheme != NULL && (g_ascii_strcasecmp (scheme, "http") == 0
                         || g_ascii_strcasecmp (scheme, "https") == 0))
    {
      g_autoptr(GUri) uri = g_uri_parse (clean, G_URI_FLAGS_NONE, NULL);

      if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
        {
          g_set_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_INVALID_SOURCE,
                       _("“%s” is not a valid web address."), clean);
          return FALSE;
        }
      *url = g_uri_to_string (uri);
      *kind = chronicle_sync_kind_for_url (*url);
      return TRUE;
    }

  if (scheme == NULL || g_ascii_strcasecmp (scheme, "file") == 0)
    {
      g_autoptr(GFile) file = scheme != NULL ? g_file_new_for_uri (clean)
                                             : g_file_new_for_commandline_arg (clean);

      if (!g_file_query_exists (file, NULL))
        {
          g_set_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_INVALID_SOURCE,
                       _("“%s” is neither a web address nor an existing file."), clean);
          return FALSE;
        }
      *url = g_file_get_uri (file);
      *kind = CHRONICLE_SOURCE_KIND_FILE;
      *title = g_file_get_basename (file);
      return TRUE;
    }

  g_set_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_INVALID_SOURCE,
               _("Chronicle cannot read “%s” addresses; use http, https, gdelt:, guardian: "
                 "or a file."), scheme);
  return FALSE;
}

/**
 * chronicle_sync_kind_from_format:
 * @format: a #ChronicleFeed format name
 * @kind: (out): the source kind for it
 *
 * Returns: %TRUE when @format names a feed format
 */
gboolean
chronicle_sync_kind_from_format (const char          *format,
                                 ChronicleSourceKind *kind)
{
  if (format == NULL)
    return FALSE;

  if (g_str_has_prefix (format, "rss-"))
    *kind = CHRONICLE_SOURCE_KIND_RSS;
  else if (g_str_has_prefix (format, "atom-"))
    *kind = CHRONICLE_SOURCE_KIND_ATOM;
  else if (g_str_has_prefix (format, "jsonfeed-"))
    *kind = CHRONICLE_SOURCE_KIND_JSONFEED;
  else if (strcmp (format, "gdelt") == 0)
    *kind = CHRONICLE_SOURCE_KIND_GDELT;
  else if (strcmp (format, "guardian") == 0)
    *kind = CHRONICLE_SOURCE_KIND_GUARDIAN;
  else
    return FALSE;

  return TRUE;
}
