/* chronicle-time-mention.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-model"

#include "config.h"

#include "chronicle-time-mention.h"

#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)

G_DEFINE_BOXED_TYPE (ChronicleTimeMention, chronicle_time_mention,
                     chronicle_time_mention_copy, chronicle_time_mention_free)

static const char *const granularity_names[] = {
  [CHRONICLE_GRANULARITY_DAY] = "day",
  [CHRONICLE_GRANULARITY_WEEK] = "week",
  [CHRONICLE_GRANULARITY_MONTH] = "month",
  [CHRONICLE_GRANULARITY_QUARTER] = "quarter",
  [CHRONICLE_GRANULARITY_YEAR] = "year",
  [CHRONICLE_GRANULARITY_DECADE] = "decade",
  [CHRONICLE_GRANULARITY_CENTURY] = "century",
};

/* Civil calendar <-> days since 1970-01-01 (proleptic Gregorian), by the usual
 * era arithmetic: an era is 400 years = 146097 days starting on March 1st. */
static gint64
days_from_civil (gint64 y,
                 guint  m,
                 guint  d)
{
  gint64 era;
  gint64 yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

static void
civil_from_days (gint64  z,
                 gint64 *year,
                 guint  *month,
                 guint  *day)
{
  gint64 era, doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *day = (guint) (doy - (153 * mp + 2) / 5 + 1);
  *month = (guint) (mp < 10 ? mp + 3 : mp - 9);
  *year = yoe + era * 400 + (*month <= 2);
}

static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;
  return q;
}

/**
 * chronicle_granularity_floor:
 * @granularity: a #ChronicleGranularity
 * @time: Unix time (UTC)
 *
 * Returns: the first second of the period of size @granularity that contains @time
 */
gint64
chronicle_granularity_floor (ChronicleGranularity granularity,
                             gint64               time)
{
  gint64 days = floor_div (time, SECONDS_PER_DAY);
  gint64 year;
  guint month, day;

  switch (granularity)
    {
    case CHRONICLE_GRANULARITY_DAY:
      return days * SECONDS_PER_DAY;

    case CHRONICLE_GRANULARITY_WEEK:
      /* 1970-01-01 was a Thursday; Monday 1969-12-29 is day -3. */
      return (days - (((days + 3) % 7 + 7) % 7)) * SECONDS_PER_DAY;

    case CHRONICLE_GRANULARITY_MONTH:
      civil_from_days (days, &year, &month, &day);
      return days_from_civil (year, month, 1) * SECONDS_PER_DAY;

    case CHRONICLE_GRANULARITY_QUARTER:
      civil_from_days (days, &year, &month, &day);
      return days_from_civil (year, ((month - 1) / 3) * 3 + 1, 1) * SECONDS_PER_DAY;

    case CHRONICLE_GRANULARITY_YEAR:
      civil_from_days (days, &year, &month, &day);
      return days_from_civil (year, 1, 1) * SECONDS_PER_DAY;

    case CHRONICLE_GRANULARITY_DECADE:
      civil_from_days (days, &year, &month, &day);
      return days_from_civil (floor_div (year, 10) * 10, 1, 1) * SECONDS_PER_DAY;

    case CHRONICLE_GRANULARITY_CENTURY:
      civil_from_days (days, &year, &month, &day);
      return days_from_civil (floor_div (year, 100) * 100, 1, 1) * SECONDS_PER_DAY;

    default:
      g_return_val_if_reached (time);
    }
}

/**
 * chronicle_granularity_next:
 * @granularity: a #ChronicleGranularity
 * @time: Unix time (UTC)
 *
 * Returns: the first second of the period after the one containing @time
 */
gint64
chronicle_granularity_next (ChronicleGranularity granularity,
                            gint64               time)
{
  gint64 start = chronicle_granularity_floor (granularity, time);
  gint64 days = floor_div (start, SECONDS_PER_DAY);
  gint64 year;
  guint month, day;

  civil_from_days (days, &year, &month, &day);

  switch (granularity)
    {
    case CHRONICLE_GRANULARITY_DAY:
      return start + SECONDS_PER_DAY;
    case CHRONICLE_GRANULARITY_WEEK:
      return start + 7 * SECONDS_PER_DAY;
    case CHRONICLE_GRANULARITY_MONTH:
      return days_from_civil (month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1)
             * SECONDS_PER_DAY;
    case CHRONICLE_GRANULARITY_QUARTER:
      return days_from_civil (month >= 10 ? year + 1 : year, month >= 10 ? 1 : month + 3, 1)
             * SECONDS_PER_DAY;
    case CHRONICLE_GRANULARITY_YEAR:
      return days_from_civil (year + 1, 1, 1) * SECONDS_PER_DAY;
    case CHRONICLE_GRANULARITY_DECADE:
      return days_from_civil (year + 10, 1, 1) * SECONDS_PER_DAY;
    case CHRONICLE_GRANULARITY_CENTURY:
      return days_from_civil (year + 100, 1, 1) * SECONDS_PER_DAY;
    default:
      g_return_val_if_reached (time);
    }
}

/**
 * chronicle_granularity_to_string:
 * @granularity: a #ChronicleGranularity
 *
 * Returns: (transfer none): the stable name ("day", "week", …)
 */
const char *
chronicle_granularity_to_string (ChronicleGranularity granularity)
{
  g_return_val_if_fail ((guint) granularity < G_N_ELEMENTS (granularity_names), NULL);

  return granularity_names[granularity];
}

/**
 * chronicle_granularity_from_string:
 * @str: (nullable): a stable name
 * @granularity: (out): where to store the value
 *
 * Returns: %TRUE if @str names a granularity
 */
gboolean
chronicle_granularity_from_string (const char           *str,
                                   ChronicleGranularity *granularity)
{
  g_return_val_if_fail (granularity != NULL, FALSE);

  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (granularity_names); i++)
    {
      if (g_strcmp0 (str, granularity_names[i]) == 0)
        {
          *granularity = (ChronicleGranularity) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * chronicle_time_mention_new:
 * @start: the first second of the period (Unix time, UTC)
 * @end: the first second after it
 * @granularity: how precise the period is
 * @text: (nullable): the expression as written
 *
 * The relation is %CHRONICLE_TIME_RELATION_PRESENT until set; see
 * chronicle_time_mention_relation_to().
 *
 * Returns: (transfer full): a new time mention
 */
ChronicleTimeMention *
chronicle_time_mention_new (gint64                start,
                            gint64                end,
                            ChronicleGranularity  granularity,
                            const char           *text)
{
  ChronicleTimeMention *self;

  g_return_val_if_fail (end >= start, NULL);

  self = g_new0 (ChronicleTimeMention, 1);
  self->start = start;
  self->end = end;
  self->granularity = granularity;
  self->relation = CHRONICLE_TIME_RELATION_PRESENT;
  self->text = g_strdup (text);

  return self;
}

/**
 * chronicle_time_mention_copy:
 * @self: a #ChronicleTimeMention
 *
 * Returns: (transfer full): a deep copy
 */
ChronicleTimeMention *
chronicle_time_mention_copy (const ChronicleTimeMention *self)
{
  ChronicleTimeMention *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->text = g_strdup (self->text);

  return copy;
}

void
chronicle_time_mention_free (ChronicleTimeMention *self)
{
  if (self == NULL)
    return;

  g_free (self->text);
  g_free (self);
}

/**
 * chronicle_time_mention_equal:
 * @a: a #ChronicleTimeMention
 * @b: another
 *
 * Compares every field but @article_id.
 *
 * Returns: %TRUE if equal
 */
gboolean
chronicle_time_mention_equal (const ChronicleTimeMention *a,
                              const ChronicleTimeMention *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return a->start == b->start && a->end == b->end
         && a->granularity == b->granularity && a->relation == b->relation
         && a->offset_start == b->offset_start && a->offset_end == b->offset_end
         && g_strcmp0 (a->text, b->text) == 0;
}

/**
 * chronicle_time_mention_relation_to:
 * @self: a #ChronicleTimeMention
 * @published: the publication time (Unix time, UTC)
 *
 * Returns: whether the period lies before, around or after @published
 */
ChronicleTimeRelation
chronicle_time_mention_relation_to (const ChronicleTimeMention *self,
                                    gint64                      published)
{
  g_return_val_if_fail (self != NULL, CHRONICLE_TIME_RELATION_PRESENT);

  if (self->end <= published)
    return CHRONICLE_TIME_RELATION_PAST;
  if (self->start > published)
    return CHRONICLE_TIME_RELATION_FUTURE;
  return CHRONICLE_TIME_RELATION_PRESENT;
}
