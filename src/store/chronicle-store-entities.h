/* chronicle-store-entities.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-store.h"

G_BEGIN_DECLS

/* Entity browser, sidebar facets, corrections and Follow (issue 7). */

/**
 * ChronicleEntitySort:
 * @CHRONICLE_ENTITY_SORT_MENTIONS: most articles first (ties by name)
 * @CHRONICLE_ENTITY_SORT_NAME: by name, case- and accent-insensitive
 * @CHRONICLE_ENTITY_SORT_RECENT: most recent mention first (ties by mentions)
 *
 * The order of chronicle_store_list_entities_async().
 */
typedef enum {
  CHRONICLE_ENTITY_SORT_MENTIONS,
  CHRONICLE_ENTITY_SORT_NAME,
  CHRONICLE_ENTITY_SORT_RECENT,
} ChronicleEntitySort;

/**
 * ChronicleEntitySummary:
 * @entity: the entity (id, kind, name, country code; #ChronicleEntity:mention-count is
 *   its number of articles). Aliases are not filled in.
 * @last_mention: publication time of the newest article naming it (Unix time, UTC;
 *   0 if unknown)
 * @followed: whether the user follows it
 * @series: (element-type guint): articles naming it per calendar month (UTC), oldest
 *   first, one value per month of the list's series (see #ChronicleEntityList)
 *
 * One row of the entity browser.
 */
typedef struct {
  ChronicleEntity *entity;
  gint64 last_mention;
  gboolean followed;
  GArray *series;
} ChronicleEntitySummary;

/**
 * ChronicleEntityList:
 * @rows: (element-type ChronicleEntitySummary): the page of rows
 * @total: how many entities match the kind and search (for paging)
 * @series_start: the first second of the first month of every row's series
 * @n_months: the number of values in every row's series
 *
 * What chronicle_store_list_entities_finish() returns. The sparkline series are
 * counted only for the rows of the page, from the (entity, published) index, over the
 * @n_months calendar months ending with the month that contains the newest article.
 */
typedef struct {
  GPtrArray *rows;
  guint total;
  gint64 series_start;
  guint n_months;
} ChronicleEntityList;

#define CHRONICLE_TYPE_ENTITY_LIST (chronicle_entity_list_get_type ())

GType chronicle_entity_list_get_type (void) G_GNUC_CONST;
void  chronicle_entity_list_free     (ChronicleEntityList *list);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronicleEntityList, chronicle_entity_list_free)

/**
 * ChronicleFollowedNews:
 * @article_ids: (element-type gint64): articles newer than the mark that name a followed
 *   entity, newest article id first (at most the limit asked for)
 * @n_articles: how many such articles there are in all
 * @entities: (element-type ChronicleEntity): the followed entities named by them, most
 *   new articles first; #ChronicleEntity:mention-count is the number of new articles
 * @last_article_id: the largest article id stored now: pass it as the mark next time,
 *   or to chronicle_store_mark_followed_news_async()
 *
 * What chronicle_store_followed_news_finish() returns.
 */
typedef struct {
  GArray *article_ids;
  guint n_articles;
  GPtrArray *entities;
  gint64 last_article_id;
} ChronicleFollowedNews;

#define CHRONICLE_TYPE_FOLLOWED_NEWS (chronicle_followed_news_get_type ())

GType chronicle_followed_news_get_type (void) G_GNUC_CONST;
void  chronicle_followed_news_free     (ChronicleFollowedNews *news);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronicleFollowedNews, chronicle_followed_news_free)

/**
 * CHRONICLE_FOLLOWED_NEWS_SINCE_MARK:
 *
 * The `since_article_id` of chronicle_store_followed_news_async() that means
 * "since each followed entity's stored mark" (persisted across restarts).
 */
#define CHRONICLE_FOLLOWED_NEWS_SINCE_MARK ((gint64) -1)

/* Reads */
void                  chronicle_store_list_entities_async   (ChronicleStore       *self,
                                                             ChronicleEntityKind   kind,
                                                             ChronicleEntitySort   sort,
                                                             const char           *search,
                                                             guint                 offset,
                                                             guint                 limit,
                                                             guint                 n_months,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
ChronicleEntityList  *chronicle_store_list_entities_finish  (ChronicleStore       *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);
void                  chronicle_store_facet_entities_async  (ChronicleStore       *self,
                                                             ChronicleQuery       *query,
                                                             ChronicleEntityKind   kind,
                                                             const char           *search,
                                                             guint                 limit,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
GPtrArray            *chronicle_store_facet_entities_finish (ChronicleStore       *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);
void                  chronicle_store_get_entity_async      (ChronicleStore       *self,
                                                             gint64                entity_id,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
ChronicleEntity      *chronicle_store_get_entity_finish     (ChronicleStore       *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);
void                  chronicle_store_list_followed_async   (ChronicleStore       *self,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
GPtrArray            *chronicle_store_list_followed_finish  (ChronicleStore       *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);
void                  chronicle_store_followed_news_async   (ChronicleStore       *self,
                                                             gint64                since_article_id,
                                                             guint                 limit,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
ChronicleFollowedNews *chronicle_store_followed_news_finish (ChronicleStore       *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);
void                  chronicle_store_list_stopped_async    (ChronicleStore       *self,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
GPtrArray            *chronicle_store_list_stopped_finish   (ChronicleStore       *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);

/* Corrections and Follow (writes) */
void                  chronicle_store_rename_entity_async   (ChronicleStore       *self,
                                                             gint64                entity_id,
                                                             const char           *name,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
gboolean              chronicle_store_rename_entity_finish  (ChronicleStore       *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);
void                  chronicle_store_merge_entities_async  (ChronicleStore       *self,
                                                             gint64                from_id,
                                                             gint64                into_id,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
gboolean              chronicle_store_merge_entities_finish (ChronicleStore       *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);
void                  chronicle_store_unmerge_entity_async  (ChronicleStore       *self,
                                                             gint64                merged_id,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
gboolean              chronicle_store_unmerge_entity_finish (ChronicleStore       *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);
void                  chronicle_store_stop_entity_async     (ChronicleStore       *self,
                                                             ChronicleEntityKind   kind,
                                                             const char           *name,
                                                             gboolean              stopped,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
gboolean              chronicle_store_stop_entity_finish    (ChronicleStore       *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);
void                  chronicle_store_set_followed_async    (ChronicleStore       *self,
                                                             gint64                entity_id,
                                                             gboolean              followed,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
gboolean              chronicle_store_set_followed_finish   (ChronicleStore       *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);
void                  chronicle_store_mark_followed_news_async  (ChronicleStore       *self,
                                                                 gint64                up_to_article_id,
                                                                 GCancellable         *cancellable,
                                                                 GAsyncReadyCallback   callback,
                                                                 gpointer              user_data);
gboolean              chronicle_store_mark_followed_news_finish (ChronicleStore       *self,
                                                                 GAsyncResult         *result,
                                                                 GError              **error);

G_END_DECLS
