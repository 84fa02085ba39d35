/* test-sync-settings.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * What the Preferences change in the sync layer: automatic syncs wait on a
 * metered network unless allowed (sync-on-metered), and Guardian sources are
 * fetched with the keyring's key, which is never written into the address.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chronicle-sync-service.h"
#include "chronicle-sync-source.h"
#include "chronicle-test-utils.h"

/* A network monitor whose "metered" the test decides. */
#define FAKE_TYPE_MONITOR (fake_monitor_get_type ())
G_DECLARE_FINAL_TYPE (FakeMonitor, fake_monitor, FAKE, MONITOR, GObject)

struct _FakeMonitor
{
  GObject  parent_instance;
  gboolean metered;
};

enum { PROP_0, PROP_AVAILABLE, PROP_METERED, PROP_CONNECTIVITY };

static void fake_monitor_iface_init (GNetworkMonitorInterface *iface);
static void fake_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FakeMonitor, fake_monitor, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, fake_initable_iface_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR,
                                                      fake_monitor_iface_init))

static gboolean
fake_initable_init (GInitable     *initable,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return TRUE;
}

static void
fake_initable_iface_init (GInitableIface *iface)
{
  iface->init = fake_initable_init;
}

static void
fake_monitor_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FakeMonitor *self = FAKE_MONITOR (object);

  switch (prop_id)
    {
    case PROP_AVAILABLE:
      g_value_set_boolean (value, TRUE);
      break;
    case PROP_METERED:
      g_value_set_boolean (value, self->metered);
      break;
    case PROP_CONNECTIVITY:
      g_value_set_enum (value, G_NETWORK_CONNECTIVITY_FULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fake_monitor_iface_init (GNetworkMonitorInterface *iface)
{
}

static void
fake_monitor_class_init (FakeMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = fake_monitor_get_property;
  g_object_class_override_property (object_class, PROP_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, PROP_METERED, "network-metered");
  g_object_class_override_property (object_class, PROP_CONNECTIVITY, "connectivity");
}

static void
fake_monitor_init (FakeMonitor *self)
{
}

static void
test_metered (void)
{
  g_autofree char *dir = chronicle_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleStore) store = chronicle_store_open_sync (path, NULL, &error);
  g_autoptr(ChronicleSyncService) sync = NULL;
  g_autoptr(FakeMonitor) monitor = g_object_new (FAKE_TYPE_MONITOR, NULL);
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);

  g_assert_no_error (error);
  sync = chronicle_sync_service_new (store);
  chronicle_sync_service_set_network_monitor (sync, G_NETWORK_MONITOR (monitor));

  /* Without settings, nothing holds automatic syncs back. */
  monitor->metered = TRUE;
  g_assert_true (chronicle_sync_service_get_automatic_allowed (sync));

  g_assert_true (chronicle_sync_service_bind_settings (sync));
  g_assert_false (g_settings_get_boolean (settings, "sync-on-metered"));
  monitor->metered = FALSE;
  g_assert_true (chronicle_sync_service_get_automatic_allowed (sync));
  monitor->metered = TRUE;
  g_assert_false (chronicle_sync_service_get_automatic_allowed (sync));
  /* A start-up sync is automatic too: held back on the metered network... */
  g_assert_false (chronicle_sync_service_sync_automatic (sync));
  g_assert_false (chronicle_sync_service_get_running (sync));
  g_settings_set_boolean (settings, "sync-on-metered", TRUE);
  g_assert_true (chronicle_sync_service_get_automatic_allowed (sync));
  g_settings_reset (settings, "sync-on-metered");
  /* ...and run on an unmetered one. */
  monitor->metered = FALSE;
  g_assert_true (chronicle_sync_service_sync_automatic (sync));
  g_assert_true (chronicle_sync_service_get_running (sync));
  while (chronicle_sync_service_get_running (sync))
    g_main_context_iteration (NULL, TRUE);

  g_clear_object (&sync);
  g_clear_object (&store);
  chronicle_test_rm_rf (dir);
}

static void
test_guardian_key (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sync", "guardian-keys.txt",
                                                 NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint checked = 0;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      g_autofree char *url = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      f = g_strsplit (lines[i], "\t", 3);
      g_assert_cmpuint (g_strv_length (f), ==, 3);
      url = chronicle_guardian_url_with_key (f[0], *f[1] != '\0' ? f[1] : NULL);
      g_assert_cmpstr (url, ==, f[2]);
      checked++;
    }
  g_assert_cmpuint (checked, >=, 4);
}

/* Moving a key out of a stored address: tests/data/sync/guardian-take-key.txt. */
static void
test_guardian_take_key (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sync",
                                                 "guardian-take-key.txt", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint checked = 0;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      g_autofree char *url = NULL;
      g_autofree char *key = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      f = g_strsplit (lines[i], "\t", 3);
      g_assert_cmpuint (g_strv_length (f), ==, 3);
      url = chronicle_guardian_url_take_key (f[0], &key);
      g_assert_cmpstr (url, ==, f[1]);
      g_assert_cmpstr (key, ==, *f[2] != '\0' ? f[2] : NULL);
      checked++;
    }
  g_assert_cmpuint (checked, >=, 4);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/settings/metered", test_metered);
  g_test_add_func ("/sync/settings/guardian-key", test_guardian_key);
  g_test_add_func ("/sync/settings/guardian-take-key", test_guardian_take_key);

  return g_test_run ();
}
