/* chronicle-store-search.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-store"

#include "config.h"

#include "chronicle-fts-query.h"
#include "chronicle-store-private.h"
#include "chronicle-store-sql.h"

/* Full-text search, time mentions and events: the public calls and their jobs. */

#define SEARCH_WINDOW 500

gboolean
_chronicle_store_read_search (StoreJob     *job,
                              ChronicleDb  *db,
                              GError      **error)
{
  ReadData *data = job->data;
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) chronicle_search_hit_free);
  g_autofree char *match = chronicle_fts_query_from_user (chronicle_query_get_text (data->query));
  g_autoptr(ChronicleQuery) rest = chronicle_query_with_text (data->query, NULL);
  g_auto(Sql) window = { NULL, NULL };
  g_auto(Sql) sql = { NULL, NULL };
  sqlite3_stmt *stmt;
  gint64 first_rowid = 0;
  int rc;

  if (match == NULL)
    goto out;

  if (!_chronicle_db_begin_read (db, error))
    return FALSE;

  /* Ranking every match of a common word is slow (it reads every position list),
   * so rank within the SEARCH_WINDOW most recently stored matches: FTS5 walks a
   * doclist newest first and stops there. For rarer terms this is every match. */
  _chronicle_sql_init (&window);
  if (!_chronicle_sql_resolve_facets (&window, db, rest, error))
    goto fail;
  g_string_append (window.sql, "SELECT f.rowid FROM article_fts f WHERE article_fts MATCH ?");
  _chronicle_sql_text (&window, match);
  if (!chronicle_query_is_all (rest))
    {
      g_string_append (window.sql, " AND f.rowid IN (SELECT id FROM (");
      _chronicle_sql_build_ids (&window, rest);
      g_string_append (window.sql, "))");
    }
  g_string_append (window.sql, " ORDER BY f.rowid DESC LIMIT 1 OFFSET ?");
  _chronicle_sql_int (&window, SEARCH_WINDOW - 1);
  stmt = _chronicle_sql_prepare (db, &window, error);
  if (stmt == NULL)
    goto fail;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    first_rowid = sqlite3_column_int64 (stmt, 0);
  if (!_chronicle_db_finish_rows (db, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error))
    goto fail;

  _chronicle_sql_init (&sql);
  if (!_chronicle_sql_resolve_facets (&sql, db, rest, error))
    goto fail;
  g_string_append (sql.sql,
                   "SELECT f.rowid,"
                   " snippet (article_fts, 0, '" CHRONICLE_SNIPPET_START "', '"
                   CHRONICLE_SNIPPET_END "', '…', 64),"
                   " snippet (article_fts, -1, '" CHRONICLE_SNIPPET_START "', '"
                   CHRONICLE_SNIPPET_END "', '…', 24),"
                   " chronicle_rank (article_fts) AS score"
                   " FROM article_fts f WHERE article_fts MATCH ? AND f.rowid >= ?");
  _chronicle_sql_text (&sql, match);
  _chronicle_sql_int (&sql, first_rowid);
  if (!chronicle_query_is_all (rest))
    {
      g_string_append (sql.sql, " AND f.rowid IN (SELECT id FROM (");
      _chronicle_sql_build_ids (&sql, rest);
      g_string_append (sql.sql, "))");
    }
  g_string_append (sql.sql, " ORDER BY score LIMIT ?");
  _chronicle_sql_int (&sql, data->limit > 0 ? (gint64) data->limit : -1);

  stmt = _chronicle_sql_prepare (db, &sql, error);
  if (stmt == NULL)
    goto fail;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ChronicleSearchHit *hit = g_new0 (ChronicleSearchHit, 1);

      hit->article_id = sqlite3_column_int64 (stmt, 0);
      hit->title = g_strdup (_chronicle_db_column_text (stmt, 1));
      hit->snippet = g_strdup (_chronicle_db_column_text (stmt, 2));
      hit->rank = sqlite3_column_double (stmt, 3);
      g_ptr_array_add (hits, hit);
    }
  if (!_chronicle_db_finish_rows (db, stmt, rc, error))
    goto fail;

  _chronicle_db_end_read (db);

out:
  job->result = g_steal_pointer (&hits);
  job->result_free = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;

fail:
  _chronicle_db_end_read (db);
  return FALSE;
}

gboolean
_chronicle_store_read_time_mentions (StoreJob     *job,
                                     ChronicleDb  *db,
                                     GError      **error)
{
  ReadData *data = job->data;
  g_autoptr(GPtrArray) mentions =
    g_ptr_array_new_with_free_func ((GDestroyNotify) chronicle_time_mention_free);
  sqlite3_stmt *stmt;
  int rc;

  /* Periods that start before @from still overlap it when they are long enough; the
   * longest span stored bounds how far back to look, keeping the index range short. */
  stmt = _chronicle_db_prepare (db,
                                "SELECT article_id, period_start, period_end, granularity,"
                                " relation, text, offset_start, offset_end FROM time_mentions"
                                " WHERE period_start < ?2"
                                " AND period_start > ?1 - (SELECT value FROM meta"
                                "  WHERE key = 'time_mention_max_span')"
                                " AND period_end > ?1"
                                " ORDER BY period_start, article_id, offset_start LIMIT ?3",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->from);
  sqlite3_bind_int64 (stmt, 2, data->to);
  sqlite3_bind_int64 (stmt, 3, data->limit > 0 ? (gint64) data->limit : -1);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ChronicleTimeMention *t = chronicle_time_mention_new (sqlite3_column_int64 (stmt, 1),
                                                            sqlite3_column_int64 (stmt, 2),
                                                            sqlite3_column_int (stmt, 3),
                                                            _chronicle_db_column_text (stmt, 5));

      t->article_id = sqlite3_column_int64 (stmt, 0);
      t->relation = sqlite3_column_int (stmt, 4);
      t->offset_start = sqlite3_column_int (stmt, 6);
      t->offset_end = sqlite3_column_int (stmt, 7);
      g_ptr_array_add (mentions, t);
    }
  if (!_chronicle_db_finish_rows (db, stmt, rc, error))
    return FALSE;

  job->result = g_steal_pointer (&mentions);
  job->result_free = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}

gboolean
_chronicle_store_read_article_events (StoreJob     *job,
                                      ChronicleDb  *db,
                                      GError      **error)
{
  ReadData *data = job->data;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _chronicle_db_prepare (db,
                                "SELECT e.id, e.key, e.label, e.start_time, e.end_time"
                                " FROM event_articles ea JOIN events e ON e.id = ea.event_id"
                                " WHERE ea.article_id = ? ORDER BY e.start_time, e.id",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ChronicleEvent *event = chronicle_event_new (_chronicle_db_column_text (stmt, 1),
                                                   _chronicle_db_column_text (stmt, 2),
                                                   sqlite3_column_int64 (stmt, 3),
                                                   sqlite3_column_int64 (stmt, 4));

      chronicle_event_set_id (event, sqlite3_column_int64 (stmt, 0));
      g_ptr_array_add (events, event);
    }
  if (!_chronicle_db_finish_rows (db, stmt, rc, error))
    return FALSE;

  for (guint i = 0; i < events->len; i++)
    {
      ChronicleEvent *event = g_ptr_array_index (events, i);
      GArray *ids = chronicle_event_get_article_ids (event);
      g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);

      stmt = _chronicle_db_prepare (db,
                                    "SELECT article_id FROM event_articles WHERE event_id = ?"
                                    " ORDER BY article_id",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, chronicle_event_get_id (event));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (ids, id);
        }
      if (!_chronicle_db_finish_rows (db, stmt, rc, error))
        return FALSE;

      stmt = _chronicle_db_prepare (db,
                                    "SELECT e.id, e.kind, e.name, e.country_code, e.article_count"
                                    " FROM event_entities ee JOIN entities e ON e.id = ee.entity_id"
                                    " WHERE ee.event_id = ? ORDER BY e.kind, e.name",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, chronicle_event_get_id (event));
      if (!_chronicle_collect_entities (db, stmt, entities, error))
        return FALSE;
      for (guint j = 0; j < entities->len; j++)
        chronicle_event_add_entity (event, g_ptr_array_index (entities, j));
    }

  job->result = g_steal_pointer (&events);
  job->result_free = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}

/**
 * chronicle_store_search_async:
 * @self: a #ChronicleStore
 * @query: a query with text (#ChronicleQuery:text, in the user's syntax: words,
 *   "phrases", prefix*, AND/OR/NOT, NEAR; anything else is taken literally, never an
 *   error); its other filters apply too
 * @limit: at most this many hits
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Full-text search, best matches first, with snippets. For speed at a million
 * articles, ranking (BM25 without IDF, title weighted most) considers the 500 most
 * recently stored matches; a term with fewer matches is ranked over all of them.
 */
void
chronicle_store_search_async (ChronicleStore      *self,
                              ChronicleQuery      *query,
                              guint                limit,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  ReadData *data;

  g_return_if_fail (CHRONICLE_IS_STORE (self));
  g_return_if_fail (CHRONICLE_IS_QUERY (query));

  data = _read_data_new ();
  data->query = g_object_ref (query);
  data->limit = limit;
  _chronicle_store_run_read (self, chronicle_store_search_async, _chronicle_store_read_search, NULL, data,
            cancellable, callback, user_data);
}

/**
 * chronicle_store_search_finish:
 * @self: a #ChronicleStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type ChronicleSearchHit): the hits
 */
GPtrArray *
chronicle_store_search_finish (ChronicleStore  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_search_async, error);
}

/**
 * chronicle_store_time_mentions_async:
 * @self: a #ChronicleStore
 * @from: start of the range (Unix time, UTC, inclusive)
 * @to: end of the range (exclusive)
 * @limit: at most this many; 0 for all
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Reads the time mentions whose period overlaps [@from, @to): what was reported for,
 * or planned for, those days. Ordered by period start, then article.
 */
void
chronicle_store_time_mentions_async (ChronicleStore      *self,
                                     gint64               from,
                                     gint64               to,
                                     guint                limit,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  ReadData *data;

  g_return_if_fail (CHRONICLE_IS_STORE (self));

  data = _read_data_new ();
  data->from = from;
  data->to = to;
  data->limit = limit;
  _chronicle_store_run_read (self, chronicle_store_time_mentions_async, _chronicle_store_read_time_mentions, NULL,
            data, cancellable, callback, user_data);
}

/**
 * chronicle_store_time_mentions_finish:
 * @self: a #ChronicleStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type ChronicleTimeMention): the time mentions,
 *   each with its article id
 */
GPtrArray *
chronicle_store_time_mentions_finish (ChronicleStore  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_time_mentions_async, error);
}

/**
 * chronicle_store_events_for_article_async:
 * @self: a #ChronicleStore
 * @article_id: an article
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Reads the events an article belongs to, each with its member article ids and main
 * entities.
 */
void
chronicle_store_events_for_article_async (ChronicleStore      *self,
                                          gint64               article_id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  ReadData *data;

  g_return_if_fail (CHRONICLE_IS_STORE (self));

  data = _read_data_new ();
  data->id = article_id;
  _chronicle_store_run_read (self, chronicle_store_events_for_article_async, _chronicle_store_read_article_events,
            NULL, data, cancellable, callback, user_data);
}

/**
 * chronicle_store_events_for_article_finish:
 * @self: a #ChronicleStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type ChronicleEvent): the events
 */
GPtrArray *
chronicle_store_events_for_article_finish (ChronicleStore  *self,
                                           GAsyncResult    *result,
                                           GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_events_for_article_async, error);
}
