/* chronicle-store-private.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-store.h"
#include "chronicle-store-db.h"
#include "chronicle-facet-index.h"

G_BEGIN_DECLS

/* Cross-file internals of the store service. */

typedef struct _StoreJob StoreJob;

/* Runs in a worker thread with the connection it owns for the duration. Sets
 * job->result (and job->result_free), job->change and job->changed_ids. */
typedef gboolean (*StoreJobFunc) (StoreJob     *job,
                                  ChronicleDb  *db,
                                  GError      **error);

/* Runs on the main thread after a successful job, before `changed` is emitted and
 * the task returns. */
typedef void (*StoreJobMainFunc) (StoreJob *job);

struct _StoreJob
{
  ChronicleStore *store;
  GTask *task;
  StoreJobFunc func;
  StoreJobMainFunc main_func;
  gpointer data;
  GDestroyNotify data_free;

  gpointer result;
  GDestroyNotify result_free;
  ChronicleStoreChange change;
  GArray *changed_ids;
  GError *error;

  /* A groupable write job may run with other queued groupable jobs in one transaction
   * (see run_write_group()); it is then `grouped`: it neither begins nor commits, and
   * on failure the write thread rolls back the group and runs each job again alone. */
  gboolean groupable;
  gboolean grouped;
};

struct _ChronicleStore
{
  GObject parent_instance;

  char *path;
  GError *recovery_error;
  GMainContext *main_context;

  /* The one write connection, used only by the write thread. */
  ChronicleDb *writer;
  GThreadPool *write_pool;
  /* Write jobs in order; the write pool gets one token per job. */
  GMutex write_lock;
  GQueue write_queue;
  /* Write thread only: a write group's transaction is open. */
  gboolean write_grouped;
  /* Write thread only: foreign keys are off on the writer (groupable jobs). */
  gboolean writer_fk_off;
  /* Write thread only: the articles a write group's upserts queued for the full-text
   * index (ids, the same as a set, whether old text waits in temp.fts_old). */
  GArray *group_fts_ids;
  GHashTable *group_fts_pending;
  gboolean group_fts_has_old;
  /* Write thread only: entity id -> articles added, and -> newest mention, in the
   * write group (applied at its end). */
  GHashTable *group_entity_counts;
  GHashTable *group_entity_last;
  /* How many groups of several jobs ran (atomic; for tests). */
  guint n_write_groups;
  /* Read connections, taken by read jobs from this queue. */
  GAsyncQueue *readers;
  guint n_readers;
  GThreadPool *read_pool;

  /* Identity map, main thread only: id -> ChronicleArticle (weak). */
  GHashTable *articles;

  /* Write-thread caches, dropped whenever a transaction rolls back. */
  GHashTable *entity_ids;
  GHashTable *aliases_seen;

  /* The read side's facet index (chronicle-facet-index.c); FALSE: SQL only. Facet
   * counts run on their own thread and connection, so that a filter change's counts
   * do not queue behind its timeline and histogram. */
  ChronicleFacetIndex *facet_index;
  gboolean use_facet_index;
  ChronicleDb *facet_reader;
  GThreadPool *facet_pool;
};

void      _chronicle_store_run_job        (ChronicleStore   *self,
                                           gboolean          write,
                                           GTask            *task,
                                           StoreJobFunc      func,
                                           StoreJobMainFunc  main_func,
                                           gpointer          data,
                                           GDestroyNotify    data_free);
void      _chronicle_store_run_groupable_write (ChronicleStore   *self,
                                                GTask            *task,
                                                StoreJobFunc      func,
                                                StoreJobMainFunc  main_func,
                                                gpointer          data,
                                                GDestroyNotify    data_free);
ChronicleArticle *_chronicle_store_intern (ChronicleStore   *self,
                                           ChronicleArticle *fresh);
ChronicleArticle *_chronicle_store_lookup_loaded (ChronicleStore *self,
                                                  gint64          id);
void      _chronicle_store_reset_caches   (ChronicleStore   *self);

/* chronicle-store-write.c: write jobs */
gboolean _chronicle_store_write_add_source      (StoreJob *job, ChronicleDb *db, GError **error);
gboolean _chronicle_store_write_update_source   (StoreJob *job, ChronicleDb *db, GError **error);
gboolean _chronicle_store_write_remove_source   (StoreJob *job, ChronicleDb *db, GError **error);
gboolean _chronicle_store_write_upsert          (StoreJob *job, ChronicleDb *db, GError **error);
gboolean _chronicle_store_write_flags           (StoreJob *job, ChronicleDb *db, GError **error);
gboolean _chronicle_store_write_retention       (StoreJob *job, ChronicleDb *db, GError **error);
gboolean _chronicle_store_write_vacuum          (StoreJob *job, ChronicleDb *db, GError **error);
gboolean _chronicle_store_write_max_page_count  (StoreJob *job, ChronicleDb *db, GError **error);

typedef struct {
  GPtrArray *articles;
  GPtrArray *events;
  ChronicleUpsertStats stats;
} UpsertData;

typedef struct {
  GArray *ids;
  gboolean value;
  gboolean starred;
} FlagsData;

typedef struct {
  guint keep_days;
  gint64 now;
} RetentionData;

void _upsert_data_free (gpointer data);

gint64   _chronicle_store_content_hash  (ChronicleArticle  *article);
gint64   _chronicle_store_hash_text     (const char        *text);
gboolean _chronicle_store_find_existing (ChronicleDb       *db,
                                         ChronicleArticle  *article,
                                         const char        *guid,
                                         gint64             url_hash,
                                         gint64            *id,
                                         gint64            *hash,
                                         gint64            *source_id,
                                         GError           **error);
void _flags_data_free  (gpointer data);

/* chronicle-store-article-meta.c: tags, licence and attribution */
gboolean _chronicle_store_write_article_meta (ChronicleDb       *db,
                                              ChronicleArticle  *article,
                                              gint64             id,
                                              gboolean           stored,
                                              GError           **error);
gboolean _chronicle_store_read_article_meta  (ChronicleDb       *db,
                                              ChronicleArticle  *article,
                                              GError           **error);

/* chronicle-store-read.c: read jobs */
gboolean _chronicle_store_read_list_sources   (StoreJob *job, ChronicleDb *db, GError **error);
gboolean _chronicle_store_read_timeline       (StoreJob *job, ChronicleDb *db, GError **error);
gboolean _chronicle_store_read_articles       (StoreJob *job, ChronicleDb *db, GError **error);
gboolean _chronicle_store_read_article        (StoreJob *job, ChronicleDb *db, GError **error);
gboolean _chronicle_store_read_facets         (StoreJob *job, ChronicleDb *db, GError **error);
gboolean _chronicle_store_read_histogram      (StoreJob *job, ChronicleDb *db, GError **error);
gboolean _chronicle_store_read_source_counts  (StoreJob *job, ChronicleDb *db, GError **error);
gboolean _chronicle_store_read_lookup_entity  (StoreJob *job, ChronicleDb *db, GError **error);
gboolean _chronicle_store_read_entity_detail  (StoreJob *job, ChronicleDb *db, GError **error);
gboolean _chronicle_store_read_search         (StoreJob *job, ChronicleDb *db, GError **error);
gboolean _chronicle_store_read_time_mentions  (StoreJob *job, ChronicleDb *db, GError **error);
gboolean _chronicle_store_read_article_events (StoreJob *job, ChronicleDb *db, GError **error);

typedef struct {
  ChronicleQuery *query;
  guint limit;
  ChronicleGranularity bucket;
  gint64 id;
  gint64 from;
  gint64 to;
  ChronicleEntityKind kind;
  char *name;
  GArray *ids;
  /* For the article list: the ids it shows now, to diff against (may be NULL). */
  GArray *old_ids;
  /* Entity lists and corrections. */
  int sort;
  guint offset;
  guint n_months;
  gint64 other_id;
  gboolean flag;
} ReadData;

ReadData *_read_data_new  (void);
void      _read_data_free (gpointer data);

/* chronicle-store-entities.c / chronicle-store-corrections.c: entity jobs */
gboolean _chronicle_store_read_list_entities  (StoreJob *job, ChronicleDb *db, GError **error);
gboolean _chronicle_store_read_facet_entities (StoreJob *job, ChronicleDb *db, GError **error);
gboolean _chronicle_store_read_get_entity     (StoreJob *job, ChronicleDb *db, GError **error);
gboolean _chronicle_store_read_followed       (StoreJob *job, ChronicleDb *db, GError **error);
gboolean _chronicle_store_read_followed_news  (StoreJob *job, ChronicleDb *db, GError **error);
gboolean _chronicle_store_read_stopped        (StoreJob *job, ChronicleDb *db, GError **error);
gboolean _chronicle_store_read_entity_aliases (ChronicleDb *db, ChronicleEntity *entity,
                                               GError **error);

/* chronicle-store-facets.c: counting with the facet index */
gboolean _chronicle_store_index_counts       (ChronicleStore         *store,
                                              ChronicleDb            *db,
                                              ChronicleQuery         *query,
                                              ChronicleFacetCounts  **counts,
                                              GError               **error);
gboolean _chronicle_store_index_top_entities (ChronicleDb            *db,
                                              ChronicleFacetCounts   *counts,
                                              int                     kind,
                                              guint                   limit,
                                              GHashTable             *allowed,
                                              GPtrArray              *out,
                                              GError                **error);

/* Helpers for the public calls. */
GTask    *_chronicle_store_new_task       (ChronicleStore       *self,
                                           gpointer              tag,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gpointer  _chronicle_store_finish_pointer (ChronicleStore       *self,
                                           GAsyncResult         *result,
                                           gpointer              tag,
                                           GError              **error);
gint64    _chronicle_store_finish_int     (ChronicleStore       *self,
                                           GAsyncResult         *result,
                                           gpointer              tag,
                                           GError              **error);
void      _chronicle_store_run_read       (ChronicleStore       *self,
                                           gpointer              tag,
                                           StoreJobFunc          func,
                                           StoreJobMainFunc      main_func,
                                           ReadData             *data,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
void      _chronicle_store_run_facet_read (ChronicleStore       *self,
                                           gpointer              tag,
                                           StoreJobFunc          func,
                                           ReadData             *data,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
GArray   *_chronicle_ids_array            (const gint64         *ids,
                                           guint                 n_ids);
gint64   *_chronicle_int_result           (gint64                value);
void      _chronicle_job_set_true         (StoreJob             *job);
gboolean  _chronicle_store_flush_group     (ChronicleStore       *store,
                                           ChronicleDb          *db,
                                           GError              **error);
void      _chronicle_store_clear_group     (ChronicleStore       *store);
gboolean  _chronicle_store_fail           (ChronicleStore       *store,
                                           ChronicleDb          *db,
                                           GError              **error);
gboolean  _chronicle_store_remove_orphans (ChronicleDb          *db,
                                           GError              **error);

/* Timeline result for the article list: new ids and the edit from old_ids. */
typedef struct {
  GArray *ids;
  GArray *hunks;
} TimelineDiff;

/* Test and benchmark hooks. */
void      _chronicle_store_set_max_page_count_async (ChronicleStore      *self,
                                                     gint64               max_page_count,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean  _chronicle_store_set_max_page_count_finish (ChronicleStore     *self,
                                                      GAsyncResult       *result,
                                                      GError            **error);
void      _chronicle_store_timeline_diff_async (ChronicleStore      *self,
                                                ChronicleQuery      *query,
                                                GArray              *old_ids,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
TimelineDiff *_chronicle_store_timeline_diff_finish (ChronicleStore  *self,
                                                     GAsyncResult    *result,
                                                     GError         **error);
void      _timeline_diff_free (TimelineDiff *diff);
guint     _chronicle_store_identity_map_size (ChronicleStore *self);
void      _chronicle_store_set_use_facet_index (ChronicleStore *self,
                                                gboolean        use);
void      _chronicle_store_get_facet_index_stats (ChronicleStore *self,
                                                  gint64         *build_usec,
                                                  gsize          *bytes,
                                                  guint          *n_builds);

G_END_DECLS
