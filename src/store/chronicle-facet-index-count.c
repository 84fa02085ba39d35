/* chronicle-facet-index-count.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-store"

#include "config.h"

#include <string.h>

#include "chronicle-facet-index-private.h"
#include "chronicle-fts-query.h"
#include "chronicle-store-sql.h"

/* Counting with the facet index (see chronicle-facet-index.c for its layout). */

/* The articles the query's text matches, as a bitmap over ids (owned by @self, kept
 * for the next query with the same text); *bits NULL for no text. Called with
 * count_lock held. A common word at a million articles is ~100,000 matches: reading
 * them from FTS5 is most of such a count. */
static gboolean
text_bitmap (ChronicleFacetIndex  *self,
             ChronicleDb          *db,
             ChronicleQuery       *query,
             const guint64       **bits,
             guint                *n_bits,
             GError              **error)
{
  g_autofree char *match = NULL;
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  guint32 max = 0;
  int rc;

  *bits = NULL;
  *n_bits = 0;
  if (chronicle_query_get_text (query) == NULL)
    return TRUE;
  match = chronicle_fts_query_from_user (chronicle_query_get_text (query));
  if (match == NULL)
    return TRUE;

  if (self->text_bits != NULL && self->text_generation == self->generation
      && g_strcmp0 (self->text_match, match) == 0)
    {
      *bits = self->text_bits;
      *n_bits = self->n_text_bits;
      return TRUE;
    }
  g_clear_pointer (&self->text_match, g_free);
  g_clear_pointer (&self->text_bits, g_free);

  stmt = _chronicle_db_prepare (db, "SELECT rowid FROM article_fts WHERE article_fts MATCH ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  _chronicle_db_bind_text (stmt, 1, match);
  ids = g_array_new (FALSE, FALSE, sizeof (guint32));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* As a slot. */
      gint64 id = sqlite3_column_int64 (stmt, 0) - self->base;

      if (id >= 0 && id < (gint64) MAX_SLOTS)
        {
          guint32 v = (guint32) id;

          g_array_append_val (ids, v);
          max = MAX (max, v);
        }
    }
  if (!_chronicle_db_finish_rows (db, stmt, rc, error))
    return FALSE;

  self->n_text_bits = max + 1;
  self->text_bits = g_new0 (guint64, self->n_text_bits / 64 + 1);
  for (guint i = 0; i < ids->len; i++)
    {
      guint32 v = g_array_index (ids, guint32, i);

      self->text_bits[v / 64] |= G_GUINT64_CONSTANT (1) << (v % 64);
    }
  self->text_match = g_steal_pointer (&match);
  self->text_generation = self->generation;
  *bits = self->text_bits;
  *n_bits = self->n_text_bits;
  return TRUE;
}

typedef struct {
  ChronicleFacetIndex *index;
  ChronicleFacetCounts *counts;
  const guint8 *marks;
  const guint8 *source_ok;
  const guint64 *text_bits;
  guint n_text_bits;
  gboolean has_text;
  gint64 from;
  gint64 to;
  guint8 need;
  guint8 check_flags;
  guint8 want_flags;
  guint32 *list;
  guint list_cap;
} Scan;

static inline void
visit (Scan  *sc,
       guint  id)
{
  ChronicleFacetIndex *self = sc->index;
  guint8 f = self->flags[id];
  const guint8 *p, *end;
  guint n;

  if ((f & sc->check_flags) != sc->want_flags)
    return;
  if ((sc->from != 0 && self->published[id] < sc->from)
      || (sc->to != 0 && self->published[id] >= sc->to))
    return;
  if (sc->has_text
      && (id >= sc->n_text_bits
          || !(sc->text_bits[id / 64] & (G_GUINT64_CONSTANT (1) << (id % 64)))))
    return;

  slot_list (self, id, &p, &end);
  n = p != NULL ? decode_list (p, end, &sc->list, &sc->list_cap) : 0;

  if (sc->need != 0)
    {
      guint8 have = 0;

      for (guint i = 0; i < n; i++)
        if (sc->list[i] < self->n_entities)
          have |= sc->marks[sc->list[i]];
      if ((have & sc->need) != sc->need)
        return;
    }

  sc->counts->source_counts[self->source[id]]++;
  if (sc->source_ok != NULL && !sc->source_ok[self->source[id]])
    return;

  sc->counts->n_matching++;
  for (guint i = 0; i < n; i++)
    if (sc->list[i] < self->n_entities)
      sc->counts->entity_counts[sc->list[i]]++;
}

/* Whether slot @id (present) passes the date range and flags. */
static inline gboolean
passes_dates_and_flags (Scan  *sc,
                        guint  id)
{
  ChronicleFacetIndex *self = sc->index;

  return (self->flags[id] & sc->check_flags) == sc->want_flags
         && !(sc->from != 0 && self->published[id] < sc->from)
         && !(sc->to != 0 && self->published[id] >= sc->to);
}

/* A query of dates, flags and sources only that keeps most articles (Unread, say, when
 * little is read) is counted from the totals less the articles it leaves out: a first
 * pass over the slots says which is cheaper. Returns FALSE, counting nothing, when it
 * is not. */
static gboolean
count_complement (Scan *sc)
{
  ChronicleFacetIndex *self = sc->index;
  ChronicleFacetCounts *counts = sc->counts;
  guint n_present = 0, n_kept = 0;

  for (guint id = 0; id < self->n_slots; id++)
    if (self->flags[id] & SLOT_PRESENT)
      {
        n_present++;
        if (passes_dates_and_flags (sc, id)
            && (sc->source_ok == NULL || sc->source_ok[self->source[id]]))
          n_kept++;
      }
  if (n_kept <= n_present / 2)
    return FALSE;

  memcpy (counts->entity_counts, self->totals, sizeof (guint32) * self->n_entities);
  for (guint i = 0; i < MIN (counts->n_sources, self->n_source_totals); i++)
    counts->source_counts[i] = self->source_totals[i];
  counts->n_matching = n_kept;

  for (guint id = 0; id < self->n_slots; id++)
    {
      const guint8 *p, *end;
      gboolean kept;
      guint n;

      if (!(self->flags[id] & SLOT_PRESENT))
        continue;
      kept = passes_dates_and_flags (sc, id);
      if (!kept)
        counts->source_counts[self->source[id]]--;
      if (kept && (sc->source_ok == NULL || sc->source_ok[self->source[id]]))
        continue;
      slot_list (self, id, &p, &end);
      n = p != NULL ? decode_list (p, end, &sc->list, &sc->list_cap) : 0;
      for (guint i = 0; i < n; i++)
        if (sc->list[i] < self->n_entities)
          counts->entity_counts[sc->list[i]]--;
    }
  return TRUE;
}

/* Sets the bits of the articles that may name one of @ids (a superset). */
static void
mark_candidates (ChronicleFacetIndex *self,
                 GArray              *ids,
                 guint64             *bits)
{
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 e = g_array_index (ids, gint64, i);
      GArray *tail;

      if (e < 0 || e >= (gint64) self->n_entities)
        continue;
      if (e < (gint64) self->n_posted)
        {
          const guint8 *p = self->post_bytes + self->post_start[e];
          const guint8 *end = self->post_bytes + self->post_start[e + 1];
          guint32 id = 0;

          while (p < end)
            {
              guint32 value = 0;
              guint shift = 0;

              while (*p & 0x80)
                {
                  value |= (guint32) (*p++ & 0x7f) << shift;
                  shift += 7;
                }
              value |= (guint32) *p++ << shift;
              id += value;
              if (id < self->n_slots)
                bits[id / 64] |= G_GUINT64_CONSTANT (1) << (id % 64);
            }
        }
      tail = g_hash_table_lookup (self->post_tail, GUINT_TO_POINTER ((guint) e));
      for (guint j = 0; tail != NULL && j < tail->len; j++)
        {
          guint32 id = g_array_index (tail, guint32, j);

          if (id < self->n_slots)
            bits[id / 64] |= G_GUINT64_CONSTANT (1) << (id % 64);
        }
    }
}

/* How many articles a facet's posting lists hold, roughly (their bytes). */
static guint64
facet_weight (ChronicleFacetIndex *self,
              GArray              *ids)
{
  guint64 w = 0;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 e = g_array_index (ids, gint64, i);

      if (e >= 0 && e < (gint64) self->n_posted)
        w += self->post_start[e + 1] - self->post_start[e];
    }
  return w;
}

static ChronicleFacetCounts *
scan (ChronicleFacetIndex *self,
      ChronicleQuery      *query,
      Facets              *facets,
      const guint64       *text_bits,
      guint                n_text_bits,
      gboolean             has_text)
{
  ChronicleFacetCounts *counts = g_new0 (ChronicleFacetCounts, 1);
  g_autofree guint8 *marks = g_new0 (guint8, MAX (self->n_entities, 1));
  g_autofree guint8 *source_ok = NULL;
  g_autofree guint64 *candidates = NULL;
  const guint64 *walk = NULL;
  guint n_walk = 0;
  Scan sc = { self, counts, marks, NULL, text_bits, n_text_bits, has_text,
              chronicle_query_get_from (query), chronicle_query_get_to (query),
              0, SLOT_PRESENT, SLOT_PRESENT, NULL, 64 };
  const gint64 *sources;
  guint n_sources = 0;
  int driver = -1;
  guint64 driver_weight = 0;

  g_atomic_ref_count_init (&counts->ref);
  counts->n_entities = self->n_entities;
  counts->entity_counts = g_new0 (guint32, MAX (self->n_entities, 1));
  counts->entity_kinds = g_memdup2 (self->kinds, self->n_entities);
  counts->n_sources = self->max_source + 1;
  counts->source_counts = g_new0 (guint32, counts->n_sources);

  if (facets->empty)
    return counts;
  for (guint k = 0; k < CHRONICLE_N_ENTITY_KINDS; k++)
    {
      guint64 w;

      if (facets->ids[k] == NULL)
        continue;
      sc.need |= 1 << k;
      for (guint i = 0; i < facets->ids[k]->len; i++)
        {
          gint64 id = g_array_index (facets->ids[k], gint64, i);

          if (id >= 0 && id < (gint64) self->n_entities)
            marks[id] |= 1 << k;
        }
      w = facet_weight (self, facets->ids[k]);
      if (driver < 0 || w < driver_weight)
        {
          driver = (int) k;
          driver_weight = w;
        }
    }

  sources = chronicle_query_get_sources (query, &n_sources);
  if (n_sources > 0)
    {
      source_ok = g_new0 (guint8, counts->n_sources);
      for (guint i = 0; i < n_sources; i++)
        if (sources[i] >= 0 && sources[i] < (gint64) counts->n_sources)
          source_ok[sources[i]] = 1;
      sc.source_ok = source_ok;
    }

  if (chronicle_query_get_unread_only (query))
    sc.check_flags |= SLOT_READ;
  if (chronicle_query_get_starred_only (query))
    {
      sc.check_flags |= SLOT_STARRED;
      sc.want_flags |= SLOT_STARRED;
    }

  /* Visit only the candidates: the smallest facet's articles, or the text's matches;
   * every check is made on each candidate anyway. */
  if (driver >= 0)
    {
      n_walk = self->n_slots / 64 + 1;
      candidates = g_new0 (guint64, n_walk);
      mark_candidates (self, facets->ids[driver], candidates);
      walk = candidates;
    }
  else if (has_text)
    {
      walk = text_bits;
      n_walk = n_text_bits / 64 + 1;
    }

  sc.list = g_new (guint32, sc.list_cap);
  if (walk == NULL && sc.need == 0 && !has_text && count_complement (&sc))
    {
      /* Counted as the totals less the articles the query leaves out. */
    }
  else if (walk != NULL)
    {
      for (guint w = 0; w < n_walk; w++)
        for (guint64 bits = walk[w]; bits != 0; bits &= bits - 1)
          {
            guint id = w * 64 + (guint) __builtin_ctzll (bits);

            if (id < self->n_slots)
              visit (&sc, id);
          }
    }
  else
    {
      for (guint id = 0; id < self->n_slots; id++)
        visit (&sc, id);
    }
  g_free (sc.list);

  return counts;
}

/**
 * _chronicle_facet_index_count:
 * @self: the index
 * @db: a read connection
 * @query: the filter
 * @error: return location for a #GError
 *
 * Counts, for @query, the articles naming each entity and (without the query's
 * source filter) the articles of each source. Builds or updates the index first.
 * The last answer is kept for the next call with an equal query.
 *
 * Returns: (transfer full) (nullable): the counts; %NULL with @error unset when the
 *   store is too large or sparse for the index (use SQL)
 */
ChronicleFacetCounts *
_chronicle_facet_index_count (ChronicleFacetIndex  *self,
                              ChronicleDb          *db,
                              ChronicleQuery       *query,
                              GError              **error)
{
  g_auto(Sql) sql = { NULL, NULL };
  const guint64 *text_bits = NULL;
  ChronicleFacetCounts *counts = NULL;
  guint n_text_bits = 0;
  gboolean has_text;

  if (!_chronicle_facet_index_refresh (self, db, error))
    return NULL;

  g_mutex_lock (&self->count_lock);
  g_rw_lock_reader_lock (&self->rw);
  if (!self->built)
    {
      g_rw_lock_reader_unlock (&self->rw);
      g_mutex_unlock (&self->count_lock);
      return NULL;
    }

  g_mutex_lock (&self->lock);
  if (self->cached != NULL && self->cached_generation == self->generation
      && chronicle_query_equal (self->cached_query, query))
    counts = _chronicle_facet_counts_ref (self->cached);
  g_mutex_unlock (&self->lock);
  if (counts != NULL)
    {
      g_rw_lock_reader_unlock (&self->rw);
      g_mutex_unlock (&self->count_lock);
      return counts;
    }

  _chronicle_sql_init (&sql);
  if (!_chronicle_sql_resolve_facets (&sql, db, query, error)
      || !text_bitmap (self, db, query, &text_bits, &n_text_bits, error))
    {
      g_rw_lock_reader_unlock (&self->rw);
      g_mutex_unlock (&self->count_lock);
      return NULL;
    }
  has_text = text_bits != NULL;

  counts = scan (self, query, &sql.facets, text_bits, n_text_bits, has_text);

  g_mutex_lock (&self->lock);
  g_set_object (&self->cached_query, query);
  g_clear_pointer (&self->cached, _chronicle_facet_counts_unref);
  self->cached = _chronicle_facet_counts_ref (counts);
  self->cached_generation = self->generation;
  g_mutex_unlock (&self->lock);

  g_rw_lock_reader_unlock (&self->rw);
  g_mutex_unlock (&self->count_lock);
  return counts;
}

/**
 * _chronicle_facet_index_get_stats:
 * @self: the index
 * @build_usec: (out) (optional): how long the last build took
 * @bytes: (out) (optional): memory held
 * @n_builds: (out) (optional): builds so far
 */
void
_chronicle_facet_index_get_stats (ChronicleFacetIndex *self,
                                  gint64              *build_usec,
                                  gsize               *bytes,
                                  guint               *n_builds)
{
  g_rw_lock_reader_lock (&self->rw);
  if (build_usec != NULL)
    *build_usec = self->build_usec;
  if (bytes != NULL)
    {
      GHashTableIter iter;
      gpointer value;
      gsize total = self->cap_slots * (sizeof (gint64) + sizeof (guint32) * 2 + 1)
                    + self->cap_bytes + self->n_entities
                    + (self->n_posted > 0 ? (gsize) self->n_posted * 4 + self->post_start[self->n_posted] : 0);

      g_hash_table_iter_init (&iter, self->overrides);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        total += g_bytes_get_size (value) + 64;
      *bytes = total;
    }
  if (n_builds != NULL)
    *n_builds = self->n_builds;
  g_rw_lock_reader_unlock (&self->rw);
}
