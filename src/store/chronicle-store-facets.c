/* chronicle-store-facets.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chronicle-store-error.h"
#include "chronicle-store-private.h"
#include "chronicle-store-sql.h"

/* Facet counts, histograms and entities: the public calls and their jobs. */

/* Co-mentions are counted over the entity's most recent articles: a bounded cost
 * (about 30k index rows) whatever its fame. */
#define RELATED_WINDOW 3000

typedef struct {
  guint32 count;
  guint32 id;
} Ranked;

/* Whether a ranks before b: more articles, then the smaller id (as the SQL orders). */
static inline gboolean
ranks_before (const Ranked *a,
              const Ranked *b)
{
  return a->count > b->count || (a->count == b->count && a->id < b->id);
}

/* A bounded heap whose root is the worst of the best @limit seen. */
static void
heap_offer (GArray *heap,
            guint   limit,
            Ranked  item)
{
  Ranked *h;
  guint i;

  if (heap->len < limit)
    {
      g_array_append_val (heap, item);
      h = (Ranked *) (gpointer) heap->data;
      for (i = heap->len - 1; i > 0 && ranks_before (&h[(i - 1) / 2], &h[i]); i = (i - 1) / 2)
        {
          Ranked t = h[i];

          h[i] = h[(i - 1) / 2];
          h[(i - 1) / 2] = t;
        }
      return;
    }

  h = (Ranked *) (gpointer) heap->data;
  if (limit == 0 || !ranks_before (&item, &h[0]))
    return;
  h[0] = item;
  for (i = 0;;)
    {
      guint l = 2 * i + 1, r = l + 1, worst = i;

      if (l < heap->len && ranks_before (&h[worst], &h[l]))
        worst = l;
      if (r < heap->len && ranks_before (&h[worst], &h[r]))
        worst = r;
      if (worst == i)
        break;
      {
        Ranked t = h[i];

        h[i] = h[worst];
        h[worst] = t;
      }
      i = worst;
    }
}

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  return ranks_before (a, b) ? -1 : ranks_before (b, a) ? 1 : 0;
}

/**
 * _chronicle_store_index_top_entities:
 * @db: a read connection
 * @counts: counts from the facet index
 * @kind: the kind, or -1 for each kind
 * @limit: how many of each kind
 * @allowed: (nullable): entity ids to choose from (a set of GINT_TO_POINTER ids)
 * @out: (element-type ChronicleEntity): where to add them, by kind, count and id
 * @error: return location for a #GError
 */
gboolean
_chronicle_store_index_top_entities (ChronicleDb           *db,
                                     ChronicleFacetCounts  *counts,
                                     int                    kind,
                                     guint                  limit,
                                     GHashTable            *allowed,
                                     GPtrArray             *out,
                                     GError               **error)
{
  GArray *heaps[CHRONICLE_N_ENTITY_KINDS] = { NULL, };
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                      g_object_unref);
  sqlite3_stmt *stmt;
  gboolean any = FALSE;
  int rc;

  for (guint k = 0; k < CHRONICLE_N_ENTITY_KINDS; k++)
    if (kind < 0 || (guint) kind == k)
      heaps[k] = g_array_sized_new (FALSE, FALSE, sizeof (Ranked), MIN (limit, 1024));

  for (guint id = 0; id < counts->n_entities; id++)
    {
      guint8 k = counts->entity_kinds[id];
      Ranked item = { counts->entity_counts[id], id };

      if (item.count == 0 || k >= CHRONICLE_N_ENTITY_KINDS || heaps[k] == NULL)
        continue;
      if (allowed != NULL && !g_hash_table_contains (allowed, GUINT_TO_POINTER (id)))
        continue;
      heap_offer (heaps[k], limit, item);
    }

  for (guint k = 0; k < CHRONICLE_N_ENTITY_KINDS; k++)
    for (guint i = 0; heaps[k] != NULL && i < heaps[k]->len; i++)
      {
        g_string_append_printf (json, "%s%u", any ? "," : "", g_array_index (heaps[k], Ranked, i).id);
        any = TRUE;
      }
  g_string_append_c (json, ']');

  if (any)
    {
      stmt = _chronicle_db_prepare (db,
                                    "SELECT id, kind, name, country_code, 0 FROM entities"
                                    " WHERE id IN (SELECT value FROM json_each (?))",
                                    error);
      if (stmt == NULL)
        goto fail;
      _chronicle_db_bind_text (stmt, 1, json->str);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          ChronicleEntity *entity = _chronicle_entity_from_row (stmt, 0);

          g_hash_table_insert (rows, GUINT_TO_POINTER ((guint) chronicle_entity_get_id (entity)),
                               entity);
        }
      if (!_chronicle_db_finish_rows (db, stmt, rc, error))
        goto fail;
    }

  for (guint k = 0; k < CHRONICLE_N_ENTITY_KINDS; k++)
    {
      if (heaps[k] == NULL)
        continue;
      g_array_sort (heaps[k], compare_ranked);
      for (guint i = 0; i < heaps[k]->len; i++)
        {
          Ranked *item = &g_array_index (heaps[k], Ranked, i);
          ChronicleEntity *entity = g_hash_table_lookup (rows, GUINT_TO_POINTER (item->id));

          if (entity == NULL)
            continue;
          chronicle_entity_set_mention_count (entity, item->count);
          g_ptr_array_add (out, g_object_ref (entity));
        }
      g_array_unref (heaps[k]);
    }
  return TRUE;

fail:
  for (guint k = 0; k < CHRONICLE_N_ENTITY_KINDS; k++)
    g_clear_pointer (&heaps[k], g_array_unref);
  return FALSE;
}

/**
 * _chronicle_store_index_counts:
 * @store: the store
 * @db: a read connection
 * @query: the filter
 * @counts: (out): the counts, or %NULL when SQL must answer
 * @error: return location for a #GError
 *
 * Returns: %FALSE on a database error
 */
gboolean
_chronicle_store_index_counts (ChronicleStore         *store,
                               ChronicleDb            *db,
                               ChronicleQuery         *query,
                               ChronicleFacetCounts  **counts,
                               GError               **error)
{
  GError *local_error = NULL;

  *counts = NULL;
  if (!store->use_facet_index)
    return TRUE;
  *counts = _chronicle_facet_index_count (store->facet_index, db, query, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

gboolean
_chronicle_store_read_facets (StoreJob     *job,
                              ChronicleDb  *db,
                              GError      **error)
{
  ReadData *data = job->data;
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(ChronicleFacetCounts) counts = NULL;
  g_auto(Sql) sql = { NULL, NULL };
  sqlite3_stmt *stmt;

  if (chronicle_query_is_all (data->query))
    {
      /* The maintained counts answer directly. */
      stmt = _chronicle_db_prepare (db,
                                    "SELECT id, kind, name, country_code, article_count"
                                    " FROM entities WHERE kind = ? AND article_count > 0"
                                    " ORDER BY article_count DESC, id LIMIT ?",
                                    error);
      if (stmt == NULL)
        return FALSE;
      for (guint k = 0; k < CHRONICLE_N_ENTITY_KINDS; k++)
        {
          sqlite3_bind_int (stmt, 1, k);
          sqlite3_bind_int64 (stmt, 2, data->limit);
          if (!_chronicle_collect_entities (db, stmt, entities, error))
            return FALSE;
        }
    }
  else if (!_chronicle_store_index_counts (job->store, db, data->query, &counts, error))
    {
      return FALSE;
    }
  else if (counts != NULL)
    {
      if (!_chronicle_store_index_top_entities (db, counts, -1, data->limit, NULL, entities, error))
        return FALSE;
    }
  else
    {
      _chronicle_sql_init (&sql);
      if (!_chronicle_sql_resolve_facets (&sql, db, data->query, error))
        return FALSE;
      g_string_append (sql.sql, "WITH m AS (");
      _chronicle_sql_build_ids (&sql, data->query);
      g_string_append (sql.sql,
                       ") SELECT id, kind, name, country_code, n FROM ("
                       " SELECT e.id, e.kind, e.name, e.country_code, c.n,"
                       " row_number () OVER (PARTITION BY e.kind ORDER BY c.n DESC, e.id) AS rn"
                       " FROM (SELECT ae.entity_id AS eid, count (*) AS n"
                       " FROM m JOIN article_entities ae ON ae.article_id = m.id"
                       " GROUP BY ae.entity_id) c"
                       " JOIN entities e ON e.id = c.eid)"
                       " WHERE rn <= ? ORDER BY kind, n DESC, id");
      _chronicle_sql_int (&sql, data->limit);
      stmt = _chronicle_sql_prepare (db, &sql, error);
      if (stmt == NULL || !_chronicle_collect_entities (db, stmt, entities, error))
        return FALSE;
    }

  job->result = g_steal_pointer (&entities);
  job->result_free = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}

gboolean
_chronicle_store_read_source_counts (StoreJob     *job,
                                     ChronicleDb  *db,
                                     GError      **error)
{
  ReadData *data = job->data;
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (ChronicleSourceCount));
  g_autoptr(ChronicleQuery) without = chronicle_query_with_sources (data->query, NULL, 0);
  g_autoptr(ChronicleFacetCounts) counts = NULL;
  g_auto(Sql) sql = { NULL, NULL };
  sqlite3_stmt *stmt;
  int rc;

  /* A source is one value per article: its count is under the rest of the query. */
  if (!chronicle_query_is_all (without)
      && !_chronicle_store_index_counts (job->store, db, data->query, &counts, error))
    return FALSE;

  if (counts != NULL)
    {
      for (guint i = 0; i < counts->n_sources; i++)
        if (counts->source_counts[i] > 0)
          {
            ChronicleSourceCount c = { i, counts->source_counts[i] };

            g_array_append_val (out, c);
          }
    }
  else
    {
      _chronicle_sql_init (&sql);
      if (chronicle_query_is_all (without))
        g_string_append (sql.sql, "SELECT id, article_count FROM sources WHERE article_count > 0"
                                  " ORDER BY id");
      else
        {
          if (!_chronicle_sql_resolve_facets (&sql, db, without, error))
            return FALSE;
          g_string_append (sql.sql, "WITH m AS (");
          _chronicle_sql_build_ids (&sql, without);
          g_string_append (sql.sql, ") SELECT a.source_id, count (*) FROM m"
                                    " JOIN articles a ON a.id = m.id"
                                    " GROUP BY a.source_id ORDER BY a.source_id");
        }
      stmt = _chronicle_sql_prepare (db, &sql, error);
      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          ChronicleSourceCount c = { sqlite3_column_int64 (stmt, 0),
                                     (guint) sqlite3_column_int64 (stmt, 1) };

          g_array_append_val (out, c);
        }
      if (!_chronicle_db_finish_rows (db, stmt, rc, error))
        return FALSE;
    }

  job->result = g_steal_pointer (&out);
  job->result_free = (GDestroyNotify) g_array_unref;
  return TRUE;
}

/* Rolls (day, count) rows, in day order, up into buckets. */
static GArray *
collect_histogram (ChronicleDb           *db,
                   sqlite3_stmt          *stmt,
                   ChronicleGranularity   bucket,
                   GError               **error)
{
  g_autoptr(GArray) bins = g_array_new (FALSE, FALSE, sizeof (ChronicleHistogramBin));
  ChronicleHistogramBin *last = NULL;
  gint64 last_next = G_MININT64;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 day_start = sqlite3_column_int64 (stmt, 0) * SECONDS_PER_DAY;
      guint count = (guint) sqlite3_column_int64 (stmt, 1);

      if (count == 0)
        continue;

      if (last != NULL && day_start < last_next)
        {
          last->count += count;
        }
      else
        {
          ChronicleHistogramBin bin = {
            chronicle_granularity_floor (bucket, day_start), count
          };

          g_array_append_val (bins, bin);
          last = &g_array_index (bins, ChronicleHistogramBin, bins->len - 1);
          last_next = chronicle_granularity_next (bucket, day_start);
        }
    }

  if (!_chronicle_db_finish_rows (db, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&bins);
}

/* Rolls times, in order, up into buckets. */
static GArray *
collect_times (ChronicleDb           *db,
               sqlite3_stmt          *stmt,
               ChronicleGranularity   bucket,
               GError               **error)
{
  g_autoptr(GArray) bins = g_array_new (FALSE, FALSE, sizeof (ChronicleHistogramBin));
  ChronicleHistogramBin *last = NULL;
  gint64 last_next = G_MININT64;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 t = sqlite3_column_int64 (stmt, 0);

      if (last != NULL && t < last_next)
        {
          last->count++;
        }
      else
        {
          ChronicleHistogramBin bin = { chronicle_granularity_floor (bucket, t), 1 };

          g_array_append_val (bins, bin);
          last = &g_array_index (bins, ChronicleHistogramBin, bins->len - 1);
          last_next = chronicle_granularity_next (bucket, t);
        }
    }

  if (!_chronicle_db_finish_rows (db, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&bins);
}

static gboolean
day_aligned (gint64 t)
{
  return t % SECONDS_PER_DAY == 0;
}

static void
build_histogram_sql (Sql            *sql,
                     ChronicleQuery *query)
{
  gint64 from = chronicle_query_get_from (query);
  gint64 to = chronicle_query_get_to (query);
  g_autoptr(ChronicleQuery) without_dates = chronicle_query_with_date_range (query, 0, 0);

  if (chronicle_query_is_all (without_dates) && day_aligned (from) && day_aligned (to))
    {
      /* The maintained per-day counts answer directly. */
      g_string_append (sql->sql, "SELECT day, count FROM day_counts WHERE count > 0");
      if (from != 0)
        {
          g_string_append (sql->sql, " AND day >= ?");
          _chronicle_sql_int (sql, from / SECONDS_PER_DAY);
        }
      if (to != 0)
        {
          g_string_append (sql->sql, " AND day < ?");
          _chronicle_sql_int (sql, to / SECONDS_PER_DAY);
        }
      g_string_append (sql->sql, " ORDER BY day");
      return;
    }

  g_string_append (sql->sql, "SELECT " DAY_OF ("m.published") " AS d, count (*) FROM (");
  _chronicle_sql_build_ids (sql, query);
  g_string_append (sql->sql, ") m GROUP BY d ORDER BY d");
}

gboolean
_chronicle_store_read_histogram (StoreJob     *job,
                                 ChronicleDb  *db,
                                 GError      **error)
{
  ReadData *data = job->data;
  g_auto(Sql) sql = { NULL, NULL };
  sqlite3_stmt *stmt;
  GArray *bins;

  _chronicle_sql_init (&sql);
  if (!_chronicle_sql_resolve_facets (&sql, db, data->query, error))
    return FALSE;
  build_histogram_sql (&sql, data->query);
  stmt = _chronicle_sql_prepare (db, &sql, error);
  if (stmt == NULL)
    return FALSE;

  bins = collect_histogram (db, stmt, data->bucket, error);
  if (bins == NULL)
    return FALSE;

  job->result = bins;
  job->result_free = (GDestroyNotify) g_array_unref;
  return TRUE;
}

static ChronicleEntity *
read_entity (ChronicleDb  *db,
             const char   *sql,
             gint64        id,
             int           kind,
             const char   *name,
             GError      **error)
{
  g_autoptr(ChronicleEntity) entity = NULL;
  sqlite3_stmt *stmt = _chronicle_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (name != NULL)
    {
      sqlite3_bind_int (stmt, 1, kind);
      _chronicle_db_bind_text (stmt, 2, name);
    }
  else
    sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    entity = _chronicle_entity_from_row (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _chronicle_db_set_error (db, rc, error);
      return NULL;
    }
  if (entity == NULL)
    {
      g_set_error_literal (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_NOT_FOUND,
                           _("No such person, country, place or organisation is stored"));
      return NULL;
    }
  if (!_chronicle_store_read_entity_aliases (db, entity, error))
    return NULL;

  return g_steal_pointer (&entity);
}

gboolean
_chronicle_store_read_lookup_entity (StoreJob     *job,
                                     ChronicleDb  *db,
                                     GError      **error)
{
  ReadData *data = job->data;
  ChronicleEntity *entity;

  /* A name merged or renamed into another entity answers with that entity. */
  entity = read_entity (db,
                        "WITH RECURSIVE chain (id, next, depth) AS ("
                        " SELECT id, merged_into, 0 FROM entities WHERE kind = ? AND name = ?"
                        " UNION ALL SELECT e.id, e.merged_into, depth + 1"
                        " FROM chain JOIN entities e ON e.id = chain.next"
                        " WHERE depth < 64)"
                        " SELECT e.id, e.kind, e.name, e.country_code, e.article_count"
                        " FROM chain JOIN entities e ON e.id = chain.id"
                        " WHERE chain.next IS NULL",
                        0, data->kind, data->name, error);
  if (entity == NULL)
    return FALSE;

  job->result = entity;
  job->result_free = g_object_unref;
  return TRUE;
}

gboolean
_chronicle_store_read_entity_detail (StoreJob     *job,
                                     ChronicleDb  *db,
                                     GError      **error)
{
  ReadData *data = job->data;
  g_autoptr(ChronicleEntityDetail) detail = g_new0 (ChronicleEntityDetail, 1);
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  gint64 id;
  int rc;

  if (!_chronicle_db_begin_read (db, error))
    return FALSE;

  /* A merged or renamed id opens the entity that carries its mentions now. */
  detail->entity = read_entity (db,
                                "WITH RECURSIVE chain (id, next, depth) AS ("
                                " SELECT id, merged_into, 0 FROM entities WHERE id = ?"
                                " UNION ALL SELECT e.id, e.merged_into, depth + 1"
                                " FROM chain JOIN entities e ON e.id = chain.next"
                                " WHERE depth < 64)"
                                " SELECT e.id, e.kind, e.name, e.country_code, e.article_count"
                                " FROM chain JOIN entities e ON e.id = chain.id"
                                " WHERE chain.next IS NULL",
                                data->id, 0, NULL, error);
  if (detail->entity == NULL)
    goto out;
  id = chronicle_entity_get_id (detail->entity);

  stmt = _chronicle_db_prepare (db,
                                "SELECT followed,"
                                " (SELECT min (published) FROM article_entities WHERE entity_id = ?1),"
                                " (SELECT max (published) FROM article_entities WHERE entity_id = ?1)"
                                " FROM entities WHERE id = ?1",
                                error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      detail->followed = sqlite3_column_int (stmt, 0) != 0;
      detail->first_mention = sqlite3_column_int64 (stmt, 1);
      detail->last_mention = sqlite3_column_int64 (stmt, 2);
    }
  if (!_chronicle_db_finish_rows (db, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error))
    goto out;

  /* In index order, bucketed here: no grouping in SQL. */
  stmt = _chronicle_db_prepare (db,
                                "SELECT published FROM article_entities WHERE entity_id = ?"
                                " ORDER BY published",
                                error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, id);
  detail->histogram = collect_times (db, stmt, data->bucket, error);
  if (detail->histogram == NULL)
    goto out;

  stmt = _chronicle_db_prepare (db,
                                "SELECT e.id, e.kind, e.name, e.country_code,"
                                " (SELECT count (*) FROM entity_merge_mentions m"
                                "  WHERE m.entity_id = e.id)"
                                " FROM entities e WHERE e.merged_into = ? ORDER BY e.fold, e.id",
                                error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, id);
  detail->merged = g_ptr_array_new_with_free_func (g_object_unref);
  if (!_chronicle_collect_entities (db, stmt, detail->merged, error))
    goto out;

  stmt = _chronicle_db_prepare (db,
                                "SELECT id, kind, name, country_code, n FROM ("
                                " SELECT e.id, e.kind, e.name, e.country_code, c.n,"
                                " row_number () OVER (PARTITION BY e.kind ORDER BY c.n DESC, e.id)"
                                " AS rn FROM ("
                                " SELECT ae.entity_id AS eid, count (*) AS n FROM ("
                                "  SELECT article_id FROM article_entities WHERE entity_id = ?1"
                                "  ORDER BY published DESC LIMIT ?3) r"
                                " JOIN article_entities ae ON ae.article_id = r.article_id"
                                " WHERE ae.entity_id != ?1 GROUP BY ae.entity_id) c"
                                " JOIN entities e ON e.id = c.eid)"
                                " WHERE rn <= ?2 ORDER BY kind, n DESC, id",
                                error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, data->limit);
  sqlite3_bind_int64 (stmt, 3, RELATED_WINDOW);
  detail->related = g_ptr_array_new_with_free_func (g_object_unref);
  ok = _chronicle_collect_entities (db, stmt, detail->related, error);

out:
  _chronicle_db_end_read (db);
  if (!ok)
    return FALSE;

  job->result = g_steal_pointer (&detail);
  job->result_free = (GDestroyNotify) chronicle_entity_detail_free;
  return TRUE;
}

static gboolean
read_warm_up (StoreJob     *job,
              ChronicleDb  *db,
              GError      **error)
{
  return _chronicle_facet_index_warm_up (job->store->facet_index, db, error);
}

/**
 * chronicle_store_facet_counts_async:
 * @self: a #ChronicleStore
 * @query: the filter
 * @top_n: how many entities of each kind
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Counts, for each entity kind, the @top_n entities named in the most articles matching
 * @query (all facets of the query apply, including the one of the kind counted).
 */
void
chronicle_store_facet_counts_async (ChronicleStore      *self,
                                    ChronicleQuery      *query,
                                    guint                top_n,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  ReadData *data;

  g_return_if_fail (CHRONICLE_IS_STORE (self));
  g_return_if_fail (CHRONICLE_IS_QUERY (query));

  data = _read_data_new ();
  data->query = g_object_ref (query);
  data->limit = top_n;
  _chronicle_store_run_facet_read (self, chronicle_store_facet_counts_async,
                                   _chronicle_store_read_facets, data, cancellable, callback,
                                   user_data);

  /* The unfiltered counts need no index; build it now for the first filter, on the
   * shared readers so that the facet thread stays free for what needs no index. */
  if (self->use_facet_index && chronicle_query_is_all (query)
      && _chronicle_facet_index_claim_warm_up (self->facet_index))
    _chronicle_store_run_read (self, read_warm_up, read_warm_up, NULL, _read_data_new (), NULL,
                               NULL, NULL);
}

/**
 * chronicle_store_facet_counts_finish:
 * @self: a #ChronicleStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type ChronicleEntity): entities ordered by kind
 *   (person, country, place, organization), then by count, largest first; each one's
 *   #ChronicleEntity:mention-count is its number of articles under the query
 */
GPtrArray *
chronicle_store_facet_counts_finish (ChronicleStore  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_facet_counts_async, error);
}

/**
 * chronicle_store_source_counts_async:
 * @self: a #ChronicleStore
 * @query: the filter
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Counts the articles of each source under @query without its own source filter
 * (an article has one source: under the filter every other source would count
 * zero; this is what selecting it as well would add). The sidebar's Sources facet.
 */
void
chronicle_store_source_counts_async (ChronicleStore      *self,
                                     ChronicleQuery      *query,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  ReadData *data;

  g_return_if_fail (CHRONICLE_IS_STORE (self));
  g_return_if_fail (CHRONICLE_IS_QUERY (query));

  data = _read_data_new ();
  data->query = g_object_ref (query);
  _chronicle_store_run_facet_read (self, chronicle_store_source_counts_async,
                                   _chronicle_store_read_source_counts, data, cancellable,
                                   callback, user_data);
}

/**
 * chronicle_store_source_counts_finish:
 * @self: a #ChronicleStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type ChronicleSourceCount): the sources with at
 *   least one article under the query, by id
 */
GArray *
chronicle_store_source_counts_finish (ChronicleStore  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_source_counts_async, error);
}

/**
 * chronicle_store_histogram_async:
 * @self: a #ChronicleStore
 * @query: the filter
 * @bucket: day, week, month, quarter or year
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Counts the articles matching @query per bucket of publication time (UTC).
 */
void
chronicle_store_histogram_async (ChronicleStore       *self,
                                 ChronicleQuery       *query,
                                 ChronicleGranularity  bucket,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  ReadData *data;

  g_return_if_fail (CHRONICLE_IS_STORE (self));
  g_return_if_fail (CHRONICLE_IS_QUERY (query));

  data = _read_data_new ();
  data->query = g_object_ref (query);
  data->bucket = bucket;
  _chronicle_store_run_read (self, chronicle_store_histogram_async, _chronicle_store_read_histogram, NULL, data,
            cancellable, callback, user_data);
}

/**
 * chronicle_store_histogram_finish:
 * @self: a #ChronicleStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type ChronicleHistogramBin): the non-empty buckets in
 *   time order
 */
GArray *
chronicle_store_histogram_finish (ChronicleStore  *self,
                                  GAsyncResult    *result,
                                  GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_histogram_async, error);
}

/**
 * chronicle_store_lookup_entity_async:
 * @self: a #ChronicleStore
 * @kind: what the entity is
 * @name: its canonical name
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Finds a stored entity (with its id, aliases and article count);
 * %CHRONICLE_STORE_ERROR_NOT_FOUND if it was never mentioned. A name merged or renamed
 * into another entity finds that entity.
 */
void
chronicle_store_lookup_entity_async (ChronicleStore      *self,
                                     ChronicleEntityKind  kind,
                                     const char          *name,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  ReadData *data;

  g_return_if_fail (CHRONICLE_IS_STORE (self));
  g_return_if_fail (name != NULL);

  data = _read_data_new ();
  data->kind = kind;
  data->name = g_strdup (name);
  _chronicle_store_run_read (self, chronicle_store_lookup_entity_async, _chronicle_store_read_lookup_entity, NULL,
            data, cancellable, callback, user_data);
}

/**
 * chronicle_store_lookup_entity_finish:
 * @self: a #ChronicleStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the entity
 */
ChronicleEntity *
chronicle_store_lookup_entity_finish (ChronicleStore  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_lookup_entity_async, error);
}

/**
 * chronicle_store_entity_detail_async:
 * @self: a #ChronicleStore
 * @entity_id: a stored entity
 * @bucket: the histogram's bucket size
 * @top_n: how many co-mentioned entities
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Reads an entity with its mentions over time, the entities most often named with
 * it (@top_n of each kind), its Follow state and the entities merged into it. The id
 * of an entity merged or renamed away opens the entity that carries its mentions
 * now. %CHRONICLE_STORE_ERROR_NOT_FOUND for an unknown id.
 *
 * Its timeline is chronicle_store_timeline_async() with
 * chronicle_query_with_entity_added (query, kind, name) for the entity's kind and
 * name (old names and merged names find it too).
 */
void
chronicle_store_entity_detail_async (ChronicleStore       *self,
                                     gint64                entity_id,
                                     ChronicleGranularity  bucket,
                                     guint                 top_n,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  ReadData *data;

  g_return_if_fail (CHRONICLE_IS_STORE (self));

  data = _read_data_new ();
  data->id = entity_id;
  data->bucket = bucket;
  data->limit = top_n;
  _chronicle_store_run_read (self, chronicle_store_entity_detail_async, _chronicle_store_read_entity_detail,
            NULL, data, cancellable, callback, user_data);
}

/**
 * chronicle_store_entity_detail_finish:
 * @self: a #ChronicleStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the detail; free with chronicle_entity_detail_free()
 */
ChronicleEntityDetail *
chronicle_store_entity_detail_finish (ChronicleStore  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_entity_detail_async, error);
}
