/* chronicle-store-events.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-store"

#include "config.h"

#include "chronicle-store-events.h"
#include "chronicle-store-events-private.h"
#include "chronicle-store-private.h"
#include "chronicle-store-sql.h"

/* Events under a query, what a row of the Events view shows about each, and the
 * articles of one event. Events come from the upsert (extraction groups articles into
 * stories by event key); see chronicle-store-write.c. */

static gboolean
read_event_ids (StoreJob     *job,
                ChronicleDb  *db,
                GError      **error)
{
  ReadData *data = job->data;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(Sql) sql = { NULL, NULL };
  sqlite3_stmt *stmt;
  int rc;

  _chronicle_sql_init (&sql);
  if (!_chronicle_sql_resolve_facets (&sql, db, data->query, error))
    return FALSE;

  g_string_append (sql.sql, "SELECT e.id FROM events e");
  if (!chronicle_query_is_all (data->query))
    {
      /* An event is under the query when one of its articles matches it. */
      g_string_append (sql.sql, " WHERE e.id IN (SELECT ea.event_id FROM event_articles ea"
                                " WHERE ea.article_id IN (SELECT id FROM (");
      _chronicle_sql_build_ids (&sql, data->query);
      g_string_append (sql.sql, ")))");
    }
  else
    g_string_append (sql.sql, " WHERE EXISTS (SELECT 1 FROM event_articles ea"
                              " WHERE ea.event_id = e.id)");
  g_string_append (sql.sql, " ORDER BY e.start_time DESC, e.id DESC LIMIT ?");
  _chronicle_sql_int (&sql, data->limit > 0 ? (gint64) data->limit : -1);

  if (!_chronicle_db_begin_read (db, error))
    return FALSE;
  stmt = _chronicle_sql_prepare (db, &sql, error);
  if (stmt == NULL)
    goto fail;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (!_chronicle_db_finish_rows (db, stmt, rc, error))
    goto fail;
  _chronicle_db_end_read (db);

  job->result = g_steal_pointer (&ids);
  job->result_free = (GDestroyNotify) g_array_unref;
  return TRUE;

fail:
  _chronicle_db_end_read (db);
  return FALSE;
}

static GStrv
read_sources (ChronicleDb  *db,
              gint64        event_id,
              GError      **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = _chronicle_db_prepare (db,
                                "SELECT coalesce (s.title, s.url), count (*) AS n"
                                " FROM event_articles ea JOIN articles a ON a.id = ea.article_id"
                                " JOIN sources s ON s.id = a.source_id"
                                " WHERE ea.event_id = ? GROUP BY s.id"
                                " ORDER BY n DESC, 1 COLLATE NOCASE, s.id",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, _chronicle_db_column_text (stmt, 0));
  if (!_chronicle_db_finish_rows (db, stmt, rc, error))
    return NULL;
  return g_strv_builder_end (builder);
}

static GPtrArray *
read_main_entities (ChronicleDb  *db,
                    gint64        event_id,
                    GError      **error)
{
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  /* Mentions per article: one more than the commas in its packed offsets. */
  stmt = _chronicle_db_prepare (db,
                                "SELECT e.id, e.kind, e.name, e.country_code, count (*) AS n"
                                " FROM event_articles ea"
                                " JOIN article_entities ae ON ae.article_id = ea.article_id"
                                " JOIN entities e ON e.id = ae.entity_id"
                                " WHERE ea.event_id = ?1 AND e.kind IN (?2, ?3)"
                                " GROUP BY e.id"
                                " ORDER BY n DESC,"
                                " sum (length (ae.offsets) - length (replace (ae.offsets, ',', ''))"
                                "  + 1) DESC, e.name, e.id LIMIT ?4",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int (stmt, 2, CHRONICLE_ENTITY_KIND_PERSON);
  sqlite3_bind_int (stmt, 3, CHRONICLE_ENTITY_KIND_COUNTRY);
  sqlite3_bind_int (stmt, 4, CHRONICLE_EVENT_SUMMARY_MAX_ENTITIES);
  if (!_chronicle_collect_entities (db, stmt, entities, error))
    return NULL;
  if (entities->len > 0)
    return g_steal_pointer (&entities);

  /* As stored with the event by the grouper. */
  stmt = _chronicle_db_prepare (db,
                                "SELECT e.id, e.kind, e.name, e.country_code, 0"
                                " FROM event_entities ee JOIN entities e ON e.id = ee.entity_id"
                                " WHERE ee.event_id = ?1 AND e.kind IN (?2, ?3)"
                                " ORDER BY e.article_count DESC, e.name, e.id LIMIT ?4",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int (stmt, 2, CHRONICLE_ENTITY_KIND_PERSON);
  sqlite3_bind_int (stmt, 3, CHRONICLE_ENTITY_KIND_COUNTRY);
  sqlite3_bind_int (stmt, 4, CHRONICLE_EVENT_SUMMARY_MAX_ENTITIES);
  if (!_chronicle_collect_entities (db, stmt, entities, error))
    return NULL;
  return g_steal_pointer (&entities);
}

static gboolean
read_summaries (StoreJob     *job,
                ChronicleDb  *db,
                GError      **error)
{
  ReadData *data = job->data;
  g_autoptr(GPtrArray) summaries = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  if (!_chronicle_db_begin_read (db, error))
    return FALSE;

  stmt = _chronicle_db_prepare (db,
                                "SELECT e.key, e.label, e.start_time, e.end_time,"
                                " (SELECT count (*) FROM event_articles ea WHERE ea.event_id = e.id),"
                                " (SELECT min (a.published) FROM event_articles ea"
                                "  JOIN articles a ON a.id = ea.article_id WHERE ea.event_id = e.id),"
                                " (SELECT max (a.published) FROM event_articles ea"
                                "  JOIN articles a ON a.id = ea.article_id WHERE ea.event_id = e.id)"
                                " FROM events e WHERE e.id = ?",
                                error);
  if (stmt == NULL)
    goto fail;

  for (guint i = 0; i < data->ids->len; i++)
    {
      gint64 id = g_array_index (data->ids, gint64, i);
      g_autoptr(ChronicleEventSummary) summary = NULL;
      g_autofree char *key = NULL;
      g_autofree char *label = NULL;
      gint64 start, end, first, last;
      guint n_articles;
      GStrv sources;
      GPtrArray *entities;
      int rc;

      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          /* Gone since the ids were read: skipped. */
          if (!_chronicle_db_finish_rows (db, stmt, rc, error))
            goto fail;
          continue;
        }
      key = g_strdup (_chronicle_db_column_text (stmt, 0));
      label = g_strdup (_chronicle_db_column_text (stmt, 1));
      start = sqlite3_column_int64 (stmt, 2);
      end = sqlite3_column_int64 (stmt, 3);
      n_articles = (guint) sqlite3_column_int64 (stmt, 4);
      first = sqlite3_column_int64 (stmt, 5);
      last = sqlite3_column_int64 (stmt, 6);
      if (!_chronicle_db_finish_rows (db, stmt, SQLITE_DONE, error))
        goto fail;

      sources = read_sources (db, id, error);
      if (sources == NULL)
        goto fail;
      entities = read_main_entities (db, id, error);
      if (entities == NULL)
        {
          g_strfreev (sources);
          goto fail;
        }

      summary = chronicle_event_summary_new (id);
      _chronicle_event_summary_set_fields (summary, key, label, start, end, first, last,
                                           n_articles, sources, entities);
      g_ptr_array_add (summaries, g_steal_pointer (&summary));
    }

  _chronicle_db_end_read (db);
  job->result = g_steal_pointer (&summaries);
  job->result_free = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;

fail:
  _chronicle_db_end_read (db);
  return FALSE;
}

static gboolean
read_event_articles (StoreJob     *job,
                     ChronicleDb  *db,
                     GError      **error)
{
  ReadData *data = job->data;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = _chronicle_db_prepare (db,
                                "SELECT a.id FROM event_articles ea"
                                " JOIN articles a ON a.id = ea.article_id"
                                " WHERE ea.event_id = ? ORDER BY a.published DESC, a.id DESC",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (!_chronicle_db_finish_rows (db, stmt, rc, error))
    return FALSE;

  job->result = g_steal_pointer (&ids);
  job->result_free = (GDestroyNotify) g_array_unref;
  return TRUE;
}

/**
 * chronicle_store_events_async:
 * @self: a #ChronicleStore
 * @query: the filter: an event is listed when at least one of its articles matches
 * @limit: at most this many; 0 for all
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Reads the ids of the events under @query (events with at least one article),
 * newest first by event date (#ChronicleEventSummary:start), ties by id, newest
 * first. The query's sort does not apply.
 */
void
chronicle_store_events_async (ChronicleStore      *self,
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
  _chronicle_store_run_read (self, chronicle_store_events_async, read_event_ids, NULL, data,
                             cancellable, callback, user_data);
}

/**
 * chronicle_store_events_finish:
 * @self: a #ChronicleStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type gint64): the event ids in order
 */
GArray *
chronicle_store_events_finish (ChronicleStore  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_events_async, error);
}

/**
 * chronicle_store_get_event_summaries_async:
 * @self: a #ChronicleStore
 * @ids: (array length=n_ids): event ids (a page)
 * @n_ids: how many
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Reads what the Events view shows about each event: label, span, article count,
 * sources and main entities.
 */
void
chronicle_store_get_event_summaries_async (ChronicleStore      *self,
                                           const gint64        *ids,
                                           guint                n_ids,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  ReadData *data;

  g_return_if_fail (CHRONICLE_IS_STORE (self));
  g_return_if_fail (n_ids == 0 || ids != NULL);

  data = _read_data_new ();
  data->ids = _chronicle_ids_array (ids, n_ids);
  _chronicle_store_run_read (self, chronicle_store_get_event_summaries_async, read_summaries,
                             NULL, data, cancellable, callback, user_data);
}

/**
 * chronicle_store_get_event_summaries_finish:
 * @self: a #ChronicleStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type ChronicleEventSummary): new summaries in
 *   the order of the ids asked for; an id no longer stored is left out
 */
GPtrArray *
chronicle_store_get_event_summaries_finish (ChronicleStore  *self,
                                            GAsyncResult    *result,
                                            GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_get_event_summaries_async,
                                          error);
}

/**
 * chronicle_store_event_articles_async:
 * @self: a #ChronicleStore
 * @event_id: an event
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Reads the ids of the event's articles, newest first by publication (ties by id).
 */
void
chronicle_store_event_articles_async (ChronicleStore      *self,
                                      gint64               event_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  ReadData *data;

  g_return_if_fail (CHRONICLE_IS_STORE (self));

  data = _read_data_new ();
  data->id = event_id;
  _chronicle_store_run_read (self, chronicle_store_event_articles_async, read_event_articles,
                             NULL, data, cancellable, callback, user_data);
}

/**
 * chronicle_store_event_articles_finish:
 * @self: a #ChronicleStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type gint64): the article ids (empty for an
 *   unknown event)
 */
GArray *
chronicle_store_event_articles_finish (ChronicleStore  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_event_articles_async,
                                          error);
}
