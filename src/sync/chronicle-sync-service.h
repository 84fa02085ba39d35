/* chronicle-sync-service.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chronicle-http.h"
#include "chronicle-store.h"

G_BEGIN_DECLS

/**
 * ChronicleSyncResult:
 * @source_id: the source
 * @title: (nullable): its title
 * @url: its address (after a permanent redirect or feed discovery: the new one)
 * @ok: whether the sync of this source worked
 * @error: (nullable): why it failed, a sentence
 * @not_modified: the server answered 304: nothing to do
 * @added: new articles
 * @updated: articles that changed
 * @unchanged: articles that were already stored as they are
 * @duplicates: articles another source already had
 * @finished: when it finished (Unix time)
 * @warning: (nullable): what had to be repaired in what the source sent (invalid UTF-8,
 *   a broken document, unreadable dates), one sentence a line; the sync still worked
 *
 * The outcome of one source in one sync run: its status for the UI and the CLI.
 */
typedef struct {
  gint64    source_id;
  char     *title;
  char     *url;
  gboolean  ok;
  char     *error;
  gboolean  not_modified;
  guint     added;
  guint     updated;
  guint     unchanged;
  guint     duplicates;
  gint64    finished;
  char     *warning;
} ChronicleSyncResult;

#define CHRONICLE_TYPE_SYNC_RESULT (chronicle_sync_result_get_type ())
GType                chronicle_sync_result_get_type (void) G_GNUC_CONST;
ChronicleSyncResult *chronicle_sync_result_copy     (const ChronicleSyncResult *result);
void                 chronicle_sync_result_free     (ChronicleSyncResult       *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronicleSyncResult, chronicle_sync_result_free)

/**
 * ChronicleSyncProcessFunc:
 * @article: an article about to be stored
 * @events: (element-type ChronicleEvent): where to add events the article belongs to
 * @user_data: the data given with the function
 *
 * An extra "process article" step: runs on a worker thread for each new or changed
 * article (those the store does not hold as they are), after the built-in extraction
 * has added its mentions, time mentions, inferred date and event keys, before the
 * batch is stored. Must be thread-safe.
 */
typedef void (*ChronicleSyncProcessFunc) (ChronicleArticle *article,
                                          GPtrArray        *events,
                                          gpointer          user_data);

#define CHRONICLE_TYPE_SYNC_SERVICE (chronicle_sync_service_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleSyncService, chronicle_sync_service, CHRONICLE, SYNC_SERVICE, GObject)

ChronicleSyncService *chronicle_sync_service_new              (ChronicleStore           *store);
ChronicleStore       *chronicle_sync_service_get_store        (ChronicleSyncService     *self);
ChronicleHttp        *chronicle_sync_service_get_http         (ChronicleSyncService     *self);
gboolean              chronicle_sync_service_get_running      (ChronicleSyncService     *self);
guint                 chronicle_sync_service_get_sources_done (ChronicleSyncService     *self);
guint                 chronicle_sync_service_get_sources_total (ChronicleSyncService    *self);
guint                 chronicle_sync_service_get_interval     (ChronicleSyncService     *self);
void                  chronicle_sync_service_set_interval     (ChronicleSyncService     *self,
                                                               guint                     seconds);
gboolean              chronicle_sync_service_bind_settings    (ChronicleSyncService     *self);
void                  chronicle_sync_service_set_process_func (ChronicleSyncService     *self,
                                                               ChronicleSyncProcessFunc  func,
                                                               gpointer                  user_data,
                                                               GDestroyNotify            destroy);
void                  chronicle_sync_service_set_extract      (ChronicleSyncService     *self,
                                                               gboolean                  extract);
guint                 chronicle_sync_service_get_n_extracted  (ChronicleSyncService     *self);
const ChronicleSyncResult *chronicle_sync_service_get_status  (ChronicleSyncService     *self,
                                                               gint64                    source_id);
void                  chronicle_sync_service_sync_async       (ChronicleSyncService     *self,
                                                               gint64                    source_id,
                                                               GCancellable             *cancellable,
                                                               GAsyncReadyCallback       callback,
                                                               gpointer                  user_data);
GPtrArray            *chronicle_sync_service_sync_finish      (ChronicleSyncService     *self,
                                                               GAsyncResult             *result,
                                                               GError                  **error);
void                  chronicle_sync_service_sync_now         (ChronicleSyncService     *self);
gboolean              chronicle_sync_service_sync_automatic   (ChronicleSyncService     *self);
void                  chronicle_sync_service_cancel           (ChronicleSyncService     *self);
void                  chronicle_sync_service_set_guardian_key (ChronicleSyncService     *self,
                                                               const char               *api_key);
void                  chronicle_sync_service_set_use_keyring  (ChronicleSyncService     *self,
                                                               gboolean                  use_keyring);
void                  chronicle_sync_service_set_network_monitor (ChronicleSyncService  *self,
                                                                  GNetworkMonitor       *monitor);
gboolean              chronicle_sync_service_get_automatic_allowed (ChronicleSyncService *self);

G_END_DECLS
