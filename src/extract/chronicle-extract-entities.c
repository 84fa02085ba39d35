/* chronicle-extract-entities.c: people, countries, places, organisations
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-extract"

#include "config.h"

#include <string.h>

#include "chronicle-extract-private.h"

/* A stretch of tokens and what it probably names, before coreference. */
typedef enum {
  SEG_PERSON,      /* strong evidence: title, given name, known person */
  SEG_PERSON_WEAK, /* one word, by context ("Lavrov said"): kept if not resolved otherwise */
  SEG_SINGLE,      /* one unknown capitalised word: a person only by coreference */
  SEG_COUNTRY,
  SEG_PLACE,
  SEG_ORG,
} SegKind;

typedef struct {
  guint           first;
  guint           last;
  guint           name_first;   /* for people after an honorific: the name itself */
  SegKind         kind;
  const LexEntry *entry;
  const char     *canonical;
  const char     *country;
} Seg;

typedef struct {
  Doc           *doc;
  const Lexicon *lex;
  GStringChunk  *chunk;
  GArray        *segs;
  GHashTable    *surnames;   /* surname → canonical full name */
  GHashTable    *acronyms;   /* acronym → canonical organisation */
  GHashTable    *countries;  /* codes named in the text */
} Ctx;






static const LexEntry *
lookup_tok (Ctx *c, guint i, gboolean exact)
{
  char buf[128];

  if (_chronicle_span_key (c->doc, i, i, !exact, buf, sizeof buf) == 0)
    return NULL;
  return _chronicle_lexicon_lookup (c->lex, buf, exact);
}

static guint32
tok_lex_flags (Ctx *c, guint i)
{
  return tok_flags (c->doc, i);
}

static gboolean
is_cap_word (const Doc *doc, guint i)
{
  const Token *t;

  if (i >= doc->n_toks)
    return FALSE;
  t = &doc->toks[i];
  return t->kind == TOK_WORD && (t->flags & TF_CAP) && !(t->flags & (TF_USED | TF_CLITIC));
}

/* The longest lexicon entry starting at @i with one of @want flags.
 * Returns the number of tokens (0 if none); sets *out. */
static guint
longest_match (Ctx *c, guint i, guint32 want, gboolean allow_lower, const LexEntry **out)
{
  const Doc *doc = c->doc;
  char buf[160];
  guint best = 0;

  *out = NULL;
  for (int pass = 0; pass < 2; pass++)
    {
      gboolean exact = pass == 0;
      const LexEntry *head;
      guint max;

      if (!exact && !(doc->toks[i].flags & TF_CAP) && !allow_lower)
        break;
      /* "GAO" is no town in Mali: capitals only match entries written so */
      if (!exact && (doc->toks[i].flags & TF_UPPER) && !(want & LX_TITLE))
        break;
      /* The lower-cased entry of a capitalised word is cached already. */
      if (!exact && doc->lex != NULL && !(doc->toks[i].flags & TF_LOWER))
        head = doc->lex[i];
      else if (_chronicle_span_key (doc, i, i, !exact, buf, sizeof buf) == 0)
        continue;
      else
        head = _chronicle_lexicon_lookup (c->lex, buf, exact);
      if (head == NULL)
        continue;
      max = MIN (head->max_words, doc->n_toks - i);
      for (guint len = max; len > best && len >= 2; len--)
        {
          const LexEntry *e;
          const Token *last = &doc->toks[i + len - 1];

          if (last->kind == TOK_PUNCT && !(last->flags & TF_ABBREV))
            continue;
          if (last->flags & (TF_USED | TF_CLITIC))
            continue;
          /* Every word of a multi-word name is capitalised, or a connector. */
          if (!exact && !(last->flags & TF_CAP) && !(last->flags & TF_DIGIT))
            continue;
          if (_chronicle_span_key (doc, i, i + len - 1, !exact, buf, sizeof buf) == 0)
            continue;
          e = _chronicle_lexicon_lookup (c->lex, buf, exact);
          if (e != NULL && (e->flags & want))
            {
              best = len;
              *out = e;
              break;
            }
        }
      if (best == 0 && (head->flags & want))
        {
          best = 1;
          *out = head;
        }
    }
  return best;
}

static void
add_seg (Ctx *c, guint first, guint last, SegKind kind, const LexEntry *e, const char *canonical,
         const char *country)
{
  Seg s = { first, last, first, kind, e, canonical, country };

  g_array_append_val (c->segs, s);
}

static const char *
span_text (Ctx *c, guint first, guint last)
{
  char buf[256];

  if (_chronicle_span_key (c->doc, first, last, FALSE, buf, sizeof buf) == 0)
    return NULL;
  return g_string_chunk_insert_const (c->chunk, buf);
}

/* Tokens of a personal name from @j: capitalised words, initials, particles
 * and hyphenated parts. Returns the index of its last token, or @j - 1 when
 * there is none (use name_end() to compare safely at @j = 0). */
static guint
collect_name_raw (Ctx *c, guint j)
{
  const Doc *doc = c->doc;
  guint k = j, last = j - 1, words = 0;

  while (k < doc->n_toks && words < 5)
    {
      const Token *t = &doc->toks[k];

      if (k > j && (t->flags & TF_NEWLINE))
        break;

      if (is_cap_word (doc, k) && !(t->flags & (TF_UPPER | TF_DIGIT)) &&
          !(tok_len (doc, k) == 1 && !_chronicle_tok_is_punct (doc, k + 1, '.')))
        {
          guint32 f = tok_lex_flags (c, k);
          const LexEntry *ex = lookup_tok (c, k, TRUE);

          if (f & (LX_DEMONYM | LX_ORG_CUE | LX_TITLE) && !(f & LX_GIVEN) && words > 0)
            break;
          if (f & (LX_DEMONYM | LX_ORG_CUE))
            break;
          if (words > 0 && (f & LX_EVENT_CUE) && !(f & LX_GIVEN))
            break;
          if ((f & LX_GROUP) && !(f & LX_GIVEN))
            break;
          if (ex != NULL && (ex->flags & LX_ORG))
            break;
          if (words == 0 && (t->flags & TF_SENT) && k != j)
            break;
          last = k;
          words++;
          k++;
          /* An initial: "W." */
          if (tok_len (doc, last) == 1 && _chronicle_tok_is_punct (doc, k, '.') &&
              !(doc->toks[k].flags & TF_SPACE) && is_cap_word (doc, k + 1))
            {
              last = k;
              k++;
            }
          /* Hyphenated: "Ki-moon", "Jean-Claude" */
          while (_chronicle_tok_is_punct (doc, k, '-') && !(doc->toks[k].flags & TF_SPACE) &&
                 k + 1 < doc->n_toks && doc->toks[k + 1].kind == TOK_WORD &&
                 !(doc->toks[k + 1].flags & TF_SPACE))
            {
              last = k + 1;
              k += 2;
            }
          continue;
        }

      /* Particles: "al-Assad", "bin Laden", "de Menezes" */
      if (t->kind == TOK_WORD && (t->flags & TF_LOWER) && (tok_flags (doc, k) & LX_PARTICLE))
        {
          if (_chronicle_tok_is_punct (doc, k + 1, '-') && !(doc->toks[k + 1].flags & TF_SPACE) &&
              is_cap_word (doc, k + 2))
            {
              last = k + 2;
              words++;
              k += 3;
              continue;
            }
          if (is_cap_word (doc, k + 1) && words > 0)
            {
              k++;
              continue;
            }
        }
      break;
    }

  return last;
}

/* Like collect_name_raw(), but returns FALSE when no name starts at @j. */
static gboolean
collect_name (Ctx *c, guint j, guint *last)
{
  guint end = collect_name_raw (c, j);

  if (end + 1 == j || end < j)
    return FALSE;
  *last = end;
  return TRUE;
}

/* Honorifics stay in a person's mention ("Mr Lavrov"); roles do not
 * ("Foreign Minister Sergei Lavrov" → "Sergei Lavrov"). */
static gboolean
is_honorific (Ctx *c, guint first, guint last)
{
  return first == last && (tok_flags (c->doc, first) & LX_HONORIFIC);
}

static gboolean
title_at (Ctx *c, guint i, guint *end)
{
  const LexEntry *e;
  guint len = longest_match (c, i, LX_TITLE, FALSE, &e);

  if (len == 0)
    return FALSE;
  *end = i + len - 1;
  if (_chronicle_tok_is_punct (c->doc, *end + 1, '.') && !(c->doc->toks[*end + 1].flags & TF_SPACE))
    (*end)++;
  return TRUE;
}

/* An organisation by its cue word: "Free Syrian Army", "Ministry of Foreign
 * Affairs", "Bank of England". Returns the last token or @i - 1. */
static guint
org_by_cue (Ctx *c, guint i)
{
  const Doc *doc = c->doc;
  guint k = i, cue = G_MAXUINT, first_cue = G_MAXUINT, words = 0, and_at = G_MAXUINT;

  while (k < doc->n_toks && words < 7)
    {
      if (k > i && (doc->toks[k].flags & TF_NEWLINE))
        break;
      if (is_cap_word (doc, k))
        {
          if (tok_lex_flags (c, k) & LX_ORG_CUE)
            {
              if (first_cue == G_MAXUINT)
                first_cue = k;
              cue = k;
            }
          words++;
          k++;
          continue;
        }
      if (k > i && (_chronicle_tok_is (doc, k, "of") || _chronicle_tok_is (doc, k, "for") ||
                    _chronicle_tok_is (doc, k, "and") || _chronicle_tok_is (doc, k, "&") ||
                    _chronicle_tok_is (doc, k, "the")) &&
          (is_cap_word (doc, k + 1) || (_chronicle_tok_is (doc, k + 1, "the") && is_cap_word (doc, k + 2))))
        {
          gboolean and = _chronicle_tok_is (doc, k, "and") || _chronicle_tok_is (doc, k, "&");

          /* "of" only continues an organisation after its cue word; "and"
           * may come before it ("Food and Drug Administration"). */
          if (cue == G_MAXUINT && !and && !_chronicle_tok_is (doc, k, "the"))
            break;
          if (and && cue != G_MAXUINT)
            break;   /* "Fund and the World Bank": two names */
          if (and)
            {
              if (and_at != G_MAXUINT)
                break;
              and_at = k;
            }
          k++;
          continue;
        }
      if (_chronicle_tok_is_punct (doc, k, '-') && !(doc->toks[k].flags & TF_SPACE) && k > i &&
          k + 1 < doc->n_toks && doc->toks[k + 1].kind == TOK_WORD)
        {
          k++;
          continue;
        }
      break;
    }

  if (cue == G_MAXUINT || (and_at != G_MAXUINT && and_at > cue))
    return i - 1;
  /* "the United States and Russian Federation": a name before "and" that is
   * complete on its own ends there. */
  if (and_at != G_MAXUINT)
    {
      const LexEntry *lx = NULL;
      guint llen = longest_match (c, i, LX_ORG | LX_COUNTRY_NAME | LX_DEMONYM | LX_PLACE | LX_REGION |
                                  LX_PERSON, FALSE, &lx);

      if (llen > 0 && i + llen >= and_at)
        return i - 1;
    }
  /* A lone cue word ("Army", "Police") is not a name; "Ministry of X" is. */
  if (cue == i)
    {
      if (!_chronicle_tok_is (doc, i + 1, "of") || !is_cap_word (doc, i + 2))
        return i - 1;
    }
  /* "Organization of Petroleum Exporting Countries": the first cue with
   * "of" after it heads the name, whatever cue words follow. */
  if (first_cue != cue &&
      (_chronicle_tok_is (doc, first_cue + 1, "of") || _chronicle_tok_is (doc, first_cue + 1, "for")))
    cue = first_cue;
  /* Extend through "of …" after the cue. */
  if (_chronicle_tok_is (doc, cue + 1, "of") || _chronicle_tok_is (doc, cue + 1, "for"))
    {
      guint end = cue, m = cue + 2;

      if (_chronicle_tok_is (doc, m, "the"))
        m++;
      while (m < doc->n_toks && m < cue + 10 && !(doc->toks[m].flags & TF_NEWLINE) &&
             (is_cap_word (doc, m) ||
              ((_chronicle_tok_is (doc, m, "and") || _chronicle_tok_is (doc, m, "of")) && is_cap_word (doc, m + 1))))
        {
          /* A building after the name is not part of it: "… Affairs Manor House" */
          if (is_cap_word (doc, m) && (tok_flags (doc, m) & LX_FACILITY) && m >= cue + 4 &&
              is_cap_word (doc, m - 1))
            {
              end = m - 2;
              break;
            }
          if (is_cap_word (doc, m))
            end = m;
          m++;
        }
      return end;
    }
  return cue;
}

static gboolean
place_context_ok (Ctx *c, guint first, guint last, const LexEntry *e)
{
  const Doc *doc = c->doc;
  guint32 pop = e->n_places > 0 ? e->places[0].population : 0;
  guint32 tf = tok_flags (doc, first);
  gboolean capital = (e->flags & LX_CAPITAL) != 0;
  gboolean weak = ((tf & LX_COMMON) && pop < 1000000) ||
                  ((tf & LX_GIVEN) && pop < 200000 && !capital) ||
                  (pop < 50000 && !capital);
  gboolean located = first > 0 && (tok_flags (doc, first - 1) & LX_LOCATIVE);
  gboolean comma = _chronicle_tok_is_punct (doc, last + 1, ',') && is_cap_word (doc, last + 2) &&
                   (tok_lex_flags (c, last + 2) & (LX_COUNTRY_NAME | LX_REGION));

  if (e->flags & LX_CURATED)
    return !((tf & LX_COMMON) && (doc->toks[first].flags & TF_SENT) && first == last) || located;
  if (e->flags & LX_REGION)
    return !(tf & LX_COMMON) || located;
  if (!weak || first != last)
    return TRUE;
  if (doc->toks[first].flags & TF_SENT)
    return comma;
  return located || comma;
}

/* Surname endings common in world news: "Milosevic", "Ivanov", "Tymoshenko" */
static gboolean
surname_shaped (const Doc *doc, guint i)
{
  static const char * const endings[] = {
    "ovic", "evic", "ović", "ević", "ov", "ev", "ova", "eva", "sky", "ski", "ska", "enko",
    "chuk", "dze", "shvili", "escu", "oglu", "ovich", "evich", NULL
  };
  const Token *t = &doc->toks[i];
  gsize len = t->end - t->start;

  if (len < 5 || !(t->flags & TF_CAP) || (t->flags & TF_UPPER))
    return FALSE;
  for (guint k = 0; endings[k] != NULL; k++)
    {
      gsize el = strlen (endings[k]);

      if (el < len && memcmp (doc->text + t->end - el, endings[k], el) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
scan (Ctx *c)
{
  Doc *doc = c->doc;
  guint i = 0;

  while (i < doc->n_toks)
    {
      const Token *t = &doc->toks[i];
      const LexEntry *e = NULL;
      guint len, end;
      guint32 f;

      if (t->kind != TOK_WORD || (t->flags & (TF_USED | TF_CLITIC)))
        {
          i++;
          continue;
        }

      /* Lower-case entries that start with a particle: "al-Qaida" */
      if (!(t->flags & TF_CAP))
        {
          if ((tok_flags (doc, i) & LX_PARTICLE) && (len = longest_match (c, i, LX_ORG | LX_PERSON, TRUE, &e)) > 1)
            {
              add_seg (c, i, i + len - 1, (e->flags & LX_ORG) ? SEG_ORG : SEG_PERSON, e,
                       (e->flags & LX_ORG) ? e->org : e->person, NULL);
              i += len;
              continue;
            }
          i++;
          continue;
        }

      f = tok_lex_flags (c, i);

      /* Sentence-initial function words: "Together", "Since", "The" */
      if ((t->flags & TF_SENT) && (f & LX_COMMON) && (tok_flags (doc, i) & LX_FUNCTION))
        {
          i++;
          continue;
        }

      /* Titles and the name after them */
      if (title_at (c, i, &end))
        {
          guint oend = org_by_cue (c, i);
          const LexEntry *lx = NULL;
          guint llen;

          /* "Justice Department", "Justice and Equality Movement" */
          if (oend != i - 1 && oend > end)
            {
              add_seg (c, i, oend, SEG_ORG, NULL, NULL, NULL);
              i = oend + 1;
              continue;
            }

          llen = longest_match (c, i, LX_ORG | LX_COUNTRY_NAME | LX_PLACE | LX_REGION | LX_PERSON,
                                FALSE, &lx);
          if (llen <= end - i + 1)
            {
              guint name_end = 0;

              if (collect_name (c, end + 1, &name_end))
                {
                  Seg s = { i, name_end, end + 1, SEG_PERSON, NULL, NULL, NULL };

                  if (is_honorific (c, i, _chronicle_tok_is_punct (doc, end, '.') ? end - 1 : end))
                    s.name_first = end + 1;
                  else
                    s.first = end + 1;
                  g_array_append_val (c->segs, s);
                  i = name_end + 1;
                  continue;
                }
              /* A title with no name: skip it, it names nobody here. */
              if (!(f & LX_ORG_CUE) || end > i)
                {
                  i = end + 1;
                  continue;
                }
            }
        }

      /* "the Commission", "the Council": an organisation named by its kind */
      if ((f & LX_ORG_CUE) && !(t->flags & (TF_SENT | TF_HEADLINE)) && i > 0 &&
          _chronicle_tok_is (doc, i - 1, "the") && !is_cap_word (doc, i + 1) &&
          !_chronicle_tok_is (doc, i + 1, "of"))
        {
          add_seg (c, i, i, SEG_ORG, NULL, NULL, NULL);
          i++;
          continue;
        }

      /* Organisations by cue word */
      end = org_by_cue (c, i);
      if (end != i - 1)
        {
          const LexEntry *lx = NULL;
          guint llen = longest_match (c, i, LX_ORG | LX_COUNTRY_NAME | LX_PLACE | LX_REGION, FALSE, &lx);

          if (llen < end - i + 1)
            {
              add_seg (c, i, end, SEG_ORG, NULL, NULL, NULL);
              i = end + 1;
              continue;
            }
        }

      /* Lexicon: known people, organisations, countries, places */
      len = longest_match (c, i, LX_PERSON | LX_ORG | LX_COUNTRY_NAME | LX_DEMONYM | LX_PLACE | LX_REGION,
                           FALSE, &e);
      if (len > 0)
        {
          guint last = i + len - 1;

          /* "Rice prices rose" does not name Condoleezza Rice, "Rice said" does;
           * "Sadr City" names a place. */
          if ((e->flags & LX_PERSON) &&
              !(len == 1 && (f & LX_COMMON) && (t->flags & TF_SENT) && !(tok_flags (doc, i + 1) & LX_SPEECH)) &&
              !(len == 1 && is_cap_word (doc, i + 1) &&
                (tok_flags (doc, i + 1) & (LX_PLACE_SUFFIX | LX_ORG_CUE | LX_EVENT_CUE))))
            {
              guint name_end = last;

              if (len == 1 && !collect_name (c, i, &name_end))
                name_end = last;

              add_seg (c, i, MAX (last, name_end), SEG_PERSON, e,
                       name_end > last ? NULL : e->person, NULL);
              i = MAX (last, name_end) + 1;
              continue;
            }
          if (e->flags & LX_ORG)
            {
              add_seg (c, i, last, SEG_ORG, e, e->org, NULL);
              i = last + 1;
              continue;
            }
          if (e->flags & (LX_COUNTRY_NAME | LX_DEMONYM))
            {
              /* "Jordan" after a given name is a surname: handled below. */
              add_seg (c, i, last, SEG_COUNTRY, e, NULL, e->country);
              g_hash_table_add (c->countries, (char *) e->country);
              i = last + 1;
              continue;
            }
          if ((e->flags & (LX_PLACE | LX_REGION)) && !(f & LX_GIVEN && is_cap_word (doc, last + 1)))
            {
              if (place_context_ok (c, i, last, e))
                add_seg (c, i, last, SEG_PLACE, e, e->place, NULL);
              else if (len == 1)
                add_seg (c, i, last, SEG_SINGLE, NULL, NULL, NULL);
              i = last + 1;
              continue;
            }
        }

      /* Given name and surname */
      if ((f & LX_GIVEN) && !(f & (LX_COMPASS | LX_PLACE_PREFIX | LX_GROUP)) &&
          !(t->flags & TF_UPPER) && is_cap_word (doc, i + 1) &&
          !((t->flags & TF_SENT) && (f & LX_COMMON) && !(tok_lex_flags (c, i + 1) & LX_GIVEN) &&
            (tok_lex_flags (c, i + 1) & LX_COMMON)))
        {
          if (collect_name (c, i, &end) && end > i)
            {
              add_seg (c, i, end, SEG_PERSON, NULL, NULL, NULL);
              i = end + 1;
              continue;
            }
        }

      /* Acronyms: "FSA", "OPEC" */
      if ((t->flags & TF_UPPER) && tok_len (doc, i) >= 3 && tok_len (doc, i) <= 6 &&
          !(t->flags & TF_HEADLINE) && !(t->flags & TF_DIGIT) && !(f & (LX_NOT_ORG | LX_ZONE)) &&
          !((f & LX_COMMON) && tok_len (doc, i) >= 3))
        {
          guint prev_upper = i > 0 && (doc->toks[i - 1].flags & TF_UPPER);
          guint next_upper = i + 1 < doc->n_toks && (doc->toks[i + 1].flags & TF_UPPER);

          if (!prev_upper && !next_upper)
            add_seg (c, i, i, SEG_ORG, NULL, NULL, NULL);
          i++;
          continue;
        }

      /* Unknown capitalised words */
      {
        guint k = i, common = 0, words = 0, last;
        gboolean event = FALSE, group = FALSE, place = FALSE;

        gboolean odd = FALSE;

        while (is_cap_word (doc, k) && (k == i || !(doc->toks[k].flags & TF_NEWLINE)) && words < 4)
          {
            guint32 g = tok_lex_flags (c, k);

            /* Product names and codes: "A350 XWB", "Mac OS X" */
            if ((doc->toks[k].flags & (TF_DIGIT | TF_UPPER)) || tok_len (doc, k) == 1)
              odd = TRUE;

            if (k > i && (g & (LX_TITLE | LX_COUNTRY_NAME | LX_ORG_CUE)))
              break;
            if (k > i && (g & LX_DEMONYM) && !(f & LX_COMPASS))
              break;
            if ((g & LX_COMMON) && !(g & LX_GIVEN))
              common++;
            if (g & LX_EVENT_CUE)
              event = TRUE;
            if ((g & LX_GROUP) && !(g & LX_GIVEN))
              group = TRUE;
            words++;
            k++;
          }
        if (words == 0)
          {
            i++;
            continue;
          }
        last = k - 1;

        /* "Plains of Arafat", "Bay of Bengal" */
        if (words == 1 && (f & LX_PLACE_SUFFIX) && _chronicle_tok_is (doc, i + 1, "of") &&
            is_cap_word (doc, i + 2))
          {
            guint m = i + 2;

            while (is_cap_word (doc, m + 1) && !(doc->toks[m + 1].flags & TF_NEWLINE))
              m++;
            add_seg (c, i, m, SEG_PLACE, NULL, NULL, NULL);
            i = m + 1;
            continue;
          }
        /* "Sberbank", "Gazprombank" */
        if (words == 1 && !(f & LX_COMMON) && tok_len (doc, i) > 6 &&
            g_ascii_strncasecmp (doc->text + t->end - 4, "bank", 4) == 0)
          {
            add_seg (c, i, i, SEG_ORG, NULL, NULL, NULL);
            i++;
            continue;
          }

        /* Shapes of place names: "North Waziristan", "Port Harcourt",
         * "Uttar Pradesh", "Helmand province" */
        if (words >= 2 && !event &&
            ((f & (LX_COMPASS | LX_PLACE_PREFIX)) || (tok_lex_flags (c, last) & LX_PLACE_SUFFIX)))
          place = TRUE;
        if (words == 1 && !(f & (LX_COMMON | LX_GROUP)) && (doc->toks[i + 1 < doc->n_toks ? i + 1 : i].flags & TF_LOWER) &&
            (tok_flags (doc, i + 1) & LX_PLACE_SUFFIX) && !(tok_flags (doc, i + 1) & LX_EVENT_CUE))
          place = TRUE;
        if (place)
          {
            const char *country = NULL;

            for (guint m = i; m <= last; m++)
              {
                const LexEntry *e2 = tok_entry (doc, m);
                if (e2 != NULL && (e2->flags & (LX_COUNTRY_NAME | LX_DEMONYM)))
                  country = e2->country;
              }
            add_seg (c, i, last, SEG_PLACE, NULL, NULL, country);
            i = last + 1;
            continue;
          }
        if (event || group || (odd && words >= 2))
          {
            i = last + 1;
            continue;
          }

        if (words >= 2 && common == 0 && !(t->flags & TF_HEADLINE))
          {
            if (!collect_name (c, i, &end))
              end = last;
            add_seg (c, i, MAX (end, last), SEG_PERSON, NULL, NULL, NULL);
            i = MAX (end, last) + 1;
            continue;
          }
        if (words == 1 && (odd || tok_len (doc, i) < 3 || (f & LX_FUNCTION)))
          {
            i = last + 1;
            continue;
          }
        if (words == 1)
          {
            /* "Moqtada al-Sadr": an unknown word and a particle name */
            if (collect_name (c, i, &end) && end > i && !(f & LX_COMMON) && !(t->flags & TF_HEADLINE) &&
                (tok_flags (doc, i + 1) & LX_PARTICLE))
              {
                add_seg (c, i, end, SEG_PERSON, NULL, NULL, NULL);
                i = end + 1;
                continue;
              }
            if (!(f & LX_COMMON) && !(t->flags & TF_HEADLINE) &&
                ((tok_flags (doc, i + 1) & LX_SPEECH) || surname_shaped (doc, i) ||
                 (_chronicle_tok_is_punct (doc, i + 1, ',') && _chronicle_tok_is (doc, i + 2, "who"))))
              add_seg (c, i, i, SEG_PERSON_WEAK, NULL, NULL, NULL);
            else if (!(f & LX_COMMON) || !(t->flags & TF_SENT))
              add_seg (c, i, i, SEG_SINGLE, NULL, NULL, NULL);
          }
        i = last + 1;
      }
    }
}

/* "Free Syrian Army (FSA)": the acronym becomes an alias. */
static void
find_acronyms (Ctx *c)
{
  const Doc *doc = c->doc;

  for (guint s = 0; s < c->segs->len; s++)
    {
      Seg *g = &g_array_index (c->segs, Seg, s);
      guint k = g->last + 1;
      char acro[16], initials[16];
      guint n = 0;

      if (g->kind != SEG_ORG && g->kind != SEG_PERSON && g->kind != SEG_SINGLE)
        continue;
      if (!_chronicle_tok_is_punct (doc, k, '(') || !(doc->toks[k + 1 < doc->n_toks ? k + 1 : k].flags & TF_UPPER) ||
          !_chronicle_tok_is_punct (doc, k + 2, ')'))
        continue;
      if (_chronicle_span_key (doc, k + 1, k + 1, FALSE, acro, sizeof acro) == 0)
        continue;
      for (guint m = g->first; m <= g->last && n < sizeof initials - 1; m++)
        if (is_cap_word (doc, m) || (doc->toks[m].flags & TF_CAP))
          initials[n++] = doc->text[doc->toks[m].start];
      initials[n] = '\0';
      if (strcmp (initials, acro) != 0 && g->kind != SEG_ORG)
        continue;
      if (g->kind != SEG_ORG)
        {
          g->kind = SEG_ORG;
          g->canonical = NULL;
        }
      if (g->canonical == NULL)
        g->canonical = span_text (c, g->first, g->last);
      g_hash_table_insert (c->acronyms, (char *) g_string_chunk_insert_const (c->chunk, acro),
                           (char *) g->canonical);
    }

  for (guint s = 0; s < c->segs->len; s++)
    {
      Seg *g = &g_array_index (c->segs, Seg, s);
      char key[32];
      const char *canon;

      if (g->first != g->last || _chronicle_span_key (doc, g->first, g->first, FALSE, key, sizeof key) == 0)
        continue;
      canon = g_hash_table_lookup (c->acronyms, key);
      if (canon != NULL)
        {
          g->kind = SEG_ORG;
          g->canonical = canon;
        }
    }
}

/* Surnames of the people named in full: "Kerry" → "John Kerry". */
static void
resolve_people (Ctx *c)
{
  const Doc *doc = c->doc;

  for (guint s = 0; s < c->segs->len; s++)
    {
      Seg *g = &g_array_index (c->segs, Seg, s);
      char key[128];
      guint last_word;

      if (g->kind != SEG_PERSON)
        continue;
      if (g->canonical == NULL && g->name_first < g->last)
        g->canonical = span_text (c, g->name_first, g->last);
      if (g->canonical == NULL || g->name_first == g->last)
        continue;
      last_word = g->last;
      if (_chronicle_span_key (doc, last_word, last_word, FALSE, key, sizeof key) == 0)
        continue;
      if (!g_hash_table_contains (c->surnames, key))
        g_hash_table_insert (c->surnames, (char *) g_string_chunk_insert_const (c->chunk, key),
                             (char *) g->canonical);
      /* "al-Assad" is also "Assad" */
      if (g->last >= 2 && _chronicle_tok_is_punct (doc, g->last - 1, '-') &&
          (tok_flags (doc, g->last - 2) & LX_PARTICLE))
        {
          char full[128];

          if (_chronicle_span_key (doc, g->last - 2, g->last, FALSE, full, sizeof full) > 0 &&
              !g_hash_table_contains (c->surnames, full))
            g_hash_table_insert (c->surnames, (char *) g_string_chunk_insert_const (c->chunk, full),
                                 (char *) g->canonical);
        }
    }

  for (guint s = 0; s < c->segs->len; s++)
    {
      Seg *g = &g_array_index (c->segs, Seg, s);
      char key[128];
      const char *full;

      if (g->kind == SEG_COUNTRY || g->kind == SEG_ORG)
        continue;
      if (g->kind == SEG_PERSON && g->canonical != NULL && g->name_first < g->last)
        continue;
      if (g->kind == SEG_PLACE && g->first != g->last)
        continue;
      if (_chronicle_span_key (doc, g->name_first, g->last, FALSE, key, sizeof key) == 0)
        continue;
      full = g_hash_table_lookup (c->surnames, key);
      if (full == NULL)
        {
          const LexEntry *e = _chronicle_lexicon_lookup (c->lex, key, TRUE);

          if (e != NULL && (e->flags & LX_PERSON) && g->kind != SEG_PLACE)
            full = e->person;
        }
      if (full != NULL)
        {
          g->kind = SEG_PERSON;
          g->canonical = full;
        }
      else if (g->kind == SEG_PERSON || g->kind == SEG_PERSON_WEAK)
        {
          g->kind = SEG_PERSON;
          if (g->canonical == NULL)
            g->canonical = span_text (c, g->name_first, g->last);
        }
    }
}

static void
resolve_places (Ctx *c)
{
  const Doc *doc = c->doc;

  /* Countries of unambiguous places count as named too. */
  for (guint s = 0; s < c->segs->len; s++)
    {
      Seg *g = &g_array_index (c->segs, Seg, s);

      if (g->kind == SEG_PLACE && g->entry != NULL && g->entry->n_places == 1 &&
          g->entry->places[0].country[0] != '\0')
        g_hash_table_add (c->countries, (char *) g->entry->places[0].country);
    }

  for (guint s = 0; s < c->segs->len; s++)
    {
      Seg *g = &g_array_index (c->segs, Seg, s);
      const LexEntry *e = g->entry;
      const char *pick = NULL;

      if (g->kind != SEG_PLACE || e == NULL || e->n_places == 0)
        continue;

      /* "Paris, Texas": the next name decides. */
      if (_chronicle_tok_is_punct (doc, g->last + 1, ',') && g->last + 2 < doc->n_toks)
        {
          const LexEntry *n = tok_entry (doc, g->last + 2);
          const char *code = NULL;

          if (n != NULL && (n->flags & (LX_COUNTRY_NAME | LX_DEMONYM)))
            code = n->country;
          else if (n != NULL && (n->flags & LX_REGION) && n->n_places > 0)
            code = n->places[0].country;
          for (guint k = 0; code != NULL && k < e->n_places; k++)
            if (g_strcmp0 (e->places[k].country, code) == 0)
              pick = code;
        }
      /* Else the reading the rest of the text supports, if big enough. */
      for (guint k = 0; pick == NULL && k < e->n_places; k++)
        if (g_hash_table_contains (c->countries, e->places[k].country) &&
            (k == 0 || e->places[k].population >= 100000 || e->places[k].population * 20 >= e->places[0].population))
          pick = e->places[k].country;
      if (pick == NULL)
        pick = e->places[0].country;
      g->country = pick;
    }
}

/**
 * _chronicle_find_entities:
 *
 * Finds entity mentions in a tokenised document whose time expressions have
 * already been marked, and appends EntityHit to @hits in text order.
 */
void
_chronicle_find_entities (Doc           *doc,
                          const Lexicon *lex,
                          GStringChunk  *chunk,
                          GArray        *hits)
{
  Ctx c = { doc, lex, chunk, NULL, NULL, NULL, NULL };

  c.segs = g_array_new (FALSE, FALSE, sizeof (Seg));
  c.surnames = g_hash_table_new (g_str_hash, g_str_equal);
  c.acronyms = g_hash_table_new (g_str_hash, g_str_equal);
  c.countries = g_hash_table_new (g_str_hash, g_str_equal);

  scan (&c);
  find_acronyms (&c);
  resolve_people (&c);
  resolve_places (&c);

  for (guint s = 0; s < c.segs->len; s++)
    {
      Seg *g = &g_array_index (c.segs, Seg, s);
      EntityHit h = { g->first, g->last, 0, g->canonical, g->country };

      switch (g->kind)
        {
        case SEG_PERSON:
          h.kind = CHRONICLE_ENTITY_KIND_PERSON;
          break;
        case SEG_COUNTRY:
          h.kind = CHRONICLE_ENTITY_KIND_COUNTRY;
          h.canonical = chronicle_country_name (g->country);
          break;
        case SEG_PLACE:
          h.kind = CHRONICLE_ENTITY_KIND_PLACE;
          break;
        case SEG_ORG:
          h.kind = CHRONICLE_ENTITY_KIND_ORGANIZATION;
          break;
        case SEG_PERSON_WEAK:
        case SEG_SINGLE:
        default:
          continue;
        }
      if (h.canonical == NULL)
        h.canonical = span_text (&c, g->kind == SEG_PERSON ? g->name_first : g->first, g->last);
      if (h.canonical == NULL)
        continue;
      g_array_append_val (hits, h);
    }

  g_array_unref (c.segs);
  g_hash_table_unref (c.surnames);
  g_hash_table_unref (c.acronyms);
  g_hash_table_unref (c.countries);
}
