/* chronicle-extract-timex.c: time expressions, TIMEX3 types and values
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-extract"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "chronicle-extract-private.h"

/* Word classes for a quick first look at a token. */
enum {
  W_NONE, W_MONTH, W_MONTH_ABBR, W_WEEKDAY, W_UNIT, W_NUMWORD, W_MOD, W_REL, W_PART,
  W_SEASON, W_SETWORD, W_ORDINAL, W_EDGE, W_THE, W_EVERY, W_QUARTER, W_CLOCKWORD,
};

typedef struct {
  const char *word;
  guint8      cls;
  gint8       value;
  gint8       plural;
} TimexWord;

static const TimexWord timex_words[] = {
  { "january", W_MONTH, 1 }, { "february", W_MONTH, 2 }, { "march", W_MONTH, 3 },
  { "april", W_MONTH, 4 }, { "may", W_MONTH, 5 }, { "june", W_MONTH, 6 },
  { "july", W_MONTH, 7 }, { "august", W_MONTH, 8 }, { "september", W_MONTH, 9 },
  { "october", W_MONTH, 10 }, { "november", W_MONTH, 11 }, { "december", W_MONTH, 12 },
  { "jan", W_MONTH_ABBR, 1 }, { "feb", W_MONTH_ABBR, 2 }, { "mar", W_MONTH_ABBR, 3 },
  { "apr", W_MONTH_ABBR, 4 }, { "jun", W_MONTH_ABBR, 6 }, { "jul", W_MONTH_ABBR, 7 },
  { "aug", W_MONTH_ABBR, 8 }, { "sep", W_MONTH_ABBR, 9 }, { "sept", W_MONTH_ABBR, 9 },
  { "oct", W_MONTH_ABBR, 10 }, { "nov", W_MONTH_ABBR, 11 }, { "dec", W_MONTH_ABBR, 12 },
  { "monday", W_WEEKDAY, 1 }, { "tuesday", W_WEEKDAY, 2 }, { "wednesday", W_WEEKDAY, 3 },
  { "thursday", W_WEEKDAY, 4 }, { "friday", W_WEEKDAY, 5 }, { "saturday", W_WEEKDAY, 6 },
  { "sunday", W_WEEKDAY, 7 },
  { "second", W_UNIT, U_SECOND }, { "seconds", W_UNIT, U_SECOND, 1 },
  { "minute", W_UNIT, U_MINUTE }, { "minutes", W_UNIT, U_MINUTE, 1 },
  { "hour", W_UNIT, U_HOUR }, { "hours", W_UNIT, U_HOUR, 1 },
  { "day", W_UNIT, U_DAY }, { "days", W_UNIT, U_DAY, 1 },
  { "week", W_UNIT, U_WEEK }, { "weeks", W_UNIT, U_WEEK, 1 },
  { "weekend", W_UNIT, U_WEEKEND }, { "weekends", W_UNIT, U_WEEKEND, 1 },
  { "month", W_UNIT, U_MONTH }, { "months", W_UNIT, U_MONTH, 1 },
  { "quarter", W_QUARTER, U_QUARTER }, { "quarters", W_QUARTER, U_QUARTER, 1 },
  { "year", W_UNIT, U_YEAR }, { "years", W_UNIT, U_YEAR, 1 },
  { "decade", W_UNIT, U_DECADE }, { "decades", W_UNIT, U_DECADE, 1 },
  { "century", W_UNIT, U_CENTURY }, { "centuries", W_UNIT, U_CENTURY, 1 },
  { "a", W_NUMWORD, 1 }, { "an", W_NUMWORD, 1 }, { "one", W_NUMWORD, 1 },
  { "two", W_NUMWORD, 2 }, { "three", W_NUMWORD, 3 }, { "four", W_NUMWORD, 4 },
  { "five", W_NUMWORD, 5 }, { "six", W_NUMWORD, 6 }, { "seven", W_NUMWORD, 7 },
  { "eight", W_NUMWORD, 8 }, { "nine", W_NUMWORD, 9 }, { "ten", W_NUMWORD, 10 },
  { "eleven", W_NUMWORD, 11 }, { "twelve", W_NUMWORD, 12 }, { "thirteen", W_NUMWORD, 13 },
  { "fourteen", W_NUMWORD, 14 }, { "fifteen", W_NUMWORD, 15 }, { "sixteen", W_NUMWORD, 16 },
  { "seventeen", W_NUMWORD, 17 }, { "eighteen", W_NUMWORD, 18 },
  { "nineteen", W_NUMWORD, 19 }, { "twenty", W_NUMWORD, 20 }, { "thirty", W_NUMWORD, 30 },
  { "forty", W_NUMWORD, 40 }, { "fifty", W_NUMWORD, 50 }, { "sixty", W_NUMWORD, 60 },
  { "hundred", W_NUMWORD, 100 }, { "several", W_NUMWORD, -1 }, { "few", W_NUMWORD, -1 },
  { "many", W_NUMWORD, -1 }, { "some", W_NUMWORD, -1 }, { "couple", W_NUMWORD, 2 },
  { "last", W_MOD, -1 }, { "past", W_MOD, -1 }, { "previous", W_MOD, -1 },
  { "next", W_MOD, 1 }, { "coming", W_MOD, 1 }, { "following", W_MOD, 1 },
  { "this", W_MOD, 0 }, { "current", W_MOD, 0 }, { "recent", W_MOD, -1 },
  { "latest", W_MOD, -1 },
  { "today", W_REL, 0 }, { "yesterday", W_REL, -1 }, { "tomorrow", W_REL, 1 },
  { "tonight", W_REL, 2 }, { "now", W_REL, 10 }, { "currently", W_REL, 10 },
  { "nowadays", W_REL, 10 }, { "recently", W_REL, 11 }, { "lately", W_REL, 11 },
  { "morning", W_PART, PART_MO }, { "afternoon", W_PART, PART_AF },
  { "evening", W_PART, PART_EV }, { "night", W_PART, PART_NI },
  { "spring", W_SEASON, 0 }, { "summer", W_SEASON, 1 }, { "autumn", W_SEASON, 2 },
  { "fall", W_SEASON, 2 }, { "winter", W_SEASON, 3 },
  { "daily", W_SETWORD, U_DAY }, { "weekly", W_SETWORD, U_WEEK },
  { "monthly", W_SETWORD, U_MONTH }, { "annually", W_SETWORD, U_YEAR },
  { "yearly", W_SETWORD, U_YEAR }, { "hourly", W_SETWORD, U_HOUR },
  { "nightly", W_SETWORD, U_DAY },
  { "first", W_ORDINAL, 1 }, { "second", W_ORDINAL, 2 }, { "third", W_ORDINAL, 3 },
  { "fourth", W_ORDINAL, 4 }, { "1st", W_ORDINAL, 1 }, { "2nd", W_ORDINAL, 2 },
  { "3rd", W_ORDINAL, 3 }, { "4th", W_ORDINAL, 4 },
  { "early", W_EDGE, 0 }, { "late", W_EDGE, 0 }, { "mid", W_EDGE, 0 },
  { "the", W_THE, 0 }, { "every", W_EVERY, 0 }, { "each", W_EVERY, 0 },
  { "noon", W_CLOCKWORD, 12 }, { "midnight", W_CLOCKWORD, 0 },
  /* Words that start other patterns: holidays, "the future" */
  { "christmas", W_NONE, 0 }, { "new", W_NONE, 0 }, { "thanksgiving", W_NONE, 0 },
  { "future", W_NONE, 0 }, { "near", W_NONE, 0 },
};

static const TimexWord second_ordinal = { "second", W_ORDINAL, 2, 0 };

/**
 * _chronicle_timex_words:
 *
 * The words the time expression rules know, for the lexicon to index: the
 * table, its length, the size of an element and (transfer container) the
 * words in table order.
 */
const void *
_chronicle_timex_words (guint                *n,
                        gsize                *size,
                        const char * const  **words)
{
  const char **w = g_new (const char *, G_N_ELEMENTS (timex_words) + 1);

  for (guint i = 0; i < G_N_ELEMENTS (timex_words); i++)
    w[i] = timex_words[i].word;
  w[G_N_ELEMENTS (timex_words)] = NULL;
  *n = G_N_ELEMENTS (timex_words);
  *size = sizeof (TimexWord);
  *words = w;
  return timex_words;
}

static const TimexWord *
word_at (const Doc *doc, guint i)
{
  const LexEntry *e = tok_entry (doc, i);

  return e != NULL ? e->timex : NULL;
}

static gboolean
word_is (const Doc *doc, guint i, guint8 cls)
{
  const TimexWord *w = word_at (doc, i);

  return w != NULL && w->cls == cls;
}

/* An integer token, or -1. Accepts ordinals written with digits ("15th"). */
static int
number_at (const Doc *doc, guint i, guint *digits)
{
  const Token *t;
  int v = 0;
  guint n = 0;

  if (i >= doc->n_toks)
    return -1;
  t = &doc->toks[i];
  if (!(t->flags & TF_DIGIT) || (t->kind != TOK_NUMBER && t->kind != TOK_WORD))
    return -1;
  for (guint32 p = t->start; p < t->end; p++)
    {
      char c = doc->text[p];

      if (g_ascii_isdigit (c))
        {
          if (n >= 9)
            return -1;
          v = v * 10 + (c - '0');
          n++;
        }
      else if (n > 0 && t->kind == TOK_WORD)
        {
          gsize rest = t->end - p;

          if (rest == 2 && (g_ascii_strncasecmp (doc->text + p, "st", 2) == 0 ||
                            g_ascii_strncasecmp (doc->text + p, "nd", 2) == 0 ||
                            g_ascii_strncasecmp (doc->text + p, "rd", 2) == 0 ||
                            g_ascii_strncasecmp (doc->text + p, "th", 2) == 0))
            break;
          return -1;
        }
      else
        return -1;
    }
  if (digits != NULL)
    *digits = n;
  return n > 0 ? v : -1;
}

/* A count: digits, a number word, "a couple of"; sets *len to its tokens. */
static int
count_at (const Doc *doc, guint i, guint *len)
{
  const TimexWord *w;
  int v;

  if (doc->toks[MIN (i, doc->n_toks - 1)].kind == TOK_NUMBER && i < doc->n_toks)
    {
      v = number_at (doc, i, NULL);
      *len = 1;
      return v >= 0 ? v : -2;
    }
  w = word_at (doc, i);
  if (w == NULL || w->cls != W_NUMWORD)
    return -2;
  *len = 1;
  v = w->value;
  /* "twenty-four", "a few", "a couple of" */
  if (v >= 20 && _chronicle_tok_is_punct (doc, i + 1, '-') && word_is (doc, i + 2, W_NUMWORD))
    {
      const TimexWord *u = word_at (doc, i + 2);

      if (u->value > 0 && u->value < 10)
        {
          v += u->value;
          *len = 3;
        }
    }
  else if (v == 1 && (_chronicle_tok_is (doc, i + 1, "few") || _chronicle_tok_is (doc, i + 1, "couple")))
    {
      v = _chronicle_tok_is (doc, i + 1, "few") ? -1 : 2;
      *len = 2;
      if (_chronicle_tok_is (doc, i + 2, "of"))
        *len = 3;
    }
  else if (v == 100 || v == 2)
    {
      if (_chronicle_tok_is (doc, i, "couple"))
        {
          if (!_chronicle_tok_is (doc, i + 1, "of"))
            return -2;
          *len = 2;
        }
    }
  return v;
}

/* A unit word after a count, with an optional hyphen before it: "five-year". */
static int
unit_at (const Doc *doc, guint i, guint *len, gboolean *plural)
{
  const TimexWord *w;
  guint skip = 0;

  if (_chronicle_tok_is_punct (doc, i, '-') && !(doc->toks[i].flags & TF_SPACE))
    skip = 1;
  w = word_at (doc, i + skip);
  if (w == NULL || (w->cls != W_UNIT && w->cls != W_QUARTER))
    return U_NONE;
  *len = skip + 1;
  if (plural != NULL)
    *plural = w->plural;
  return w->value;
}

static gboolean
is_year (int v, guint digits)
{
  return digits == 4 && v >= 1800 && v <= 2100;
}

static int
part_at (const Doc *doc, guint i)
{
  const TimexWord *w = word_at (doc, i);

  return w != NULL && w->cls == W_PART ? w->value : PART_NONE;
}

/* Month-day-year after the month word at @i (already known); returns the
 * index after the match. */
static guint
parse_month_forms (const Doc *doc, guint i, int month, TimexHit *h)
{
  guint j = i + 1, digits = 0;
  int v;

  h->kind = TK_ABS;
  h->m = month;
  if (_chronicle_tok_is_punct (doc, j, '.') && !(doc->toks[j].flags & TF_SPACE) &&
      word_is (doc, i, W_MONTH_ABBR))
    j++;

  v = number_at (doc, j, &digits);
  if (v >= 1 && v <= 31 && digits <= 2)
    {
      h->d = v;
      j++;
      if (_chronicle_tok_is_punct (doc, j, ',') && (v = number_at (doc, j + 1, &digits)) >= 0 &&
          is_year (v, digits))
        {
          h->y = v;
          h->extra = 1;
          j += 2;
        }
      else if ((v = number_at (doc, j, &digits)) >= 0 && is_year (v, digits))
        {
          h->y = v;
          h->extra = 1;
          j++;
        }
      return j;
    }

  if (_chronicle_tok_is (doc, j, "of") || _chronicle_tok_is_punct (doc, j, ','))
    {
      v = number_at (doc, j + 1, &digits);
      if (v >= 0 && is_year (v, digits))
        {
          h->y = v;
          h->extra = 1;
          return j + 2;
        }
    }
  v = number_at (doc, j, &digits);
  if (v >= 0 && is_year (v, digits))
    {
      h->y = v;
      h->extra = 1;
      return j + 1;
    }
  return j;
}

/* Whether a month word with nothing after it is a month here ("in May", not
 * "May I"). */
static gboolean
lone_month_ok (const Doc *doc, guint i, int month, gboolean after_edge)
{
  static const char * const before[] = {
    "in", "on", "since", "until", "till", "by", "from", "of", "last", "next", "this",
    "before", "after", "during", "through", "to", "between", "and", "early", "late", "mid",
    "a", "the", "for", "or", "that", "since", "throughout", "past", "end", "beginning", NULL
  };

  if (!(doc->toks[i].flags & TF_CAP) || (doc->toks[i].flags & TF_UPPER))
    return FALSE;
  if (after_edge)
    return TRUE;
  if (month != 3 && month != 4 && month != 5 && month != 6)
    return !(doc->toks[i].flags & TF_SENT) || month >= 9 || month <= 2;
  if (i == 0)
    return FALSE;
  for (guint k = 0; before[k] != NULL; k++)
    if (_chronicle_tok_is (doc, i - 1, before[k]))
      return TRUE;
  return FALSE;
}

static gboolean
year_ok (const Doc *doc, guint i)
{
  const Token *next = i + 1 < doc->n_toks ? &doc->toks[i + 1] : NULL;

  if (i > 0 && (_chronicle_tok_is_punct (doc, i - 1, '$') || _chronicle_tok_is (doc, i - 1, "£") ||
                _chronicle_tok_is (doc, i - 1, "€") || _chronicle_tok_is_punct (doc, i - 1, '#')))
    return FALSE;
  if (next != NULL && next->kind == TOK_PUNCT && doc->text[next->start] == '%')
    return FALSE;
  if (next != NULL && next->kind == TOK_WORD && (next->flags & TF_LOWER) &&
      !(next->flags & TF_CLITIC) && next->end - next->start > 3 &&
      doc->text[next->end - 1] == 's' && !_chronicle_tok_is (doc, i + 1, "elections"))
    return FALSE;
  return TRUE;
}

/* Tries every pattern at token @i; fills @h and returns TRUE on a match. */
static gboolean
match_at (const Doc *doc, guint i, TimexHit *h)
{
  const TimexWord *w;
  guint j = i, len = 0, digits = 0;
  gboolean has_the = FALSE, has_edge = FALSE;
  int v;

  memset (h, 0, sizeof *h);
  h->first_tok = i;

  w = word_at (doc, j);
  if (w != NULL && w->cls == W_THE)
    {
      has_the = TRUE;
      j++;
      w = word_at (doc, j);
    }
  if (w != NULL && w->cls == W_EDGE && j + 1 < doc->n_toks)
    {
      guint k = j + 1;

      if (_chronicle_tok_is_punct (doc, k, '-'))
        k++;
      if (word_is (doc, k, W_MONTH) || ((v = number_at (doc, k, &digits)) >= 0 && is_year (v, digits)))
        {
          has_edge = TRUE;
          j = k;
          w = word_at (doc, j);
        }
    }
  if (j >= doc->n_toks)
    return FALSE;

  /* 2015-12-15 */
  if ((v = number_at (doc, j, &digits)) >= 0 && digits == 4 && doc->toks[j].kind == TOK_NUMBER &&
      _chronicle_tok_is_punct (doc, j + 1, '-') && _chronicle_tok_is_punct (doc, j + 3, '-') &&
      !(doc->toks[j + 1].flags & TF_SPACE) && !(doc->toks[j + 3].flags & TF_SPACE))
    {
      guint d1, d2;
      int mo = number_at (doc, j + 2, &d1), da = number_at (doc, j + 4, &d2);

      if (mo >= 1 && mo <= 12 && da >= 1 && da <= 31 && d1 == 2 && d2 == 2)
        {
          h->kind = TK_ABS;
          h->y = v, h->m = mo, h->d = da, h->extra = 1;
          h->last_tok = j + 4;
          return TRUE;
        }
    }

  /* 12/15/2015 */
  if ((v = number_at (doc, j, &digits)) >= 1 && v <= 12 && doc->toks[j].kind == TOK_NUMBER &&
      _chronicle_tok_is_punct (doc, j + 1, '/') && _chronicle_tok_is_punct (doc, j + 3, '/'))
    {
      guint d2;
      int da = number_at (doc, j + 2, NULL), yr = number_at (doc, j + 4, &d2);

      if (da >= 1 && da <= 31 && yr >= 0 && (d2 == 4 || d2 == 2))
        {
          h->kind = TK_ABS;
          h->y = d2 == 2 ? (yr < 50 ? 2000 + yr : 1900 + yr) : yr;
          h->m = v, h->d = da, h->extra = 1;
          h->last_tok = j + 4;
          return TRUE;
        }
    }

  /* Friday, Oct. 23 / Friday / Friday morning */
  if (w != NULL && w->cls == W_WEEKDAY && (doc->toks[j].flags & TF_CAP))
    {
      guint k = j + 1;

      if (_chronicle_tok_is_punct (doc, k, ','))
        k++;
      if ((word_is (doc, k, W_MONTH) || word_is (doc, k, W_MONTH_ABBR)) && word_at (doc, k) != NULL)
        {
          TimexHit tmp = { 0 };
          guint end = parse_month_forms (doc, k, word_at (doc, k)->value, &tmp);

          if (tmp.d > 0)
            {
              *h = tmp;
              h->first_tok = i;
              h->last_tok = end - 1;
              return TRUE;
            }
        }
      h->kind = TK_WEEKDAY;
      h->extra = w->value;
      h->last_tok = j;
      if ((v = part_at (doc, j + 1)) != PART_NONE)
        {
          h->unit = v;
          h->last_tok = j + 1;
        }
      return TRUE;
    }

  /* December 15, 2015 / Dec. 15 / December 2015 / late September */
  if (w != NULL && (w->cls == W_MONTH || w->cls == W_MONTH_ABBR) && (doc->toks[j].flags & TF_CAP))
    {
      guint end = parse_month_forms (doc, j, w->value, h);

      if (h->d == 0 && h->y == 0)
        {
          if (w->cls == W_MONTH_ABBR && !_chronicle_tok_is_punct (doc, j + 1, '.'))
            return FALSE;
          if (w->cls == W_MONTH && !lone_month_ok (doc, j, w->value, has_edge))
            return FALSE;
        }
      h->last_tok = end - 1;
      if (has_the && !has_edge)
        h->first_tok = i + 1;
      return TRUE;
    }

  /* 15 December 2015 / 15th of December */
  if ((v = number_at (doc, j, &digits)) >= 1 && v <= 31 && digits <= 2)
    {
      guint k = j + 1;

      const TimexWord *mw;

      if (_chronicle_tok_is (doc, k, "of"))
        k++;
      mw = word_at (doc, k);
      if (mw != NULL && (mw->cls == W_MONTH || mw->cls == W_MONTH_ABBR) && (doc->toks[k].flags & TF_CAP))
        {
          guint end;
          int day = v;

          end = parse_month_forms (doc, k, mw->value, h);
          if (h->d == 0)
            {
              h->d = day;
              h->last_tok = end - 1;
              if (has_the)
                h->first_tok = i;
              return TRUE;
            }
          memset (h, 0, sizeof *h);
          h->first_tok = i;
        }
    }

  /* Years and decades: 2015, the 1990s, mid-2015 */
  if ((v = number_at (doc, j, &digits)) >= 0 && is_year (v, digits) && doc->toks[j].kind == TOK_NUMBER &&
      year_ok (doc, j))
    {
      if (_chronicle_tok_is (doc, j + 1, "s") && !(doc->toks[j + 1].flags & TF_SPACE) && v % 10 == 0)
        {
          h->kind = TK_DECADE;
          h->y = v;
          h->last_tok = j + 1;
          return TRUE;
        }
      h->kind = TK_ABS;
      h->y = v;
      h->extra = 1;
      h->last_tok = j;
      if (has_the && !has_edge)
        {
          /* "the 1988 period": leave "the" out unless a unit follows. */
          h->first_tok = i + 1;
        }
      return TRUE;
    }
  if (doc->toks[j].kind == TOK_WORD && (doc->toks[j].flags & TF_DIGIT) && tok_len (doc, j) == 5 &&
      doc->text[doc->toks[j].end - 1] == 's')
    {
      int dec = 0;

      for (guint32 q = doc->toks[j].start; q < doc->toks[j].end - 1 && g_ascii_isdigit (doc->text[q]); q++)
        dec = dec * 10 + (doc->text[q] - '0');

      if (dec >= 1800 && dec <= 2090 && dec % 10 == 0)
        {
          h->kind = TK_DECADE;
          h->y = dec;
          h->last_tok = j;
          return TRUE;
        }
    }

  if (w == NULL)
    w = word_at (doc, j);

  switch (w != NULL ? w->cls : W_NONE)
    {
    case W_REL:
      if (w->value >= 10)
        {
          h->kind = TK_REF;
          h->extra = w->value == 10 ? 0 : 1;
          h->last_tok = j;
          return TRUE;
        }
      h->kind = TK_REL_DAY;
      h->n = w->value == 2 ? 0 : w->value;
      h->unit = w->value == 2 ? PART_NI : PART_NONE;
      h->last_tok = j;
      if (w->value != 2 && (v = part_at (doc, j + 1)) != PART_NONE)
        {
          h->unit = v;
          h->last_tok = j + 1;
        }
      if (has_the)
        h->first_tok = i + 1;
      return TRUE;

    case W_MOD:
      {
        int dir = w->value;
        const TimexWord *x;
        int cnt;
        guint k = j + 1;

        h->anaphoric = _chronicle_tok_is (doc, j, "following") || _chronicle_tok_is (doc, j, "previous") ||
                       (has_the && _chronicle_tok_is (doc, j, "next"));

        x = word_at (doc, k);
        if (x != NULL && x->cls == W_WEEKDAY && (doc->toks[k].flags & TF_CAP))
          {
            h->kind = TK_WEEKDAY;
            h->extra = x->value;
            h->n = dir == 0 ? 2 : dir;
            h->last_tok = k;
            return TRUE;
          }
        if (x != NULL && x->cls == W_MONTH && (doc->toks[k].flags & TF_CAP))
          {
            h->kind = TK_ABS;
            h->m = x->value;
            h->n = dir == 0 ? 2 : dir;
            h->last_tok = k;
            return TRUE;
          }
        if (x != NULL && x->cls == W_SEASON)
          {
            h->kind = TK_SEASON;
            h->extra = x->value;
            h->n = dir;
            h->last_tok = k;
            return TRUE;
          }
        if (x != NULL && x->cls == W_PART && dir != 1)
          {
            h->kind = TK_REL_DAY;
            h->n = (dir == -1 && x->value == PART_NI) ? -1 : 0;
            h->unit = x->value;
            h->last_tok = k;
            return TRUE;
          }
        if (x != NULL && (x->cls == W_UNIT || x->cls == W_QUARTER) && !x->plural)
          {
            if (x->value == U_WEEKEND)
              {
                h->kind = TK_WEEKEND;
                h->n = dir;
              }
            else
              {
                h->kind = TK_REL_UNIT;
                h->unit = x->value;
                h->n = dir;
              }
            h->last_tok = k;
            return TRUE;
          }
        /* the past two months, the next five years */
        if (dir != 0 && (cnt = count_at (doc, k, &len)) != -2)
          {
            gboolean plural = FALSE;
            guint ulen = 0;
            int unit = unit_at (doc, k + len, &ulen, &plural);

            if (unit != U_NONE && unit != U_WEEKEND)
              {
                h->kind = TK_DURATION;
                h->unit = unit;
                h->n = cnt;
                h->last_tok = k + len + ulen - 1;
                return TRUE;
              }
          }
        /* "current" on its own: "the current crisis" */
        if (_chronicle_tok_is (doc, j, "current") && x == NULL && doc->toks[k < doc->n_toks ? k : j].kind == TOK_WORD)
          {
            h->kind = TK_REF;
            h->extra = 0;
            h->first_tok = j;
            h->last_tok = j;
            return TRUE;
          }
        return FALSE;
      }

    case W_EVERY:
      {
        const TimexWord *x = word_at (doc, j + 1);

        if (x != NULL && (x->cls == W_UNIT || x->cls == W_WEEKDAY || x->cls == W_PART))
          {
            h->kind = TK_SET;
            h->unit = x->cls == W_UNIT ? x->value : x->cls == W_WEEKDAY ? U_WEEK : U_DAY;
            h->last_tok = j + 1;
            return TRUE;
          }
        return FALSE;
      }

    case W_SETWORD:
      h->kind = TK_SET;
      h->unit = w->value;
      h->last_tok = j;
      return TRUE;

    case W_CLOCKWORD:
      h->kind = TK_CLOCK;
      h->n = w->value;
      h->last_tok = j;
      return TRUE;

    case W_QUARTER:
      /* "the quarter": in results, the last quarter that ended */
      if (has_the && !w->plural && !_chronicle_tok_is_punct (doc, j + 1, '-'))
        {
          h->kind = TK_REL_UNIT;
          h->unit = U_QUARTER;
          h->n = -1;
          h->last_tok = j;
          return TRUE;
        }
      break;

    case W_ORDINAL:
    case W_UNIT:
      if (w->cls == W_UNIT && w->value == U_SECOND && _chronicle_tok_is (doc, j + 1, "quarter"))
        w = &second_ordinal;
      if (w->cls == W_ORDINAL)
        {
          guint k = j + 1;

          if (_chronicle_tok_is_punct (doc, k, '-'))
            k++;
          if (_chronicle_tok_is (doc, k, "quarter") && w->value <= 4)
            {
              h->kind = TK_QUARTER;
              h->n = w->value;
              h->last_tok = k;
              return TRUE;
            }
        }
      if (has_the && w->cls == W_UNIT && w->value == U_WEEKEND)
        {
          h->kind = TK_WEEKEND;
          h->n = 0;
          h->last_tok = j;
          return TRUE;
        }
      break;

    default:
      break;
    }

  /* Counts with units: two days ago, five years, a five-year term, 3 p.m. */
  {
    int cnt = count_at (doc, j, &len);

    if (cnt != -2)
      {
        gboolean plural = FALSE;
        guint ulen = 0;
        int unit = unit_at (doc, j + len, &ulen, &plural);

        if (unit != U_NONE && unit != U_WEEKEND)
          {
            guint end = j + len + ulen;

            /* An age is no time expression: "a 6-year-old boy" */
            if ((_chronicle_tok_is_punct (doc, end, '-') && _chronicle_tok_is (doc, end + 1, "old")) ||
                _chronicle_tok_is (doc, end, "old"))
              return FALSE;

            /* "a year" after an amount is a rate: "$5 a year" */
            if (cnt == 1 && _chronicle_tok_is (doc, j, "a") && j > 0 &&
                (doc->toks[j - 1].kind == TOK_NUMBER || (doc->toks[j - 1].flags & TF_DIGIT)))
              {
                h->kind = TK_SET;
                h->unit = unit;
                h->last_tok = end - 1;
                return TRUE;
              }
            if (_chronicle_tok_is (doc, end, "ago") ||
                ((_chronicle_tok_is (doc, end, "earlier") || _chronicle_tok_is (doc, end, "later")) &&
                 (unit == U_YEAR || unit == U_MONTH || unit == U_QUARTER)))
              {
                h->kind = TK_AGO;
                h->unit = unit;
                h->n = cnt;
                h->extra = _chronicle_tok_is (doc, end, "later") ? 1 : -1;
                h->last_tok = end;
                if (has_the)
                  h->first_tok = i + 1;
                return TRUE;
              }
            if (_chronicle_tok_is (doc, end, "from") && _chronicle_tok_is (doc, end + 1, "now"))
              {
                h->kind = TK_AGO;
                h->unit = unit;
                h->n = cnt;
                h->extra = 1;
                h->last_tok = end + 1;
                return TRUE;
              }
            /* A span: "five years", and "two days later", anchored to
             * some other event rather than to the reference date. */
            h->kind = TK_DURATION;
            h->unit = unit;
            h->n = cnt;
            h->last_tok = end - 1;
            return TRUE;
          }

      }
  }

  /* Clock times: 3 p.m., 10:35 a.m. */
  if (doc->toks[j].kind == TOK_NUMBER && tok_len (doc, j) <= 5)
    {
      guint k = j + 1;
      const char *start = doc->text + doc->toks[j].start, *end = doc->text + doc->toks[j].end;
      const char *colon = memchr (start, ':', end - start);
      int hour = 0, minute = 0;

      /* The text need not end with a NUL: parse within the token only. */
      for (const char *q = start; q < (colon ? colon : end) && g_ascii_isdigit (*q); q++)
        hour = hour * 10 + (*q - '0');
      for (const char *q = colon ? colon + 1 : end; q < end && g_ascii_isdigit (*q); q++)
        minute = minute * 10 + (*q - '0');

      if (_chronicle_tok_is (doc, k, "a.m.") || _chronicle_tok_is (doc, k, "am") ||
          _chronicle_tok_is (doc, k, "p.m.") || _chronicle_tok_is (doc, k, "pm"))
        {
          gboolean pm = g_ascii_tolower (doc->text[doc->toks[k].start]) == 'p';

          if (hour >= 1 && hour <= 12 && minute >= 0 && minute < 60)
            {
              h->kind = TK_CLOCK;
              h->n = (hour % 12) + (pm ? 12 : 0);
              h->extra = minute;
              h->last_tok = k;
              return TRUE;
            }
        }
    }

  /* Vague spans: "for years", "in coming weeks", "recent months" */
  if (w != NULL && w->cls == W_UNIT && w->plural && i == j && j > 0 &&
      (_chronicle_tok_is (doc, j - 1, "for") || _chronicle_tok_is (doc, j - 1, "within") ||
       _chronicle_tok_is (doc, j - 1, "recent") || _chronicle_tok_is (doc, j - 1, "coming") ||
       _chronicle_tok_is (doc, j - 1, "several") || _chronicle_tok_is (doc, j - 1, "many") ||
       _chronicle_tok_is (doc, j - 1, "few")) &&
      w->value != U_WEEKEND)
    {
      h->kind = TK_DURATION;
      h->unit = w->value;
      h->n = -1;
      h->last_tok = j;

      if (_chronicle_tok_is (doc, j - 1, "recent") || _chronicle_tok_is (doc, j - 1, "coming") ||
          _chronicle_tok_is (doc, j - 1, "several") || _chronicle_tok_is (doc, j - 1, "many") ||
          _chronicle_tok_is (doc, j - 1, "few"))
        h->first_tok = j - 1;
      if (h->first_tok > 0 && _chronicle_tok_is (doc, h->first_tok - 1, "the"))
        h->first_tok--;
      return TRUE;
    }

  /* "the future", "the past", "the near future" */
  if (has_the && (_chronicle_tok_is (doc, j, "future") || _chronicle_tok_is (doc, j, "past") ||
                  (_chronicle_tok_is (doc, j, "near") && _chronicle_tok_is (doc, j + 1, "future"))) &&
      (j + 1 >= doc->n_toks || doc->toks[j + 1].kind == TOK_PUNCT || _chronicle_tok_is (doc, j, "near") ||
       (i > 0 && (_chronicle_tok_is (doc, i - 1, "in") || _chronicle_tok_is (doc, i - 1, "for")))))
    {
      h->kind = TK_REF;
      h->extra = _chronicle_tok_is (doc, j, "past") ? 1 : 2;
      h->last_tok = _chronicle_tok_is (doc, j, "near") ? j + 1 : j;
      return TRUE;
    }

  /* Holidays with fixed dates, and Thanksgiving */
  if (doc->toks[j].flags & TF_CAP)
    {
      if (_chronicle_tok_is (doc, j, "Christmas"))
        {
          h->kind = TK_ABS;
          h->m = 12;
          h->d = _chronicle_tok_is (doc, j + 1, "Eve") ? 24 : 25;
          h->last_tok = (_chronicle_tok_is (doc, j + 1, "Eve") || _chronicle_tok_is (doc, j + 1, "Day")) ? j + 1 : j;
          return TRUE;
        }
      if (_chronicle_tok_is (doc, j, "New") && _chronicle_tok_is (doc, j + 1, "Year") &&
          (doc->toks[j + 2 < doc->n_toks ? j + 2 : j].flags & TF_CLITIC) &&
          (_chronicle_tok_is (doc, j + 3, "Day") || _chronicle_tok_is (doc, j + 3, "Eve")))
        {
          gboolean eve = _chronicle_tok_is (doc, j + 3, "Eve");

          h->kind = TK_ABS;
          h->m = eve ? 12 : 1;
          h->d = eve ? 31 : 1;
          h->last_tok = j + 3;
          return TRUE;
        }
      if (_chronicle_tok_is (doc, j, "Thanksgiving"))
        {
          h->kind = TK_ABS;
          h->m = 11;
          h->d = -4;  /* the fourth Thursday, resolved with the year */
          h->last_tok = _chronicle_tok_is (doc, j + 1, "Day") ? j + 1 : j;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * _chronicle_find_timexes:
 *
 * Finds time expressions left to right, longest match first, and marks their
 * tokens TF_USED. Appends TimexHit to @hits.
 */
void
_chronicle_find_timexes (Doc    *doc,
                         GArray *hits)
{
  for (guint i = 0; i < doc->n_toks; i++)
    {
      TimexHit h;

      /* Every pattern starts with a number or a word the table knows. */
      if (doc->toks[i].kind == TOK_PUNCT ||
          (word_at (doc, i) == NULL && !(doc->toks[i].flags & TF_DIGIT)))
        continue;
      if (!match_at (doc, i, &h))
        continue;

      if (h.last_tok >= doc->n_toks)
        h.last_tok = doc->n_toks - 1;

      /* A time of day before a day: "5 p.m. EST, Nov. 9", "noon Thursday" */
      if (h.kind == TK_CLOCK)
        {
          guint k = h.last_tok + 1;
          TimexHit day;

          if (k < doc->n_toks && (tok_flags (doc, k) & LX_ZONE))
            k++;
          if (_chronicle_tok_is_punct (doc, k, ','))
            k++;
          if (k < doc->n_toks && match_at (doc, k, &day) &&
              (day.kind == TK_WEEKDAY || day.kind == TK_REL_DAY || (day.kind == TK_ABS && day.d > 0)))
            {
              day.clock = 1 + h.n * 60 + h.extra;
              day.first_tok = h.first_tok;
              h = day;
            }
        }
      for (guint k = h.first_tok; k <= h.last_tok; k++)
        doc->toks[k].flags |= TF_USED;
      h.possessive = h.last_tok + 1 < doc->n_toks && (doc->toks[h.last_tok + 1].flags & TF_CLITIC) &&
                     g_ascii_tolower (doc->text[doc->toks[h.last_tok + 1].end - 1]) == 's';
      g_array_append_val (hits, h);
      i = h.last_tok;
    }

  for (guint k = 0; k < hits->len; k++)
    {
      TimexHit *h = &g_array_index (hits, TimexHit, k);

      h->cue = _chronicle_context_tense (doc, h->first_tok, h->last_tok);
      h->strong_cue = h->first_tok > 0 &&
                      (_chronicle_cue_of (doc, h->first_tok - 1) != CHRONICLE_TENSE_UNKNOWN ||
                       _chronicle_tok_is (doc, h->first_tok - 1, "until") ||
                       _chronicle_tok_is (doc, h->first_tok - 1, "till") ||
                       _chronicle_tok_is (doc, h->first_tok - 1, "by") ||
                       _chronicle_tok_is (doc, h->first_tok - 1, "said"));
      if (h->possessive && h->kind == TK_WEEKDAY && h->cue == CHRONICLE_TENSE_FUTURE &&
          !(h->first_tok > 0 && _chronicle_cue_of (doc, h->first_tok - 1) == CHRONICLE_TENSE_FUTURE))
        h->cue = CHRONICLE_TENSE_PAST;
    }
  _chronicle_align_weekdays (hits);
}

