/* chronicle-url.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-store"

#include "config.h"

#include <string.h>

#include "chronicle-url.h"

static gboolean
is_tracking_param (const char *param)
{
  return g_ascii_strncasecmp (param, "utm_", 4) == 0;
}

/**
 * chronicle_url_normalise:
 * @url: (nullable): an article URL
 *
 * The form of a URL used to recognise the same article from two sources: the
 * fragment and `utm_*` tracking parameters are removed, the scheme and host are
 * lower-cased, a default port is dropped and an empty path becomes "/". The order of
 * the other query parameters is kept. Text that is not an absolute URL is returned
 * trimmed.
 *
 * Returns: (transfer full) (nullable): the normalised URL, or %NULL for %NULL or blank
 */
char *
chronicle_url_normalise (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GString) query = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *scheme = NULL;
  g_autofree char *host = NULL;
  const char *path;
  int port;

  if (url == NULL)
    return NULL;

  stripped = g_strstrip (g_strdup (url));
  if (*stripped == '\0')
    return NULL;

  uri = g_uri_parse (stripped, G_URI_FLAGS_ENCODED | G_URI_FLAGS_SCHEME_NORMALIZE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_steal_pointer (&stripped);

  if (g_uri_get_query (uri) != NULL)
    {
      g_auto(GStrv) params = g_strsplit (g_uri_get_query (uri), "&", -1);

      query = g_string_new (NULL);
      for (guint i = 0; params[i] != NULL; i++)
        {
          if (*params[i] == '\0' || is_tracking_param (params[i]))
            continue;
          if (query->len > 0)
            g_string_append_c (query, '&');
          g_string_append (query, params[i]);
        }
    }

  scheme = g_ascii_strdown (g_uri_get_scheme (uri), -1);
  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  port = g_uri_get_port (uri);
  if ((port == 80 && g_str_equal (scheme, "http")) || (port == 443 && g_str_equal (scheme, "https")))
    port = -1;
  path = g_uri_get_path (uri);

  return g_uri_join (G_URI_FLAGS_ENCODED, scheme, g_uri_get_userinfo (uri), host, port,
                     *path != '\0' ? path : "/",
                     query != NULL && query->len > 0 ? query->str : NULL, NULL);
}
