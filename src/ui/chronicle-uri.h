/* chronicle-uri.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean chronicle_uri_is_web       (const char  *uri);
gboolean chronicle_uri_open_in_browser (GtkWidget   *parent,
                                        const char  *uri,
                                        GError     **error);

G_END_DECLS
