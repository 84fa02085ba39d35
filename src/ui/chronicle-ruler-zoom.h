/* chronicle-ruler-zoom.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

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

G_END_DECLS
