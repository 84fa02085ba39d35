/* chronicle-ruler-zoom.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * The time ruler's buckets: days, weeks (Monday to Sunday), months and years
 * in local time, numbered consecutively so that bars can be laid out by
 * subtraction. Pure functions of their arguments and the local time zone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include "chronicle-ruler-zoom.h"

GType
chronicle_ruler_zoom_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { CHRONICLE_RULER_ZOOM_DAY, "CHRONICLE_RULER_ZOOM_DAY", "day" },
        { CHRONICLE_RULER_ZOOM_WEEK, "CHRONICLE_RULER_ZOOM_WEEK", "week" },
        { CHRONICLE_RULER_ZOOM_MONTH, "CHRONICLE_RULER_ZOOM_MONTH", "month" },
        { CHRONICLE_RULER_ZOOM_YEAR, "CHRONICLE_RULER_ZOOM_YEAR", "year" },
        { 0, NULL, NULL }
      };
      GType type = g_enum_register_static (g_intern_static_string ("ChronicleRulerZoom"), values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

/* Bucket arithmetic, in local time. */

static guint32
julian_of_unix (gint64 unix_time)
{
  static GTimeZone *tz = NULL;
  static gint64 epoch_julian = 0;
  gint64 local, days;
  int interval;

  if (g_once_init_enter (&tz))
    {
      GDate epoch;

      g_date_clear (&epoch, 1);
      g_date_set_dmy (&epoch, 1, G_DATE_JANUARY, 1970);
      epoch_julian = g_date_get_julian (&epoch);
      g_once_init_leave (&tz, g_time_zone_new_local ());
    }

  interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, unix_time);
  local = unix_time + (interval >= 0 ? g_time_zone_get_offset (tz, interval) : 0);
  days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);

  return (guint32) CLAMP (epoch_julian + days, 1, G_MAXUINT32 - 1);
}

static gint64
unix_of_julian (guint32 julian)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, MAX (julian, 1));
  dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 0, 0, 0);

  return dt != NULL ? g_date_time_to_unix (dt) : 0;
}

/**
 * chronicle_ruler_zoom_bucket_index:
 * @zoom: a zoom level
 * @unix_time: a time
 *
 * Buckets are numbered consecutively: local days since 1 January of year 1,
 * weeks (starting on Monday) since then, months (year × 12 + month − 1), or
 * years.
 *
 * Returns: the number of the bucket of @zoom that holds @unix_time
 */
gint64
chronicle_ruler_zoom_bucket_index (ChronicleRulerZoom zoom,
                                   gint64             unix_time)
{
  guint32 julian = julian_of_unix (unix_time);
  GDate date;

  switch (zoom)
    {
    case CHRONICLE_RULER_ZOOM_DAY:
      return julian;

    case CHRONICLE_RULER_ZOOM_WEEK:
      /* Julian day 1 (1 January 1) is a Monday. */
      return (julian - 1) / 7;

    case CHRONICLE_RULER_ZOOM_MONTH:
    case CHRONICLE_RULER_ZOOM_YEAR:
    default:
      g_date_clear (&date, 1);
      g_date_set_julian (&date, julian);
      if (zoom == CHRONICLE_RULER_ZOOM_MONTH)
        return (gint64) g_date_get_year (&date) * 12 + g_date_get_month (&date) - 1;
      return g_date_get_year (&date);
    }
}

/**
 * chronicle_ruler_zoom_bucket_start:
 * @zoom: a zoom level
 * @index: a bucket number from chronicle_ruler_zoom_bucket_index()
 *
 * Returns: when that bucket starts (local midnight), as Unix time
 */
gint64
chronicle_ruler_zoom_bucket_start (ChronicleRulerZoom zoom,
                                   gint64             index)
{
  g_autoptr(GDateTime) dt = NULL;

  switch (zoom)
    {
    case CHRONICLE_RULER_ZOOM_DAY:
      return unix_of_julian ((guint32) CLAMP (index, 1, G_MAXUINT32 - 1));

    case CHRONICLE_RULER_ZOOM_WEEK:
      return unix_of_julian ((guint32) CLAMP (index * 7 + 1, 1, G_MAXUINT32 - 1));

    case CHRONICLE_RULER_ZOOM_MONTH:
      index = CLAMP (index, 12, 9999 * 12 + 11);
      dt = g_date_time_new_local ((int) (index / 12), (int) (index % 12) + 1, 1, 0, 0, 0);
      break;

    case CHRONICLE_RULER_ZOOM_YEAR:
    default:
      dt = g_date_time_new_local ((int) CLAMP (index, 1, 9999), 1, 1, 0, 0, 0);
      break;
    }

  return dt != NULL ? g_date_time_to_unix (dt) : 0;
}

