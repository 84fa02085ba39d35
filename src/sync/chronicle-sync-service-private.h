/* chronicle-sync-service-private.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-sync-extract.h"
#include "chronicle-sync-service.h"

G_BEGIN_DECLS

/* Shared by chronicle-sync-service.c (runs) and chronicle-sync-job.c (one source's
 * fetch → parse → store). */

#define MAX_PARALLEL 8

struct _ChronicleSyncService
{
  GObject                  parent_instance;

  ChronicleStore          *store;
  ChronicleHttp           *http;
  GSettings               *settings;
  guint                    interval;
  guint                    timer_id;
  ChronicleSyncProcessFunc process;
  gpointer                 process_data;
  GDestroyNotify           process_destroy;
  ChronicleSyncExtractor  *extractor;
  gboolean                 extract;
  GHashTable              *status;   /* gint64 * → ChronicleSyncResult * */
  struct _Run             *run;
  gboolean                 missed_offline;
  gulong                   network_handler;
  char                    *guardian_key;
  gboolean                 use_keyring;
  GNetworkMonitor         *network_monitor;
};

typedef struct _Run Run;

struct _Run {
  ChronicleSyncService *self;
  GPtrArray            *waiters;   /* GTask * */
  GQueue                queue;     /* ChronicleSource * (owned) */
  guint                 in_flight;
  guint                 done;
  guint                 total;
  GPtrArray            *results;
  GCancellable         *cancellable;
  gint64                only_source;
  gboolean              due_only;
  GError               *error;
};


/* chronicle-sync-guardian-key.c: the key a Guardian source is fetched with. */
typedef struct {
  char *url;       /* the address to fetch and to keep: without a key once it is in the keyring */
  char *key;       /* the key for this request; NULL for the public test key */
  char *warning;   /* a sentence, or NULL */
} ChronicleGuardianKey;

void                  _chronicle_guardian_key_free        (ChronicleGuardianKey  *key);
void                  _chronicle_sync_guardian_key_async  (ChronicleSyncService  *self,
                                                           const char            *url,
                                                           GCancellable          *cancellable,
                                                           GAsyncReadyCallback    callback,
                                                           gpointer               user_data);
ChronicleGuardianKey *_chronicle_sync_guardian_key_finish (ChronicleSyncService  *self,
                                                           GAsyncResult          *result,
                                                           GError               **error);

void _chronicle_sync_job_start      (Run                 *run,
                                     ChronicleSource     *source);
void _chronicle_sync_run_source_done (Run                 *run,
                                      ChronicleSyncResult *result,
                                      gboolean             offline);

G_END_DECLS
