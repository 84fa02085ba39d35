/* chronicle-store-state.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-store"

#include "config.h"

#include "chronicle-store-private.h"

/* Read and starred flags, retention and vacuum: the public calls and their jobs. */

#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)

gboolean
_chronicle_store_write_flags (StoreJob     *job,
                              ChronicleDb  *db,
                              GError      **error)
{
  FlagsData *flags = job->data;
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  if (!_chronicle_db_begin (db, error))
    return FALSE;

  stmt = _chronicle_db_prepare (db,
                                flags->starred
                                  ? "UPDATE articles SET starred = ?1 WHERE id = ?2 AND starred != ?1"
                                  : "UPDATE articles SET read = ?1 WHERE id = ?2 AND read != ?1",
                                error);
  if (stmt == NULL)
    return _chronicle_store_fail (job->store, db, error);

  for (guint i = 0; i < flags->ids->len; i++)
    {
      gint64 id = g_array_index (flags->ids, gint64, i);

      sqlite3_bind_int (stmt, 1, flags->value);
      sqlite3_bind_int64 (stmt, 2, id);
      if (!_chronicle_db_step_done (db, stmt, error))
        return _chronicle_store_fail (job->store, db, error);
      if (sqlite3_changes (_chronicle_db_handle (db)) > 0)
        g_array_append_val (changed, id);
    }

  if (!_chronicle_db_commit (db, error))
    return _chronicle_store_fail (job->store, db, error);

  _chronicle_job_set_true (job);
  if (changed->len > 0)
    job->change = CHRONICLE_STORE_CHANGE_ARTICLE_STATE;
  job->changed_ids = g_steal_pointer (&changed);
  return TRUE;
}

gboolean
_chronicle_store_write_retention (StoreJob     *job,
                                  ChronicleDb  *db,
                                  GError      **error)
{
  RetentionData *data = job->data;
  sqlite3_stmt *stmt;
  gint64 removed;

  if (data->keep_days == 0)
    {
      job->result = _chronicle_int_result (0);
      job->result_free = g_free;
      return TRUE;
    }

  if (!_chronicle_db_begin (db, error))
    return FALSE;

  stmt = _chronicle_db_prepare (db, "DELETE FROM articles WHERE published < ? AND starred = 0",
                                error);
  if (stmt == NULL)
    return _chronicle_store_fail (job->store, db, error);
  sqlite3_bind_int64 (stmt, 1, data->now - (gint64) data->keep_days * SECONDS_PER_DAY);
  if (!_chronicle_db_step_done (db, stmt, error))
    return _chronicle_store_fail (job->store, db, error);
  removed = sqlite3_changes64 (_chronicle_db_handle (db));

  if (!_chronicle_store_remove_orphans (db, error) || !_chronicle_db_commit (db, error))
    return _chronicle_store_fail (job->store, db, error);

  _chronicle_store_reset_caches (job->store);
  job->result = _chronicle_int_result (removed);
  job->result_free = g_free;
  if (removed > 0)
    job->change = CHRONICLE_STORE_CHANGE_ARTICLES_REMOVED | CHRONICLE_STORE_CHANGE_ENTITIES;
  return TRUE;
}

gboolean
_chronicle_store_write_vacuum (StoreJob     *job,
                               ChronicleDb  *db,
                               GError      **error)
{
  if (!_chronicle_db_exec (db,
                           "INSERT INTO article_fts (article_fts) VALUES ('optimize');"
                           "VACUUM;"
                           "PRAGMA wal_checkpoint (TRUNCATE);",
                           error))
    return FALSE;

  _chronicle_job_set_true (job);
  return TRUE;
}

gboolean
_chronicle_store_write_max_page_count (StoreJob     *job,
                                       ChronicleDb  *db,
                                       GError      **error)
{
  ReadData *data = job->data;
  g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, data->id);

  if (_chronicle_db_get_int (db, sql, error) < 0)
    return FALSE;

  _chronicle_job_set_true (job);
  return TRUE;
}

void
_flags_data_free (gpointer data)
{
  FlagsData *flags = data;

  g_clear_pointer (&flags->ids, g_array_unref);
  g_free (flags);
}

static void
flags_main (StoreJob *job)
{
  FlagsData *flags = job->data;

  for (guint i = 0; job->changed_ids != NULL && i < job->changed_ids->len; i++)
    {
      gint64 id = g_array_index (job->changed_ids, gint64, i);
      ChronicleArticle *live = _chronicle_store_lookup_loaded (job->store, id);

      if (live == NULL)
        continue;
      if (flags->starred)
        chronicle_article_set_starred (live, flags->value);
      else
        chronicle_article_set_read (live, flags->value);
    }
}

static void
set_flag_async (ChronicleStore      *self,
                gpointer             tag,
                gboolean             starred,
                const gint64        *ids,
                guint                n_ids,
                gboolean             value,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  GTask *task = _chronicle_store_new_task (self, tag, cancellable, callback, user_data);
  FlagsData *data = g_new0 (FlagsData, 1);

  data->ids = _chronicle_ids_array (ids, n_ids);
  data->value = !!value;
  data->starred = starred;
  _chronicle_store_run_job (self, TRUE, task, _chronicle_store_write_flags, flags_main, data,
                            _flags_data_free);
}

/**
 * chronicle_store_set_read_async:
 * @self: a #ChronicleStore
 * @ids: (array length=n_ids): article ids
 * @n_ids: how many
 * @read: the new state
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * The shared #ChronicleArticle objects are updated (notify::read) and `changed`
 * (ARTICLE_STATE) is emitted with the ids that actually changed.
 */
void
chronicle_store_set_read_async (ChronicleStore      *self,
                                const gint64        *ids,
                                guint                n_ids,
                                gboolean             read,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (CHRONICLE_IS_STORE (self));
  g_return_if_fail (n_ids == 0 || ids != NULL);

  set_flag_async (self, chronicle_store_set_read_async, FALSE, ids, n_ids, read, cancellable,
                  callback, user_data);
}

gboolean
chronicle_store_set_read_finish (ChronicleStore  *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_set_read_async, error) != NULL;
}

/**
 * chronicle_store_set_starred_async:
 * @self: a #ChronicleStore
 * @ids: (array length=n_ids): article ids
 * @n_ids: how many
 * @starred: the new state
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Like chronicle_store_set_read_async() for the starred flag. Starred articles are
 * never removed by retention.
 */
void
chronicle_store_set_starred_async (ChronicleStore      *self,
                                   const gint64        *ids,
                                   guint                n_ids,
                                   gboolean             starred,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (CHRONICLE_IS_STORE (self));
  g_return_if_fail (n_ids == 0 || ids != NULL);

  set_flag_async (self, chronicle_store_set_starred_async, TRUE, ids, n_ids, starred,
                  cancellable, callback, user_data);
}

gboolean
chronicle_store_set_starred_finish (ChronicleStore  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_set_starred_async, error) != NULL;
}

/**
 * chronicle_store_apply_retention_async:
 * @self: a #ChronicleStore
 * @keep_days: keep articles published in the last @keep_days days; 0 keeps everything
 * @now: the current Unix time (a parameter so tests are reproducible)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Removes older articles, except starred ones, with their text, mentions and links;
 * events left without articles and entities left without mentions are removed too.
 * Emits `changed` (ARTICLES_REMOVED | ENTITIES) when something was removed.
 */
void
chronicle_store_apply_retention_async (ChronicleStore      *self,
                                       guint                keep_days,
                                       gint64               now,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  GTask *task;
  RetentionData *data;

  g_return_if_fail (CHRONICLE_IS_STORE (self));

  task = _chronicle_store_new_task (self, chronicle_store_apply_retention_async, cancellable, callback,
                   user_data);
  data = g_new0 (RetentionData, 1);
  data->keep_days = keep_days;
  data->now = now;
  _chronicle_store_run_job (self, TRUE, task, _chronicle_store_write_retention, NULL, data,
                            g_free);
}

/**
 * chronicle_store_apply_retention_finish:
 * @self: a #ChronicleStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: the number of articles removed, or -1 on error
 */
gint64
chronicle_store_apply_retention_finish (ChronicleStore  *self,
                                        GAsyncResult    *result,
                                        GError         **error)
{
  return _chronicle_store_finish_int (self, result, chronicle_store_apply_retention_async, error);
}

/**
 * chronicle_store_vacuum_async:
 * @self: a #ChronicleStore
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Optimises the full-text index, checkpoints the WAL and rebuilds the file to give
 * free pages back to the disk. Slow on a big cache (it rewrites the file); writes
 * queued behind it wait, reads go on.
 */
void
chronicle_store_vacuum_async (ChronicleStore      *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CHRONICLE_IS_STORE (self));

  task = _chronicle_store_new_task (self, chronicle_store_vacuum_async, cancellable, callback, user_data);
  _chronicle_store_run_job (self, TRUE, task, _chronicle_store_write_vacuum, NULL,
                            _read_data_new (), _read_data_free);
}

gboolean
chronicle_store_vacuum_finish (ChronicleStore  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_vacuum_async, error) != NULL;
}

void
_chronicle_store_set_max_page_count_async (ChronicleStore      *self,
                                           gint64               max_page_count,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  GTask *task = _chronicle_store_new_task (self, _chronicle_store_set_max_page_count_async, NULL, callback,
                          user_data);
  ReadData *data = _read_data_new ();

  data->id = max_page_count;
  _chronicle_store_run_job (self, TRUE, task, _chronicle_store_write_max_page_count, NULL,
                            data, _read_data_free);
}

gboolean
_chronicle_store_set_max_page_count_finish (ChronicleStore  *self,
                                            GAsyncResult    *result,
                                            GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, _chronicle_store_set_max_page_count_async, error)
         != NULL;
}
