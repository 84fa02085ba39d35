/* chronicle-test-sync-fixture.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chronicle-test-sync-fixture.h"
#include "chronicle-test-utils.h"

/**
 * chronicle_test_sync_fixture_set_up:
 * @fixture: the fixture to fill
 * @http_timeout: the HTTP timeout of the service, in seconds (short: the failure
 *   matrix has answers that never come)
 */
void
chronicle_test_sync_fixture_set_up (ChronicleTestSyncFixture *fixture,
                                    guint                     http_timeout)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->server = chronicle_test_server_new ();
  fixture->dir = chronicle_test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "chronicle.db", NULL);
  fixture->store = chronicle_store_open_sync (path, NULL, &error);
  g_assert_no_error (error);
  fixture->service = chronicle_sync_service_new (fixture->store);
  chronicle_http_set_timeout (chronicle_sync_service_get_http (fixture->service), http_timeout);
}

void
chronicle_test_sync_fixture_tear_down (ChronicleTestSyncFixture *fixture)
{
  g_clear_object (&fixture->service);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->server, chronicle_test_server_free);
  chronicle_test_rm_rf (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}
