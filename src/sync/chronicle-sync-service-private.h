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


void _chronicle_sync_job_start      (Run                 *run,
                                     ChronicleSource     *source);
void _chronicle_sync_run_source_done (Run                 *run,
                                      ChronicleSyncResult *result,
                                      gboolean             offline);

G_END_DECLS
