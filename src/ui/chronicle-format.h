/* chronicle-format.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *chronicle_format_day_heading (GDateTime *day,
                                    GDateTime *now);
char *chronicle_format_date        (GDateTime *date);
char *chronicle_format_time        (GDateTime *date);
char *chronicle_format_count       (guint      n_articles);
gboolean chronicle_format_has_time (gint64     unix_time);
char *chronicle_format_flag        (const char *country_code);
char *chronicle_format_highlight   (const char *text,
                                    const char *search);
GStrv chronicle_format_search_terms (const char *search);

G_END_DECLS
