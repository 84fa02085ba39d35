/* chronicle-date.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-sync"

#include "config.h"

#include <string.h>

#include "chronicle-date.h"

/* Dates as feeds write them. RFC 822 as found in the wild: named zones, no
 * weekday or a wrong one, two-digit years, no seconds, full month names. ISO 8601
 * and RFC 3339 in extended and basic format, W3CDTF partial dates. Every result is
 * in UTC; nonsense gives NULL rather than a guess. */

static const struct {
  const char *name;
  int         minutes;
} zones[] = {
  { "UT", 0 }, { "UTC", 0 }, { "GMT", 0 }, { "Z", 0 }, { "WET", 0 },
  { "EST", -5 * 60 }, { "EDT", -4 * 60 }, { "CST", -6 * 60 }, { "CDT", -5 * 60 },
  { "MST", -7 * 60 }, { "MDT", -6 * 60 }, { "PST", -8 * 60 }, { "PDT", -7 * 60 },
  { "AKST", -9 * 60 }, { "AKDT", -8 * 60 }, { "HST", -10 * 60 }, { "AST", -4 * 60 },
  { "ADT", -3 * 60 }, { "NST", -3 * 60 - 30 }, { "NDT", -2 * 60 - 30 },
  { "BST", 60 }, { "IST", 5 * 60 + 30 }, { "CET", 60 }, { "CEST", 2 * 60 },
  { "MET", 60 }, { "MEST", 2 * 60 }, { "EET", 2 * 60 }, { "EEST", 3 * 60 },
  { "WEST", 60 }, { "MSK", 3 * 60 }, { "JST", 9 * 60 }, { "KST", 9 * 60 },
  { "HKT", 8 * 60 }, { "SGT", 8 * 60 }, { "AWST", 8 * 60 }, { "ACST", 9 * 60 + 30 },
  { "AEST", 10 * 60 }, { "AEDT", 11 * 60 }, { "NZST", 12 * 60 }, { "NZDT", 13 * 60 },
};

static const char *months[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};

static const char *weekdays[] = {
  "mon", "tue", "wed", "thu", "fri", "sat", "sun",
};

static int
month_from_name (const char *token)
{
  if (strlen (token) < 3)
    return 0;

  for (int i = 0; i < 12; i++)
    if (g_ascii_strncasecmp (token, months[i], 3) == 0)
      return i + 1;

  return 0;
}

static gboolean
is_weekday (const char *token)
{
  if (strlen (token) < 3)
    return FALSE;

  for (int i = 0; i < 7; i++)
    if (g_ascii_strncasecmp (token, weekdays[i], 3) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
all_digits (const char *s,
            gsize       len)
{
  if (len == 0)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;

  return TRUE;
}

static int
digits (const char *s,
        gsize       len)
{
  int value = 0;

  for (gsize i = 0; i < len; i++)
    value = value * 10 + (s[i] - '0');

  return value;
}

/* "+0100", "-05:00", "+01", "EST", "GMT+2" → minutes east of UTC. */
static gboolean
parse_zone (const char *token,
            int        *minutes)
{
  gsize len = strlen (token);

  if (len == 0)
    return FALSE;

  if (token[0] == '+' || token[0] == '-')
    {
      int sign = token[0] == '-' ? -1 : 1;
      const char *s = token + 1;
      char buf[5] = { 0 };
      gsize n = 0;

      for (; *s != '\0' && n < 4; s++)
        {
          if (*s == ':')
            continue;
          if (!g_ascii_isdigit (*s))
            return FALSE;
          buf[n++] = *s;
        }
      if (*s != '\0')
        return FALSE;
      if (n == 2)
        *minutes = sign * digits (buf, 2) * 60;
      else if (n == 4)
        *minutes = sign * (digits (buf, 2) * 60 + digits (buf + 2, 2));
      else
        return FALSE;
      return ABS (*minutes) <= 14 * 60;
    }

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      gsize zlen = strlen (zones[i].name);

      if (g_ascii_strncasecmp (token, zones[i].name, zlen) == 0)
        {
          int offset = 0;

          if (token[zlen] != '\0' && !parse_zone (token + zlen, &offset))
            continue;
          *minutes = zones[i].minutes + offset;
          return TRUE;
        }
    }

  /* Military single letters are notoriously misused; treat them as UTC. */
  if (len == 1 && g_ascii_isalpha (token[0]))
    {
      *minutes = 0;
      return TRUE;
    }

  return FALSE;
}

static GDateTime *
make_utc (int    year,
          int    month,
          int    day,
          int    hour,
          int    minute,
          double seconds,
          int    zone_minutes)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31
      || hour < 0 || hour > 24 || minute < 0 || minute > 59 || seconds < 0 || seconds >= 61)
    return NULL;

  if (seconds >= 60)
    seconds = 59;  /* a leap second */

  if (hour == 24)
    {
      if (minute != 0 || seconds != 0)
        return NULL;
      hour = 23, minute = 59, seconds = 59;
    }

  if (day > g_date_get_days_in_month (month, year))
    return NULL;

  tz = g_time_zone_new_offset (zone_minutes * 60);
  local = g_date_time_new (tz, year, month, day, hour, minute, seconds);
  if (local == NULL)
    return NULL;

  return g_date_time_to_utc (local);
}

/* "10:15", "10:15:30", "10:15:30.123" */
static gboolean
parse_clock (const char *token,
             int        *hour,
             int        *minute,
             double     *seconds)
{
  g_auto(GStrv) parts = g_strsplit (token, ":", 4);
  guint n = g_strv_length (parts);

  if (n < 2 || n > 3)
    return FALSE;

  for (guint i = 0; i < 2; i++)
    if (!all_digits (parts[i], strlen (parts[i])) || strlen (parts[i]) > 2)
      return FALSE;

  *hour = digits (parts[0], strlen (parts[0]));
  *minute = digits (parts[1], strlen (parts[1]));
  *seconds = 0;
  if (n == 3)
    {
      char *end = NULL;

      if (!g_ascii_isdigit (parts[2][0]))
        return FALSE;
      *seconds = g_ascii_strtod (parts[2], &end);
      if (end == NULL || *end != '\0')
        return FALSE;
    }

  return TRUE;
}

/**
 * chronicle_date_parse_rfc822:
 * @text: a date such as `Thu, 25 Feb 2021 10:15:00 +0000`
 *
 * Accepts the variants real feeds use: named zones (EST, PDT, CEST…), numeric zones
 * with or without a colon, no zone (UTC), no weekday or a wrong one (ignored), two-digit
 * years (1950–2049), no seconds, full month names, "Feb 25 2021" order.
 *
 * Returns: (transfer full) (nullable): the time in UTC
 */
GDateTime *
chronicle_date_parse_rfc822 (const char *text)
{
  g_autofree char *copy = NULL;
  g_auto(GStrv) tokens = NULL;
  int day = -1, month = 0, year = -1, hour = 0, minute = 0, zone = 0;
  double seconds = 0;
  gboolean have_time = FALSE, have_zone = FALSE;

  if (text == NULL)
    return NULL;

  copy = g_strdup (text);
  g_strstrip (copy);
  for (char *p = copy; *p != '\0'; p++)
    if (*p == ',' || *p == '\t' || *p == '\n' || *p == '\r')
      *p = ' ';

  tokens = g_strsplit (copy, " ", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      char *token = tokens[i];
      gsize len = strlen (token);

      if (len == 0)
        continue;

      /* "Sept." and "Feb." */
      if (len > 1 && token[len - 1] == '.')
        token[--len] = '\0';

      if (strchr (token, ':') != NULL && !have_time && g_ascii_isdigit (token[0]))
        {
          if (!parse_clock (token, &hour, &minute, &seconds))
            return NULL;
          have_time = TRUE;
        }
      else if (all_digits (token, len))
        {
          if (day < 0 && len <= 2 && (month != 0 || year < 0))
            day = digits (token, len);
          else if (year < 0 && (len == 4 || len == 2))
            {
              year = digits (token, len);
              if (len == 2)
                year += year < 50 ? 2000 : 1900;
            }
          else
            return NULL;
        }
      else if (month == 0 && month_from_name (token) != 0 && !is_weekday (token))
        month = month_from_name (token);
      else if (!have_time && is_weekday (token))
        continue;
      else if (i == 0 && day < 0 && g_ascii_isalpha (token[0]))
        continue;  /* a weekday in another language: "mer, 16 nov 2022" */
      else if (have_time && !have_zone && parse_zone (token, &zone))
        have_zone = TRUE;
      else if (g_ascii_strcasecmp (token, "AM") == 0 || g_ascii_strcasecmp (token, "PM") == 0)
        {
          if (!have_time || hour > 12)
            return NULL;
          if (g_ascii_tolower (token[0]) == 'p' && hour < 12)
            hour += 12;
          else if (g_ascii_tolower (token[0]) == 'a' && hour == 12)
            hour = 0;
        }
      else if (have_zone && token[0] == '(')
        break;  /* "+0000 (UTC)" */
      else
        return NULL;
    }

  if (day < 0 || month == 0 || year < 0)
    return NULL;

  return make_utc (year, month, day, hour, minute, seconds, zone);
}

/**
 * chronicle_date_parse_iso8601:
 * @text: a date such as `2021-02-25T10:15:00Z`, `2021-02-25T10:15:00.5+01:00`,
 *   `20210225T101500Z`, `2021-02`, `2021`
 *
 * RFC 3339 and ISO 8601 in extended or basic format, with `T`, `t` or a space
 * between date and time; W3CDTF partial dates (year, year-month, date, hours and
 * minutes). A missing zone means UTC; a missing day or month means the first.
 *
 * Returns: (transfer full) (nullable): the time in UTC
 */
GDateTime *
chronicle_date_parse_iso8601 (const char *text)
{
  const char *p;
  int year, month = 1, day = 1, hour = 0, minute = 0, zone = 0;
  double seconds = 0;
  gboolean basic;

  if (text == NULL)
    return NULL;

  p = text;
  while (g_ascii_isspace (*p))
    p++;

  if (!all_digits (p, 4))
    return NULL;
  year = digits (p, 4);
  p += 4;

  basic = g_ascii_isdigit (*p);
  if (basic)
    {
      if (!all_digits (p, 4))
        return NULL;
      month = digits (p, 2);
      day = digits (p + 2, 2);
      p += 4;
    }
  else if (*p == '-')
    {
      p++;
      if (!all_digits (p, 2))
        return NULL;
      month = digits (p, 2);
      p += 2;
      if (*p == '-')
        {
          p++;
          if (!all_digits (p, 2))
            return NULL;
          day = digits (p, 2);
          p += 2;
        }
    }

  if (*p == 'T' || *p == 't' || (*p == ' ' && g_ascii_isdigit (p[1])))
    {
      p++;
      if (!all_digits (p, 2))
        return NULL;
      hour = digits (p, 2);
      p += 2;
      if (*p == ':')
        p++;
      if (all_digits (p, 2))
        {
          minute = digits (p, 2);
          p += 2;
          if (*p == ':')
            p++;
          if (all_digits (p, 2))
            {
              seconds = digits (p, 2);
              p += 2;
              if (*p == '.' || *p == ',')
                {
                  double scale = 0.1;

                  p++;
                  while (g_ascii_isdigit (*p))
                    {
                      seconds += (*p - '0') * scale;
                      scale /= 10;
                      p++;
                    }
                  if (seconds >= 60)
                    seconds = 59.999;
                }
            }
        }

      while (*p == ' ')
        p++;
      if (*p == 'Z' || *p == 'z')
        p++;
      else if (*p == '+' || *p == '-')
        {
          char buf[8] = { 0 };
          gsize n = 0;

          buf[n++] = *p++;
          while ((g_ascii_isdigit (*p) || *p == ':') && n < sizeof buf - 1)
            buf[n++] = *p++;
          if (!parse_zone (buf, &zone))
            return NULL;
        }
    }

  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0')
    return NULL;

  return make_utc (year, month, day, hour, minute, seconds, zone);
}

/**
 * chronicle_date_parse:
 * @text: a date in any format a feed may use
 *
 * Tries ISO 8601 first when @text starts with a four-digit year, else RFC 822, then
 * the other one.
 *
 * Returns: (transfer full) (nullable): the time in UTC, or %NULL when nothing usable
 */
GDateTime *
chronicle_date_parse (const char *text)
{
  GDateTime *result;

  if (text == NULL)
    return NULL;

  while (g_ascii_isspace (*text))
    text++;

  if (*text == '\0')
    return NULL;

  if (all_digits (text, 4))
    {
      result = chronicle_date_parse_iso8601 (text);
      if (result != NULL)
        return result;
    }

  result = chronicle_date_parse_rfc822 (text);
  if (result != NULL)
    return result;

  return chronicle_date_parse_iso8601 (text);
}
