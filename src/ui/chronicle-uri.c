/* chronicle-uri.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * The one place the window hands an address to another program. Addresses
 * come from feeds, so anything but an absolute http or https URL with a host
 * is refused: no file:, javascript:, data:, custom schemes or relative paths.
 * (GtkUriLauncher replaces gtk_show_uri in GTK 4.10; only this file changes.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-uri.h"

/**
 * chronicle_uri_is_web:
 * @uri: (nullable): an address from a feed or an article
 *
 * Returns: %TRUE if @uri is an absolute http or https URL with a host and
 *   nothing a browser could read differently (spaces, control characters)
 */
gboolean
chronicle_uri_is_web (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;
  const char *scheme, *host;

  if (uri == NULL || *uri == '\0')
    return FALSE;

  for (const char *p = uri; *p != '\0'; p++)
    if ((guchar) *p <= 0x20 || *p == 0x7f)
      return FALSE;

  if (!g_utf8_validate (uri, -1, NULL))
    return FALSE;

  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  if (parsed == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (parsed);
  host = g_uri_get_host (parsed);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    return FALSE;
  if (host == NULL || *host == '\0')
    return FALSE;
  /* Credentials in a link are a phishing trick; no news link needs them. */
  if (g_uri_get_userinfo (parsed) != NULL)
    return FALSE;

  return TRUE;
}

/**
 * chronicle_uri_open_in_browser:
 * @parent: (nullable): the widget whose window asks
 * @uri: the address to open
 * @error: return location for a #GError
 *
 * Opens @uri in the user's web browser if chronicle_uri_is_web() accepts it.
 *
 * Returns: %TRUE if the browser was asked to open it; %FALSE with
 *   %G_IO_ERROR_NOT_SUPPORTED if the address was refused
 */
gboolean
chronicle_uri_open_in_browser (GtkWidget   *parent,
                               const char  *uri,
                               GError     **error)
{
  GtkRoot *root = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WIDGET (parent), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!chronicle_uri_is_web (uri))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("This link is not a web address, so Chronicle does not open it"));
      return FALSE;
    }

  if (parent != NULL)
    root = gtk_widget_get_root (parent);

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
  return TRUE;
}
