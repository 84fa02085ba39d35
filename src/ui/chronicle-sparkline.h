/* chronicle-sparkline.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CHRONICLE_TYPE_SPARKLINE (chronicle_sparkline_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleSparkline, chronicle_sparkline, CHRONICLE, SPARKLINE, GtkWidget)

GtkWidget   *chronicle_sparkline_new        (void);
void         chronicle_sparkline_set_values (ChronicleSparkline *self,
                                             const guint        *values,
                                             gsize               n_values);
const guint *chronicle_sparkline_get_values (ChronicleSparkline *self,
                                             gsize              *n_values);
guint        chronicle_sparkline_get_peak   (ChronicleSparkline *self);

G_END_DECLS
