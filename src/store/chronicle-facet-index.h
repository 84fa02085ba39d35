/* chronicle-facet-index.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-query.h"
#include "chronicle-store-db.h"
#include "chronicle-store-types.h"

G_BEGIN_DECLS

/* The read side's in-memory facet index (see chronicle-facet-index.c). Private to the
 * store. */

typedef struct _ChronicleFacetIndex ChronicleFacetIndex;

/* What one scan counted; immutable and shared once returned. */
typedef struct {
  gatomicrefcount ref;
  /* Per entity id: articles matching the whole query that name it. */
  guint32 *entity_counts;
  /* Per entity id: its kind, 0xff when the id is not an entity. */
  guint8 *entity_kinds;
  guint n_entities;
  /* Per source id: articles matching the query without its source filter. */
  guint32 *source_counts;
  guint n_sources;
  /* Articles matching the whole query. */
  guint n_matching;
} ChronicleFacetCounts;

ChronicleFacetCounts *_chronicle_facet_counts_ref   (ChronicleFacetCounts *counts);
void                  _chronicle_facet_counts_unref (ChronicleFacetCounts *counts);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronicleFacetCounts, _chronicle_facet_counts_unref)

ChronicleFacetIndex  *_chronicle_facet_index_new        (void);
void                  _chronicle_facet_index_free       (ChronicleFacetIndex  *self);
void                  _chronicle_facet_index_note_write (ChronicleFacetIndex  *self,
                                                         ChronicleStoreChange  change,
                                                         GArray               *article_ids);
ChronicleFacetCounts *_chronicle_facet_index_count      (ChronicleFacetIndex  *self,
                                                         ChronicleDb          *db,
                                                         ChronicleQuery       *query,
                                                         GError              **error);
gboolean              _chronicle_facet_index_claim_warm_up (ChronicleFacetIndex *self);
gboolean              _chronicle_facet_index_warm_up    (ChronicleFacetIndex  *self,
                                                         ChronicleDb          *db,
                                                         GError              **error);
void                  _chronicle_facet_index_get_stats  (ChronicleFacetIndex  *self,
                                                         gint64               *build_usec,
                                                         gsize                *bytes,
                                                         guint                *n_builds);

G_END_DECLS
