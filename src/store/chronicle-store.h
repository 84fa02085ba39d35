/* chronicle-store.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chronicle-article.h"
#include "chronicle-entity.h"
#include "chronicle-event.h"
#include "chronicle-query.h"
#include "chronicle-source.h"
#include "chronicle-store-types.h"
#include "chronicle-time-mention.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_STORE (chronicle_store_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleStore, chronicle_store, CHRONICLE, STORE, GObject)

/* Opening */
void                 chronicle_store_open_async            (const char                 *path,
                                                            GCancellable               *cancellable,
                                                            GAsyncReadyCallback         callback,
                                                            gpointer                    user_data);
ChronicleStore      *chronicle_store_open_finish           (GAsyncResult               *result,
                                                            GError                    **error);
ChronicleStore      *chronicle_store_open_sync             (const char                 *path,
                                                            GCancellable               *cancellable,
                                                            GError                    **error);
const char          *chronicle_store_get_path              (ChronicleStore             *self);
const GError        *chronicle_store_get_recovery_error    (ChronicleStore             *self);
ChronicleArticle    *chronicle_store_dup_article           (ChronicleStore             *self,
                                                            gint64                      id);

/* Sources */
void                 chronicle_store_add_source_async      (ChronicleStore             *self,
                                                            ChronicleSource            *source,
                                                            GCancellable               *cancellable,
                                                            GAsyncReadyCallback         callback,
                                                            gpointer                    user_data);
gint64               chronicle_store_add_source_finish     (ChronicleStore             *self,
                                                            GAsyncResult               *result,
                                                            GError                    **error);
void                 chronicle_store_update_source_async   (ChronicleStore             *self,
                                                            ChronicleSource            *source,
                                                            GCancellable               *cancellable,
                                                            GAsyncReadyCallback         callback,
                                                            gpointer                    user_data);
gboolean             chronicle_store_update_source_finish  (ChronicleStore             *self,
                                                            GAsyncResult               *result,
                                                            GError                    **error);
void                 chronicle_store_remove_source_async   (ChronicleStore             *self,
                                                            gint64                      source_id,
                                                            GCancellable               *cancellable,
                                                            GAsyncReadyCallback         callback,
                                                            gpointer                    user_data);
gboolean             chronicle_store_remove_source_finish  (ChronicleStore             *self,
                                                            GAsyncResult               *result,
                                                            GError                    **error);
void                 chronicle_store_list_sources_async    (ChronicleStore             *self,
                                                            GCancellable               *cancellable,
                                                            GAsyncReadyCallback         callback,
                                                            gpointer                    user_data);
GPtrArray           *chronicle_store_list_sources_finish   (ChronicleStore             *self,
                                                            GAsyncResult               *result,
                                                            GError                    **error);

/* Article writes */
void                 chronicle_store_upsert_articles_async (ChronicleStore             *self,
                                                            GPtrArray                  *articles,
                                                            GPtrArray                  *events,
                                                            GCancellable               *cancellable,
                                                            GAsyncReadyCallback         callback,
                                                            gpointer                    user_data);
GArray              *chronicle_store_upsert_articles_finish (ChronicleStore            *self,
                                                             GAsyncResult              *result,
                                                             ChronicleUpsertStats      *stats,
                                                             GError                   **error);
void                 chronicle_store_set_read_async        (ChronicleStore             *self,
                                                            const gint64               *ids,
                                                            guint                       n_ids,
                                                            gboolean                    read,
                                                            GCancellable               *cancellable,
                                                            GAsyncReadyCallback         callback,
                                                            gpointer                    user_data);
gboolean             chronicle_store_set_read_finish       (ChronicleStore             *self,
                                                            GAsyncResult               *result,
                                                            GError                    **error);
void                 chronicle_store_set_starred_async     (ChronicleStore             *self,
                                                            const gint64               *ids,
                                                            guint                       n_ids,
                                                            gboolean                    starred,
                                                            GCancellable               *cancellable,
                                                            GAsyncReadyCallback         callback,
                                                            gpointer                    user_data);
gboolean             chronicle_store_set_starred_finish    (ChronicleStore             *self,
                                                            GAsyncResult               *result,
                                                            GError                    **error);
void                 chronicle_store_apply_retention_async (ChronicleStore             *self,
                                                            guint                       keep_days,
                                                            gint64                      now,
                                                            GCancellable               *cancellable,
                                                            GAsyncReadyCallback         callback,
                                                            gpointer                    user_data);
gint64               chronicle_store_apply_retention_finish (ChronicleStore            *self,
                                                             GAsyncResult              *result,
                                                             GError                   **error);
void                 chronicle_store_vacuum_async          (ChronicleStore             *self,
                                                            GCancellable               *cancellable,
                                                            GAsyncReadyCallback         callback,
                                                            gpointer                    user_data);
gboolean             chronicle_store_vacuum_finish         (ChronicleStore             *self,
                                                            GAsyncResult               *result,
                                                            GError                    **error);

/* Before extraction (sync) */
void                 chronicle_store_find_stored_async     (ChronicleStore             *self,
                                                            GPtrArray                  *articles,
                                                            GCancellable               *cancellable,
                                                            GAsyncReadyCallback         callback,
                                                            gpointer                    user_data);
GArray              *chronicle_store_find_stored_finish    (ChronicleStore             *self,
                                                            GAsyncResult               *result,
                                                            GError                    **error);
void                 chronicle_store_recent_events_async   (ChronicleStore             *self,
                                                            guint                       limit,
                                                            GCancellable               *cancellable,
                                                            GAsyncReadyCallback         callback,
                                                            gpointer                    user_data);
GPtrArray           *chronicle_store_recent_events_finish  (ChronicleStore             *self,
                                                            GAsyncResult               *result,
                                                            GError                    **error);
void                 chronicle_store_entity_names_async    (ChronicleStore             *self,
                                                            ChronicleEntityKind         kind,
                                                            guint                       limit,
                                                            GCancellable               *cancellable,
                                                            GAsyncReadyCallback         callback,
                                                            gpointer                    user_data);
char               **chronicle_store_entity_names_finish   (ChronicleStore             *self,
                                                            GAsyncResult               *result,
                                                            GError                    **error);

/* Reads */
void                 chronicle_store_timeline_async        (ChronicleStore             *self,
                                                            ChronicleQuery             *query,
                                                            guint                       limit,
                                                            GCancellable               *cancellable,
                                                            GAsyncReadyCallback         callback,
                                                            gpointer                    user_data);
GArray              *chronicle_store_timeline_finish       (ChronicleStore             *self,
                                                            GAsyncResult               *result,
                                                            GError                    **error);
void                 chronicle_store_get_articles_async    (ChronicleStore             *self,
                                                            const gint64               *ids,
                                                            guint                       n_ids,
                                                            GCancellable               *cancellable,
                                                            GAsyncReadyCallback         callback,
                                                            gpointer                    user_data);
GPtrArray           *chronicle_store_get_articles_finish   (ChronicleStore             *self,
                                                            GAsyncResult               *result,
                                                            GError                    **error);
void                 chronicle_store_get_article_async     (ChronicleStore             *self,
                                                            gint64                      id,
                                                            GCancellable               *cancellable,
                                                            GAsyncReadyCallback         callback,
                                                            gpointer                    user_data);
ChronicleArticle    *chronicle_store_get_article_finish    (ChronicleStore             *self,
                                                            GAsyncResult               *result,
                                                            GError                    **error);
void                 chronicle_store_facet_counts_async    (ChronicleStore             *self,
                                                            ChronicleQuery             *query,
                                                            guint                       top_n,
                                                            GCancellable               *cancellable,
                                                            GAsyncReadyCallback         callback,
                                                            gpointer                    user_data);
GPtrArray           *chronicle_store_facet_counts_finish   (ChronicleStore             *self,
                                                            GAsyncResult               *result,
                                                            GError                    **error);
void                 chronicle_store_source_counts_async   (ChronicleStore             *self,
                                                            ChronicleQuery             *query,
                                                            GCancellable               *cancellable,
                                                            GAsyncReadyCallback         callback,
                                                            gpointer                    user_data);
GArray              *chronicle_store_source_counts_finish  (ChronicleStore             *self,
                                                            GAsyncResult               *result,
                                                            GError                    **error);
void                 chronicle_store_histogram_async       (ChronicleStore             *self,
                                                            ChronicleQuery             *query,
                                                            ChronicleGranularity        bucket,
                                                            GCancellable               *cancellable,
                                                            GAsyncReadyCallback         callback,
                                                            gpointer                    user_data);
GArray              *chronicle_store_histogram_finish      (ChronicleStore             *self,
                                                            GAsyncResult               *result,
                                                            GError                    **error);
void                 chronicle_store_lookup_entity_async   (ChronicleStore             *self,
                                                            ChronicleEntityKind         kind,
                                                            const char                 *name,
                                                            GCancellable               *cancellable,
                                                            GAsyncReadyCallback         callback,
                                                            gpointer                    user_data);
ChronicleEntity     *chronicle_store_lookup_entity_finish  (ChronicleStore             *self,
                                                            GAsyncResult               *result,
                                                            GError                    **error);
void                 chronicle_store_entity_detail_async   (ChronicleStore             *self,
                                                            gint64                      entity_id,
                                                            ChronicleGranularity        bucket,
                                                            guint                       top_n,
                                                            GCancellable               *cancellable,
                                                            GAsyncReadyCallback         callback,
                                                            gpointer                    user_data);
ChronicleEntityDetail *chronicle_store_entity_detail_finish (ChronicleStore            *self,
                                                             GAsyncResult              *result,
                                                             GError                   **error);
void                 chronicle_store_search_async          (ChronicleStore             *self,
                                                            ChronicleQuery             *query,
                                                            guint                       limit,
                                                            GCancellable               *cancellable,
                                                            GAsyncReadyCallback         callback,
                                                            gpointer                    user_data);
GPtrArray           *chronicle_store_search_finish         (ChronicleStore             *self,
                                                            GAsyncResult               *result,
                                                            GError                    **error);
void                 chronicle_store_time_mentions_async   (ChronicleStore             *self,
                                                            gint64                      from,
                                                            gint64                      to,
                                                            guint                       limit,
                                                            GCancellable               *cancellable,
                                                            GAsyncReadyCallback         callback,
                                                            gpointer                    user_data);
GPtrArray           *chronicle_store_time_mentions_finish  (ChronicleStore             *self,
                                                            GAsyncResult               *result,
                                                            GError                    **error);
void                 chronicle_store_events_for_article_async (ChronicleStore          *self,
                                                               gint64                   article_id,
                                                               GCancellable            *cancellable,
                                                               GAsyncReadyCallback      callback,
                                                               gpointer                 user_data);
GPtrArray           *chronicle_store_events_for_article_finish (ChronicleStore         *self,
                                                                GAsyncResult           *result,
                                                                GError                **error);
void                 chronicle_store_set_write_cache_size  (ChronicleStore             *self,
                                                            guint                       kib);

G_END_DECLS

#include "chronicle-store-entities.h"
