/* chronicle-cli-private.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chronicle-cli.h"
#include "chronicle-store.h"
#include "chronicle-sync-service.h"

G_BEGIN_DECLS

int _chronicle_cli_parse   (ChronicleCli  *cli,
                            int            argc,
                            char         **argv);
int _chronicle_cli_sources (ChronicleCli  *cli,
                            int            argc,
                            char         **argv);
int _chronicle_cli_sync    (ChronicleCli  *cli,
                            int            argc,
                            char         **argv);
int _chronicle_cli_import  (ChronicleCli  *cli,
                            int            argc,
                            char         **argv);
int _chronicle_cli_entities (ChronicleCli *cli,
                             int           argc,
                             char        **argv);

/* chronicle-cli-wait.c */
GAsyncReadyCallback _chronicle_cli_wait_callback (void);
void                _chronicle_cli_wait          (GAsyncResult    **result);
ChronicleStore     *_chronicle_cli_open_store    (ChronicleCli     *cli);
GPtrArray          *_chronicle_cli_list_sources  (ChronicleStore   *store,
                                                  GError          **error);
gint64              _chronicle_cli_add_source    (ChronicleStore   *store,
                                                  ChronicleSource  *source,
                                                  GError          **error);

/* chronicle-cli-sync.c */
int                 _chronicle_cli_run_sync      (ChronicleStore   *store,
                                                  gint64            source_id,
                                                  guint             timeout,
                                                  gboolean          quiet_success);
int                 _chronicle_cli_run_sync_with (ChronicleSyncService *service,
                                                  gint64                source_id,
                                                  guint                 timeout,
                                                  gboolean              quiet_success);

/* chronicle-cli-sources.c */
int                 _chronicle_cli_import_opml   (ChronicleStore   *store,
                                                  const char       *path);

G_END_DECLS
