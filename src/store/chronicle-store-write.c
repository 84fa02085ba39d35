/* chronicle-store-write.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "chronicle-store-error.h"
#include "chronicle-store-private.h"
#include "chronicle-url.h"

/* Write jobs. Each runs on the write thread with the write connection, inside one
 * transaction; on error the transaction is rolled back and nothing is kept. */

#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)

typedef struct {
  gint64 id;
  gint64 via;
  gboolean has_country;
} EntityCacheEntry;

/* 64-bit FNV-1a, for identity hashes and change detection (not security). */
#define FNV_OFFSET G_GUINT64_CONSTANT (14695981039346656037)
#define FNV_PRIME G_GUINT64_CONSTANT (1099511628211)

static guint64
fnv_bytes (guint64       hash,
           gconstpointer data,
           gsize         len)
{
  const guint8 *p = data;

  for (gsize i = 0; i < len; i++)
    {
      hash ^= p[i];
      hash *= FNV_PRIME;
    }
  return hash;
}

static guint64
fnv_str (guint64     hash,
         const char *str)
{
  /* A separator that cannot occur in text keeps "ab"+"c" apart from "a"+"bc". */
  static const guint8 sep = 0xff;

  if (str != NULL)
    hash = fnv_bytes (hash, str, strlen (str));
  return fnv_bytes (hash, &sep, 1);
}

static guint64
fnv_int (guint64 hash,
         gint64  value)
{
  return fnv_bytes (hash, &value, sizeof value);
}

/* What identifies a version of an article: what its source gave (text, dates, links),
 * not what extraction found in it. So sync can ask the store which articles it holds
 * as they are (chronicle_store_find_stored_async()) before it extracts, and extract
 * only the new and changed ones. The version tag makes every hash of the earlier
 * definition (which covered the mentions) differ once, so articles stored before
 * extraction ran in sync are extracted when their feed next changes. */
gint64
_chronicle_store_content_hash (ChronicleArticle *article)
{
  guint64 h = fnv_str (FNV_OFFSET, "content-v2");

  h = fnv_str (h, chronicle_article_get_guid (article));
  h = fnv_str (h, chronicle_article_get_url (article));
  h = fnv_str (h, chronicle_article_get_title (article));
  h = fnv_str (h, chronicle_article_get_author (article));
  h = fnv_str (h, chronicle_article_get_summary (article));
  h = fnv_str (h, chronicle_article_get_body (article));
  h = fnv_str (h, chronicle_article_get_language (article));
  h = fnv_str (h, chronicle_article_get_image_url (article));
  h = fnv_int (h, chronicle_article_get_published (article));
  h = fnv_int (h, chronicle_article_get_published_inferred (article));
  h = fnv_int (h, chronicle_article_get_updated (article));

  /* Tags, licence and attribution count only when there are some, so the hash of an
   * article without them is the same as before they were stored. */
  {
    const char * const *tags = chronicle_article_get_tags (article);
    const char *license = chronicle_article_get_license (article);
    const char *attribution = chronicle_article_get_attribution (article);

    if (tags != NULL && tags[0] != NULL)
      {
        h = fnv_str (h, "\001tags");
        for (guint i = 0; tags[i] != NULL; i++)
          h = fnv_str (h, tags[i]);
      }
    if (license != NULL || attribution != NULL)
      {
        h = fnv_str (h, "\001rights");
        h = fnv_str (h, license);
        h = fnv_str (h, attribution);
      }
  }

  return (gint64) h;
}

gint64
_chronicle_store_hash_text (const char *text)
{
  /* Stored as a signed 64-bit integer. */
  return (gint64) fnv_str (FNV_OFFSET, text);
}

gboolean
_chronicle_store_fail (ChronicleStore  *store,
                       ChronicleDb     *db,
                       GError         **error)
{
  /* In a write group the write thread rolls the group back and re-runs its jobs. */
  if (!store->write_grouped)
    _chronicle_db_rollback (db);
  _chronicle_store_reset_caches (store);
  return FALSE;
}

gint64 *
_chronicle_int_result (gint64 value)
{
  return g_memdup2 (&value, sizeof value);
}

void
_chronicle_job_set_true (StoreJob *job)
{
  job->result = GINT_TO_POINTER (TRUE);
  job->result_free = NULL;
}

gboolean
_chronicle_store_remove_orphans (ChronicleDb  *db,
                                 GError      **error)
{
  return _chronicle_db_exec (db,
                             "DELETE FROM events WHERE NOT EXISTS"
                             " (SELECT 1 FROM event_articles WHERE event_id = events.id);"
                             "DELETE FROM entities WHERE article_count <= 0"
                             " AND merged_into IS NULL AND followed = 0 AND NOT EXISTS"
                             " (SELECT 1 FROM event_entities WHERE entity_id = entities.id)"
                             " AND NOT EXISTS (SELECT 1 FROM entities r"
                             " WHERE r.merged_into = entities.id);"
                             "DELETE FROM day_counts WHERE count <= 0;",
                             error);
}

/* Upsert */

typedef struct {
  ChronicleStore *store;
  ChronicleDb *db;
  /* Event key -> (gint64 *) id, for the batch. */
  GHashTable *event_ids;
  GHashTable *event_starts;
  /* Entity id -> articles added in this batch, applied at its end. */
  GHashTable *entity_counts;
  /* Entity id -> (gint64 *) newest publication time in this batch. */
  GHashTable *entity_last;
  gint64 max_span;
  /* Ids whose text goes into article_fts at the end of the batch, once each. */
  GArray *fts_ids;
  GHashTable *fts_pending;
  gboolean fts_has_old;
} Batch;

/* The entity a (kind, name) lands on: the stop list drops it (returns
 * STOPPED_ENTITY), a row merged or renamed into another is followed to the entity
 * that carries its mentions now (*via is then the row the name matched, so the
 * mentions can be split back out). 0 on error. */
#define STOPPED_ENTITY (-1)
#define MAX_REDIRECTS 64

static gint64
resolve_entity (Batch        *batch,
                int           kind,
                const char   *name,
                const char   *country_code,
                gint64       *via,
                gboolean     *has_country,
                GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0, next = 0;
  int rc;

  *via = 0;
  *has_country = FALSE;

  stmt = _chronicle_db_prepare (batch->db,
                                "SELECT 1 FROM entity_stoplist WHERE kind = ? AND name = ?",
                                error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int (stmt, 1, kind);
  _chronicle_db_bind_text (stmt, 2, name);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return STOPPED_ENTITY;
  if (rc != SQLITE_DONE)
    {
      _chronicle_db_set_error (batch->db, rc, error);
      return 0;
    }

  stmt = _chronicle_db_prepare (batch->db,
                                "SELECT id, country_code IS NOT NULL, coalesce (merged_into, 0)"
                                " FROM entities WHERE kind = ? AND name = ?",
                                error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int (stmt, 1, kind);
  _chronicle_db_bind_text (stmt, 2, name);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      *has_country = sqlite3_column_int (stmt, 1);
      next = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _chronicle_db_set_error (batch->db, rc, error);
      return 0;
    }

  if (next != 0)
    *via = id;
  for (guint hops = 0; next != 0 && hops < MAX_REDIRECTS; hops++)
    {
      stmt = _chronicle_db_prepare (batch->db,
                                    "SELECT id, country_code IS NOT NULL, coalesce (merged_into, 0)"
                                    " FROM entities WHERE id = ?",
                                    error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, next);
      next = 0;
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          id = sqlite3_column_int64 (stmt, 0);
          *has_country = sqlite3_column_int (stmt, 1);
          next = sqlite3_column_int64 (stmt, 2);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          _chronicle_db_set_error (batch->db, rc, error);
          return 0;
        }
    }

  if (id == 0)
    {
      stmt = _chronicle_db_prepare (batch->db,
                                    "INSERT INTO entities (kind, name, country_code, fold)"
                                    " VALUES (?1, ?2, ?3, chronicle_fold (?2))",
                                    error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int (stmt, 1, kind);
      _chronicle_db_bind_text (stmt, 2, name);
      _chronicle_db_bind_text (stmt, 3, country_code);
      if (!_chronicle_db_step_done (batch->db, stmt, error))
        return 0;
      id = sqlite3_last_insert_rowid (_chronicle_db_handle (batch->db));
      *has_country = country_code != NULL;
    }

  return id;
}

static gboolean
set_country (Batch        *batch,
             gint64        id,
             const char   *country_code,
             GError      **error)
{
  sqlite3_stmt *stmt = _chronicle_db_prepare (batch->db,
                                              "UPDATE entities SET country_code = ?"
                                              " WHERE id = ? AND country_code IS NULL",
                                              error);

  if (stmt == NULL)
    return FALSE;
  _chronicle_db_bind_text (stmt, 1, country_code);
  sqlite3_bind_int64 (stmt, 2, id);
  return _chronicle_db_step_done (batch->db, stmt, error);
}

static gint64
lookup_entity (Batch            *batch,
               ChronicleMention *mention,
               gint64           *out_via,
               GError          **error)
{
  g_autofree char *key = g_strdup_printf ("%d\037%s", mention->entity_kind, mention->entity_name);
  EntityCacheEntry *cached = g_hash_table_lookup (batch->store->entity_ids, key);
  gint64 id, via = 0;
  gboolean has_country = FALSE;

  if (cached == NULL)
    {
      id = resolve_entity (batch, mention->entity_kind, mention->entity_name,
                           mention->country_code, &via, &has_country, error);
      if (id == 0)
        return 0;

      cached = g_new (EntityCacheEntry, 1);
      cached->id = id;
      cached->via = via;
      cached->has_country = has_country || id == STOPPED_ENTITY;
      g_hash_table_insert (batch->store->entity_ids, g_steal_pointer (&key), cached);
    }

  if (!cached->has_country && mention->country_code != NULL)
    {
      if (!set_country (batch, cached->id, mention->country_code, error))
        return 0;
      cached->has_country = TRUE;
    }

  if (out_via != NULL)
    *out_via = cached->via;
  return cached->id;
}

static gboolean
add_alias (Batch       *batch,
           gint64       entity_id,
           const char  *alias,
           GError     **error)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "\037%s", entity_id, alias);
  sqlite3_stmt *stmt;

  if (g_hash_table_contains (batch->store->aliases_seen, key))
    return TRUE;

  stmt = _chronicle_db_prepare (batch->db,
                                "INSERT OR IGNORE INTO entity_aliases (entity_id, alias)"
                                " VALUES (?, ?)",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entity_id);
  _chronicle_db_bind_text (stmt, 2, alias);
  if (!_chronicle_db_step_done (batch->db, stmt, error))
    return FALSE;

  g_hash_table_add (batch->store->aliases_seen, g_steal_pointer (&key));
  return TRUE;
}

typedef struct {
  gint64 entity_id;
  gint64 via;
  guint start;
  guint end;
} ResolvedMention;

static int
compare_resolved (gconstpointer a,
                  gconstpointer b)
{
  const ResolvedMention *x = a;
  const ResolvedMention *y = b;

  if (x->entity_id != y->entity_id)
    return x->entity_id < y->entity_id ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

static void
note_entity (Batch  *batch,
             gint64  entity_id,
             gint64  published)
{
  gpointer key = g_memdup2 (&entity_id, sizeof entity_id);
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (batch->entity_counts, key));
  gint64 *last = g_hash_table_lookup (batch->entity_last, &entity_id);

  g_hash_table_replace (batch->entity_counts, key, GUINT_TO_POINTER (count + 1));
  if (last == NULL)
    g_hash_table_insert (batch->entity_last, g_memdup2 (&entity_id, sizeof entity_id),
                         _chronicle_int_result (published));
  else
    *last = MAX (*last, published);
}

/* Mentions that reached an entity through a merged name are remembered per merged
 * name, so that undoing the merge takes them back out. */
static gboolean
record_merged_mentions (Batch            *batch,
                        ResolvedMention  *group,
                        guint             n,
                        gint64            article_id,
                        gint64            published,
                        GError          **error)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GString) offsets = NULL;
      sqlite3_stmt *stmt;
      gboolean seen = FALSE;

      if (group[i].via == 0)
        continue;
      for (guint j = 0; j < i; j++)
        seen |= group[j].via == group[i].via;
      if (seen)
        continue;

      offsets = g_string_new (NULL);
      for (guint j = i; j < n; j++)
        if (group[j].via == group[i].via)
          g_string_append_printf (offsets, "%s%u-%u", offsets->len > 0 ? "," : "",
                                  group[j].start, group[j].end);

      stmt = _chronicle_db_prepare (batch->db,
                                    "INSERT OR REPLACE INTO entity_merge_mentions"
                                    " (entity_id, article_id, published, offsets)"
                                    " VALUES (?, ?, ?, ?)",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, group[i].via);
      sqlite3_bind_int64 (stmt, 2, article_id);
      sqlite3_bind_int64 (stmt, 3, published);
      sqlite3_bind_text (stmt, 4, offsets->str, offsets->len, SQLITE_TRANSIENT);
      if (!_chronicle_db_step_done (batch->db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Mentions and time mentions go in with multi-row INSERTs: a statement's fixed cost
 * (starting and halting the VDBE, FTS5's savepoint call) is paid once per up to
 * ROWS_PER_INSERT rows instead of once per row. */
#define ROWS_PER_INSERT 32

/* "@head @row, @row, …" with @n rows; prepared once per @n and kept. */
static sqlite3_stmt *
prepare_rows (Batch       *batch,
              const char  *head,
              const char  *row,
              guint        n,
              GError     **error)
{
  g_autoptr(GString) sql = g_string_new (head);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (sql, ',');
      g_string_append (sql, row);
    }
  return _chronicle_db_prepare (batch->db, sql->str, error);
}

typedef struct {
  gint64  entity_id;
  char   *offsets;
} MentionRow;

static void
mention_row_clear (gpointer data)
{
  g_free (((MentionRow *) data)->offsets);
}

static gboolean
insert_mention_rows (Batch    *batch,
                     GArray   *rows,
                     gint64    article_id,
                     gint64    published,
                     GError  **error)
{
  for (guint done = 0; done < rows->len;)
    {
      guint n = MIN (rows->len - done, ROWS_PER_INSERT);
      sqlite3_stmt *stmt = prepare_rows (batch,
                                         "INSERT INTO article_entities"
                                         " (article_id, entity_id, published, offsets) VALUES ",
                                         "(?, ?, ?, ?)", n, error);

      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < n; i++)
        {
          MentionRow *row = &g_array_index (rows, MentionRow, done + i);

          sqlite3_bind_int64 (stmt, 4 * i + 1, article_id);
          sqlite3_bind_int64 (stmt, 4 * i + 2, row->entity_id);
          sqlite3_bind_int64 (stmt, 4 * i + 3, published);
          sqlite3_bind_text (stmt, 4 * i + 4, row->offsets, -1, SQLITE_STATIC);
        }
      if (!_chronicle_db_step_done (batch->db, stmt, error))
        return FALSE;
      done += n;
    }

  return TRUE;
}

static gboolean
insert_mentions (Batch             *batch,
                 ChronicleArticle  *article,
                 gint64             article_id,
                 gint64             published,
                 GError           **error)
{
  GPtrArray *mentions = chronicle_article_get_mentions (article);
  g_autoptr(GArray) resolved = g_array_sized_new (FALSE, FALSE, sizeof (ResolvedMention),
                                                  mentions->len);
  g_autoptr(GArray) rows = g_array_sized_new (FALSE, FALSE, sizeof (MentionRow), mentions->len);
  g_autoptr(GString) offsets = g_string_new (NULL);
  guint group_start = 0;

  g_array_set_clear_func (rows, mention_row_clear);

  for (guint i = 0; i < mentions->len; i++)
    {
      ChronicleMention *m = g_ptr_array_index (mentions, i);
      ResolvedMention r;

      if (m->entity_name == NULL || *m->entity_name == '\0')
        continue;

      r.entity_id = lookup_entity (batch, m, &r.via, error);
      if (r.entity_id == 0)
        return FALSE;
      if (r.entity_id == STOPPED_ENTITY)
        continue;
      r.start = m->start;
      r.end = m->end;
      g_array_append_val (resolved, r);

      if (m->surface != NULL && g_strcmp0 (m->surface, m->entity_name) != 0
          && !add_alias (batch, r.entity_id, m->surface, error))
        return FALSE;
    }

  g_array_sort (resolved, compare_resolved);

  for (guint i = 0; i < resolved->len; i++)
    {
      ResolvedMention *r = &g_array_index (resolved, ResolvedMention, i);
      MentionRow row;

      if (offsets->len > 0)
        g_string_append_c (offsets, ',');
      g_string_append_printf (offsets, "%u-%u", r->start, r->end);

      if (i + 1 < resolved->len
          && g_array_index (resolved, ResolvedMention, i + 1).entity_id == r->entity_id)
        continue;

      row.entity_id = r->entity_id;
      row.offsets = g_strndup (offsets->str, offsets->len);
      g_array_append_val (rows, row);
      g_string_truncate (offsets, 0);

      if (!record_merged_mentions (batch, &g_array_index (resolved, ResolvedMention, group_start),
                                   i + 1 - group_start, article_id, published, error))
        return FALSE;
      group_start = i + 1;

      note_entity (batch, r->entity_id, published);
    }

  return insert_mention_rows (batch, rows, article_id, published, error);
}

static gboolean
insert_time_mentions (Batch             *batch,
                      ChronicleArticle  *article,
                      gint64             article_id,
                      gint64             published,
                      GError           **error)
{
  GPtrArray *times = chronicle_article_get_time_mentions (article);

  for (guint done = 0; done < times->len;)
    {
      guint n = MIN (times->len - done, ROWS_PER_INSERT);
      sqlite3_stmt *stmt = prepare_rows (batch,
                                         "INSERT INTO time_mentions (article_id, period_start,"
                                         " period_end, granularity, relation, text, offset_start,"
                                         " offset_end) VALUES ",
                                         "(?, ?, ?, ?, ?, ?, ?, ?)", n, error);

      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < n; i++)
        {
          ChronicleTimeMention *t = g_ptr_array_index (times, done + i);
          int p = 8 * i;

          sqlite3_bind_int64 (stmt, p + 1, article_id);
          sqlite3_bind_int64 (stmt, p + 2, t->start);
          sqlite3_bind_int64 (stmt, p + 3, t->end);
          sqlite3_bind_int (stmt, p + 4, t->granularity);
          sqlite3_bind_int (stmt, p + 5, chronicle_time_mention_relation_to (t, published));
          _chronicle_db_bind_text (stmt, p + 6, t->text);
          sqlite3_bind_int64 (stmt, p + 7, t->offset_start);
          sqlite3_bind_int64 (stmt, p + 8, t->offset_end);

          batch->max_span = MAX (batch->max_span, t->end - t->start);
        }
      if (!_chronicle_db_step_done (batch->db, stmt, error))
        return FALSE;
      done += n;
    }

  return TRUE;
}

static gboolean
upsert_event (Batch           *batch,
              ChronicleEvent  *event,
              GError         **error)
{
  GPtrArray *entities = chronicle_event_get_entities (event);
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  stmt = _chronicle_db_prepare (batch->db,
                                "INSERT INTO events (key, label, start_time, end_time)"
                                " VALUES (?1, ?2, ?3, ?4)"
                                " ON CONFLICT (key) DO UPDATE SET"
                                " label = coalesce (excluded.label, label),"
                                " start_time = excluded.start_time, end_time = excluded.end_time"
                                " RETURNING id",
                                error);
  if (stmt == NULL)
    return FALSE;
  _chronicle_db_bind_text (stmt, 1, chronicle_event_get_key (event));
  _chronicle_db_bind_text (stmt, 2, chronicle_event_get_label (event));
  sqlite3_bind_int64 (stmt, 3, chronicle_event_get_start (event));
  sqlite3_bind_int64 (stmt, 4, MAX (chronicle_event_get_end (event),
                                    chronicle_event_get_start (event)));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _chronicle_db_set_error (batch->db, rc, error);

  g_hash_table_insert (batch->event_ids, g_strdup (chronicle_event_get_key (event)),
                       _chronicle_int_result (id));
  g_hash_table_insert (batch->event_starts, g_strdup (chronicle_event_get_key (event)),
                       _chronicle_int_result (chronicle_event_get_start (event)));

  stmt = _chronicle_db_prepare (batch->db, "DELETE FROM event_entities WHERE event_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_chronicle_db_step_done (batch->db, stmt, error))
    return FALSE;

  for (guint i = 0; i < entities->len; i++)
    {
      ChronicleEntity *entity = g_ptr_array_index (entities, i);
      ChronicleMention probe = {
        .entity_kind = chronicle_entity_get_kind (entity),
        .entity_name = (char *) chronicle_entity_get_name (entity),
        .country_code = (char *) chronicle_entity_get_country_code (entity),
      };
      gint64 entity_id = lookup_entity (batch, &probe, NULL, error);

      if (entity_id == 0)
        return FALSE;
      if (entity_id == STOPPED_ENTITY)
        continue;

      stmt = _chronicle_db_prepare (batch->db,
                                    "INSERT OR IGNORE INTO event_entities (event_id, entity_id)"
                                    " VALUES (?, ?)",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, entity_id);
      if (!_chronicle_db_step_done (batch->db, stmt, error))
        return FALSE;
    }

  /* Members stored earlier follow the event's (possibly new) start. */
  stmt = _chronicle_db_prepare (batch->db,
                                "UPDATE articles SET event_date = (SELECT min (e.start_time)"
                                " FROM event_articles ea JOIN events e ON e.id = ea.event_id"
                                " WHERE ea.article_id = articles.id)"
                                " WHERE id IN (SELECT article_id FROM event_articles"
                                " WHERE event_id = ?)",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _chronicle_db_step_done (batch->db, stmt, error);
}

/* Finds (or creates, spanning the publication day) the event named @key. */
static gint64
event_for_key (Batch       *batch,
               const char  *key,
               gint64       published,
               gint64      *start,
               GError     **error)
{
  gint64 *cached = g_hash_table_lookup (batch->event_ids, key);
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  if (cached != NULL)
    {
      *start = *(gint64 *) g_hash_table_lookup (batch->event_starts, key);
      return *cached;
    }

  stmt = _chronicle_db_prepare (batch->db,
                                "INSERT INTO events (key, start_time, end_time) VALUES (?1, ?2, ?3)"
                                " ON CONFLICT (key) DO UPDATE SET key = key"
                                " RETURNING id, start_time",
                                error);
  if (stmt == NULL)
    return 0;
  _chronicle_db_bind_text (stmt, 1, key);
  sqlite3_bind_int64 (stmt, 2, published - published % SECONDS_PER_DAY);
  sqlite3_bind_int64 (stmt, 3, published - published % SECONDS_PER_DAY + SECONDS_PER_DAY);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      *start = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      _chronicle_db_set_error (batch->db, rc, error);
      return 0;
    }

  g_hash_table_insert (batch->event_ids, g_strdup (key), _chronicle_int_result (id));
  g_hash_table_insert (batch->event_starts, g_strdup (key), _chronicle_int_result (*start));
  return id;
}

static gboolean
link_events (Batch             *batch,
             ChronicleArticle  *article,
             gint64             article_id,
             GError           **error)
{
  const char * const *keys = chronicle_article_get_event_keys (article);
  sqlite3_stmt *stmt;

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      gint64 start = 0;
      gint64 event_id = event_for_key (batch, keys[i],
                                       chronicle_article_get_published (article), &start, error);

      if (event_id == 0)
        return FALSE;

      stmt = _chronicle_db_prepare (batch->db,
                                    "INSERT OR IGNORE INTO event_articles (event_id, article_id)"
                                    " VALUES (?, ?)",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, event_id);
      sqlite3_bind_int64 (stmt, 2, article_id);
      if (!_chronicle_db_step_done (batch->db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gint64
event_date_for (Batch            *batch,
                ChronicleArticle *article,
                GError          **error)
{
  const char * const *keys = chronicle_article_get_event_keys (article);
  gint64 published = chronicle_article_get_published (article);
  gint64 date = G_MAXINT64;

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      gint64 start = 0;

      if (event_for_key (batch, keys[i], published, &start, error) == 0)
        return G_MININT64;
      date = MIN (date, start);
    }

  return date == G_MAXINT64 ? published : date;
}

/* Looks for the stored article @article is a version of. */
gboolean
_chronicle_store_find_existing (ChronicleDb       *db,
                                ChronicleArticle  *article,
                                const char        *guid,
                                gint64             url_hash,
                                gint64            *id,
                                gint64            *hash,
                                gint64            *source_id,
                                GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *id = 0;

  stmt = _chronicle_db_prepare (db,
                                "SELECT id, content_hash, source_id FROM articles"
                                " WHERE guid_hash = ?2 AND +source_id = ?1 AND guid = ?3",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, chronicle_article_get_source_id (article));
  sqlite3_bind_int64 (stmt, 2, _chronicle_store_hash_text (guid));
  _chronicle_db_bind_text (stmt, 3, guid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      *hash = sqlite3_column_int64 (stmt, 1);
      *source_id = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _chronicle_db_set_error (db, rc, error);
  if (*id != 0 || url_hash == 0)
    return TRUE;

  /* The same URL, once normalised; prefer a row of the same source. */
  stmt = _chronicle_db_prepare (db,
                                "SELECT id, content_hash, source_id FROM articles"
                                " WHERE url_hash = ? ORDER BY source_id != ? LIMIT 1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, url_hash);
  sqlite3_bind_int64 (stmt, 2, chronicle_article_get_source_id (article));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      *hash = sqlite3_column_int64 (stmt, 1);
      *source_id = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _chronicle_db_set_error (db, rc, error);

  return TRUE;
}

static gboolean
delete_attachments (Batch   *batch,
                    gint64   article_id,
                    GError **error)
{
  const char *statements[] = {
    "DELETE FROM article_entities WHERE article_id = ?",
    "DELETE FROM entity_merge_mentions WHERE article_id = ?",
    "DELETE FROM time_mentions WHERE article_id = ?",
    "DELETE FROM event_articles WHERE article_id = ?",
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      sqlite3_stmt *stmt = _chronicle_db_prepare (batch->db, statements[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, article_id);
      if (!_chronicle_db_step_done (batch->db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Queues @id for the full-text index. Its text is indexed once, at the end of the batch
 * (flush_fts()): an FTS5 table that is part of a transaction flushes its pending terms
 * into a new segment at every statement savepoint, so feeding it row by row (triggers)
 * wrote one tiny segment per article and spent most of the upsert merging them. A stored
 * article's indexed text is saved first, to be removed from the index then. */
static gboolean
queue_fts (Batch    *batch,
           gint64    id,
           gboolean  stored,
           GError  **error)
{
  if (g_hash_table_contains (batch->fts_pending, &id))
    return TRUE;

  if (stored)
    {
      sqlite3_stmt *stmt = _chronicle_db_prepare (batch->db,
                                                  "INSERT INTO temp.fts_old"
                                                  " (id, title, summary, body)"
                                                  " SELECT id, title, summary, body"
                                                  " FROM main.article_text WHERE id = ?",
                                                  error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!_chronicle_db_step_done (batch->db, stmt, error))
        return FALSE;
      batch->fts_has_old = TRUE;
    }

  g_array_append_val (batch->fts_ids, id);
  g_hash_table_add (batch->fts_pending, g_memdup2 (&id, sizeof id));
  return TRUE;
}

/* Applies the batch's text changes to article_fts in two statements. */
static gboolean
flush_fts (Batch   *batch,
           GError **error)
{
  g_autoptr(GString) json = NULL;
  sqlite3_stmt *stmt;

  if (batch->fts_has_old)
    {
      if (!_chronicle_db_exec (batch->db,
                               "INSERT INTO main.article_fts"
                               " (article_fts, rowid, title, summary, body)"
                               " SELECT 'delete', id, title, summary, body FROM temp.fts_old;"
                               "DELETE FROM temp.fts_old;",
                               error))
        return FALSE;
      batch->fts_has_old = FALSE;
    }

  if (batch->fts_ids->len == 0)
    return TRUE;

  json = g_string_sized_new (batch->fts_ids->len * 8 + 2);
  g_string_append_c (json, '[');
  for (guint i = 0; i < batch->fts_ids->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (batch->fts_ids, gint64, i));
  g_string_append_c (json, ']');

  stmt = _chronicle_db_prepare (batch->db,
                                "INSERT INTO main.article_fts (rowid, title, summary, body)"
                                " SELECT id, title, summary, body FROM main.article_text"
                                " WHERE id IN (SELECT value FROM json_each (?))",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, json->str, json->len, SQLITE_STATIC);
  return _chronicle_db_step_done (batch->db, stmt, error);
}

/* Adds a batch's (or write group's) mentions to its entities' article counts and
 * latest mention times. */
static gboolean
apply_entity_counts (ChronicleDb  *db,
                     GHashTable   *entity_counts,
                     GHashTable   *entity_last,
                     GError      **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, entity_counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      sqlite3_stmt *stmt = _chronicle_db_prepare (db,
                                                  "UPDATE entities SET article_count ="
                                                  " article_count + ?1, last_mention ="
                                                  " max (last_mention, ?3) WHERE id = ?2",
                                                  error);
      gint64 *last = g_hash_table_lookup (entity_last, key);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, GPOINTER_TO_UINT (value));
      sqlite3_bind_int64 (stmt, 2, *(gint64 *) key);
      sqlite3_bind_int64 (stmt, 3, last != NULL ? *last : 0);
      if (!_chronicle_db_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* What a write group's upserts leave for its end, before it commits: the text they
 * queued for the full-text index (one FTS5 segment per group, and no FTS5 flush at
 * each statement of the group, as an FTS5 table written earlier in a transaction
 * flushes at each statement), and their entities' counts (one UPDATE per entity per
 * group, not per batch). */
gboolean
_chronicle_store_flush_group (ChronicleStore  *store,
                              ChronicleDb     *db,
                              GError         **error)
{
  Batch batch = { store, db, NULL, NULL, NULL, NULL, 0,
                  store->group_fts_ids, store->group_fts_pending, store->group_fts_has_old };
  gboolean ok = apply_entity_counts (db, store->group_entity_counts, store->group_entity_last,
                                     error)
                && flush_fts (&batch, error);

  _chronicle_store_clear_group (store);
  return ok;
}

void
_chronicle_store_clear_group (ChronicleStore *store)
{
  g_array_set_size (store->group_fts_ids, 0);
  g_hash_table_remove_all (store->group_fts_pending);
  store->group_fts_has_old = FALSE;
  g_hash_table_remove_all (store->group_entity_counts);
  g_hash_table_remove_all (store->group_entity_last);
}

static gboolean
write_article (Batch             *batch,
               ChronicleArticle  *article,
               gint64             existing_id,
               gint64             hash,
               const char        *guid,
               gint64             url_hash,
               gint64            *out_id,
               GError           **error)
{
  gint64 published = chronicle_article_get_published (article);
  gint64 event_date = event_date_for (batch, article, error);
  sqlite3_stmt *stmt;
  gint64 id;

  if (event_date == G_MININT64)
    return FALSE;

  if (existing_id == 0)
    stmt = _chronicle_db_prepare (batch->db,
                                  "INSERT INTO articles (source_id, guid, guid_hash, url,"
                                  " url_hash, title, author, published, published_inferred,"
                                  " updated, language, image_url, content_hash, event_date)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                                  " ?13, ?14)",
                                  error);
  else
    stmt = _chronicle_db_prepare (batch->db,
                                  "UPDATE articles SET source_id = ?1, guid = ?2, guid_hash = ?3,"
                                  " url = ?4, url_hash = ?5, title = ?6, author = ?7,"
                                  " published = ?8, published_inferred = ?9, updated = ?10,"
                                  " language = ?11, image_url = ?12, content_hash = ?13,"
                                  " event_date = ?14 WHERE id = ?15",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, chronicle_article_get_source_id (article));
  _chronicle_db_bind_text (stmt, 2, guid);
  sqlite3_bind_int64 (stmt, 3, _chronicle_store_hash_text (guid));
  _chronicle_db_bind_text (stmt, 4, chronicle_article_get_url (article));
  if (url_hash != 0)
    sqlite3_bind_int64 (stmt, 5, url_hash);
  _chronicle_db_bind_text (stmt, 6, chronicle_article_get_title (article));
  _chronicle_db_bind_text (stmt, 7, chronicle_article_get_author (article));
  sqlite3_bind_int64 (stmt, 8, published);
  sqlite3_bind_int (stmt, 9, chronicle_article_get_published_inferred (article));
  sqlite3_bind_int64 (stmt, 10, chronicle_article_get_updated (article));
  _chronicle_db_bind_text (stmt, 11, chronicle_article_get_language (article));
  _chronicle_db_bind_text (stmt, 12, chronicle_article_get_image_url (article));
  sqlite3_bind_int64 (stmt, 13, hash);
  sqlite3_bind_int64 (stmt, 14, event_date);
  if (existing_id != 0)
    sqlite3_bind_int64 (stmt, 15, existing_id);
  if (!_chronicle_db_step_done (batch->db, stmt, error))
    return FALSE;

  id = existing_id != 0 ? existing_id : sqlite3_last_insert_rowid (_chronicle_db_handle (batch->db));

  if (!queue_fts (batch, id, existing_id != 0, error))
    return FALSE;

  if (existing_id == 0)
    stmt = _chronicle_db_prepare (batch->db,
                                  "INSERT INTO article_text (title, summary, body, id)"
                                  " VALUES (?, ?, ?, ?)",
                                  error);
  else
    stmt = _chronicle_db_prepare (batch->db,
                                  "UPDATE article_text SET title = ?, summary = ?, body = ?"
                                  " WHERE id = ?",
                                  error);
  if (stmt == NULL)
    return FALSE;
  _chronicle_db_bind_text (stmt, 1, chronicle_article_get_title (article));
  _chronicle_db_bind_text (stmt, 2, chronicle_article_get_summary (article));
  _chronicle_db_bind_text (stmt, 3, chronicle_article_get_body (article));
  sqlite3_bind_int64 (stmt, 4, id);
  if (!_chronicle_db_step_done (batch->db, stmt, error))
    return FALSE;

  if (!_chronicle_store_write_article_meta (batch->db, article, id, existing_id != 0, error))
    return FALSE;

  if (existing_id != 0 && !delete_attachments (batch, id, error))
    return FALSE;

  if (!insert_mentions (batch, article, id, published, error)
      || !insert_time_mentions (batch, article, id, published, error)
      || !link_events (batch, article, id, error))
    return FALSE;

  *out_id = id;
  return TRUE;
}

static gboolean
validate_article (ChronicleArticle  *article,
                  guint              index,
                  GError           **error)
{
  if (!CHRONICLE_IS_ARTICLE (article) || chronicle_article_get_source_id (article) <= 0
      || (chronicle_article_get_guid (article) == NULL
          && chronicle_article_get_url (article) == NULL))
    {
      g_set_error (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_INVALID,
                   _("Article %u of the batch has no source, or neither a guid nor a URL"),
                   index + 1);
      return FALSE;
    }

  return TRUE;
}

/* Foreign keys are off for the upsert (see write_thread_func()): the articles'
 * sources, the one reference from outside the store, are checked here, once each. */
static gboolean
check_sources (ChronicleDb  *db,
               GPtrArray    *articles,
               GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < articles->len; i++)
    {
      gint64 source_id = chronicle_article_get_source_id (g_ptr_array_index (articles, i));
      sqlite3_stmt *stmt;
      int rc;

      if (g_hash_table_contains (seen, &source_id))
        continue;
      stmt = _chronicle_db_prepare (db, "SELECT 1 FROM sources WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, source_id);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_INVALID,
                       _("Article %u of the batch names a source that does not exist"), i + 1);
          return FALSE;
        }
      if (rc != SQLITE_ROW)
        {
          _chronicle_db_set_error (db, rc, error);
          return FALSE;
        }
      g_hash_table_add (seen, g_memdup2 (&source_id, sizeof source_id));
    }

  return TRUE;
}

gboolean
_chronicle_store_write_upsert (StoreJob     *job,
                               ChronicleDb  *db,
                               GError      **error)
{
  UpsertData *upsert = job->data;
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64),
                                             upsert->articles->len);
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) event_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) event_starts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                              g_free);
  g_autoptr(GHashTable) entity_counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                                NULL);
  g_autoptr(GHashTable) entity_last = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                              g_free);
  g_autoptr(GArray) fts_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64),
                                                 upsert->articles->len);
  g_autoptr(GHashTable) fts_pending = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                              g_free, NULL);
  /* In a write group the full-text index is fed and the entities' counts are
   * updated once, for the whole group, at its end (_chronicle_store_flush_group()). */
  Batch batch = { job->store, db, event_ids, event_starts,
                  job->grouped ? job->store->group_entity_counts : entity_counts,
                  job->grouped ? job->store->group_entity_last : entity_last, 0,
                  job->grouped ? job->store->group_fts_ids : fts_ids,
                  job->grouped ? job->store->group_fts_pending : fts_pending,
                  job->grouped && job->store->group_fts_has_old };
  ChronicleStoreChange change = CHRONICLE_STORE_CHANGE_NONE;

  memset (&upsert->stats, 0, sizeof upsert->stats);

  for (guint i = 0; i < upsert->articles->len; i++)
    if (!validate_article (g_ptr_array_index (upsert->articles, i), i, error))
      return FALSE;

  if (!job->grouped && !_chronicle_db_begin (db, error))
    return FALSE;

  if (!check_sources (db, upsert->articles, error))
    return _chronicle_store_fail (job->store, db, error);

  for (guint i = 0; upsert->events != NULL && i < upsert->events->len; i++)
    if (!upsert_event (&batch, g_ptr_array_index (upsert->events, i), error))
      return _chronicle_store_fail (job->store, db, error);

  for (guint i = 0; i < upsert->articles->len; i++)
    {
      ChronicleArticle *article = g_ptr_array_index (upsert->articles, i);
      const char *guid = chronicle_article_get_guid (article);
      g_autofree char *url_key = chronicle_url_normalise (chronicle_article_get_url (article));
      gint64 url_hash = url_key != NULL ? _chronicle_store_hash_text (url_key) : 0;
      gint64 hash = _chronicle_store_content_hash (article);
      gint64 existing_id = 0, existing_hash = 0, existing_source = 0, id = 0;

      if (guid == NULL)
        guid = url_key != NULL ? url_key : chronicle_article_get_url (article);

      if (!_chronicle_store_find_existing (db, article, guid, url_hash, &existing_id,
                                           &existing_hash, &existing_source, error))
        return _chronicle_store_fail (job->store, db, error);

      if (existing_id != 0 && existing_source != chronicle_article_get_source_id (article))
        {
          upsert->stats.duplicates++;
          id = existing_id;
        }
      else if (existing_id != 0 && existing_hash == hash)
        {
          upsert->stats.unchanged++;
          id = existing_id;
        }
      else
        {
          if (!write_article (&batch, article, existing_id, hash, guid, url_hash, &id, error))
            return _chronicle_store_fail (job->store, db, error);

          g_array_append_val (changed, id);
          if (existing_id != 0)
            {
              upsert->stats.updated++;
              change |= CHRONICLE_STORE_CHANGE_ARTICLES_UPDATED;
            }
          else
            {
              upsert->stats.inserted++;
              change |= CHRONICLE_STORE_CHANGE_ARTICLES_ADDED;
            }
        }

      g_array_append_val (ids, id);
    }

  if (!job->grouped && !apply_entity_counts (db, entity_counts, entity_last, error))
    return _chronicle_store_fail (job->store, db, error);

  if (batch.max_span > 0)
    {
      sqlite3_stmt *stmt = _chronicle_db_prepare (db,
                                                  "UPDATE meta SET value = max (value, ?)"
                                                  " WHERE key = 'time_mention_max_span'",
                                                  error);

      if (stmt == NULL)
        return _chronicle_store_fail (job->store, db, error);
      sqlite3_bind_int64 (stmt, 1, batch.max_span);
      if (!_chronicle_db_step_done (db, stmt, error))
        return _chronicle_store_fail (job->store, db, error);
    }

  /* The full-text index last: once an FTS5 table is written in a transaction, every
   * later statement makes it flush. */
  if (job->grouped)
    job->store->group_fts_has_old = batch.fts_has_old;
  else if (!flush_fts (&batch, error))
    return _chronicle_store_fail (job->store, db, error);

  if (!job->grouped && !_chronicle_db_commit (db, error))
    return _chronicle_store_fail (job->store, db, error);

  if (change != CHRONICLE_STORE_CHANGE_NONE)
    change |= CHRONICLE_STORE_CHANGE_ENTITIES;

  job->result = g_steal_pointer (&ids);
  job->result_free = (GDestroyNotify) g_array_unref;
  job->changed_ids = g_steal_pointer (&changed);
  job->change = change;
  return TRUE;
}

void
_upsert_data_free (gpointer data)
{
  UpsertData *upsert = data;

  g_clear_pointer (&upsert->articles, g_ptr_array_unref);
  g_clear_pointer (&upsert->events, g_ptr_array_unref);
  g_free (upsert);
}

static void
upsert_main (StoreJob *job)
{
  UpsertData *upsert = job->data;
  GArray *ids = job->result;
  g_autoptr(GHashTable) changed = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_object_set_data_full (G_OBJECT (job->task), "chronicle-stats",
                          g_memdup2 (&upsert->stats, sizeof upsert->stats), g_free);

  for (guint i = 0; job->changed_ids != NULL && i < job->changed_ids->len; i++)
    g_hash_table_add (changed, &g_array_index (job->changed_ids, gint64, i));

  /* Keep live objects current: a changed article is updated in place. */
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      ChronicleArticle *given = g_ptr_array_index (upsert->articles, i);
      ChronicleArticle *live;

      if (!g_hash_table_contains (changed, &id))
        continue;
      live = _chronicle_store_lookup_loaded (job->store, id);
      if (live == NULL)
        continue;

      g_object_freeze_notify (G_OBJECT (live));
      chronicle_article_set_title (live, chronicle_article_get_title (given));
      chronicle_article_set_url (live, chronicle_article_get_url (given));
      chronicle_article_set_author (live, chronicle_article_get_author (given));
      chronicle_article_set_published (live, chronicle_article_get_published (given));
      chronicle_article_set_published_inferred (live,
                                                chronicle_article_get_published_inferred (given));
      chronicle_article_set_updated (live, chronicle_article_get_updated (given));
      chronicle_article_set_summary (live, chronicle_article_get_summary (given));
      if (chronicle_article_get_body (given) != NULL)
        chronicle_article_set_body (live, chronicle_article_get_body (given));
      chronicle_article_set_language (live, chronicle_article_get_language (given));
      chronicle_article_set_image_url (live, chronicle_article_get_image_url (given));
      g_object_thaw_notify (G_OBJECT (live));
    }
}

/**
 * chronicle_store_upsert_articles_async:
 * @self: a #ChronicleStore
 * @articles: (element-type ChronicleArticle): the batch; each with a source id, a guid
 *   (or at least a URL), a title and a publication date, plus the mentions, time
 *   mentions and event keys extraction found
 * @events: (nullable) (element-type ChronicleEvent): the events the batch's articles
 *   name by key (label, span, main entities); stored or updated by key
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Writes the whole batch in one transaction: all of it or (on error) none of it.
 * Batches queued behind each other may share a transaction; if one fails, the
 * others are written again each on its own: a failing batch never takes another
 * one's articles with it.
 *
 * An article is the same as a stored one when it has the same source and guid, or the
 * same normalised URL (fragment and `utm_*` parameters removed, see
 * chronicle_url_normalise()). Same source: if what the source gave changed (title,
 * text, dates, links; not the mentions, which follow from those) it is updated in place,
 * keeping its id, read and starred flags, and its mentions are replaced. Another source: the stored one is kept and the new one counted as a
 * duplicate. Entities are created on first mention; the mention's surface form is kept
 * as an alias.
 *
 * Emits `changed` (ARTICLES_ADDED and/or ARTICLES_UPDATED, ENTITIES) with the ids of the
 * new and updated articles.
 */
void
chronicle_store_upsert_articles_async (ChronicleStore      *self,
                                       GPtrArray           *articles,
                                       GPtrArray           *events,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  GTask *task;
  UpsertData *data;

  g_return_if_fail (CHRONICLE_IS_STORE (self));
  g_return_if_fail (articles != NULL);

  task = _chronicle_store_new_task (self, chronicle_store_upsert_articles_async, cancellable, callback,
                   user_data);
  data = g_new0 (UpsertData, 1);
  data->articles = g_ptr_array_ref (articles);
  data->events = events != NULL ? g_ptr_array_ref (events) : NULL;
  _chronicle_store_run_groupable_write (self, task, _chronicle_store_write_upsert, upsert_main,
                                        data, _upsert_data_free);
}

/**
 * chronicle_store_upsert_articles_finish:
 * @self: a #ChronicleStore
 * @result: the #GAsyncResult
 * @stats: (out caller-allocates) (optional): what happened to the batch
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type gint64): the stored id of each article of the
 *   batch, in order (for a duplicate, the id of the article kept), or %NULL on error
 */
GArray *
chronicle_store_upsert_articles_finish (ChronicleStore        *self,
                                        GAsyncResult          *result,
                                        ChronicleUpsertStats  *stats,
                                        GError               **error)
{
  GArray *ids = _chronicle_store_finish_pointer (self, result, chronicle_store_upsert_articles_async, error);
  ChronicleUpsertStats *given = g_object_get_data (G_OBJECT (result), "chronicle-stats");

  if (stats != NULL)
    {
      if (ids != NULL && given != NULL)
        *stats = *given;
      else
        memset (stats, 0, sizeof *stats);
    }

  return ids;
}
