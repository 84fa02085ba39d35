/* chronicle-test-sync-fixture.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-sync-service.h"
#include "chronicle-test-server.h"

G_BEGIN_DECLS

/* The fixture of the sync pipeline tests: a loopback server, a fresh store in a
 * temporary folder and a sync service on it. */
typedef struct {
  ChronicleTestServer  *server;
  char                 *dir;
  ChronicleStore       *store;
  ChronicleSyncService *service;
} ChronicleTestSyncFixture;

void chronicle_test_sync_fixture_set_up    (ChronicleTestSyncFixture *fixture,
                                            guint                     http_timeout);
void chronicle_test_sync_fixture_tear_down (ChronicleTestSyncFixture *fixture);

G_END_DECLS
