/* chronicle-facet-index.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-store"

#include "config.h"

#include <string.h>

#include "chronicle-facet-index-private.h"
#include "chronicle-store-sql.h"

/*
 * Facet counts under a query, from memory.
 *
 * Counting the entities of the articles matching a query in SQL joins every match
 * with its ~10 mention rows: seconds for a popular country at a million articles.
 * Here the read side keeps:
 * - per article id (a dense slot: ids are SQLite rowids) its publication time,
 *   source, read/starred/present flags and the sorted ids of the entities it names,
 *   delta-coded as varints (about 2 bytes a mention) in one byte array indexed by an
 *   offsets array;
 * - per entity id its kind and its articles (a posting list, ascending article ids,
 *   delta-coded the same way), inverted from the above after a build.
 * At a million articles and 9.9M mentions that is 48 MB.
 *
 * A count (chronicle-facet-index-count.c) visits candidate articles: those of the
 * query's smallest entity facet (the union of its entities' posting lists, as a
 * bitmap), else the full-text matches (FTS5 rowids as a bitmap), else every slot. Each
 * candidate is checked against the date range, flags, text and every entity facet
 * (each facet entity marks its kind in a per-entity byte; an article passes when the
 * marks of its entities cover every facet of the query: any-of inside a facet, all-of
 * across facets), then each of its entities is counted. The sources are counted in
 * the same pass under the query without its source filter (a source is one value per
 * article: under its own filter every other source would count zero).
 *
 * Life cycle: built on first use by the read job that needs it (off the main thread),
 * or ahead of it after the first unfiltered facet count, in one read transaction. The
 * write thread notes each committed write (_chronicle_facet_index_note_write): the
 * ids of added/updated articles and of articles whose read/starred state or entities
 * changed (corrections report them) are queued and re-read by the next count before
 * it scans, from a transaction begun after taking the queue (so it sees those
 * commits). A new last article is appended; one re-read inside the built range gets
 * its entity list from a side table, and its entities' posting lists a tail (posting
 * lists may then hold stale articles: every candidate is checked anyway). Many such
 * updates repack the index. Deletions (retention, a removed source) report no ids:
 * they drop the index, rebuilt by the next count.
 *
 * Not seen: another process writing to the same file (the CLI while the app runs).
 */

ChronicleFacetCounts *
_chronicle_facet_counts_ref (ChronicleFacetCounts *counts)
{
  g_atomic_ref_count_inc (&counts->ref);
  return counts;
}

void
_chronicle_facet_counts_unref (ChronicleFacetCounts *counts)
{
  if (!g_atomic_ref_count_dec (&counts->ref))
    return;
  g_free (counts->entity_counts);
  g_free (counts->entity_kinds);
  g_free (counts->source_counts);
  g_free (counts);
}

ChronicleFacetIndex *
_chronicle_facet_index_new (void)
{
  ChronicleFacetIndex *self = g_new0 (ChronicleFacetIndex, 1);

  g_mutex_init (&self->lock);
  g_mutex_init (&self->count_lock);
  g_rw_lock_init (&self->rw);
  self->pending = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->invalid = TRUE;
  self->overrides = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                           (GDestroyNotify) g_bytes_unref);
  self->post_tail = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                           (GDestroyNotify) g_array_unref);
  return self;
}

static void
clear_data (ChronicleFacetIndex *self)
{
  g_clear_pointer (&self->published, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->flags, g_free);
  g_clear_pointer (&self->start, g_free);
  g_clear_pointer (&self->bytes, g_free);
  g_clear_pointer (&self->kinds, g_free);
  g_clear_pointer (&self->totals, g_free);
  g_clear_pointer (&self->source_totals, g_free);
  self->n_source_totals = 0;
  g_hash_table_remove_all (self->overrides);
  g_clear_pointer (&self->post_start, g_free);
  g_clear_pointer (&self->post_bytes, g_free);
  g_hash_table_remove_all (self->post_tail);
  self->n_posted = 0;
  self->n_slots = 0;
  self->cap_slots = 0;
  self->n_bytes = 0;
  self->cap_bytes = 0;
  self->n_entities = 0;
  self->max_source = 0;
  self->built = FALSE;
}

void
_chronicle_facet_index_free (ChronicleFacetIndex *self)
{
  if (self == NULL)
    return;
  clear_data (self);
  g_hash_table_unref (self->overrides);
  g_hash_table_unref (self->post_tail);
  g_array_unref (self->pending);
  g_clear_object (&self->cached_query);
  g_clear_pointer (&self->cached, _chronicle_facet_counts_unref);
  g_clear_pointer (&self->text_match, g_free);
  g_clear_pointer (&self->text_bits, g_free);
  g_rw_lock_clear (&self->rw);
  g_mutex_clear (&self->count_lock);
  g_mutex_clear (&self->lock);
  g_free (self);
}

/**
 * _chronicle_facet_index_note_write:
 * @self: the index
 * @change: what a committed write changed
 * @article_ids: (nullable): the articles it concerned
 *
 * Called on the write thread after each successful write job (after its commit).
 */
void
_chronicle_facet_index_note_write (ChronicleFacetIndex  *self,
                                   ChronicleStoreChange  change,
                                   GArray               *article_ids)
{
  const ChronicleStoreChange per_article = CHRONICLE_STORE_CHANGE_ARTICLES_ADDED
                                           | CHRONICLE_STORE_CHANGE_ARTICLES_UPDATED
                                           | CHRONICLE_STORE_CHANGE_ARTICLE_STATE;

  g_mutex_lock (&self->lock);
  if (change & CHRONICLE_STORE_CHANGE_ARTICLES_REMOVED)
    {
      self->invalid = TRUE;
      g_array_set_size (self->pending, 0);
      /* The next unfiltered count may build it ahead again. */
      g_atomic_int_set (&self->warm_requested, 0);
    }
  else if ((change & per_article) && !self->invalid)
    {
      /* Without the ids (no write reports none today), rebuild to be safe. */
      if (article_ids == NULL || self->pending->len + article_ids->len > MAX_PENDING)
        {
          self->invalid = TRUE;
          g_array_set_size (self->pending, 0);
        }
      else
        g_array_append_vals (self->pending, article_ids->data, article_ids->len);
    }
  g_mutex_unlock (&self->lock);
}

/* Varints: 7 bits a byte, low bits first. */

static inline guint
put_varint (guint8  *out,
            guint32  value)
{
  guint n = 0;

  while (value >= 0x80)
    {
      out[n++] = (guint8) (value | 0x80);
      value >>= 7;
    }
  out[n++] = (guint8) value;
  return n;
}


static void
ensure_bytes (ChronicleFacetIndex *self,
              gsize                more)
{
  if (self->n_bytes + more <= self->cap_bytes)
    return;
  self->cap_bytes = MAX (self->n_bytes + more, self->cap_bytes + self->cap_bytes / 4 + 4096);
  self->bytes = g_realloc (self->bytes, self->cap_bytes);
}

/* Makes slots [n_slots, n) empty (absent articles, no entities). */
static void
grow_slots (ChronicleFacetIndex *self,
            guint                n)
{
  if (n <= self->n_slots)
    return;
  if (n > self->cap_slots)
    {
      gsize cap = MAX ((gsize) n, self->cap_slots + self->cap_slots / 4 + 1024);

      self->published = g_renew (gint64, self->published, cap);
      self->source = g_renew (guint32, self->source, cap);
      self->flags = g_renew (guint8, self->flags, cap);
      self->start = g_renew (guint32, self->start, cap + 1);
      self->cap_slots = cap;
    }
  for (guint i = self->n_slots; i < n; i++)
    {
      self->published[i] = 0;
      self->source[i] = 0;
      self->flags[i] = 0;
      self->start[i + 1] = (guint32) self->n_bytes;
    }
  if (self->n_slots == 0)
    self->start[0] = 0;
  self->n_slots = n;
}

/* Encodes sorted, distinct @ids; returns the byte count written to @out (room for
 * 5 bytes per id). */
static gsize
encode_list (const guint32 *ids,
             guint          n,
             guint8        *out)
{
  gsize len = 0;
  guint32 last = 0;

  for (guint i = 0; i < n; i++)
    {
      len += put_varint (out + len, ids[i] - last);
      last = ids[i];
    }
  return len;
}

/* Makes room for entity ids below @n (kind unknown, no articles). */
static void
grow_entities (ChronicleFacetIndex *self,
               guint                n)
{
  if (n <= self->n_entities)
    return;
  n = MAX (n, self->n_entities + self->n_entities / 4 + 256);
  self->kinds = g_renew (guint8, self->kinds, n);
  memset (self->kinds + self->n_entities, 0xff, n - self->n_entities);
  self->totals = g_renew (guint32, self->totals, n);
  memset (self->totals + self->n_entities, 0, sizeof (guint32) * (n - self->n_entities));
  self->n_entities = n;
}

static void
set_kind (ChronicleFacetIndex *self,
          gint64               id,
          int                  kind)
{
  if (id < 0 || id >= (gint64) MAX_SLOTS)
    return;
  grow_entities (self, (guint) id + 1);
  self->kinds[id] = (guint8) kind;
}

static gboolean
load_kinds (ChronicleFacetIndex  *self,
            ChronicleDb          *db,
            gint64                from_id,
            GError              **error)
{
  sqlite3_stmt *stmt = _chronicle_db_prepare (db, "SELECT id, kind FROM entities WHERE id >= ?",
                                              error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    set_kind (self, sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1));
  return _chronicle_db_finish_rows (db, stmt, rc, error);
}

static void
set_slot (ChronicleFacetIndex *self,
          guint                slot,
          gint64               published,
          gint64               source,
          gboolean             read,
          gboolean             starred)
{
  self->published[slot] = published;
  self->source[slot] = (guint32) CLAMP (source, 0, G_MAXUINT32);
  self->max_source = MAX (self->max_source, self->source[slot]);
  self->flags[slot] = (self->flags[slot] & SLOT_OVERRIDE) | SLOT_PRESENT
                      | (read ? SLOT_READ : 0) | (starred ? SLOT_STARRED : 0);
}

/* Adds (+1) or removes (-1) a present slot's article from the totals; @list and
 * @list_cap are scratch space. */
static void
account (ChronicleFacetIndex  *self,
         guint                 id,
         int                   sign,
         guint32             **list,
         guint                *list_cap)
{
  const guint8 *p, *end;
  guint n;
  guint32 src;

  if (id >= self->n_slots || !(self->flags[id] & SLOT_PRESENT))
    return;
  src = self->source[id];
  if (src >= self->n_source_totals)
    {
      guint size = MAX (src + 1, self->n_source_totals * 2);

      self->source_totals = g_renew (guint32, self->source_totals, size);
      memset (self->source_totals + self->n_source_totals, 0,
              sizeof (guint32) * (size - self->n_source_totals));
      self->n_source_totals = size;
    }
  self->source_totals[src] += sign;

  slot_list (self, id, &p, &end);
  if (p == NULL)
    return;
  n = decode_list (p, end, list, list_cap);
  for (guint i = 0; i < n; i++)
    if ((*list)[i] < self->n_entities)
      self->totals[(*list)[i]] += sign;
}

static inline guint
varint_len (guint32 value)
{
  return value < (1u << 7) ? 1 : value < (1u << 14) ? 2 : value < (1u << 21) ? 3
         : value < (1u << 28) ? 4 : 5;
}

/* Inverts the entity lists into per-entity article lists: one pass to size them,
 * one to fill them. */
static void
build_postings (ChronicleFacetIndex *self)
{
  g_autofree guint32 *last = g_new0 (guint32, MAX (self->n_entities, 1));
  g_autofree guint32 *cursor = NULL;
  g_autofree guint32 *list = g_new (guint32, 64);
  guint list_cap = 64;
  guint64 total = 0;

  self->n_posted = self->n_entities;
  self->post_start = g_new0 (guint32, self->n_posted + 1);

  for (guint pass = 0; pass < 2; pass++)
    {
      memset (last, 0, sizeof (guint32) * MAX (self->n_entities, 1));
      for (guint id = 0; id < self->n_slots; id++)
        {
          guint n = decode_list (self->bytes + self->start[id], self->bytes + self->start[id + 1],
                                 &list, &list_cap);

          for (guint i = 0; i < n; i++)
            {
              guint32 e = list[i];

              if (e >= self->n_posted)
                continue;
              if (pass == 0)
                self->post_start[e + 1] += varint_len (id - last[e]);
              else
                cursor[e] += put_varint (self->post_bytes + cursor[e], id - last[e]);
              last[e] = id;
            }
        }

      if (pass == 0)
        {
          for (guint e = 0; e < self->n_posted; e++)
            {
              total += self->post_start[e + 1];
              self->post_start[e + 1] = (guint32) MIN (total, G_MAXUINT32);
            }
          self->post_bytes = g_malloc (MAX (total, 1));
          cursor = g_memdup2 (self->post_start, sizeof (guint32) * self->n_posted);
        }
    }
}

static gboolean
build (ChronicleFacetIndex  *self,
       ChronicleDb          *db,
       GError              **error)
{
  gint64 t0 = g_get_monotonic_time ();
  g_autofree guint32 *list = g_new (guint32, 64);
  guint list_cap = 64, list_len = 0;
  gint64 list_article = -1;
  sqlite3_stmt *stmt;
  gint64 max_id;
  guint n_present = 0;
  gboolean ok = FALSE;
  int rc;

  clear_data (self);
  self->generation++;

  if (!_chronicle_db_begin_read (db, error))
    return FALSE;

  self->base = _chronicle_db_get_int (db, "SELECT coalesce (min (id), 0) FROM articles", error);
  max_id = _chronicle_db_get_int (db, "SELECT coalesce (max (id), 0) FROM articles", error);
  if (max_id < 0 || self->base < 0)
    goto out;
  if (max_id - self->base >= (gint64) MAX_SLOTS)
    {
      /* Left unbuilt: the SQL path answers. */
      ok = TRUE;
      goto out;
    }

  grow_slots (self, (guint) (max_id - self->base) + 1);
  stmt = _chronicle_db_prepare (db, "SELECT id, published, source_id, read, starred FROM articles",
                                error);
  if (stmt == NULL)
    goto out;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 slot = sqlite3_column_int64 (stmt, 0) - self->base;

      if (slot >= 0 && slot < (gint64) self->n_slots)
        {
          set_slot (self, (guint) slot, sqlite3_column_int64 (stmt, 1),
                    sqlite3_column_int64 (stmt, 2), sqlite3_column_int (stmt, 3) != 0,
                    sqlite3_column_int (stmt, 4) != 0);
          n_present++;
        }
    }
  if (!_chronicle_db_finish_rows (db, stmt, rc, error))
    goto out;
  if (self->n_slots > 4 * n_present + 1000000)
    {
      /* Mostly holes (ids of many deleted articles): the SQL path answers. */
      clear_data (self);
      ok = TRUE;
      goto out;
    }

  /* The (article_id, entity_id) key gives each article's entities together, sorted. */
  self->n_bytes = 0;
  ensure_bytes (self, (gsize) self->n_slots * 20);
  stmt = _chronicle_db_prepare (db, "SELECT article_id, entity_id FROM article_entities"
                                " ORDER BY article_id, entity_id",
                                error);
  if (stmt == NULL)
    goto out;
  self->start[0] = 0;
  for (guint slot = 0;;)
    {
      gint64 article, entity = 0;

      rc = sqlite3_step (stmt);
      /* As a slot. */
      article = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) - self->base : G_MAXINT64;
      if (rc == SQLITE_ROW)
        entity = sqlite3_column_int64 (stmt, 1);

      if (article != list_article)
        {
          /* Flush the previous article's list and close the slots up to this one. */
          if (list_article >= 0 && list_article < (gint64) self->n_slots)
            {
              ensure_bytes (self, (gsize) list_len * 5);
              self->n_bytes += encode_list (list, list_len, self->bytes + self->n_bytes);
            }
          while (slot < self->n_slots && (gint64) slot <= list_article)
            self->start[++slot] = (guint32) self->n_bytes;
          while (slot < self->n_slots && (gint64) slot < article)
            self->start[++slot] = (guint32) self->n_bytes;
          list_article = article;
          list_len = 0;
        }
      if (rc != SQLITE_ROW)
        break;
      if (entity < 0 || entity >= (gint64) MAX_SLOTS)
        continue;
      if (list_len == list_cap)
        {
          list_cap *= 2;
          list = g_renew (guint32, list, list_cap);
        }
      list[list_len++] = (guint32) entity;
    }
  if (!_chronicle_db_finish_rows (db, stmt, rc, error))
    goto out;

  /* Give back the slack of the estimate. */
  self->cap_bytes = MAX (self->n_bytes, 1);
  self->bytes = g_realloc (self->bytes, self->cap_bytes);

  if (!load_kinds (self, db, 0, error))
    goto out;
  if (self->n_bytes >= G_MAXUINT32)
    {
      /* Left unbuilt: the SQL path answers. */
      clear_data (self);
      ok = TRUE;
      goto out;
    }
  build_postings (self);
  for (guint id = 0; id < self->n_slots; id++)
    account (self, id, +1, &list, &list_cap);

  self->built = TRUE;
  ok = TRUE;

out:
  _chronicle_db_end_read (db);
  if (!ok)
    clear_data (self);
  self->build_usec = g_get_monotonic_time () - t0;
  self->n_builds++;
  g_debug ("Facet index: %u articles, %" G_GSIZE_FORMAT " bytes of entity lists, %u bytes of"
           " posting lists, built in %" G_GINT64_FORMAT " ms", self->n_slots, self->n_bytes,
           self->n_posted > 0 ? self->post_start[self->n_posted] : 0, self->build_usec / 1000);
  return ok;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Re-reads the queued articles. */
static gboolean
apply (ChronicleFacetIndex  *self,
       ChronicleDb          *db,
       GArray               *ids,
       GError              **error)
{
  g_autofree guint32 *list = g_new (guint32, 64);
  g_autofree guint8 *encoded = NULL;
  g_autofree guint32 *scratch = g_new (guint32, 64);
  guint list_cap = 64, scratch_cap = 64;
  guint old_entities = self->n_entities;
  gboolean new_entity = FALSE;
  sqlite3_stmt *article_stmt, *entity_stmt;
  gboolean ok = FALSE;

  g_array_sort (ids, compare_ids);
  self->generation++;

  if (!_chronicle_db_begin_read (db, error))
    return FALSE;

  article_stmt = _chronicle_db_prepare (db,
                                        "SELECT published, source_id, read, starred"
                                        " FROM articles WHERE id = ?",
                                        error);
  if (article_stmt == NULL)
    goto out;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      gint64 slot = id - self->base;
      guint list_len = 0;
      gsize len;
      int rc;

      if (i > 0 && id == g_array_index (ids, gint64, i - 1))
        continue;
      if (slot < 0 || slot >= (gint64) MAX_SLOTS)
        {
          /* Outside the slots: give up; refresh rebuilds (or falls back). */
          self->built = FALSE;
          ok = TRUE;
          goto out;
        }

      /* Out of the totals as it was; back in as it is now, below. */
      account (self, (guint) slot, -1, &scratch, &scratch_cap);
      sqlite3_bind_int64 (article_stmt, 1, id);
      rc = sqlite3_step (article_stmt);
      if (rc != SQLITE_ROW)
        {
          if (!_chronicle_db_finish_rows (db, article_stmt, rc, error))
            goto out;
          /* Gone. */
          if (slot < (gint64) self->n_slots)
            {
              self->flags[slot] = SLOT_OVERRIDE;
              g_hash_table_replace (self->overrides, GUINT_TO_POINTER ((guint) slot),
                                    g_bytes_new (NULL, 0));
            }
          continue;
        }

      grow_slots (self, (guint) slot + 1);
      set_slot (self, (guint) slot, sqlite3_column_int64 (article_stmt, 0),
                sqlite3_column_int64 (article_stmt, 1), sqlite3_column_int (article_stmt, 2) != 0,
                sqlite3_column_int (article_stmt, 3) != 0);
      sqlite3_reset (article_stmt);

      entity_stmt = _chronicle_db_prepare (db,
                                           "SELECT entity_id FROM article_entities"
                                           " WHERE article_id = ? ORDER BY entity_id",
                                           error);
      if (entity_stmt == NULL)
        goto out;
      sqlite3_bind_int64 (entity_stmt, 1, id);
      while ((rc = sqlite3_step (entity_stmt)) == SQLITE_ROW)
        {
          gint64 entity = sqlite3_column_int64 (entity_stmt, 0);

          if (entity < 0 || entity >= (gint64) MAX_SLOTS)
            continue;
          if (list_len == list_cap)
            {
              list_cap *= 2;
              list = g_renew (guint32, list, list_cap);
            }
          list[list_len++] = (guint32) entity;
          if ((guint) entity >= old_entities || self->kinds[entity] == 0xff)
            new_entity = TRUE;
          grow_entities (self, (guint) entity + 1);
          {
            GArray *tail = g_hash_table_lookup (self->post_tail, GUINT_TO_POINTER ((guint) entity));
            guint32 v = (guint32) slot;

            if (tail == NULL)
              {
                tail = g_array_new (FALSE, FALSE, sizeof (guint32));
                g_hash_table_insert (self->post_tail, GUINT_TO_POINTER ((guint) entity), tail);
              }
            g_array_append_val (tail, v);
          }
        }
      if (!_chronicle_db_finish_rows (db, entity_stmt, rc, error))
        goto out;

      encoded = g_renew (guint8, encoded, (gsize) list_len * 5 + 1);
      len = encode_list (list, list_len, encoded);

      if ((guint) slot + 1 == self->n_slots && self->start[slot] == self->n_bytes
          && !(self->flags[slot] & SLOT_OVERRIDE))
        {
          /* A new last article: appended. */
          ensure_bytes (self, len);
          memcpy (self->bytes + self->n_bytes, encoded, len);
          self->n_bytes += len;
          self->start[slot + 1] = (guint32) self->n_bytes;
        }
      else
        {
          self->flags[slot] |= SLOT_OVERRIDE;
          g_hash_table_replace (self->overrides, GUINT_TO_POINTER ((guint) slot),
                                g_bytes_new (encoded, len));
        }
      account (self, (guint) slot, +1, &scratch, &scratch_cap);
    }

  if (new_entity && !load_kinds (self, db, 0, error))
    goto out;

  ok = TRUE;

out:
  _chronicle_db_end_read (db);
  return ok;
}

/* Brings the index up to date; FALSE with @error on a database error. */
gboolean
_chronicle_facet_index_refresh (ChronicleFacetIndex  *self,
                                ChronicleDb          *db,
                                GError              **error)
{
  g_autoptr(GArray) ids = NULL;
  gboolean rebuild, need;
  gboolean ok = TRUE;

  g_mutex_lock (&self->lock);
  need = self->invalid || self->pending->len > 0;
  g_mutex_unlock (&self->lock);
  if (!need)
    return TRUE;

  g_rw_lock_writer_lock (&self->rw);
  /* Taken before the read transaction begins, so that it sees their commits. */
  g_mutex_lock (&self->lock);
  rebuild = self->invalid;
  self->invalid = FALSE;
  ids = self->pending;
  self->pending = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_mutex_unlock (&self->lock);

  if (rebuild || !self->built)
    ok = build (self, db, error);
  else if (ids->len > 0)
    {
      ok = apply (self, db, ids, error);
      /* Many articles re-read in place: pack them again. */
      if (ok && self->built
          && g_hash_table_size (self->overrides) + g_hash_table_size (self->post_tail)
             > self->n_slots / 8 + 1024)
        ok = build (self, db, error);
      else if (ok && !self->built)
        ok = build (self, db, error);
    }

  if (!ok)
    {
      g_mutex_lock (&self->lock);
      self->invalid = TRUE;
      g_mutex_unlock (&self->lock);
      clear_data (self);
    }
  g_rw_lock_writer_unlock (&self->rw);
  return ok;
}

/**
 * _chronicle_facet_index_claim_warm_up:
 * @self: the index
 *
 * Returns: %TRUE the first time it is called while the index is to be built: the
 *   caller then runs _chronicle_facet_index_warm_up() on a read connection, so that
 *   the first filter change finds the index ready
 */
gboolean
_chronicle_facet_index_claim_warm_up (ChronicleFacetIndex *self)
{
  gboolean invalid;

  /* Main thread: never waits for a build (which holds the data lock). */
  g_mutex_lock (&self->lock);
  invalid = self->invalid;
  g_mutex_unlock (&self->lock);
  return invalid && g_atomic_int_compare_and_exchange (&self->warm_requested, 0, 1);
}

/* Builds (or updates) the index now. */
gboolean
_chronicle_facet_index_warm_up (ChronicleFacetIndex  *self,
                                ChronicleDb          *db,
                                GError              **error)
{
  return _chronicle_facet_index_refresh (self, db, error);
}
