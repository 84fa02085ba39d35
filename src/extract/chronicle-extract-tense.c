/* chronicle-extract-tense.c: past or future? Tense cues around time
 * expressions, and what a whole article says about its dates
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-extract"

#include "config.h"

#include "chronicle-extract-private.h"

static int window_tense (const Doc *doc, guint first, guint last);

static gboolean
ends_sentence (const Doc *doc, guint i)
{
  return _chronicle_tok_is_punct (doc, i, '.') || _chronicle_tok_is_punct (doc, i, '!') ||
         _chronicle_tok_is_punct (doc, i, '?') || _chronicle_tok_is_punct (doc, i, ';');
}

int
_chronicle_cue_of (const Doc *doc, guint i)
{
  const Token *t = &doc->toks[i];
  gsize len = t->end - t->start;

  if (t->kind != TOK_WORD || (t->flags & TF_USED))
    return CHRONICLE_TENSE_UNKNOWN;
  if (_chronicle_tok_is (doc, i, "next") && _chronicle_tok_is (doc, i + 1, "to"))
    return CHRONICLE_TENSE_UNKNOWN;
  if ((tok_flags (doc, i) & LX_FUTURE))
    return CHRONICLE_TENSE_FUTURE;
  /* "set to resume", "plans to", "is to meet" */
  if ((_chronicle_tok_is (doc, i, "set") || _chronicle_tok_is (doc, i, "plans") ||
       _chronicle_tok_is (doc, i, "plan") || _chronicle_tok_is (doc, i, "due") ||
       _chronicle_tok_is (doc, i, "is") || _chronicle_tok_is (doc, i, "are")) &&
      (_chronicle_tok_is (doc, i + 1, "to") || _chronicle_tok_is (doc, i + 1, "for")) &&
      !_chronicle_tok_is (doc, i + 2, "be"))
    return CHRONICLE_TENSE_FUTURE;
  if (_chronicle_tok_is (doc, i, "to") && _chronicle_tok_is (doc, i + 1, "be") && i > 0 &&
      (_chronicle_tok_is (doc, i - 1, "is") || _chronicle_tok_is (doc, i - 1, "are")))
    return CHRONICLE_TENSE_FUTURE;
  if ((tok_flags (doc, i) & LX_PAST))
    return CHRONICLE_TENSE_PAST;
  if (len > 4 && (t->flags & TF_LOWER) && doc->text[t->end - 1] == 'd' && doc->text[t->end - 2] == 'e')
    return CHRONICLE_TENSE_PAST;
  return CHRONICLE_TENSE_UNKNOWN;
}


/* The tense the words around a time expression suggest: the nearest cue
 * within the sentence, looking a little further back than ahead. */
int
_chronicle_context_tense (const Doc *doc, guint first, guint last)
{
  /* A verb right before decides: "said Monday", "planned January 1" */
  if (first > 0)
    {
      int c = _chronicle_cue_of (doc, first - 1);

      if (c != CHRONICLE_TENSE_UNKNOWN)
        return c;
      if (_chronicle_tok_is (doc, first - 1, "said") || _chronicle_tok_is (doc, first - 1, "told"))
        return CHRONICLE_TENSE_PAST;
    }
  /* "closed until Friday", "by Monday": ahead, unless the sentence is in the
   * past perfect ("… until Thursday, they had described him …") */
  if (first > 0 && (_chronicle_tok_is (doc, first - 1, "until") || _chronicle_tok_is (doc, first - 1, "till") ||
                    _chronicle_tok_is (doc, first - 1, "by")))
    {
      for (guint k = first - 1; k > 0 && first - k <= 10; k--)
        {
          if (ends_sentence (doc, k - 1))
            break;
          if (_chronicle_tok_is (doc, k - 1, "had"))
            return CHRONICLE_TENSE_PAST;
        }
      for (guint k = last + 1; k < doc->n_toks && k - last <= 10 && !ends_sentence (doc, k); k++)
        if (_chronicle_tok_is (doc, k, "had"))
          return CHRONICLE_TENSE_PAST;
      return CHRONICLE_TENSE_FUTURE;
    }
  return window_tense (doc, first, last);
}

/* The nearest cue within the sentence, looking a little further back than ahead. */
static int
window_tense (const Doc *doc, guint first, guint last)
{
  gboolean back = TRUE, ahead = TRUE;

  for (guint dist = 1; dist <= 10 && (back || ahead); dist++)
    {
      if (back && first >= dist)
        {
          guint k = first - dist;

          if (ends_sentence (doc, k) || (doc->toks[k + 1].flags & TF_SENT))
            back = FALSE;
          else
            {
              int c = _chronicle_cue_of (doc, k);
              if (c != CHRONICLE_TENSE_UNKNOWN)
                return c;
            }
        }
      else
        back = FALSE;

      if (ahead && dist <= 8 && last + dist < doc->n_toks)
        {
          guint k = last + dist;

          if (ends_sentence (doc, k) || (doc->toks[k].flags & TF_SENT))
            ahead = FALSE;
          else
            {
              int c = _chronicle_cue_of (doc, k);
              if (c != CHRONICLE_TENSE_UNKNOWN)
                return c;
            }
        }
      else
        ahead = FALSE;
    }
  return CHRONICLE_TENSE_UNKNOWN;
}

/* One article, one Friday: a bare weekday whose own context is weak takes
 * the tense of a mention of the same day with a clear cue. */
void
_chronicle_align_weekdays (GArray *hits)
{
  int cue_of_day[8] = { 0 };
  gboolean known[8] = { FALSE };

  for (guint k = 0; k < hits->len; k++)
    {
      const TimexHit *h = &g_array_index (hits, TimexHit, k);

      if (h->kind == TK_WEEKDAY && h->n == 0 && h->strong_cue && h->extra >= 1 && h->extra <= 7 &&
          !known[h->extra])
        {
          known[h->extra] = TRUE;
          cue_of_day[h->extra] = h->cue;
        }
    }
  for (guint k = 0; k < hits->len; k++)
    {
      TimexHit *h = &g_array_index (hits, TimexHit, k);

      if (h->kind == TK_WEEKDAY && h->n == 0 && !h->strong_cue && !h->possessive &&
          h->extra >= 1 && h->extra <= 7 && known[h->extra])
        h->cue = cue_of_day[h->extra];
    }
}

/**
 * _chronicle_infer_reference:
 *
 * Picks a publication date for a text that has none: the full date (day,
 * month and year) written most often, the latest one on a tie.
 */
gboolean
_chronicle_infer_reference (const Doc *doc,
                            GArray    *hits,
                            GDate     *date)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  guint best_key = 0, best_count = 0;

  /* Count each full date once per mention: linear in the number of hits. */
  for (guint k = 0; k < hits->len; k++)
    {
      const TimexHit *h = &g_array_index (hits, TimexHit, k);
      guint key, count;

      if (h->kind != TK_ABS || !h->extra || h->d <= 0 || h->m == 0 ||
          !g_date_valid_dmy (h->d, h->m, h->y))
        continue;
      key = (guint) (h->y * 10000 + h->m * 100 + h->d);
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (key))) + 1;
      g_hash_table_insert (counts, GUINT_TO_POINTER (key), GUINT_TO_POINTER (count));
      if (count > best_count || (count == best_count && key > best_key))
        {
          best_count = count;
          best_key = key;
        }
    }

  if (best_count == 0)
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, best_key % 100, (best_key / 100) % 100, best_key / 10000);
  return TRUE;
}
