/* chronicle-extraction.c: who, where and when in a news text
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-extract"

#include "config.h"

#include <string.h>

#include "chronicle-extract-error.h"
#include "chronicle-extract-private.h"
#include "chronicle-extraction.h"

struct _ChronicleExtraction {
  GStringChunk *strings;  /* every string of the result */
  GArray   *entities;   /* of ChronicleEntitySpan */
  GArray   *timexes;    /* of ChronicleTimex */
  GDate     reference;
  gboolean  inferred;
};

G_DEFINE_BOXED_TYPE (ChronicleExtraction, chronicle_extraction,
                     chronicle_extraction_ref, chronicle_extraction_unref)

static void
extraction_free (gpointer data)
{
  ChronicleExtraction *self = data;

  g_array_unref (self->entities);
  g_array_unref (self->timexes);
  if (self->strings != NULL)
    g_string_chunk_free (self->strings);
}

/* Valid UTF-8 of the same number of code points: every invalid byte becomes
 * U+FFFD and every NUL a space. Returns NULL when @text is already clean. */
static char *
sanitize (const char *text,
          gsize       length)
{
  GString *out = NULL;
  const char *p = text, *end = text + length, *clean = text;

  while (p < end)
    {
      guchar b = (guchar) *p;

      if (b != 0 && b < 0x80)
        {
          p++;
          continue;
        }
      if (b != 0)
        {
          gunichar c = g_utf8_get_char_validated (p, end - p);

          if (c != (gunichar) -1 && c != (gunichar) -2)
            {
              p = g_utf8_next_char (p);
              continue;
            }
        }
      if (out == NULL)
        out = g_string_sized_new (length + 16);
      g_string_append_len (out, clean, p - clean);
      if (b == 0)
        g_string_append_c (out, ' ');
      else
        g_string_append (out, "\xEF\xBF\xBD");
      p++;
      clean = p;
    }

  if (out == NULL)
    return NULL;
  g_string_append_len (out, clean, end - clean);
  return g_string_free (out, FALSE);
}

/* Byte offsets to code points, for offsets asked in increasing order. */
typedef struct {
  const char *text;
  gsize       byte;
  guint       chars;
} OffsetCursor;

static guint
char_offset (OffsetCursor *cur, gsize byte)
{
  if (byte < cur->byte)
    {
      cur->byte = 0;
      cur->chars = 0;
    }
  while (cur->byte < byte)
    {
      guchar b = (guchar) cur->text[cur->byte];

      cur->byte += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
      cur->chars++;
    }
  return cur->chars;
}

static int
compare_entities (gconstpointer a,
                  gconstpointer b)
{
  const EntityHit *x = a, *y = b;

  return x->first_tok < y->first_tok ? -1 : x->first_tok > y->first_tok ? 1 : 0;
}

/**
 * chronicle_extract_preload:
 *
 * Loads the bundled data tables now rather than on the first call to
 * chronicle_extract(). Safe from any thread.
 */
void
chronicle_extract_preload (void)
{
  _chronicle_lexicon_get ();
}

/**
 * chronicle_extract:
 * @text: the article text (any bytes: invalid UTF-8 and NULs are tolerated)
 * @length: its length in bytes, or -1 if NUL-terminated
 * @reference_date: (nullable): the publication date, or %NULL to infer one
 * @error: return location for an error
 *
 * Finds the people, countries, places, organisations and time expressions of
 * a news text. Pure and thread-safe: the data tables are loaded once and
 * shared. Offsets in the result count Unicode code points of @text (each
 * invalid byte counting as one).
 *
 * Returns: (transfer full): the extraction, or %NULL with @error set when the
 *   text is longer than %CHRONICLE_EXTRACT_MAX_LENGTH
 */
ChronicleExtraction *
chronicle_extract (const char   *text,
                   gssize        length,
                   const GDate  *reference_date,
                   GError      **error)
{
  g_autofree char *clean = NULL;
  g_autoptr(GArray) timex_hits = NULL;
  g_autoptr(GArray) entity_hits = NULL;
  GStringChunk *chunk = NULL;
  ChronicleExtraction *self;
  const Lexicon *lex;
  OffsetCursor cur = { 0 };
  Doc doc = { 0 };
  GDate anchor;
  gsize len;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  len = length < 0 ? strlen (text) : (gsize) length;
  if (len > CHRONICLE_EXTRACT_MAX_LENGTH)
    {
      g_set_error (error, CHRONICLE_EXTRACT_ERROR, CHRONICLE_EXTRACT_ERROR_TOO_LARGE,
                   "The text is %" G_GSIZE_FORMAT " bytes long; at most %d are accepted",
                   len, CHRONICLE_EXTRACT_MAX_LENGTH);
      return NULL;
    }

  lex = _chronicle_lexicon_get ();

  self = g_atomic_rc_box_new0 (ChronicleExtraction);
  self->entities = g_array_new (FALSE, TRUE, sizeof (ChronicleEntitySpan));
  self->timexes = g_array_new (FALSE, TRUE, sizeof (ChronicleTimex));
  g_date_clear (&self->reference, 1);

  if (len == 0)
    {
      if (reference_date != NULL && g_date_valid (reference_date))
        self->reference = *reference_date;
      return self;
    }

  self->strings = g_string_chunk_new (MIN (len / 4 + 64, 64 * 1024));
  clean = sanitize (text, len);
  if (clean != NULL)
    len = strlen (clean);
  doc.text = clean != NULL ? clean : text;
  doc.length = len;
  _chronicle_tokenize (&doc);
  _chronicle_lexicon_annotate (lex, &doc);

  timex_hits = g_array_new (FALSE, FALSE, sizeof (TimexHit));
  _chronicle_find_timexes (&doc, timex_hits);

  if (reference_date != NULL && g_date_valid (reference_date))
    self->reference = *reference_date;
  else if (_chronicle_infer_reference (&doc, timex_hits, &self->reference))
    self->inferred = TRUE;

  chunk = g_string_chunk_new (1024);
  entity_hits = g_array_new (FALSE, FALSE, sizeof (EntityHit));
  _chronicle_find_entities (&doc, lex, chunk, entity_hits);
  g_array_sort (entity_hits, compare_entities);

  cur.text = doc.text;
  g_date_clear (&anchor, 1);
  {
    guint ti = 0, ei = 0;

    /* Merge both lists in text order so the offset cursor only moves forward. */
    while (ti < timex_hits->len || ei < entity_hits->len)
      {
        const TimexHit *th = ti < timex_hits->len ? &g_array_index (timex_hits, TimexHit, ti) : NULL;
        const EntityHit *eh = ei < entity_hits->len ? &g_array_index (entity_hits, EntityHit, ei) : NULL;

        if (th != NULL && (eh == NULL || th->first_tok <= eh->first_tok))
          eh = NULL;
        else
          th = NULL;

        if (th != NULL)
          {
            ChronicleTimex t = { 0 };
            const Token *a = &doc.toks[th->first_tok], *b = &doc.toks[th->last_tok];

            t.start = char_offset (&cur, a->start);
            t.end = char_offset (&cur, b->end);
            t.text = g_string_chunk_insert_len (self->strings, doc.text + a->start, b->end - a->start);
            /* "the following year" counts from the last date the text named */
            if (th->anaphoric && (th->kind == TK_REL_UNIT || th->kind == TK_WEEKDAY) && g_date_valid (&anchor))
              _chronicle_resolve_timex (th, &anchor, &t);
            else
              _chronicle_resolve_timex (th, g_date_valid (&self->reference) ? &self->reference : NULL, &t);
            if (th->kind == TK_ABS && th->extra && g_date_valid (&t.first_day))
              anchor = t.first_day;
            {
              char *v = t.value;

              t.value = g_string_chunk_insert_const (self->strings, v);
              g_free (v);
            }
            g_array_append_val (self->timexes, t);
            ti++;
          }
        else if (eh != NULL)
          {
            ChronicleEntitySpan e = { 0 };
            const Token *a = &doc.toks[eh->first_tok], *b = &doc.toks[eh->last_tok];

            e.start = char_offset (&cur, a->start);
            e.end = char_offset (&cur, b->end);
            e.text = g_string_chunk_insert_len (self->strings, doc.text + a->start, b->end - a->start);
            e.kind = eh->kind;
            e.canonical = g_string_chunk_insert_const (self->strings, eh->canonical);
            if (eh->country != NULL && strlen (eh->country) == 2)
              memcpy (e.country, eh->country, 3);
            g_array_append_val (self->entities, e);
            ei++;
          }
      }
  }

  g_string_chunk_free (chunk);
  g_free (doc.toks);
  g_free (doc.lex);

  return self;
}

/**
 * chronicle_extraction_new_from_entities:
 * @entities: (array length=n_entities): entity mentions, as a stored article or
 *   event keeps them (offsets may be 0)
 * @n_entities: how many
 * @reference_date: (nullable): the reference date
 *
 * Builds an extraction from entities found earlier, without reading any text: what
 * chronicle_event_grouper_restore() needs to restore an event from stored data.
 * The strings are copied; the result has no time expressions.
 *
 * Returns: (transfer full): the extraction
 */
ChronicleExtraction *
chronicle_extraction_new_from_entities (const ChronicleEntitySpan *entities,
                                        guint                      n_entities,
                                        const GDate               *reference_date)
{
  ChronicleExtraction *self;

  g_return_val_if_fail (entities != NULL || n_entities == 0, NULL);

  self = g_atomic_rc_box_new0 (ChronicleExtraction);
  self->entities = g_array_sized_new (FALSE, TRUE, sizeof (ChronicleEntitySpan), n_entities);
  self->timexes = g_array_new (FALSE, TRUE, sizeof (ChronicleTimex));
  self->strings = g_string_chunk_new (256);
  g_date_clear (&self->reference, 1);
  if (reference_date != NULL && g_date_valid (reference_date))
    self->reference = *reference_date;

  for (guint i = 0; i < n_entities; i++)
    {
      ChronicleEntitySpan e = entities[i];
      const char *canonical = entities[i].canonical != NULL ? entities[i].canonical : "";

      e.canonical = g_string_chunk_insert_const (self->strings, canonical);
      e.text = g_string_chunk_insert_const (self->strings, entities[i].text != NULL
                                                           ? entities[i].text : canonical);
      g_array_append_val (self->entities, e);
    }

  return self;
}

ChronicleExtraction *
chronicle_extraction_ref (ChronicleExtraction *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
chronicle_extraction_unref (ChronicleExtraction *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, extraction_free);
}

/**
 * chronicle_extraction_get_entities:
 * @n_entities: (out): the number of entity mentions
 *
 * Returns: (array length=n_entities) (transfer none): the mentions in text order
 */
const ChronicleEntitySpan *
chronicle_extraction_get_entities (ChronicleExtraction *self,
                                   guint               *n_entities)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_entities != NULL, NULL);

  *n_entities = self->entities->len;
  return (const ChronicleEntitySpan *) (void *) self->entities->data;
}

/**
 * chronicle_extraction_get_timexes:
 * @n_timexes: (out): the number of time expressions
 *
 * Returns: (array length=n_timexes) (transfer none): the time expressions in text order
 */
const ChronicleTimex *
chronicle_extraction_get_timexes (ChronicleExtraction *self,
                                  guint               *n_timexes)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_timexes != NULL, NULL);

  *n_timexes = self->timexes->len;
  return (const ChronicleTimex *) (void *) self->timexes->data;
}

/**
 * chronicle_extraction_get_reference_date:
 *
 * Returns: (nullable): the date time expressions were resolved against: the
 *   one given, else the inferred one, else %NULL
 */
const GDate *
chronicle_extraction_get_reference_date (ChronicleExtraction *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_date_valid (&self->reference) ? &self->reference : NULL;
}

gboolean
chronicle_extraction_get_reference_date_inferred (ChronicleExtraction *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->inferred;
}

/* Whether day @a is a better tie-breaker than @b: nearer @ref, else later. */
static gboolean
closer (guint a, guint b, guint ref)
{
  guint da, db;

  if (b == 0)
    return TRUE;
  if (ref == 0)
    return a > b;
  da = a > ref ? a - ref : ref - a;
  db = b > ref ? b - ref : ref - b;
  return da < db || (da == db && a > b);
}

/**
 * chronicle_extraction_get_event_date:
 * @date: (out caller-allocates): the date
 *
 * The day the article is about: the day-precise date its time expressions
 * name most often (on a tie, the one nearest the reference date, else the
 * latest), else the reference date.
 *
 * Returns: %FALSE when there is neither
 */
gboolean
chronicle_extraction_get_event_date (ChronicleExtraction *self,
                                     GDate               *date)
{
  g_autoptr(GHashTable) counts = NULL;
  guint best_count = 0, best_julian = 0, ref_julian;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  ref_julian = g_date_valid (&self->reference) ? g_date_get_julian (&self->reference) : 0;
  counts = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < self->timexes->len; i++)
    {
      const ChronicleTimex *t = &g_array_index (self->timexes, ChronicleTimex, i);
      guint julian, count;

      if (t->granularity != CHRONICLE_TIMEX_GRANULARITY_DAY || t->type != CHRONICLE_TIMEX_DATE ||
          !g_date_valid (&t->first_day))
        continue;
      julian = g_date_get_julian (&t->first_day);
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (julian))) + 1;
      g_hash_table_insert (counts, GUINT_TO_POINTER (julian), GUINT_TO_POINTER (count));
      if (count > best_count ||
          (count == best_count && closer (julian, best_julian, ref_julian)))
        {
          best_count = count;
          best_julian = julian;
        }
    }
  if (best_count > 0)
    g_date_set_julian (date, best_julian);

  if (best_count == 0 && g_date_valid (&self->reference))
    *date = self->reference;
  return g_date_valid (date);
}

/* For chronicle_name_index_apply(): new canonical names for one-word people. */
guint
_chronicle_extraction_rename_people (ChronicleExtraction *self,
                                     RenameFunc           func,
                                     gpointer             data)
{
  guint changed = 0;

  for (guint i = 0; i < self->entities->len; i++)
    {
      ChronicleEntitySpan *e = &g_array_index (self->entities, ChronicleEntitySpan, i);
      const char *full;

      if (e->kind != CHRONICLE_ENTITY_KIND_PERSON || strchr (e->canonical, ' ') != NULL)
        continue;
      full = func (data, e->canonical);
      if (full == NULL || strcmp (full, e->canonical) == 0)
        continue;
      if (self->strings == NULL)
        self->strings = g_string_chunk_new (256);
      e->canonical = g_string_chunk_insert_const (self->strings, full);
      changed++;
    }
  return changed;
}

const char *
chronicle_timex_type_to_string (ChronicleTimexType type)
{
  switch (type)
    {
    case CHRONICLE_TIMEX_DATE: return "DATE";
    case CHRONICLE_TIMEX_TIME: return "TIME";
    case CHRONICLE_TIMEX_DURATION: return "DURATION";
    case CHRONICLE_TIMEX_SET: return "SET";
    default: return "DATE";
    }
}
