/* chronicle-store-sources.c
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

/* Sources: the public calls and their jobs. */

static void
bind_source (sqlite3_stmt    *stmt,
             ChronicleSource *source)
{
  sqlite3_bind_int (stmt, 1, chronicle_source_get_kind (source));
  _chronicle_db_bind_text (stmt, 2, chronicle_source_get_url (source));
  _chronicle_db_bind_text (stmt, 3, chronicle_source_get_title (source));
  _chronicle_db_bind_text (stmt, 4, chronicle_source_get_site_url (source));
  sqlite3_bind_int (stmt, 5, chronicle_source_get_enabled (source));
  sqlite3_bind_int64 (stmt, 6, chronicle_source_get_sync_interval (source));
  _chronicle_db_bind_text (stmt, 7, chronicle_source_get_etag (source));
  _chronicle_db_bind_text (stmt, 8, chronicle_source_get_last_modified (source));
  sqlite3_bind_int64 (stmt, 9, chronicle_source_get_last_success (source));
  _chronicle_db_bind_text (stmt, 10, chronicle_source_get_last_error (source));
  _chronicle_db_bind_text (stmt, 12, chronicle_source_get_last_warning (source));
}

gboolean
_chronicle_store_write_add_source (StoreJob     *job,
                                   ChronicleDb  *db,
                                   GError      **error)
{
  ChronicleSource *source = job->data;
  sqlite3_stmt *stmt;
  int rc;

  if (chronicle_source_get_url (source) == NULL)
    {
      g_set_error_literal (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_INVALID,
                           _("A source needs a URL"));
      return FALSE;
    }

  if (!_chronicle_db_begin (db, error))
    return FALSE;

  stmt = _chronicle_db_prepare (db, "SELECT id FROM sources WHERE url = ?", error);
  if (stmt == NULL)
    return _chronicle_store_fail (job->store, db, error);
  _chronicle_db_bind_text (stmt, 1, chronicle_source_get_url (source));
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_EXISTS,
                   _("The source “%s” is already subscribed"), chronicle_source_get_url (source));
      return _chronicle_store_fail (job->store, db, error);
    }
  if (rc != SQLITE_DONE)
    {
      _chronicle_db_set_error (db, rc, error);
      return _chronicle_store_fail (job->store, db, error);
    }

  stmt = _chronicle_db_prepare (db,
                                "INSERT INTO sources (kind, url, title, site_url, enabled,"
                                " sync_interval, etag, last_modified, last_success, last_error,"
                                " last_warning)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?12)",
                                error);
  if (stmt == NULL)
    return _chronicle_store_fail (job->store, db, error);
  bind_source (stmt, source);
  if (!_chronicle_db_step_done (db, stmt, error))
    return _chronicle_store_fail (job->store, db, error);

  job->result = _chronicle_int_result (sqlite3_last_insert_rowid (_chronicle_db_handle (db)));
  job->result_free = g_free;

  if (!_chronicle_db_commit (db, error))
    return _chronicle_store_fail (job->store, db, error);

  job->change = CHRONICLE_STORE_CHANGE_SOURCES;
  return TRUE;
}

gboolean
_chronicle_store_write_update_source (StoreJob     *job,
                                      ChronicleDb  *db,
                                      GError      **error)
{
  ChronicleSource *source = job->data;
  sqlite3_stmt *stmt;

  stmt = _chronicle_db_prepare (db,
                                "UPDATE sources SET kind = ?1, url = ?2, title = ?3,"
                                " site_url = ?4, enabled = ?5, sync_interval = ?6, etag = ?7,"
                                " last_modified = ?8, last_success = ?9, last_error = ?10,"
                                " last_warning = ?12 WHERE id = ?11",
                                error);
  if (stmt == NULL)
    return FALSE;
  bind_source (stmt, source);
  sqlite3_bind_int64 (stmt, 11, chronicle_source_get_id (source));
  if (!_chronicle_db_step_done (db, stmt, error))
    return FALSE;

  if (sqlite3_changes (_chronicle_db_handle (db)) == 0)
    {
      g_set_error (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_NOT_FOUND,
                   _("No source with id %lld"), (long long) chronicle_source_get_id (source));
      return FALSE;
    }

  _chronicle_job_set_true (job);
  job->change = CHRONICLE_STORE_CHANGE_SOURCES;
  return TRUE;
}

gboolean
_chronicle_store_write_remove_source (StoreJob     *job,
                                      ChronicleDb  *db,
                                      GError      **error)
{
  ReadData *data = job->data;
  sqlite3_stmt *stmt;

  if (!_chronicle_db_begin (db, error))
    return FALSE;

  stmt = _chronicle_db_prepare (db, "DELETE FROM sources WHERE id = ?", error);
  if (stmt == NULL)
    return _chronicle_store_fail (job->store, db, error);
  sqlite3_bind_int64 (stmt, 1, data->id);
  if (!_chronicle_db_step_done (db, stmt, error))
    return _chronicle_store_fail (job->store, db, error);

  if (sqlite3_changes (_chronicle_db_handle (db)) == 0)
    {
      g_set_error (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_NOT_FOUND,
                   _("No source with id %lld"), (long long) data->id);
      return _chronicle_store_fail (job->store, db, error);
    }

  if (!_chronicle_store_remove_orphans (db, error) || !_chronicle_db_commit (db, error))
    return _chronicle_store_fail (job->store, db, error);

  _chronicle_store_reset_caches (job->store);
  _chronicle_job_set_true (job);
  job->change = CHRONICLE_STORE_CHANGE_SOURCES | CHRONICLE_STORE_CHANGE_ARTICLES_REMOVED
                | CHRONICLE_STORE_CHANGE_ENTITIES;
  return TRUE;
}

gboolean
_chronicle_store_read_list_sources (StoreJob     *job,
                                    ChronicleDb  *db,
                                    GError      **error)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _chronicle_db_prepare (db,
                                "SELECT id, kind, url, title, site_url, enabled, sync_interval,"
                                " etag, last_modified, last_success, last_error, article_count,"
                                " last_warning FROM sources ORDER BY title COLLATE NOCASE, id",
                                error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ChronicleSource *source = chronicle_source_new (sqlite3_column_int (stmt, 1),
                                                      _chronicle_db_column_text (stmt, 2));

      g_object_set (source,
                    "id", sqlite3_column_int64 (stmt, 0),
                    "title", _chronicle_db_column_text (stmt, 3),
                    "site-url", _chronicle_db_column_text (stmt, 4),
                    "enabled", sqlite3_column_int (stmt, 5) != 0,
                    "sync-interval", (guint) sqlite3_column_int64 (stmt, 6),
                    "etag", _chronicle_db_column_text (stmt, 7),
                    "last-modified", _chronicle_db_column_text (stmt, 8),
                    "last-success", sqlite3_column_int64 (stmt, 9),
                    "last-error", _chronicle_db_column_text (stmt, 10),
                    "article-count", (guint) sqlite3_column_int64 (stmt, 11),
                    "last-warning", _chronicle_db_column_text (stmt, 12),
                    NULL);
      g_ptr_array_add (sources, source);
    }
  if (!_chronicle_db_finish_rows (db, stmt, rc, error))
    return FALSE;

  job->result = g_steal_pointer (&sources);
  job->result_free = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}

/**
 * chronicle_store_add_source_async:
 * @self: a #ChronicleStore
 * @source: the source to store (its id is ignored)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Stores a new source. A source with the same URL fails with
 * %CHRONICLE_STORE_ERROR_EXISTS. Emits `changed` (SOURCES).
 */
void
chronicle_store_add_source_async (ChronicleStore      *self,
                                  ChronicleSource     *source,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CHRONICLE_IS_STORE (self));
  g_return_if_fail (CHRONICLE_IS_SOURCE (source));

  task = _chronicle_store_new_task (self, chronicle_store_add_source_async, cancellable, callback, user_data);
  _chronicle_store_run_job (self, TRUE, task, _chronicle_store_write_add_source, NULL,
                            g_object_ref (source), g_object_unref);
}

/**
 * chronicle_store_add_source_finish:
 * @self: a #ChronicleStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: the new source's id, or -1 on error
 */
gint64
chronicle_store_add_source_finish (ChronicleStore  *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  return _chronicle_store_finish_int (self, result, chronicle_store_add_source_async, error);
}

/**
 * chronicle_store_update_source_async:
 * @self: a #ChronicleStore
 * @source: a stored source (by its id) with new values; the article count is ignored
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Saves every field of @source, e.g. after a sync (validators, last success, last
 * error). %CHRONICLE_STORE_ERROR_NOT_FOUND if the id is unknown. Emits `changed`
 * (SOURCES).
 */
void
chronicle_store_update_source_async (ChronicleStore      *self,
                                     ChronicleSource     *source,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CHRONICLE_IS_STORE (self));
  g_return_if_fail (CHRONICLE_IS_SOURCE (source));

  task = _chronicle_store_new_task (self, chronicle_store_update_source_async, cancellable, callback, user_data);
  /* One statement, no transaction of its own: it can share a write group's. */
  _chronicle_store_run_groupable_write (self, task, _chronicle_store_write_update_source, NULL,
                                        g_object_ref (source), g_object_unref);
}

gboolean
chronicle_store_update_source_finish (ChronicleStore  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_update_source_async, error) != NULL;
}

/**
 * chronicle_store_remove_source_async:
 * @self: a #ChronicleStore
 * @source_id: the source to remove, with all its articles (starred ones too)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Emits `changed` (SOURCES | ARTICLES_REMOVED | ENTITIES).
 */
void
chronicle_store_remove_source_async (ChronicleStore      *self,
                                     gint64               source_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task;
  ReadData *data;

  g_return_if_fail (CHRONICLE_IS_STORE (self));

  task = _chronicle_store_new_task (self, chronicle_store_remove_source_async, cancellable, callback, user_data);
  data = _read_data_new ();
  data->id = source_id;
  _chronicle_store_run_job (self, TRUE, task, _chronicle_store_write_remove_source, NULL,
                            data, _read_data_free);
}

gboolean
chronicle_store_remove_source_finish (ChronicleStore  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_remove_source_async, error) != NULL;
}

/**
 * chronicle_store_list_sources_async:
 * @self: a #ChronicleStore
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Reads every source, by title, with its article count.
 */
void
chronicle_store_list_sources_async (ChronicleStore      *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CHRONICLE_IS_STORE (self));

  task = _chronicle_store_new_task (self, chronicle_store_list_sources_async, cancellable, callback, user_data);
  _chronicle_store_run_job (self, FALSE, task, _chronicle_store_read_list_sources, NULL,
                            _read_data_new (), _read_data_free);
}

/**
 * chronicle_store_list_sources_finish:
 * @self: a #ChronicleStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type ChronicleSource): the sources
 */
GPtrArray *
chronicle_store_list_sources_finish (ChronicleStore  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_list_sources_async, error);
}
