/* chronicle-time-ruler.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * ChronicleRulerZoom:
 * @CHRONICLE_RULER_ZOOM_DAY: one bar per day
 * @CHRONICLE_RULER_ZOOM_WEEK: one bar per week (Monday to Sunday)
 * @CHRONICLE_RULER_ZOOM_MONTH: one bar per month
 * @CHRONICLE_RULER_ZOOM_YEAR: one bar per year
 *
 * How much time one bar of the ruler stands for.
 */
typedef enum
{
  CHRONICLE_RULER_ZOOM_DAY,
  CHRONICLE_RULER_ZOOM_WEEK,
  CHRONICLE_RULER_ZOOM_MONTH,
  CHRONICLE_RULER_ZOOM_YEAR,
} ChronicleRulerZoom;

#define CHRONICLE_TYPE_RULER_ZOOM (chronicle_ruler_zoom_get_type ())
GType chronicle_ruler_zoom_get_type (void) G_GNUC_CONST;

/**
 * ChronicleRulerBucket:
 * @start: when the bucket starts (Unix time, seconds)
 * @count: how many articles fall in it
 *
 * One bar of the histogram.
 */
typedef struct
{
  gint64 start;
  guint  count;
} ChronicleRulerBucket;

gint64 chronicle_ruler_zoom_bucket_index (ChronicleRulerZoom zoom,
                                          gint64             unix_time);
gint64 chronicle_ruler_zoom_bucket_start (ChronicleRulerZoom zoom,
                                          gint64             index);

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
