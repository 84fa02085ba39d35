/* chronicle-store-types.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "chronicle-entity.h"

G_BEGIN_DECLS

/**
 * ChronicleStoreChange:
 * @CHRONICLE_STORE_CHANGE_NONE: nothing
 * @CHRONICLE_STORE_CHANGE_SOURCES: sources were added, changed or removed
 * @CHRONICLE_STORE_CHANGE_ARTICLES_ADDED: new articles (their ids are given)
 * @CHRONICLE_STORE_CHANGE_ARTICLES_UPDATED: stored articles got new content (ids given)
 * @CHRONICLE_STORE_CHANGE_ARTICLES_REMOVED: articles were removed (retention, a removed
 *   source); ids are not given
 * @CHRONICLE_STORE_CHANGE_ARTICLE_STATE: read or starred changed (ids given; the
 *   #ChronicleArticle objects have already been updated)
 * @CHRONICLE_STORE_CHANGE_ENTITIES: entities or their counts changed
 *
 * What a #ChronicleStore::changed emission is about.
 */
typedef enum /*< flags >*/ {
  CHRONICLE_STORE_CHANGE_NONE = 0,
  CHRONICLE_STORE_CHANGE_SOURCES = 1 << 0,
  CHRONICLE_STORE_CHANGE_ARTICLES_ADDED = 1 << 1,
  CHRONICLE_STORE_CHANGE_ARTICLES_UPDATED = 1 << 2,
  CHRONICLE_STORE_CHANGE_ARTICLES_REMOVED = 1 << 3,
  CHRONICLE_STORE_CHANGE_ARTICLE_STATE = 1 << 4,
  CHRONICLE_STORE_CHANGE_ENTITIES = 1 << 5,
} ChronicleStoreChange;

/**
 * ChronicleUpsertStats:
 * @inserted: new articles
 * @updated: stored articles whose content changed (updated in place, mentions replaced)
 * @unchanged: articles already stored with the same content
 * @duplicates: articles whose normalised URL is already stored from another source
 *   (the stored one is kept)
 *
 * What chronicle_store_upsert_articles_finish() did with a batch.
 */
typedef struct {
  guint inserted;
  guint updated;
  guint unchanged;
  guint duplicates;
} ChronicleUpsertStats;

/**
 * ChronicleHistogramBin:
 * @start: the first second of the bucket (Unix time, UTC)
 * @count: how many articles were published in it
 *
 * One bar of a histogram. chronicle_store_histogram_finish() returns only non-empty
 * buckets, in time order.
 */
typedef struct {
  gint64 start;
  guint count;
} ChronicleHistogramBin;

/**
 * ChronicleSourceCount:
 * @source_id: a source
 * @count: its articles under a query (see chronicle_store_source_counts_async())
 */
typedef struct {
  gint64 source_id;
  guint count;
} ChronicleSourceCount;

/**
 * ChronicleEntityDetail:
 * @entity: the entity, with its aliases and its article count
 * @histogram: (element-type ChronicleHistogramBin): articles mentioning it per bucket
 * @related: (element-type ChronicleEntity): the entities most often named in the same
 *   articles: up to top_n of each kind, ordered by kind then most frequent first; their
 *   #ChronicleEntity:mention-count is the number of shared articles (counted over the
 *   entity's 3,000 most recent articles)
 * @followed: whether the user follows the entity
 * @first_mention: publication time of the oldest article naming it (0 if none)
 * @last_mention: publication time of the newest article naming it (0 if none)
 * @merged: (element-type ChronicleEntity): the entities merged into this one (each can
 *   be split back out with chronicle_store_unmerge_entity_async()); their
 *   #ChronicleEntity:mention-count is the number of articles that came with them
 *
 * What chronicle_store_entity_detail_finish() returns.
 */
typedef struct {
  ChronicleEntity *entity;
  GArray *histogram;
  GPtrArray *related;
  gboolean followed;
  gint64 first_mention;
  gint64 last_mention;
  GPtrArray *merged;
} ChronicleEntityDetail;

#define CHRONICLE_TYPE_ENTITY_DETAIL (chronicle_entity_detail_get_type ())

GType chronicle_entity_detail_get_type (void) G_GNUC_CONST;
void  chronicle_entity_detail_free     (ChronicleEntityDetail *detail);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronicleEntityDetail, chronicle_entity_detail_free)

/**
 * CHRONICLE_SNIPPET_START:
 *
 * Marks where a match starts in a #ChronicleSearchHit snippet (U+0002). Snippets are
 * plain text; chronicle_search_hit_dup_markup() turns them into Pango markup.
 */
#define CHRONICLE_SNIPPET_START "\002"

/**
 * CHRONICLE_SNIPPET_END:
 *
 * Marks where a match ends in a #ChronicleSearchHit snippet (U+0003).
 */
#define CHRONICLE_SNIPPET_END "\003"

/**
 * ChronicleSearchHit:
 * @article_id: the matching article
 * @title: the title with matches marked
 * @snippet: a short passage of the summary or body with matches marked
 * @rank: the rank (BM25 without IDF, title weighted most; smaller is better)
 *
 * One full-text search result.
 */
typedef struct {
  gint64 article_id;
  char *title;
  char *snippet;
  double rank;
} ChronicleSearchHit;

#define CHRONICLE_TYPE_SEARCH_HIT (chronicle_search_hit_get_type ())

GType               chronicle_search_hit_get_type    (void) G_GNUC_CONST;
ChronicleSearchHit *chronicle_search_hit_copy        (const ChronicleSearchHit *hit);
void                chronicle_search_hit_free        (ChronicleSearchHit       *hit);
char               *chronicle_search_hit_dup_markup  (const char               *marked);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronicleSearchHit, chronicle_search_hit_free)

G_END_DECLS
