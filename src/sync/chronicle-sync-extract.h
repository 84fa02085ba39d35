/* chronicle-sync-extract.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chronicle-store.h"

G_BEGIN_DECLS

/* Sync's extraction step: the extraction layer's results turned into the model's
 * mentions, time mentions, inferred dates and events, with a name index and an event
 * grouper shared by every source the sync service syncs. Internal to src/sync. */

typedef struct _ChronicleSyncExtractor ChronicleSyncExtractor;

ChronicleSyncExtractor *_chronicle_sync_extractor_new          (void);
void                    _chronicle_sync_extractor_free         (ChronicleSyncExtractor *self);
void                    _chronicle_sync_extractor_seed_async   (ChronicleSyncExtractor *self,
                                                                ChronicleStore         *store,
                                                                GCancellable           *cancellable,
                                                                GAsyncReadyCallback     callback,
                                                                gpointer                user_data);
void                    _chronicle_sync_extractor_seed_finish  (ChronicleSyncExtractor *self,
                                                                GAsyncResult           *result);
gboolean                _chronicle_sync_extractor_get_seeded   (ChronicleSyncExtractor *self);
void                    _chronicle_sync_extractor_process      (ChronicleSyncExtractor *self,
                                                                GPtrArray              *articles,
                                                                GPtrArray              *events,
                                                                GCancellable           *cancellable);
guint                   _chronicle_sync_extractor_get_n_extracted (ChronicleSyncExtractor *self);

G_END_DECLS
