/* chronicle-extract-text.c: tokens of a news text
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-extract"

#include "config.h"

#include <string.h>

#include "chronicle-extract-private.h"

/* Abbreviations whose full stop does not end a sentence. */
static const char * const abbreviations[] = {
  "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Capt",
  "Cpl", "Pvt", "Adm", "Maj", "Brig", "Rev", "Prof", "Jan", "Feb", "Mar", "Apr", "Jun",
  "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mt", "Ft", "No", "vs", "Inc", "Corp",
  "Co", "Jr", "Sr", "Ltd", "Ave", "Gov", "Pres", "Supt", "Insp", "Det", "Cmdr", "Messrs",
  NULL
};

static inline gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         c == 0x00A0 || (c >= 0x2000 && c <= 0x200B) || c == 0x3000 || c == 0x202F ||
         c == 0x2028 || c == 0x2029;
}

static inline gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static inline gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static inline gunichar
char_at (const Doc *doc, gsize pos, gsize *next)
{
  const guchar *p = (const guchar *) doc->text + pos;

  if (*p < 0x80)
    {
      *next = pos + 1;
      return *p;
    }

  *next = g_utf8_next_char (doc->text + pos) - doc->text;
  return g_utf8_get_char (doc->text + pos);
}

/* Whether the letters after an apostrophe at @pos form a clitic (’s, n’t…). */
static gboolean
clitic_follows (const Doc *doc, gsize pos)
{
  gsize next, p;
  gunichar c;
  char buf[4];
  guint n = 0;

  char_at (doc, pos, &p);
  while (p < doc->length)
    {
      c = char_at (doc, p, &next);
      if (!is_word_char (c))
        break;
      if (c >= 0x80 || n >= 2)
        return FALSE;
      buf[n++] = (char) c;
      p = next;
    }
  if (n == 0)
    return FALSE;
  buf[n] = '\0';

  return strcmp (buf, "s") == 0 || strcmp (buf, "t") == 0 || strcmp (buf, "ll") == 0 ||
         strcmp (buf, "re") == 0 || strcmp (buf, "ve") == 0 || strcmp (buf, "d") == 0 ||
         strcmp (buf, "m") == 0 || strcmp (buf, "S") == 0;
}

static void
set_case_flags (const Doc *doc, Token *tok)
{
  gsize pos = tok->start, next;
  guint letters = 0, upper = 0, lower = 0;
  gboolean first = TRUE;

  while (pos < tok->end)
    {
      gunichar c = char_at (doc, pos, &next);

      if (c < 0x80 ? g_ascii_isalpha (c) : g_unichar_isalpha (c))
        {
          gboolean up = c < 0x80 ? g_ascii_isupper (c) : (g_unichar_isupper (c) || g_unichar_istitle (c));

          letters++;
          if (up)
            upper++;
          else
            lower++;
          if (first && up)
            tok->flags |= TF_CAP;
        }
      else if (c < 0x80 && g_ascii_isdigit (c))
        tok->flags |= TF_DIGIT;
      if (first && c != '\'' && c != 0x2019)
        first = FALSE;
      pos = next;
    }

  if (letters >= 2 && lower == 0)
    tok->flags |= TF_UPPER;
  if (letters > 0 && upper == 0)
    tok->flags |= TF_LOWER;
}

static gboolean
is_abbreviation (const Doc *doc, guint i)
{
  const Token *t = &doc->toks[i];
  guint len = t->end - t->start;

  if (t->kind != TOK_WORD)
    return FALSE;
  if (len == 1 && (t->flags & TF_CAP))
    return TRUE;   /* an initial: "George W. Bush" */
  for (guint k = 0; abbreviations[k] != NULL; k++)
    if (strlen (abbreviations[k]) == len &&
        memcmp (abbreviations[k], doc->text + t->start, len) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
punct_is (const Doc *doc, const Token *t, const char *s)
{
  gsize len = strlen (s);

  return t->kind == TOK_PUNCT && len <= t->end - t->start &&
         memcmp (doc->text + t->start, s, len) == 0;
}

static void
mark_sentences (Doc *doc)
{
  gboolean start = TRUE;

  for (guint i = 0; i < doc->n_toks; i++)
    {
      Token *t = &doc->toks[i];

      if (t->flags & TF_NEWLINE)
        start = TRUE;

      if (t->kind == TOK_PUNCT &&
          (punct_is (doc, t, "\"") || punct_is (doc, t, "“") || punct_is (doc, t, "‘") ||
           punct_is (doc, t, "(") || punct_is (doc, t, "[") || punct_is (doc, t, "'")))
        {
          /* An opening quote starts a quoted sentence. */
          if ((t->flags & TF_SPACE) || i == 0)
            start = start || !punct_is (doc, t, "(");
          continue;
        }

      if (start)
        t->flags |= TF_SENT;
      start = FALSE;

      if (t->kind == TOK_PUNCT &&
          (punct_is (doc, t, ".") || punct_is (doc, t, "!") || punct_is (doc, t, "?") ||
           punct_is (doc, t, "…")))
        {
          if (punct_is (doc, t, ".") && i > 0 && !(t->flags & TF_SPACE) && is_abbreviation (doc, i - 1))
            continue;
          start = TRUE;
        }
      else if (t->flags & TF_ABBREV)
        {
          /* "U.S." may end a sentence: only when a capitalised non-name follows
           * on the same line; leave it to the caller's heuristics. */
        }
    }
}

static void
mark_headlines (Doc *doc)
{
  guint line_start = 0;

  for (guint i = 0; i <= doc->n_toks; i++)
    {
      if (i == doc->n_toks || (i > line_start && (doc->toks[i].flags & TF_NEWLINE)))
        {
          guint words = 0, caps = 0;
          gboolean ends_with_stop = FALSE;

          for (guint k = line_start; k < i; k++)
            {
              const Token *t = &doc->toks[k];

              if (t->kind == TOK_WORD && !(t->flags & TF_CLITIC) && t->end - t->start > 3)
                {
                  words++;
                  if (t->flags & TF_CAP)
                    caps++;
                }
            }
          if (i > line_start)
            {
              const Token *last = &doc->toks[i - 1];
              ends_with_stop = punct_is (doc, last, ".") || punct_is (doc, last, "”") ||
                               punct_is (doc, last, "\"") || punct_is (doc, last, "?") ||
                               punct_is (doc, last, "!") || punct_is (doc, last, ":");
            }

          if (words >= 3 && caps * 10 >= words * 7 && !ends_with_stop)
            for (guint k = line_start; k < i; k++)
              doc->toks[k].flags |= TF_HEADLINE;

          line_start = i;
        }
    }
}

/**
 * _chronicle_tokenize:
 * @doc: a document whose text is valid UTF-8
 *
 * Splits the text into words, numbers and punctuation in one linear pass.
 * Runs of one repeated punctuation character are one token.
 */
void
_chronicle_tokenize (Doc *doc)
{
  GArray *toks = g_array_sized_new (FALSE, FALSE, sizeof (Token), doc->length / 5 + 16);
  gsize pos = 0;
  guint16 pending = 0;

  while (pos < doc->length)
    {
      gsize next;
      gunichar c = char_at (doc, pos, &next);
      Token tok = { 0 };

      if (is_space (c))
        {
          pending |= TF_SPACE;
          if (c == '\n' || c == 0x2028 || c == 0x2029)
            pending |= TF_NEWLINE;
          pos = next;
          continue;
        }

      tok.start = pos;
      tok.flags = pending;
      pending = 0;

      if (is_word_char (c))
        {
          gboolean digits_only = c < 0x80 && g_ascii_isdigit (c);
          gsize p = next;

          /* Acronyms with full stops: "U.S.", "U.N.", "p.m." */
          if (!digits_only && p < doc->length && doc->text[p] == '.' && p + 2 < doc->length &&
              g_ascii_isalpha (doc->text[p + 1]) && doc->text[p + 2] == '.')
            {
              while (p + 2 < doc->length && doc->text[p] == '.' &&
                     g_ascii_isalpha (doc->text[p + 1]) && doc->text[p + 2] == '.')
                p += 2;
              p++;   /* the final full stop */
              tok.end = p;
              tok.kind = TOK_WORD;
              tok.flags |= TF_ABBREV;
              set_case_flags (doc, &tok);
              g_array_append_val (toks, tok);
              pos = p;
              continue;
            }

          while (p < doc->length)
            {
              gunichar d = char_at (doc, p, &next);

              if (is_word_char (d))
                {
                  if (!(d < 0x80 && g_ascii_isdigit (d)))
                    digits_only = FALSE;
                  p = next;
                  continue;
                }
              if (digits_only && (d == ',' || d == '.' || d == ':') && next < doc->length &&
                  g_ascii_isdigit (doc->text[next]))
                {
                  p = next;
                  continue;
                }
              if (!digits_only && is_apostrophe (d) && next < doc->length)
                {
                  gsize after;
                  gunichar e = char_at (doc, next, &after);

                  if (is_word_char (e) && !clitic_follows (doc, p))
                    {
                      p = next;
                      continue;
                    }
                }
              break;
            }

          tok.end = p;
          tok.kind = digits_only ? TOK_NUMBER : TOK_WORD;
          set_case_flags (doc, &tok);
          g_array_append_val (toks, tok);
          pos = p;

          /* A clitic right after: ’s, n’t */
          if (pos < doc->length && !digits_only)
            {
              gunichar d = char_at (doc, pos, &next);

              if (is_apostrophe (d) && clitic_follows (doc, pos))
                {
                  Token cl = { 0 };
                  gsize q = next;

                  while (q < doc->length && g_ascii_isalpha (doc->text[q]))
                    q++;
                  cl.start = pos;
                  cl.end = q;
                  cl.kind = TOK_WORD;
                  cl.flags = TF_CLITIC | TF_LOWER;
                  g_array_append_val (toks, cl);
                  pos = q;
                }
            }
          continue;
        }

      /* Punctuation: one character, or a run of the same character. */
      {
        gsize p = next, q;

        while (p < doc->length && char_at (doc, p, &q) == c)
          p = q;
        tok.end = p;
        tok.kind = TOK_PUNCT;
        g_array_append_val (toks, tok);
        pos = p;
      }
    }

  doc->n_toks = toks->len;
  doc->toks = (Token *) (void *) g_array_free (toks, FALSE);

  mark_sentences (doc);
  mark_headlines (doc);
}

gboolean
_chronicle_tok_is_punct (const Doc *doc, guint i, char c)
{
  const Token *t;

  if (i >= doc->n_toks)
    return FALSE;
  t = &doc->toks[i];
  return t->kind == TOK_PUNCT && doc->text[t->start] == c;
}

/* Lower-cases a key in place; non-ASCII text goes through g_utf8_strdown. */
static gsize
fold_key (char *buf, gsize len, gsize size)
{
  gboolean ascii = TRUE;

  for (gsize k = 0; k < len; k++)
    {
      char c = buf[k];

      if ((guchar) c >= 0x80)
        ascii = FALSE;
      else if (c >= 'A' && c <= 'Z')
        buf[k] = c + ('a' - 'A');
    }

  if (!ascii)
    {
      g_autofree char *down = g_utf8_strdown (buf, len);
      gsize dlen = strlen (down);

      if (dlen + 1 > size)
        return 0;
      memcpy (buf, down, dlen + 1);
      len = dlen;
    }

  return len;
}

/**
 * _chronicle_span_key:
 *
 * Writes the text of tokens @first..@last into @buf with every run of white
 * space made one space, lower-cased when @lower. Returns its length, 0 when
 * it does not fit.
 */
gsize
_chronicle_span_key (const Doc  *doc,
                     guint       first,
                     guint       last,
                     gboolean    lower,
                     char       *buf,
                     gsize       size)
{
  gsize len = 0;

  for (guint i = first; i <= last; i++)
    {
      const Token *t = &doc->toks[i];
      gsize tl = t->end - t->start;

      if (i > first && (t->flags & TF_SPACE))
        {
          if (len + 1 >= size)
            return 0;
          buf[len++] = ' ';
        }
      if (len + tl >= size)
        return 0;
      memcpy (buf + len, doc->text + t->start, tl);
      len += tl;
    }
  buf[len] = '\0';

  if (lower)
    len = fold_key (buf, len, size);

  return len;
}

gsize
_chronicle_tok_lower (const Doc *doc,
                      guint      i,
                      char      *buf,
                      gsize      size)
{
  return _chronicle_span_key (doc, i, i, TRUE, buf, size);
}
