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

/* A write job's committed change, for the facet index. */
static void
note_write (StoreJob *job)
{
  if (job->error == NULL && job->change != CHRONICLE_STORE_CHANGE_NONE)
    _chronicle_facet_index_note_write (job->store->facet_index, job->change, job->changed_ids);
}

/* Hands @job back to the main context. */
static void
complete_job (StoreJob *job)
{
  /* Always through an idle source: g_main_context_invoke() would run the callback
   * right here when the main context is the (global) default one and idle. */
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, complete_job_cb, job, NULL);
  g_source_set_static_name (source, "[chronicle] store job done");
  g_source_attach (source, job->store->main_context);
  g_source_unref (source);
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

  /* After a committed write, before anyone hears of it: the facet index notes it. */
  if (db == job->store->writer)
    note_write (job);

  complete_job (job);
}

/* At most this many queued groupable jobs share one transaction. */
#define MAX_WRITE_GROUP 32

static void
clear_job_result (StoreJob *job)
{
  if (job->result_free != NULL)
    g_clear_pointer (&job->result, job->result_free);
  job->result = NULL;
  job->result_free = NULL;
  g_clear_pointer (&job->changed_ids, g_array_unref);
  job->change = CHRONICLE_STORE_CHANGE_NONE;
}

/* Runs consecutive groupable write jobs (a sync's per-source lookups, upserts and
 * source states, queued behind each other) in one transaction: one commit, one WAL
 * append and one checkpoint check instead of one per job. If anything fails (a job,
 * the begin or the commit), the whole group is rolled back and every job runs again
 * alone, in order, in its own transaction: the outcome is exactly that of running
 * them one by one, so a failing job never takes another one's writes with it. (No
 * savepoint per job: SQLite copies every page already dirty in the transaction to a
 * sub-journal at a savepoint's first write to it, which costs more than the commits
 * saved; failures are rare, re-running is cheap.) */
static void
run_write_group (ChronicleStore  *self,
                 StoreJob       **jobs,
                 guint            n)
{
  ChronicleDb *db = self->writer;
  gboolean ok;

  g_atomic_int_inc (&self->n_write_groups);
  ok = _chronicle_db_begin (db, NULL);
  self->write_grouped = TRUE;
  for (guint i = 0; ok && i < n; i++)
    {
      StoreJob *job = jobs[i];
      GCancellable *cancellable = g_task_get_cancellable (job->task);

      /* A cancelled job does nothing and fails alone. */
      if (g_cancellable_set_error_if_cancelled (cancellable, &job->error))
        continue;

      job->grouped = TRUE;
      ok = job->func (job, db, &job->error);
      job->grouped = FALSE;
    }
  self->write_grouped = FALSE;

  if (ok)
    ok = _chronicle_store_flush_group (self, db, NULL) && _chronicle_db_commit (db, NULL);
  if (!ok)
    {
      _chronicle_db_rollback (db);
      _chronicle_store_reset_caches (self);
      _chronicle_store_clear_group (self);
    }

  for (guint i = 0; i < n; i++)
    {
      StoreJob *job = jobs[i];

      if (ok || job->error != NULL)
        {
          /* After the group's commit, before anyone hears of it. */
          if (ok)
            note_write (job);
          complete_job (job);
          continue;
        }
      clear_job_result (job);
      run_job (job, db);
    }
}

static void
write_thread_func (gpointer data,
                   gpointer user_data)
{
  ChronicleStore *self = data;
  StoreJob *group[MAX_WRITE_GROUP];
  guint n = 0;

  g_mutex_lock (&self->write_lock);
  group[0] = g_queue_pop_head (&self->write_queue);
  if (group[0] != NULL)
    {
      n = 1;
      while (group[0]->groupable && n < MAX_WRITE_GROUP)
        {
          StoreJob *next = g_queue_peek_head (&self->write_queue);

          if (next == NULL || !next->groupable)
            break;
          group[n++] = g_queue_pop_head (&self->write_queue);
        }
    }
  g_mutex_unlock (&self->write_lock);

  /* An earlier token's group already ran this token's job. */
  if (n == 0)
    return;

  /* Groupable jobs check the one reference that comes from outside the store (an
   * article's source) themselves and write only ids they have just read or made:
   * SQLite's per-row foreign-key probes are off for them (they were about a tenth of
   * a sync's write time), on for every other job. The pragma only takes effect
   * outside a transaction, and it expires every prepared statement: it is switched
   * only when the kind of job changes. */
  if (group[0]->groupable != self->writer_fk_off)
    {
      self->writer_fk_off = group[0]->groupable;
      sqlite3_exec (_chronicle_db_handle (self->writer),
                    self->writer_fk_off ? "PRAGMA foreign_keys = OFF" : "PRAGMA foreign_keys = ON",
                    NULL, NULL, NULL);
    }
  if (n == 1)
    run_job (group[0], self->writer);
  else
    run_write_group (self, group, n);
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

static void
facet_thread_func (gpointer data,
                   gpointer user_data)
{
  StoreJob *job = data;

  /* One thread: the facet connection is never shared. */
  run_job (job, job->store->facet_reader);
}

static StoreJob *
job_new (ChronicleStore   *self,
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
  return job;
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
  StoreJob *job = job_new (self, task, func, main_func, data, data_free);

  if (write)
    {
      g_mutex_lock (&self->write_lock);
      g_queue_push_tail (&self->write_queue, job);
      g_mutex_unlock (&self->write_lock);
      g_thread_pool_push (self->write_pool, self, NULL);
    }
  else
    {
      g_thread_pool_push (self->read_pool, job, NULL);
    }
}

/*< private >
 * _chronicle_store_run_groupable_write:
 *
 * Like _chronicle_store_run_job() for a write whose @func, when the job is `grouped`,
 * works inside the transaction the write thread opened (no BEGIN or COMMIT of its own;
 * _chronicle_store_fail() then leaves the rollback to the write thread). Consecutive
 * groupable jobs in the write queue may share one transaction; each still succeeds or
 * fails on its own.
 */
void
_chronicle_store_run_groupable_write (ChronicleStore   *self,
                                      GTask            *task,
                                      StoreJobFunc      func,
                                      StoreJobMainFunc  main_func,
                                      gpointer          data,
                                      GDestroyNotify    data_free)
{
  StoreJob *job = job_new (self, task, func, main_func, data, data_free);

  job->groupable = TRUE;

  g_mutex_lock (&self->write_lock);
  g_queue_push_tail (&self->write_queue, job);
  g_mutex_unlock (&self->write_lock);
  g_thread_pool_push (self->write_pool, self, NULL);
}

static gboolean
write_cache_size (StoreJob     *job,
                  ChronicleDb  *db,
                  GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = -%u", GPOINTER_TO_UINT (job->data));

  if (!_chronicle_db_exec (db, sql, error))
    return FALSE;
  _chronicle_job_set_true (job);
  return TRUE;
}

/**
 * chronicle_store_set_write_cache_size:
 * @self: a #ChronicleStore
 * @kib: the write connection's page cache, in KiB
 *
 * Sets the size of the write connection's page cache (64 MiB by default) for the
 * writes queued after this call. A batch tool that writes once and exits (the CLI's
 * sync) does as well with a quarter of it and a much smaller peak memory.
 */
void
chronicle_store_set_write_cache_size (ChronicleStore *self,
                                      guint           kib)
{
  g_return_if_fail (CHRONICLE_IS_STORE (self));
  g_return_if_fail (kib > 0);

  _chronicle_store_run_job (self, TRUE,
                            _chronicle_store_new_task (self, chronicle_store_set_write_cache_size,
                                                       NULL, NULL, NULL),
                            write_cache_size, NULL, GUINT_TO_POINTER (kib), NULL);
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

/* Main thread only: the live, loaded object for @id, or %NULL. */
ChronicleArticle *
_chronicle_store_lookup_loaded (ChronicleStore *self,
                                gint64          id)
{
  MapEntry *entry = g_hash_table_lookup (self->articles, &id);

  if (entry == NULL || !chronicle_article_get_loaded (entry->article))
    return NULL;
  return entry->article;
}

guint
_chronicle_store_identity_map_size (ChronicleStore *self)
{
  return g_hash_table_size (self->articles);
}

/* Tests: FALSE answers facet counts with SQL only, to compare. */
void
_chronicle_store_set_use_facet_index (ChronicleStore *self,
                                      gboolean        use)
{
  self->use_facet_index = use;
}

/* Benchmarks: the facet index's last build time, memory and number of builds. */
void
_chronicle_store_get_facet_index_stats (ChronicleStore *self,
                                        gint64         *build_usec,
                                        gsize          *bytes,
                                        guint          *n_builds)
{
  _chronicle_facet_index_get_stats (self->facet_index, build_usec, bytes, n_builds);
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
  g_mutex_clear (&self->write_lock);
  g_clear_pointer (&self->group_fts_ids, g_array_unref);
  g_clear_pointer (&self->group_fts_pending, g_hash_table_unref);
  g_clear_pointer (&self->group_entity_counts, g_hash_table_unref);
  g_clear_pointer (&self->group_entity_last, g_hash_table_unref);
  if (self->read_pool != NULL)
    g_thread_pool_free (self->read_pool, FALSE, TRUE);
  if (self->facet_pool != NULL)
    g_thread_pool_free (self->facet_pool, FALSE, TRUE);
  g_clear_pointer (&self->facet_reader, _chronicle_db_close);

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
  g_clear_pointer (&self->facet_index, _chronicle_facet_index_free);
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
  g_mutex_init (&self->write_lock);
  g_queue_init (&self->write_queue);
  self->group_fts_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->group_fts_pending = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->group_entity_counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->group_entity_last = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->facet_index = _chronicle_facet_index_new ();
  self->use_facet_index = TRUE;
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

/* Files up to this size get a full PRAGMA quick_check at open (well under a second);
 * bigger ones rely on the header check and on the mark left when SQLite reports
 * damage while in use. */
#define QUICK_CHECK_MAX_SIZE (64 * 1024 * 1024)

static gboolean
quick_check (ChronicleDb  *db,
             const char   *path,
             GError      **error)
{
  GStatBuf st;
  sqlite3_stmt *stmt;
  const char *result;
  gboolean ok;
  int rc;

  if (g_stat (path, &st) != 0 || st.st_size > QUICK_CHECK_MAX_SIZE)
    return TRUE;

  stmt = _chronicle_db_prepare (db, "PRAGMA quick_check (1)", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  result = rc == SQLITE_ROW ? (const char *) sqlite3_column_text (stmt, 0) : NULL;
  ok = g_strcmp0 (result, "ok") == 0;
  if (!ok && rc == SQLITE_ROW)
    g_set_error (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_CORRUPT,
                 "The integrity check failed: %s", result);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    return _chronicle_db_set_error (db, rc, error);
  return ok;
}

static ChronicleDb *
open_writer (const char  *path,
             GError     **error)
{
  g_autoptr(ChronicleDb) db = NULL;

  if (_chronicle_db_take_damaged_mark (path))
    {
      g_set_error (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_CORRUPT,
                   "SQLite reported damage while the cache was in use");
      return NULL;
    }

  if (header_looks_damaged (path))
    {
      g_set_error (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_CORRUPT,
                   "The file is shorter than its header says or is not a database");
      return NULL;
    }

  db = _chronicle_db_open (path, TRUE, error);
  if (db == NULL || !quick_check (db, path, error))
    return NULL;

  if (!_chronicle_store_schema_migrate (db, _chronicle_store_schema_latest_version (), error))
    return NULL;

  /* The text an updated article had in the full-text index, until the end of its batch
   * (see _chronicle_store_write_upsert()). */
  if (!_chronicle_db_exec (db,
                           "CREATE TEMP TABLE IF NOT EXISTS fts_old"
                           " (id INTEGER PRIMARY KEY, title, summary, body)",
                           error))
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

      g_message ("The cache %s is damaged (%s); moving it aside", resolved,
                 local_error->message);
      g_clear_error (&local_error);

      if (!move_aside (resolved, &moved_to, error))
        return NULL;
      _chronicle_db_take_damaged_mark (resolved);

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

  /* Facet counts read few pages (entity rows, the text's matches): a small cache. */
  self->facet_reader = _chronicle_db_open (resolved, FALSE, error);
  if (self->facet_reader == NULL
      || !_chronicle_db_exec (self->facet_reader, "PRAGMA cache_size = -4096", error))
    return NULL;
  self->facet_pool = g_thread_pool_new (facet_thread_func, NULL, 1, FALSE, error);
  if (self->facet_pool == NULL)
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

GTask *
_chronicle_store_new_task (ChronicleStore      *self,
                           gpointer             tag,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, tag);
  return task;
}

gpointer
_chronicle_store_finish_pointer (ChronicleStore  *self,
                                 GAsyncResult    *result,
                                 gpointer         tag,
                                 GError         **error)
{
  g_return_val_if_fail (CHRONICLE_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gint64
_chronicle_store_finish_int (ChronicleStore  *self,
                             GAsyncResult    *result,
                             gpointer         tag,
                             GError         **error)
{
  g_autofree gint64 *value = _chronicle_store_finish_pointer (self, result, tag, error);

  return value != NULL ? *value : -1;
}

ReadData *
_read_data_new (void)
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

GArray *
_chronicle_ids_array (const gint64 *ids,
                      guint         n_ids)
{
  GArray *array = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);

  if (n_ids > 0)
    g_array_append_vals (array, ids, n_ids);
  return array;
}

/* A read on the facet thread (see ChronicleStore's facet_pool). */
void
_chronicle_store_run_facet_read (ChronicleStore      *self,
                                 gpointer             tag,
                                 StoreJobFunc         func,
                                 ReadData            *data,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task = _chronicle_store_new_task (self, tag, cancellable, callback, user_data);

  g_thread_pool_push (self->facet_pool,
                      job_new (self, task, func, NULL, data, _read_data_free),
                      NULL);
}

void
_chronicle_store_run_read (ChronicleStore      *self,
                           gpointer             tag,
                           StoreJobFunc         func,
                           StoreJobMainFunc     main_func,
                           ReadData            *data,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task = _chronicle_store_new_task (self, tag, cancellable, callback, user_data);

  _chronicle_store_run_job (self, FALSE, task, func, main_func, data, _read_data_free);
}
