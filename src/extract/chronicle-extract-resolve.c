/* chronicle-extract-resolve.c: TIMEX3 values from parsed time expressions
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-extract"

#include "config.h"

#include "chronicle-extract-private.h"

static const char * const part_codes[] = { "", "MO", "AF", "EV", "NI" };
static const char * const season_codes[] = { "SP", "SU", "FA", "WI" };

static void
set_range (ChronicleTimex            *out,
           ChronicleTimexGranularity  granularity,
           int y1, int m1, int d1,
           int y2, int m2, int d2)
{
  if (y1 < 1 || y2 < 1 || y1 > 9999 || y2 > 9999 || !g_date_valid_dmy (d1, m1, y1) ||
      !g_date_valid_dmy (d2, m2, y2))
    return;
  out->granularity = granularity;
  g_date_set_dmy (&out->first_day, d1, m1, y1);
  g_date_set_dmy (&out->last_day, d2, m2, y2);
}

static void
set_day (ChronicleTimex *out,
         const GDate    *d)
{
  if (!g_date_valid (d))
    return;
  out->granularity = CHRONICLE_TIMEX_GRANULARITY_DAY;
  out->first_day = *d;
  out->last_day = *d;
  out->value = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (d), g_date_get_month (d),
                                g_date_get_day (d));
}

static void
set_month (ChronicleTimex *out, int y, int m)
{
  out->value = g_strdup_printf ("%04d-%02d", y, m);
  if (y >= 1 && y <= 9999)
    set_range (out, CHRONICLE_TIMEX_GRANULARITY_MONTH, y, m, 1, y, m,
               g_date_get_days_in_month (m, y));
}

static void
set_year (ChronicleTimex *out, int y)
{
  out->value = g_strdup_printf ("%04d", y);
  set_range (out, CHRONICLE_TIMEX_GRANULARITY_YEAR, y, 1, 1, y, 12, 31);
}

/* ISO 8601 week of @d: "2015-W51", with the range Monday to Sunday. */
static void
set_week (ChronicleTimex *out, const GDate *d, gboolean weekend)
{
  GDate monday = *d, thursday;
  guint week;

  g_date_subtract_days (&monday, g_date_get_weekday (d) - 1);
  thursday = monday;
  g_date_add_days (&thursday, 3);
  week = g_date_get_iso8601_week_of_year (d);
  out->value = g_strdup_printf ("%04d-W%02u%s", g_date_get_year (&thursday), week, weekend ? "-WE" : "");
  out->granularity = CHRONICLE_TIMEX_GRANULARITY_WEEK;
  out->first_day = monday;
  if (weekend)
    g_date_add_days (&out->first_day, 5);
  out->last_day = monday;
  g_date_add_days (&out->last_day, 6);
}

static char
duration_letter (int unit)
{
  switch (unit)
    {
    case U_DAY: return 'D';
    case U_WEEK: return 'W';
    case U_MONTH: return 'M';
    case U_QUARTER: return 'Q';
    case U_YEAR: return 'Y';
    case U_HOUR: return 'H';
    case U_MINUTE: return 'M';
    case U_SECOND: return 'S';
    default: return 'Y';
    }
}

static char *
duration_value (int unit, int n)
{
  gboolean time = unit == U_HOUR || unit == U_MINUTE || unit == U_SECOND;
  g_autofree char *count = NULL;

  if (unit == U_DECADE)
    return n < 0 ? g_strdup ("PXDE") : g_strdup_printf ("P%dY", n * 10);
  if (unit == U_CENTURY)
    return n < 0 ? g_strdup ("PXCE") : g_strdup_printf ("P%dY", n * 100);
  count = n < 0 ? g_strdup ("X") : g_strdup_printf ("%d", n);
  return g_strdup_printf ("P%s%s%c", time ? "T" : "", count, duration_letter (unit));
}

/* Year for a month (and day) without one, by the tense around it. */
static int
year_for (const GDate *ref, int cue, int m, int d)
{
  int ry = g_date_get_year (ref), rm = g_date_get_month (ref), rd = g_date_get_day (ref);
  int md = m * 100 + (d > 0 ? d : 0), rmd = rm * 100 + (d > 0 ? rd : 0);
  /* Roughly how many days the date lies after the reference in the same year */
  int ahead = (m - rm) * 30 + (d > 0 ? d - rd : 0);

  /* Tense words are weak evidence next to a date only weeks away. */
  if (cue == CHRONICLE_TENSE_FUTURE)
    return md < rmd && ahead < -45 ? ry + 1 : ry;
  if (cue == CHRONICLE_TENSE_PAST)
    return md > rmd && ahead > 45 ? ry - 1 : ry;
  /* No cue: the year of the reference date, as annotators and readers do,
   * unless that puts the month eight or more months away: "in January"
   * written in October is the coming January. */
  if (rm - m >= 8)
    return ry + 1;
  if (m - rm >= 8)
    return ry - 1;
  return ry;
}

static void
resolve_abs (const TimexHit *h, const GDate *ref, ChronicleTimex *out)
{
  int y = h->y;

  if (y == 0 && h->m > 0 && h->n != 0)
    {
      /* last/next/this <month> */
      if (ref == NULL)
        y = -1;
      else
        {
          int ry = g_date_get_year (ref), rm = g_date_get_month (ref);

          if (h->n == -1)
            y = h->m < rm ? ry : ry - 1;
          else if (h->n == 1)
            y = h->m > rm ? ry : ry + 1;
          else
            y = ry;
        }
    }
  else if (y == 0)
    y = ref != NULL ? year_for (ref, h->cue, h->m, MAX (h->d, 0)) : -1;

  if (h->m == 0)
    {
      set_year (out, y);
      return;
    }
  if (y < 0)
    {
      out->value = h->d > 0 ? g_strdup_printf ("XXXX-%02d-%02d", h->m, h->d)
                 : h->d < 0 ? g_strdup_printf ("XXXX-%02d", h->m)
                            : g_strdup_printf ("XXXX-%02d", h->m);
      return;
    }
  if (h->d == 0)
    {
      set_month (out, y, h->m);
      return;
    }
  if (h->d < 0)
    {
      /* The -d'th Thursday of the month (Thanksgiving) */
      GDate d;

      g_date_clear (&d, 1);
      g_date_set_dmy (&d, 1, h->m, y);
      while (g_date_get_weekday (&d) != G_DATE_THURSDAY)
        g_date_add_days (&d, 1);
      g_date_add_days (&d, 7 * (-h->d - 1));
      set_day (out, &d);
      return;
    }
  if (g_date_valid_dmy (h->d, h->m, y))
    {
      GDate d;

      g_date_clear (&d, 1);
      g_date_set_dmy (&d, h->d, h->m, y);
      set_day (out, &d);
    }
  else
    out->value = g_strdup_printf ("%04d-%02d-%02d", y, h->m, h->d);
}

static void
resolve_weekday (const TimexHit *h, const GDate *ref, ChronicleTimex *out)
{
  GDate d;
  int rw, diff;

  if (ref == NULL)
    {
      out->value = g_strdup_printf ("XXXX-WXX-%d", h->extra);
      return;
    }
  d = *ref;
  rw = g_date_get_weekday (ref);
  diff = h->extra - rw;   /* in -6..6 */

  if (h->n == 1 || (h->n == 0 && h->cue == CHRONICLE_TENSE_FUTURE))
    {
      if (diff <= 0)
        diff += 7;
    }
  else if (h->n == -1)
    {
      if (diff >= 0)
        diff -= 7;
    }
  else if (h->n == 2)
    {
      /* "this Friday": in the current week, ahead when possible */
      if (diff < 0 && h->cue != CHRONICLE_TENSE_PAST)
        diff += 7;
    }
  else
    {
      if (diff > 0)
        diff -= 7;
    }

  if (diff > 0)
    g_date_add_days (&d, diff);
  else if (diff < 0)
    g_date_subtract_days (&d, -diff);

  /* "Friday night" stays the day: that is how TimeBank's annotators and
   * most readers take it; the part of day is kept in the text. */
  set_day (out, &d);
}

static void
resolve_rel_unit (int unit, int n, const GDate *ref, ChronicleTimex *out)
{
  int y = g_date_get_year (ref), m = g_date_get_month (ref);

  switch (unit)
    {
    case U_DAY:
      {
        GDate d = *ref;
        if (n > 0)
          g_date_add_days (&d, n);
        else if (n < 0)
          g_date_subtract_days (&d, -n);
        set_day (out, &d);
      }
      break;
    case U_WEEK:
      {
        GDate d = *ref;
        if (n > 0)
          g_date_add_days (&d, 7 * n);
        else if (n < 0)
          g_date_subtract_days (&d, -7 * n);
        set_week (out, &d, FALSE);
      }
      break;
    case U_MONTH:
      {
        GDate d = *ref;
        g_date_set_day (&d, 1);
        if (n > 0)
          g_date_add_months (&d, n);
        else if (n < 0)
          g_date_subtract_months (&d, -n);
        set_month (out, g_date_get_year (&d), g_date_get_month (&d));
      }
      break;
    case U_QUARTER:
      {
        int q = (m - 1) / 3 + n, qy = y;
        while (q < 0)
          q += 4, qy--;
        while (q > 3)
          q -= 4, qy++;
        out->value = g_strdup_printf ("%04d-Q%d", qy, q + 1);
        set_range (out, CHRONICLE_TIMEX_GRANULARITY_QUARTER, qy, q * 3 + 1, 1, qy, q * 3 + 3,
                   g_date_get_days_in_month (q * 3 + 3, qy));
      }
      break;
    case U_DECADE:
      out->value = g_strdup_printf ("%03d", (y / 10) + n);
      set_range (out, CHRONICLE_TIMEX_GRANULARITY_DECADE, ((y / 10) + n) * 10, 1, 1,
                 ((y / 10) + n) * 10 + 9, 12, 31);
      break;
    case U_CENTURY:
      out->value = g_strdup_printf ("%02d", (y / 100) + n);
      break;
    case U_YEAR:
    default:
      set_year (out, y + n);
      break;
    }
}

/**
 * _chronicle_resolve_timex:
 * @hit: a parsed time expression
 * @reference: (nullable): the publication date
 * @out: where to write type, value, range, granularity and tense
 */
void
_chronicle_resolve_timex (const TimexHit *h,
                          const GDate    *reference,
                          ChronicleTimex *out)
{
  const GDate *ref = reference != NULL && g_date_valid (reference) ? reference : NULL;

  out->type = CHRONICLE_TIMEX_DATE;
  out->granularity = CHRONICLE_TIMEX_GRANULARITY_NONE;
  g_date_clear (&out->first_day, 1);
  g_date_clear (&out->last_day, 1);
  out->tense = CHRONICLE_TENSE_UNKNOWN;

  switch ((TimexKind) h->kind)
    {
    case TK_ABS:
      resolve_abs (h, ref, out);
      break;

    case TK_WEEKDAY:
      resolve_weekday (h, ref, out);
      break;

    case TK_REL_DAY:
      if (ref == NULL)
        out->value = g_strdup ("XXXX-XX-XX");
      else
        resolve_rel_unit (U_DAY, h->n, ref, out);
      if (h->unit != PART_NONE)
        {
          char *v = g_strdup_printf ("%sT%s", out->value, part_codes[h->unit]);

          g_free (out->value);
          out->value = v;
          out->type = CHRONICLE_TIMEX_TIME;
        }
      break;

    case TK_REL_UNIT:
      if (ref == NULL)
        out->value = g_strdup ("XXXX");
      else
        resolve_rel_unit (h->unit, h->n, ref, out);
      break;

    case TK_AGO:
      if (ref == NULL || h->n < 0)
        out->value = g_strdup (h->extra < 0 ? "PAST_REF" : "FUTURE_REF");
      else
        resolve_rel_unit (h->unit, h->extra * h->n, ref, out);
      break;

    case TK_DURATION:
      out->type = CHRONICLE_TIMEX_DURATION;
      out->value = duration_value (h->unit, h->n);
      break;

    case TK_REF:
      out->value = g_strdup (h->extra == 0 ? "PRESENT_REF" : h->extra == 1 ? "PAST_REF" : "FUTURE_REF");
      out->tense = h->extra == 0 ? CHRONICLE_TENSE_PRESENT
                   : h->extra == 1 ? CHRONICLE_TENSE_PAST : CHRONICLE_TENSE_FUTURE;
      break;

    case TK_QUARTER:
      {
        int y = h->y;

        if (y == 0 && ref != NULL)
          {
            int rq = (g_date_get_month (ref) - 1) / 3 + 1;

            y = g_date_get_year (ref);
            if (h->cue == CHRONICLE_TENSE_PAST && h->n > rq)
              y--;
          }
        if (y == 0)
          out->value = g_strdup_printf ("XXXX-Q%d", h->n);
        else
          {
            out->value = g_strdup_printf ("%04d-Q%d", y, h->n);
            set_range (out, CHRONICLE_TIMEX_GRANULARITY_QUARTER, y, h->n * 3 - 2, 1, y, h->n * 3,
                       g_date_get_days_in_month (h->n * 3, y));
          }
      }
      break;

    case TK_SEASON:
      {
        int y = ref != NULL ? g_date_get_year (ref) + h->n : 0;

        out->value = ref != NULL ? g_strdup_printf ("%04d-%s", y, season_codes[h->extra & 3])
                                 : g_strdup_printf ("XXXX-%s", season_codes[h->extra & 3]);
        if (ref != NULL)
          out->granularity = CHRONICLE_TIMEX_GRANULARITY_SEASON;
      }
      break;

    case TK_DECADE:
      out->value = g_strdup_printf ("%03d", h->y / 10);
      set_range (out, CHRONICLE_TIMEX_GRANULARITY_DECADE, h->y, 1, 1, h->y + 9, 12, 31);
      break;

    case TK_CENTURY:
      out->value = g_strdup_printf ("%02d", h->n - 1);
      break;

    case TK_CLOCK:
      out->type = CHRONICLE_TIMEX_TIME;
      if (ref != NULL)
        {
          set_day (out, ref);
          g_free (out->value);
          out->value = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d", g_date_get_year (ref),
                                        g_date_get_month (ref), g_date_get_day (ref), h->n, h->extra);
          out->granularity = CHRONICLE_TIMEX_GRANULARITY_TIME;
        }
      else
        out->value = g_strdup_printf ("XXXX-XX-XXT%02d:%02d", h->n, h->extra);
      break;

    case TK_SET:
      out->type = CHRONICLE_TIMEX_SET;
      out->value = duration_value (h->unit, 1);
      break;

    case TK_WEEKEND:
      if (ref == NULL)
        out->value = g_strdup ("XXXX-WXX-WE");
      else
        {
          GDate d = *ref;
          int dir = h->n;

          if (dir == 0 && h->cue == CHRONICLE_TENSE_PAST && g_date_get_weekday (ref) < G_DATE_SATURDAY)
            dir = -1;
          if (dir > 0)
            g_date_add_days (&d, 7);
          else if (dir < 0)
            g_date_subtract_days (&d, 7);
          set_week (out, &d, TRUE);
        }
      break;

    default:
      out->value = g_strdup ("XXXX");
      break;
    }

  if (out->value == NULL)
    out->value = g_strdup ("XXXX");

  if (h->clock > 0 && out->type == CHRONICLE_TIMEX_DATE)
    {
      char *v = g_strdup_printf ("%sT%02d:%02d", out->value, (h->clock - 1) / 60, (h->clock - 1) % 60);

      g_free (out->value);
      out->value = v;
      out->type = CHRONICLE_TIMEX_TIME;
      if (out->granularity == CHRONICLE_TIMEX_GRANULARITY_DAY)
        out->granularity = CHRONICLE_TIMEX_GRANULARITY_TIME;
    }

  if (out->tense == CHRONICLE_TENSE_UNKNOWN)
    {
      if (ref != NULL && g_date_valid (&out->first_day) && g_date_valid (&out->last_day))
        {
          if (g_date_compare (&out->last_day, ref) < 0)
            out->tense = CHRONICLE_TENSE_PAST;
          else if (g_date_compare (&out->first_day, ref) > 0)
            out->tense = CHRONICLE_TENSE_FUTURE;
          else
            out->tense = CHRONICLE_TENSE_PRESENT;
        }
      else
        out->tense = h->cue;
    }
}
