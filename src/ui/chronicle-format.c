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
#include <string.h>

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

/**
 * chronicle_format_flag:
 * @country_code: (nullable): an ISO 3166-1 alpha-2 code, e.g. "DE"
 *
 * Returns: (transfer full) (nullable): the country's flag as the pair of
 *   regional indicator symbols that fonts draw as a flag, or %NULL when
 *   @country_code is not two ASCII letters
 */
char *
chronicle_format_flag (const char *country_code)
{
  char out[9];
  gint len;

  if (country_code == NULL || strlen (country_code) != 2
      || !g_ascii_isalpha (country_code[0]) || !g_ascii_isalpha (country_code[1]))
    return NULL;

  len = g_unichar_to_utf8 (0x1F1E6 + (g_ascii_toupper (country_code[0]) - 'A'), out);
  len += g_unichar_to_utf8 (0x1F1E6 + (g_ascii_toupper (country_code[1]) - 'A'), out + len);
  out[len] = '\0';

  return g_strdup (out);
}

/**
 * chronicle_format_search_terms:
 * @search: (nullable): a search as typed (full-text syntax allowed)
 *
 * The words to highlight for @search: quotes, operators (AND, OR, NOT,
 * NEAR), parentheses, `*` and column prefixes dropped; one-letter words too.
 *
 * Returns: (transfer full): the terms, possibly none
 */
GStrv
chronicle_format_search_terms (const char *search)
{
  static GRegex *word = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GMatchInfo) match = NULL;

  /* Compiled once: rows call this for every title they show. */
  if (g_once_init_enter (&word))
    g_once_init_leave (&word, g_regex_new ("[\\w\\p{M}'’-]+", G_REGEX_OPTIMIZE, 0, NULL));

  if (search != NULL && *search != '\0' && g_utf8_validate (search, -1, NULL))
    {
      g_regex_match (word, search, 0, &match);
      while (g_match_info_matches (match))
        {
          g_autofree char *term = g_match_info_fetch (match, 0);

          if (g_utf8_strlen (term, -1) >= 2
              && !g_str_equal (term, "AND") && !g_str_equal (term, "OR")
              && !g_str_equal (term, "NOT") && !g_str_equal (term, "NEAR"))
            g_strv_builder_add (builder, term);
          g_match_info_next (match, NULL);
        }
    }

  return g_strv_builder_end (builder);
}

/**
 * chronicle_format_highlight:
 * @text: plain text (a title, a summary)
 * @search: (nullable): the search whose terms to highlight
 *
 * Escapes @text for Pango markup and marks the beginnings of words that
 * match a search term (case-insensitive, so "syria" marks "Syrian").
 *
 * Returns: (transfer full): Pango markup
 */
char *
chronicle_format_highlight (const char *text,
                            const char *search)
{
  g_auto(GStrv) terms = NULL;
  g_autoptr(GString) pattern = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  int last = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (search == NULL || *search == '\0')
    return g_markup_escape_text (text, -1);

  terms = chronicle_format_search_terms (search);
  if (terms[0] == NULL || !g_utf8_validate (text, -1, NULL))
    return g_markup_escape_text (text, -1);

  pattern = g_string_new (NULL);
  out = g_string_new (NULL);

  for (guint i = 0; terms[i] != NULL; i++)
    {
      g_autofree char *escaped = g_regex_escape_string (terms[i], -1);

      g_string_append_printf (pattern, "%s%s", i > 0 ? "|" : "", escaped);
    }
  g_string_prepend (pattern, "(?<![\\w\\p{M}])(?:");
  g_string_append (pattern, ")");

  regex = g_regex_new (pattern->str, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  if (regex == NULL)
    return g_markup_escape_text (text, -1);

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      int start, end;
      g_autofree char *before = NULL;
      g_autofree char *inside = NULL;

      g_match_info_fetch_pos (match, 0, &start, &end);
      before = g_markup_escape_text (text + last, start - last);
      inside = g_markup_escape_text (text + start, end - start);
      g_string_append (out, before);
      g_string_append_printf (out, "<span bgcolor=\"#f6d32d\" bgalpha=\"50%%\">%s</span>", inside);
      last = end;
      g_match_info_next (match, NULL);
    }
  {
    g_autofree char *rest = g_markup_escape_text (text + last, -1);
    g_string_append (out, rest);
  }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * chronicle_format_has_time:
 * @unix_time: a publication time
 *
 * Many sources give a date without a time, stored as midnight UTC; showing
 * "00:00" (or "01:00" in Paris) for those would be made up.
 *
 * Returns: %FALSE when @unix_time is exactly midnight UTC
 */
gboolean
chronicle_format_has_time (gint64 unix_time)
{
  return unix_time % 86400 != 0;
}
