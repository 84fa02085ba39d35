/* chronicle-store-known.c: what the store already holds, asked before extraction
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-store"

#include "config.h"

#include "chronicle-store-private.h"
#include "chronicle-store-sql.h"
#include "chronicle-url.h"

/* Two questions sync asks before it extracts a batch: which of these articles does
 * the store hold already as they are (so extraction can skip them), and which events
 * are the most recent (so the event grouper can pick up where the store left off). */

typedef struct {
  GPtrArray *articles;
} FindData;

static void
find_data_free (gpointer data)
{
  FindData *find = data;

  g_clear_pointer (&find->articles, g_ptr_array_unref);
  g_free (find);
}

static gboolean
find_stored (StoreJob     *job,
             ChronicleDb  *db,
             GError      **error)
{
  FindData *find = job->data;
  g_autoptr(GArray) stored = g_array_sized_new (FALSE, TRUE, sizeof (gboolean),
                                                find->articles->len);

  for (guint i = 0; i < find->articles->len; i++)
    {
      ChronicleArticle *article = g_ptr_array_index (find->articles, i);
      const char *guid = chronicle_article_get_guid (article);
      g_autofree char *url_key = chronicle_url_normalise (chronicle_article_get_url (article));
      gint64 url_hash = url_key != NULL ? _chronicle_store_hash_text (url_key) : 0;
      gint64 id = 0, hash = 0, source_id = 0;
      gboolean known = FALSE;

      if (guid == NULL)
        guid = url_key != NULL ? url_key : chronicle_article_get_url (article);

      if (guid != NULL
          && !_chronicle_store_find_existing (db, article, guid, url_hash, &id, &hash,
                                              &source_id, error))
        return FALSE;

      /* Exactly the upsert's tests: another source's copy is kept as it is (a
       * duplicate), the same source's is unchanged when its hash is. */
      if (id != 0)
        known = source_id != chronicle_article_get_source_id (article)
                || hash == _chronicle_store_content_hash (article);
      g_array_append_val (stored, known);
    }

  job->result = g_steal_pointer (&stored);
  job->result_free = (GDestroyNotify) g_array_unref;
  return TRUE;
}

/**
 * chronicle_store_find_stored_async:
 * @self: a #ChronicleStore
 * @articles: (element-type ChronicleArticle): a batch about to be upserted
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Tells, for each article of @articles, whether chronicle_store_upsert_articles_async()
 * would leave it alone: the same source stores it with the same content (title, text,
 * dates, links; not what extraction found), or another source stores it (a duplicate).
 * Runs on the write thread, in order with the upserts, so a batch stored before is seen.
 * Sync uses it to extract only the new and changed articles.
 */
void
chronicle_store_find_stored_async (ChronicleStore      *self,
                                   GPtrArray           *articles,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;
  FindData *data;

  g_return_if_fail (CHRONICLE_IS_STORE (self));
  g_return_if_fail (articles != NULL);

  task = _chronicle_store_new_task (self, chronicle_store_find_stored_async, cancellable, callback,
                                    user_data);
  data = g_new0 (FindData, 1);
  data->articles = g_ptr_array_ref (articles);
  /* Reads only: it can share a write group's transaction. */
  _chronicle_store_run_groupable_write (self, task, find_stored, NULL, data, find_data_free);
}

/**
 * chronicle_store_find_stored_finish:
 * @self: a #ChronicleStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type gboolean): for each article of the batch, in
 *   order, %TRUE when the store holds it as it is; %NULL on error
 */
GArray *
chronicle_store_find_stored_finish (ChronicleStore  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_find_stored_async, error);
}

static gboolean
read_recent_events (StoreJob     *job,
                    ChronicleDb  *db,
                    GError      **error)
{
  ReadData *data = job->data;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _chronicle_db_prepare (db,
                                "SELECT id, key, label, start_time, end_time FROM events"
                                " ORDER BY start_time DESC, id DESC LIMIT ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->limit);
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
      g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);

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
 * chronicle_store_recent_events_async:
 * @self: a #ChronicleStore
 * @limit: at most this many events
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Reads the latest events (by start), each with its key, label, span and main
 * entities (not its member articles): what an event grouper is seeded with.
 */
void
chronicle_store_recent_events_async (ChronicleStore      *self,
                                     guint                limit,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  ReadData *data;

  g_return_if_fail (CHRONICLE_IS_STORE (self));

  data = _read_data_new ();
  data->limit = limit;
  _chronicle_store_run_read (self, chronicle_store_recent_events_async, read_recent_events, NULL,
                             data, cancellable, callback, user_data);
}

/**
 * chronicle_store_recent_events_finish:
 * @self: a #ChronicleStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type ChronicleEvent): the events, latest first
 */
GPtrArray *
chronicle_store_recent_events_finish (ChronicleStore  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_recent_events_async, error);
}

static gboolean
read_entity_names (StoreJob     *job,
                   ChronicleDb  *db,
                   GError      **error)
{
  ReadData *data = job->data;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = _chronicle_db_prepare (db,
                                "SELECT name FROM entities WHERE kind = ? AND article_count > 0"
                                " ORDER BY article_count DESC, id LIMIT ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, data->kind);
  sqlite3_bind_int64 (stmt, 2, data->limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (names, _chronicle_db_column_text (stmt, 0));
  if (!_chronicle_db_finish_rows (db, stmt, rc, error))
    return FALSE;

  job->result = g_strv_builder_end (names);
  job->result_free = (GDestroyNotify) g_strfreev;
  return TRUE;
}

/**
 * chronicle_store_entity_names_async:
 * @self: a #ChronicleStore
 * @kind: the kind of entity
 * @limit: at most this many names
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Reads the names of the entities of @kind that articles mention, most mentioned
 * first: what sync's name index starts from (a surname alone maps to the one full
 * name the store knows).
 */
void
chronicle_store_entity_names_async (ChronicleStore      *self,
                                    ChronicleEntityKind  kind,
                                    guint                limit,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  ReadData *data;

  g_return_if_fail (CHRONICLE_IS_STORE (self));

  data = _read_data_new ();
  data->kind = kind;
  data->limit = limit;
  _chronicle_store_run_read (self, chronicle_store_entity_names_async, read_entity_names, NULL,
                             data, cancellable, callback, user_data);
}

/**
 * chronicle_store_entity_names_finish:
 * @self: a #ChronicleStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the names, or %NULL on error
 */
char **
chronicle_store_entity_names_finish (ChronicleStore  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_entity_names_async, error);
}
