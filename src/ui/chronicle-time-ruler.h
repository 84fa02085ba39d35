/* chronicle-time-ruler.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chronicle-ruler-zoom.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_TIME_RULER (chronicle_time_ruler_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleTimeRuler, chronicle_time_ruler, CHRONICLE, TIME_RULER, GtkWidget)

GtkWidget          *chronicle_time_ruler_new                  (void);
void                chronicle_time_ruler_set_buckets         (ChronicleTimeRuler         *self,
                                                              const ChronicleRulerBucket *buckets,
                                                              gsize                       n_buckets);
void                chronicle_time_ruler_set_reported_buckets (ChronicleTimeRuler         *self,
                                                               const ChronicleRulerBucket *buckets,
                                                               gsize                       n_buckets);
ChronicleRulerZoom  chronicle_time_ruler_get_zoom             (ChronicleTimeRuler         *self);
void                chronicle_time_ruler_set_zoom             (ChronicleTimeRuler         *self,
                                                              ChronicleRulerZoom          zoom);
gboolean            chronicle_time_ruler_zoom_in              (ChronicleTimeRuler         *self);
gboolean            chronicle_time_ruler_zoom_out             (ChronicleTimeRuler         *self);
gint64              chronicle_time_ruler_get_position         (ChronicleTimeRuler         *self);
void                chronicle_time_ruler_set_position         (ChronicleTimeRuler         *self,
                                                              gint64                      unix_time);
void                chronicle_time_ruler_set_selection        (ChronicleTimeRuler         *self,
                                                              gint64                      start,
                                                              gint64                      end);
gboolean            chronicle_time_ruler_get_selection        (ChronicleTimeRuler         *self,
                                                              gint64                     *start,
                                                              gint64                     *end);
void                chronicle_time_ruler_zoom_to_fit          (ChronicleTimeRuler         *self);
void                chronicle_time_ruler_scroll_to            (ChronicleTimeRuler         *self,
                                                              gint64                      unix_time);
double              chronicle_time_ruler_x_for_date           (ChronicleTimeRuler         *self,
                                                              gint64                      unix_time);
gint64              chronicle_time_ruler_date_at_x            (ChronicleTimeRuler         *self,
                                                              double                      x);
guint               chronicle_time_ruler_count_at             (ChronicleTimeRuler         *self,
                                                              gint64                      unix_time,
                                                              guint                      *reported);

G_END_DECLS
