/* chronicle-store.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "chronicle-db-path.h"
#include "chronicle-store-enums.h"
#include "chronicle-store-error.h"
#include "chronicle-store-private.h"
#include "chronicle-store-schema.h"

/**
 * ChronicleStore:
 *
 * The SQLite cache as a service. Every operation is an `_async`/`_finish` pair:
 * writes run in order on one thread that owns the write connection; reads run on a
 * small pool, each with its own connection (WAL lets them run beside a write).
 * Results and the #ChronicleStore::changed signal are delivered on the thread whose
 * main context was the thread-default one when the store was opened (the main
 * thread in the app).
 *
 * Articles handed out by reads come from an identity map: there is at most one
 * #ChronicleArticle object per id, so marking an article read is a property
 * notification every view sees.
 *
 * Objects passed to writes (sources, articles, events) must not be modified until the
 * write finishes.
 */

#define N_READERS 2

G_DEFINE_FINAL_TYPE (ChronicleStore, chronicle_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
store_job_free (StoreJob *job)
{
  if (job->data_free != NULL)
    g_clear_pointer (&job->data, job->data_free);
  if (job->result_free != NULL)
    g_clear_pointer (&job->result, job->result_free);
  g_clear_pointer (&job->changed_ids, g_array_unref);
  g_clear_error (&job->error);
  g_clear_object (&job->task);
  g_clear_object (&job->store);
  g_free (job);
}

static gboolean
complete_job_cb (gpointer user_data)
{
  StoreJob *job = user_data;

  if (job->error != NULL)
    {
      g_task_return_error (job->task, g_steal_pointer (&job->error));
    }
  else
    {
      if (job->main_func != NULL)
        job->main_func (job);

      if (job->change != CHRONICLE_STORE_CHANGE_NONE)
        {
          g_autoptr(GArray) ids = job->changed_ids != NULL
                                  ? g_array_ref (job->changed_ids)
                                  : g_array_new (FALSE, FALSE, sizeof (gint64));

          g_signal_emit (job->store, signals[CHANGED], 0, job->change, ids);
        }

      g_task_return_pointer (job->task, g_steal_pointer (&job->result), job->result_free);
      job->result_free = NULL;
    }

  store_job_free (job);
  return G_SOURCE_REMOVE;
}

static void
run_job (StoreJob    *job,
         ChronicleDb *db)
{
  GCancellable *cancellable = g_task_get_cancellable (job->task);

  if (!g_cancellable_set_error_if_cancelled (cancellable, &job->error))
    {
      if (!job->func (job, db, &job->error) && job->error == NULL)
        g_set_error_literal (&job->error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_FAILED,
                             "Unknown failure");
    }

  g_main_context_invoke_full (job->store->main_context, G_PRIORITY_DEFAULT,
                              complete_job_cb, job, NULL);
}

static void
write_thread_func (gpointer data,
                   gpointer user_data)
{
  StoreJob *job = data;

  run_job (job, job->store->writer);
}

static void
read_thread_func (gpointer data,
                  gpointer user_data)
{
  StoreJob *job = data;
  /* The job belongs to the main thread once run: keep what we need. */
  GAsyncQueue *readers = g_async_queue_ref (job->store->readers);
  ChronicleDb *db = g_async_queue_pop (readers);

  run_job (job, db);
  g_async_queue_push (readers, db);
  g_async_queue_unref (readers);
}

/**
 * _chronicle_store_run_job:
 * @self: the store
 * @write: %TRUE to run on the write thread, in order
 * @task: (transfer full): the task to return to
 * @func: the work
 * @main_func: (nullable): the main-thread step after the work succeeded
 * @data: (transfer full): the job's input
 * @data_free: frees @data
 */
void
_chronicle_store_run_job (ChronicleStore   *self,
                          gboolean          write,
                          GTask            *task,
                          StoreJobFunc      func,
                          StoreJobMainFunc  main_func,
                          gpointer          data,
                          GDestroyNotify    data_free)
{
  StoreJob *job = g_new0 (StoreJob, 1);

  job->store = g_object_ref (self);
  job->task = task;
  job->func = func;
  job->main_func = main_func;
  job->data = data;
  job->data_free = data_free;

  g_thread_pool_push (write ? self->write_pool : self->read_pool, job, NULL);
}

typedef struct {
  ChronicleStore *store;
  gint64 id;
  ChronicleArticle *article;
} MapEntry;

static void
article_finalized_cb (gpointer  user_data,
                      GObject  *where_the_object_was)
{
  MapEntry *entry = user_data;

  entry->article = NULL;
  g_hash_table_remove (entry->store->articles, &entry->id);
}

static void
map_entry_free (gpointer data)
{
  MapEntry *entry = data;

  if (entry->article != NULL)
    g_object_weak_unref (G_OBJECT (entry->article), article_finalized_cb, entry);
  g_free (entry);
}

static ChronicleArticle *
map_insert (ChronicleStore   *self,
            ChronicleArticle *article)
{
  MapEntry *entry = g_new0 (MapEntry, 1);

  entry->store = self;
  entry->id = chronicle_article_get_id (article);
  entry->article = article;
  g_object_weak_ref (G_OBJECT (article), article_finalized_cb, entry);
  g_hash_table_replace (self->articles, &entry->id, entry);

  return article;
}

/**
 * _chronicle_store_intern:
 * @self: the store
 * @fresh: an article just read, with an id
 *
 * Main thread only. Returns the one object for the article's id, updated from
 * @fresh (notifying what changed).
 *
 * Returns: (transfer full): the shared object
 */
ChronicleArticle *
_chronicle_store_intern (ChronicleStore   *self,
                         ChronicleArticle *fresh)
{
  gint64 id = chronicle_article_get_id (fresh);
  MapEntry *entry = g_hash_table_lookup (self->articles, &id);

  if (entry != NULL)
    {
      chronicle_article_assign (entry->article, fresh);
      return g_object_ref (entry->article);
    }

  return g_object_ref (map_insert (self, fresh));
}

guint
_chronicle_store_identity_map_size (ChronicleStore *self)
{
  return g_hash_table_size (self->articles);
}

void
_chronicle_store_reset_caches (ChronicleStore *self)
{
  g_hash_table_remove_all (self->entity_ids);
  g_hash_table_remove_all (self->aliases_seen);
}

static void
chronicle_store_finalize (GObject *object)
{
  ChronicleStore *self = CHRONICLE_STORE (object);
  ChronicleDb *db;

  /* Jobs hold a reference: none is queued or running now. */
  if (self->write_pool != NULL)
    g_thread_pool_free (self->write_pool, FALSE, TRUE);
  if (self->read_pool != NULL)
    g_thread_pool_free (self->read_pool, FALSE, TRUE);

  if (self->readers != NULL)
    {
      while ((db = g_async_queue_try_pop (self->readers)) != NULL)
        _chronicle_db_close (db);
      g_async_queue_unref (self->readers);
    }
  g_clear_pointer (&self->writer, _chronicle_db_close);

  g_clear_pointer (&self->articles, g_hash_table_unref);
  g_clear_pointer (&self->entity_ids, g_hash_table_unref);
  g_clear_pointer (&self->aliases_seen, g_hash_table_unref);
  g_clear_pointer (&self->main_context, g_main_context_unref);
  g_clear_error (&self->recovery_error);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (chronicle_store_parent_class)->finalize (object);
}

static void
chronicle_store_class_init (ChronicleStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chronicle_store_finalize;

  /**
   * ChronicleStore::changed:
   * @self: the store
   * @what: a #ChronicleStoreChange saying what changed
   * @article_ids: (element-type gint64): the articles concerned, when known (added,
   *   updated, read/starred); empty otherwise
   *
   * Emitted on the main thread after a write has been committed, before its
   * `_finish` callback runs.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 2,
                                   CHRONICLE_TYPE_STORE_CHANGE,
                                   G_TYPE_ARRAY);
}

static void
chronicle_store_init (ChronicleStore *self)
{
  self->articles = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, map_entry_free);
  self->entity_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->aliases_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->readers = g_async_queue_new ();
}

/* Opening, and recovering from a damaged file. */

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* A cheap look at the header: is this an SQLite file, and is it as long as it says?
 * A truncated file is otherwise only noticed when a missing page is read. */
static gboolean
header_looks_damaged (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  guint8 header[100];
  GStatBuf st, wal_st;
  FILE *file;
  size_t n;
  guint32 page_size, page_count;

  if (g_stat (path, &st) != 0 || st.st_size == 0)
    return FALSE;

  file = g_fopen (path, "rb");
  if (file == NULL)
    return FALSE;
  n = fread (header, 1, sizeof header, file);
  fclose (file);

  if (n < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    return TRUE;

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  page_count = read_be32 (header + 28);

  /* The page count is valid when "version-valid-for" equals the change counter.
   * With a non-empty WAL the file may legitimately lag behind; let SQLite judge. */
  if (read_be32 (header + 92) != read_be32 (header + 24))
    return FALSE;
  if (g_stat (wal, &wal_st) == 0 && wal_st.st_size > 0)
    return FALSE;

  return (guint64) st.st_size < (guint64) page_size * page_count;
}

static gboolean
move_aside (const char  *path,
            char       **moved_to,
            GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = g_strdup_printf ("%s.damaged-%s", path, stamp);
  const char *suffixes[] = { "-wal", "-shm" };

  for (guint i = 2; g_file_test (target, G_FILE_TEST_EXISTS); i++)
    {
      g_free (target);
      target = g_strdup_printf ("%s.damaged-%s-%u", path, stamp, i);
    }

  if (g_rename (path, target) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_CORRUPT,
                   _("The cache “%s” is damaged and could not be moved aside: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *side_target = g_strconcat (target, suffixes[i], NULL);

      if (g_file_test (side, G_FILE_TEST_EXISTS))
        g_rename (side, side_target);
    }

  *moved_to = g_steal_pointer (&target);
  return TRUE;
}

static ChronicleDb *
open_writer (const char  *path,
             GError     **error)
{
  g_autoptr(ChronicleDb) db = NULL;

  if (header_looks_damaged (path))
    {
      g_set_error (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_CORRUPT,
                   "The file is shorter than its header says or is not a database");
      return NULL;
    }

  db = _chronicle_db_open (path, TRUE, error);
  if (db == NULL)
    return NULL;

  if (!_chronicle_store_schema_migrate (db, _chronicle_store_schema_latest_version (), error))
    return NULL;

  return g_steal_pointer (&db);
}

static ChronicleStore *
store_open (const char    *path,
            GMainContext  *context,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(ChronicleStore) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *resolved = NULL;

  resolved = chronicle_db_path_resolve (path, error);
  if (resolved == NULL || !chronicle_db_path_prepare (resolved, error))
    return NULL;

  self = g_object_new (CHRONICLE_TYPE_STORE, NULL);
  self->path = g_strdup (resolved);
  self->main_context = g_main_context_ref (context);

  self->writer = open_writer (resolved, &local_error);
  if (self->writer == NULL
      && g_error_matches (local_error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_CORRUPT))
    {
      g_autofree char *moved_to = NULL;

      g_warning ("The cache %s is damaged (%s); moving it aside", resolved,
                 local_error->message);
      g_clear_error (&local_error);

      if (!move_aside (resolved, &moved_to, error))
        return NULL;

      self->writer = open_writer (resolved, error);
      if (self->writer == NULL)
        return NULL;

      g_set_error (&self->recovery_error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_CORRUPT,
                   _("The cache was damaged and has been rebuilt; the old file is at %s"),
                   moved_to);
    }
  else if (self->writer == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  for (guint i = 0; i < N_READERS; i++)
    {
      ChronicleDb *reader = _chronicle_db_open (resolved, FALSE, error);

      if (reader == NULL)
        return NULL;
      g_async_queue_push (self->readers, reader);
      self->n_readers++;
    }

  self->write_pool = g_thread_pool_new (write_thread_func, NULL, 1, TRUE, error);
  if (self->write_pool == NULL)
    return NULL;
  self->read_pool = g_thread_pool_new (read_thread_func, NULL, N_READERS, FALSE, error);
  if (self->read_pool == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * chronicle_store_open_sync:
 * @path: (nullable): the database file (`--db PATH`), or %NULL for the default
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Opens (creating or migrating as needed) the cache at @path, blocking. For the
 * command line and tests; the app uses chronicle_store_open_async(). Results of later
 * calls are delivered in the thread-default main context of the calling thread.
 *
 * A damaged file does not make this fail: it is moved aside, a fresh cache is created,
 * and chronicle_store_get_recovery_error() says so. Errors are
 * %CHRONICLE_STORE_ERROR_PATH, %CHRONICLE_STORE_ERROR_READ_ONLY,
 * %CHRONICLE_STORE_ERROR_FULL or %CHRONICLE_STORE_ERROR_FAILED.
 *
 * Returns: (transfer full) (nullable): the store
 */
ChronicleStore *
chronicle_store_open_sync (const char    *path,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();

  return store_open (path, context, cancellable, error);
}

static void
open_thread_cb (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  ChronicleStore *store = store_open (task_data, g_task_get_context (task), cancellable, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

/**
 * chronicle_store_open_async:
 * @path: (nullable): the database file (`--db PATH`), or %NULL for the default
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the store is ready
 * @user_data: data for @callback
 *
 * Opens the cache in a worker thread; see chronicle_store_open_sync().
 */
void
chronicle_store_open_async (const char          *path,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, chronicle_store_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_thread_cb);
}

/**
 * chronicle_store_open_finish:
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the store
 */
ChronicleStore *
chronicle_store_open_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == chronicle_store_open_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * chronicle_store_get_path:
 * @self: a #ChronicleStore
 *
 * Returns: (transfer none): the absolute database file name
 */
const char *
chronicle_store_get_path (ChronicleStore *self)
{
  g_return_val_if_fail (CHRONICLE_IS_STORE (self), NULL);

  return self->path;
}

/**
 * chronicle_store_get_recovery_error:
 * @self: a #ChronicleStore
 *
 * When the file was damaged at open, says so in a sentence to show the user
 * (%CHRONICLE_STORE_ERROR_CORRUPT, naming where the old file was moved).
 *
 * Returns: (transfer none) (nullable): the error, or %NULL if the cache was fine
 */
const GError *
chronicle_store_get_recovery_error (ChronicleStore *self)
{
  g_return_val_if_fail (CHRONICLE_IS_STORE (self), NULL);

  return self->recovery_error;
}

/**
 * chronicle_store_dup_article:
 * @self: a #ChronicleStore
 * @id: an article id
 *
 * Never blocks. Returns the shared object for @id: the loaded article if some read
 * brought it in and it is still alive, else a new placeholder
 * (#ChronicleArticle:loaded is %FALSE) that any later read of @id fills in.
 *
 * Returns: (transfer full): the article
 */
ChronicleArticle *
chronicle_store_dup_article (ChronicleStore *self,
                             gint64          id)
{
  MapEntry *entry;

  g_return_val_if_fail (CHRONICLE_IS_STORE (self), NULL);
  g_return_val_if_fail (id > 0, NULL);

  entry = g_hash_table_lookup (self->articles, &id);
  if (entry != NULL)
    return g_object_ref (entry->article);

  return map_insert (self, chronicle_article_new_placeholder (id));
}

/* Helpers for the public wrappers. */

static GTask *
new_task (ChronicleStore      *self,
          gpointer             tag,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, tag);
  return task;
}

static gpointer
finish_pointer (ChronicleStore  *self,
                GAsyncResult    *result,
                gpointer         tag,
                GError         **error)
{
  g_return_val_if_fail (CHRONICLE_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gint64
finish_int (ChronicleStore  *self,
            GAsyncResult    *result,
            gpointer         tag,
            GError         **error)
{
  g_autofree gint64 *value = finish_pointer (self, result, tag, error);

  return value != NULL ? *value : -1;
}

static ReadData *
read_data_new (void)
{
  return g_new0 (ReadData, 1);
}

void
_read_data_free (gpointer data)
{
  ReadData *read = data;

  g_clear_object (&read->query);
  g_clear_pointer (&read->name, g_free);
  g_clear_pointer (&read->ids, g_array_unref);
  g_clear_pointer (&read->old_ids, g_array_unref);
  g_free (read);
}

static GArray *
ids_array (const gint64 *ids,
           guint         n_ids)
{
  GArray *array = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);

  if (n_ids > 0)
    g_array_append_vals (array, ids, n_ids);
  return array;
}

/* Sources */

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

  task = new_task (self, chronicle_store_add_source_async, cancellable, callback, user_data);
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
  return finish_int (self, result, chronicle_store_add_source_async, error);
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

  task = new_task (self, chronicle_store_update_source_async, cancellable, callback, user_data);
  _chronicle_store_run_job (self, TRUE, task, _chronicle_store_write_update_source, NULL,
                            g_object_ref (source), g_object_unref);
}

gboolean
chronicle_store_update_source_finish (ChronicleStore  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  return finish_pointer (self, result, chronicle_store_update_source_async, error) != NULL;
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

  task = new_task (self, chronicle_store_remove_source_async, cancellable, callback, user_data);
  data = read_data_new ();
  data->id = source_id;
  _chronicle_store_run_job (self, TRUE, task, _chronicle_store_write_remove_source, NULL,
                            data, _read_data_free);
}

gboolean
chronicle_store_remove_source_finish (ChronicleStore  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  return finish_pointer (self, result, chronicle_store_remove_source_async, error) != NULL;
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

  task = new_task (self, chronicle_store_list_sources_async, cancellable, callback, user_data);
  _chronicle_store_run_job (self, FALSE, task, _chronicle_store_read_list_sources, NULL,
                            read_data_new (), _read_data_free);
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
  return finish_pointer (self, result, chronicle_store_list_sources_async, error);
}

/* Article writes */

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
      MapEntry *entry;
      ChronicleArticle *live;

      if (!g_hash_table_contains (changed, &id))
        continue;
      entry = g_hash_table_lookup (job->store->articles, &id);
      if (entry == NULL || !chronicle_article_get_loaded (entry->article))
        continue;

      live = entry->article;
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
 *
 * An article is the same as a stored one when it has the same source and guid, or the
 * same normalised URL (fragment and `utm_*` parameters removed, see
 * chronicle_url_normalise()). Same source: if anything changed (text, dates, mentions…)
 * it is updated in place, keeping its id, read and starred flags, and its mentions are
 * replaced. Another source: the stored one is kept and the new one counted as a
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

  task = new_task (self, chronicle_store_upsert_articles_async, cancellable, callback,
                   user_data);
  data = g_new0 (UpsertData, 1);
  data->articles = g_ptr_array_ref (articles);
  data->events = events != NULL ? g_ptr_array_ref (events) : NULL;
  _chronicle_store_run_job (self, TRUE, task, _chronicle_store_write_upsert, upsert_main, data,
                            _upsert_data_free);
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
  GArray *ids = finish_pointer (self, result, chronicle_store_upsert_articles_async, error);
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
      MapEntry *entry = g_hash_table_lookup (job->store->articles, &id);

      if (entry == NULL || !chronicle_article_get_loaded (entry->article))
        continue;
      if (flags->starred)
        chronicle_article_set_starred (entry->article, flags->value);
      else
        chronicle_article_set_read (entry->article, flags->value);
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
  GTask *task = new_task (self, tag, cancellable, callback, user_data);
  FlagsData *data = g_new0 (FlagsData, 1);

  data->ids = ids_array (ids, n_ids);
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
  return finish_pointer (self, result, chronicle_store_set_read_async, error) != NULL;
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
  return finish_pointer (self, result, chronicle_store_set_starred_async, error) != NULL;
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

  task = new_task (self, chronicle_store_apply_retention_async, cancellable, callback,
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
  return finish_int (self, result, chronicle_store_apply_retention_async, error);
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

  task = new_task (self, chronicle_store_vacuum_async, cancellable, callback, user_data);
  _chronicle_store_run_job (self, TRUE, task, _chronicle_store_write_vacuum, NULL,
                            read_data_new (), _read_data_free);
}

gboolean
chronicle_store_vacuum_finish (ChronicleStore  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  return finish_pointer (self, result, chronicle_store_vacuum_async, error) != NULL;
}

void
_chronicle_store_set_max_page_count_async (ChronicleStore      *self,
                                           gint64               max_page_count,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  GTask *task = new_task (self, _chronicle_store_set_max_page_count_async, NULL, callback,
                          user_data);
  ReadData *data = read_data_new ();

  data->id = max_page_count;
  _chronicle_store_run_job (self, TRUE, task, _chronicle_store_write_max_page_count, NULL,
                            data, _read_data_free);
}

gboolean
_chronicle_store_set_max_page_count_finish (ChronicleStore  *self,
                                            GAsyncResult    *result,
                                            GError         **error)
{
  return finish_pointer (self, result, _chronicle_store_set_max_page_count_async, error)
         != NULL;
}

/* Reads */

static void
run_read (ChronicleStore      *self,
          gpointer             tag,
          StoreJobFunc         func,
          StoreJobMainFunc     main_func,
          ReadData            *data,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = new_task (self, tag, cancellable, callback, user_data);

  _chronicle_store_run_job (self, FALSE, task, func, main_func, data, _read_data_free);
}

/**
 * chronicle_store_timeline_async:
 * @self: a #ChronicleStore
 * @query: the filter and order
 * @limit: at most this many ids (the first page); 0 for all
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Reads the ordered ids of the articles matching @query. Ask for a small @limit first
 * to show something fast, then for all; #ChronicleArticleList does this for you.
 */
void
chronicle_store_timeline_async (ChronicleStore      *self,
                                ChronicleQuery      *query,
                                guint                limit,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  ReadData *data;

  g_return_if_fail (CHRONICLE_IS_STORE (self));
  g_return_if_fail (CHRONICLE_IS_QUERY (query));

  data = read_data_new ();
  data->query = g_object_ref (query);
  data->limit = limit;
  run_read (self, chronicle_store_timeline_async, _chronicle_store_read_timeline, NULL, data,
            cancellable, callback, user_data);
}

/**
 * chronicle_store_timeline_finish:
 * @self: a #ChronicleStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type gint64): the article ids in order
 */
GArray *
chronicle_store_timeline_finish (ChronicleStore  *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  return finish_pointer (self, result, chronicle_store_timeline_async, error);
}

void
_timeline_diff_free (TimelineDiff *diff)
{
  if (diff == NULL)
    return;
  g_clear_pointer (&diff->ids, g_array_unref);
  g_clear_pointer (&diff->hunks, g_array_unref);
  g_free (diff);
}

void
_chronicle_store_timeline_diff_async (ChronicleStore      *self,
                                      ChronicleQuery      *query,
                                      GArray              *old_ids,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  ReadData *data = read_data_new ();

  data->query = g_object_ref (query);
  data->old_ids = old_ids != NULL ? g_array_ref (old_ids) : NULL;
  run_read (self, _chronicle_store_timeline_diff_async, _chronicle_store_read_timeline, NULL,
            data, cancellable, callback, user_data);
}

TimelineDiff *
_chronicle_store_timeline_diff_finish (ChronicleStore  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  return finish_pointer (self, result, _chronicle_store_timeline_diff_async, error);
}

static void
intern_articles_main (StoreJob *job)
{
  GPtrArray *fresh = job->result;

  for (guint i = 0; i < fresh->len; i++)
    {
      ChronicleArticle *read = g_ptr_array_index (fresh, i);

      /* Swap the object just read for the shared one. */
      g_ptr_array_index (fresh, i) = _chronicle_store_intern (job->store, read);
      g_object_unref (read);
    }
}

/**
 * chronicle_store_get_articles_async:
 * @self: a #ChronicleStore
 * @ids: (array length=n_ids): article ids (a page; ~50 reads in a few milliseconds)
 * @n_ids: how many
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Reads articles without their body text. The results are the shared objects of the
 * identity map: placeholders handed out earlier get filled in.
 */
void
chronicle_store_get_articles_async (ChronicleStore      *self,
                                    const gint64        *ids,
                                    guint                n_ids,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  ReadData *data;

  g_return_if_fail (CHRONICLE_IS_STORE (self));
  g_return_if_fail (n_ids == 0 || ids != NULL);

  data = read_data_new ();
  data->ids = ids_array (ids, n_ids);
  run_read (self, chronicle_store_get_articles_async, _chronicle_store_read_articles,
            intern_articles_main, data, cancellable, callback, user_data);
}

/**
 * chronicle_store_get_articles_finish:
 * @self: a #ChronicleStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type ChronicleArticle): the articles found, in
 *   the order of the ids asked for (unknown ids are skipped)
 */
GPtrArray *
chronicle_store_get_articles_finish (ChronicleStore  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  return finish_pointer (self, result, chronicle_store_get_articles_async, error);
}

static void
intern_article_main (StoreJob *job)
{
  ChronicleArticle *fresh = job->result;
  ChronicleArticle *shared = _chronicle_store_intern (job->store, fresh);

  if (shared != fresh)
    {
      GPtrArray *mentions = chronicle_article_get_mentions (fresh);
      GPtrArray *times = chronicle_article_get_time_mentions (fresh);
      GPtrArray *target = chronicle_article_get_mentions (shared);
      GPtrArray *target_times = chronicle_article_get_time_mentions (shared);

      g_ptr_array_set_size (target, 0);
      g_ptr_array_set_size (target_times, 0);
      for (guint i = 0; i < mentions->len; i++)
        g_ptr_array_add (target, chronicle_mention_copy (g_ptr_array_index (mentions, i)));
      for (guint i = 0; i < times->len; i++)
        g_ptr_array_add (target_times,
                         chronicle_time_mention_copy (g_ptr_array_index (times, i)));
    }

  g_object_unref (fresh);
  job->result = shared;
}

/**
 * chronicle_store_get_article_async:
 * @self: a #ChronicleStore
 * @id: an article id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Reads one article in full: body text, entity mentions (with entity ids) and time
 * mentions. %CHRONICLE_STORE_ERROR_NOT_FOUND if there is no such article.
 */
void
chronicle_store_get_article_async (ChronicleStore      *self,
                                   gint64               id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  ReadData *data;

  g_return_if_fail (CHRONICLE_IS_STORE (self));

  data = read_data_new ();
  data->id = id;
  run_read (self, chronicle_store_get_article_async, _chronicle_store_read_article,
            intern_article_main, data, cancellable, callback, user_data);
}

/**
 * chronicle_store_get_article_finish:
 * @self: a #ChronicleStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the shared article object, now with its body and mentions
 */
ChronicleArticle *
chronicle_store_get_article_finish (ChronicleStore  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  return finish_pointer (self, result, chronicle_store_get_article_async, error);
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

  data = read_data_new ();
  data->query = g_object_ref (query);
  data->limit = top_n;
  run_read (self, chronicle_store_facet_counts_async, _chronicle_store_read_facets, NULL, data,
            cancellable, callback, user_data);
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
  return finish_pointer (self, result, chronicle_store_facet_counts_async, error);
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

  data = read_data_new ();
  data->query = g_object_ref (query);
  data->bucket = bucket;
  run_read (self, chronicle_store_histogram_async, _chronicle_store_read_histogram, NULL, data,
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
  return finish_pointer (self, result, chronicle_store_histogram_async, error);
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
 * %CHRONICLE_STORE_ERROR_NOT_FOUND if it was never mentioned.
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

  data = read_data_new ();
  data->kind = kind;
  data->name = g_strdup (name);
  run_read (self, chronicle_store_lookup_entity_async, _chronicle_store_read_lookup_entity, NULL,
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
  return finish_pointer (self, result, chronicle_store_lookup_entity_async, error);
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
 * Reads an entity with its mentions over time and the entities most often named with
 * it. %CHRONICLE_STORE_ERROR_NOT_FOUND for an unknown id.
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

  data = read_data_new ();
  data->id = entity_id;
  data->bucket = bucket;
  data->limit = top_n;
  run_read (self, chronicle_store_entity_detail_async, _chronicle_store_read_entity_detail,
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
  return finish_pointer (self, result, chronicle_store_entity_detail_async, error);
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
 * Full-text search, best matches first, with snippets.
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

  data = read_data_new ();
  data->query = g_object_ref (query);
  data->limit = limit;
  run_read (self, chronicle_store_search_async, _chronicle_store_read_search, NULL, data,
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
  return finish_pointer (self, result, chronicle_store_search_async, error);
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

  data = read_data_new ();
  data->from = from;
  data->to = to;
  data->limit = limit;
  run_read (self, chronicle_store_time_mentions_async, _chronicle_store_read_time_mentions, NULL,
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
  return finish_pointer (self, result, chronicle_store_time_mentions_async, error);
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

  data = read_data_new ();
  data->id = article_id;
  run_read (self, chronicle_store_events_for_article_async, _chronicle_store_read_article_events,
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
  return finish_pointer (self, result, chronicle_store_events_for_article_async, error);
}
