/* chronicle-profile.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean chronicle_profile_enabled      (void);
void     chronicle_profile_start        (void);
gint64   chronicle_profile_since_start  (void);
void     chronicle_profile_report       (const char *name,
                                         double      value,
                                         const char *unit);
void     chronicle_profile_watch_window (GtkWindow  *window);
double   chronicle_profile_percentile   (GArray     *samples,
                                         double      percentile);
gsize    chronicle_profile_rss_kib      (void);

G_END_DECLS
