/* chronicle-format.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * How dates and times read in the window: pure functions of their arguments
 * (and of the locale), so they can be tested without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-format.h"

/* Days between two local dates (b - a), ignoring the time of day. */
static int
days_between (GDateTime *a,
              GDateTime *b)
{
  GDate da, db;

  g_date_clear (&da, 1);
  g_date_clear (&db, 1);
  g_date_set_dmy (&da, g_date_time_get_day_of_month (a), g_date_time_get_month (a),
                  g_date_time_get_year (a));
  g_date_set_dmy (&db, g_date_time_get_day_of_month (b), g_date_time_get_month (b),
                  g_date_time_get_year (b));

  return g_date_days_between (&da, &db);
}

/**
 * chronicle_format_day_heading:
 * @day: any time on the day, in the time zone it should be read in
 * @now: the current time, in the same time zone
 *
 * The heading of a day on the timeline: "Today", "Yesterday", "Tomorrow",
 * or the full date with its weekday ("Tuesday, 15 December 2015"), in the
 * user's language.
 *
 * Returns: (transfer full): the heading
 */
char *
chronicle_format_day_heading (GDateTime *day,
                              GDateTime *now)
{
  int delta;

  g_return_val_if_fail (day != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  delta = days_between (day, now);
  if (delta == 0)
    return g_strdup (_("Today"));
  if (delta == 1)
    return g_strdup (_("Yesterday"));
  if (delta == -1)
    return g_strdup (_("Tomorrow"));

  /* Translators: a day heading on the timeline, e.g. "Tuesday, 15 December 2015";
   * see the GDateTime format reference for the codes. */
  /* xgettext:no-c-format */
  return g_date_time_format (day, _("%A, %-d %B %Y"));
}

/**
 * chronicle_format_date:
 * @date: a time
 *
 * Returns: (transfer full): its date, e.g. "15 December 2015"
 */
char *
chronicle_format_date (GDateTime *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  /* Translators: a date without weekday, e.g. "15 December 2015" */
  /* xgettext:no-c-format */
  return g_date_time_format (date, _("%-d %B %Y"));
}

/**
 * chronicle_format_time:
 * @date: a time
 *
 * Returns: (transfer full): its time of day, e.g. "14:05"
 */
char *
chronicle_format_time (GDateTime *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  /* Translators: a time of day, e.g. "14:05"; use "%-I:%M %p" for a 12-hour clock */
  /* xgettext:no-c-format */
  return g_date_time_format (date, _("%H:%M"));
}

/**
 * chronicle_format_count:
 * @n_articles: a number of articles
 *
 * Returns: (transfer full): "1 article", "12 articles", in the user's language
 */
char *
chronicle_format_count (guint n_articles)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", n_articles),
                          n_articles);
}
