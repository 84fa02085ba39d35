/* test-shell-integration.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real application, started as a D-Bus service in a private session (GTestDBus),
 * as GNOME Shell finds it: the installed search provider file names its bus name and
 * object path, the provider answers there, and the application actions that
 * notifications, the provider and the desktop file use exist with the right types.
 */

#include "config.h"

#include "chronicle-test-utils.h"

typedef struct
{
  GTestDBus       *bus;
  GDBusConnection *connection;
  GSubprocess     *app;
  char            *tmpdir;
} Fixture;

/* GTestDBus unsets DISPLAY; the application needs it. */
static char *display;

static const char *
app_path (void)
{
  const char *path = g_getenv ("CHRONICLE_APP");

  g_assert_nonnull (path);
  return path;
}

static GSubprocessLauncher *
new_launcher (Fixture *fixture)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autofree char *data = g_build_filename (fixture->tmpdir, "data", NULL);

  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  if (display != NULL)
    g_subprocess_launcher_setenv (launcher, "DISPLAY", display, TRUE);
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS",
                                g_test_dbus_get_bus_address (fixture->bus), TRUE);
  return launcher;
}

static gboolean
name_has_owner (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  reply = g_dbus_connection_call_sync (fixture->connection, "org.freedesktop.DBus",
                                       "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                       "NameHasOwner", g_variant_new ("(s)", APP_ID),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(b)", &has_owner);
  return has_owner;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline;

  fixture->tmpdir = chronicle_test_make_tmpdir ();
  fixture->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (fixture->bus);
  fixture->connection = chronicle_test_dbus_connect (fixture->bus);

  /* As D-Bus activation starts it. */
  launcher = new_launcher (fixture);
  fixture->app = g_subprocess_launcher_spawn (launcher, &error, app_path (),
                                              "--gapplication-service", NULL);
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!name_has_owner (fixture))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (20 * 1000);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->app != NULL && g_subprocess_get_identifier (fixture->app) != NULL)
    {
      g_subprocess_force_exit (fixture->app);
      g_subprocess_wait (fixture->app, NULL, NULL);
    }
  g_clear_object (&fixture->app);
  g_dbus_connection_close_sync (fixture->connection, NULL, NULL);
  g_clear_object (&fixture->connection);
  g_test_dbus_down (fixture->bus);
  g_clear_object (&fixture->bus);
  chronicle_test_rm_rf (fixture->tmpdir);
  g_clear_pointer (&fixture->tmpdir, g_free);
}

static GVariant *
call (Fixture            *fixture,
      const char         *path,
      const char         *interface,
      const char         *method,
      GVariant           *parameters,
      const GVariantType *reply_type)
{
  g_autoptr(GError) error = NULL;
  GVariant *reply;

  reply = g_dbus_connection_call_sync (fixture->connection, APP_ID, path, interface, method,
                                       parameters, reply_type, G_DBUS_CALL_FLAGS_NONE, 10000,
                                       NULL, &error);
  g_assert_no_error (error);
  return reply;
}

static void
test_search_provider (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GKeyFile) ini = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ini_path = g_test_build_filename (G_TEST_BUILT, "..", "data",
                                                     APP_ID ".search-provider.ini", NULL);
  g_autofree char *desktop_id = NULL;
  g_autofree char *bus_name = NULL;
  g_autofree char *object_path = NULL;
  g_autofree char *app_object_path = NULL;
  g_autoptr(GVariant) results = NULL;
  g_autoptr(GVariant) metas = NULL;
  g_autoptr(GVariant) activated = NULL;
  g_autofree char *printed = NULL;
  const char *terms[] = { "berlin", "air", NULL };
  const char *ids[] = { "1", NULL };

  /* What GNOME Shell reads. */
  g_key_file_load_from_file (ini, ini_path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  desktop_id = g_key_file_get_string (ini, "Shell Search Provider", "DesktopId", &error);
  g_assert_no_error (error);
  bus_name = g_key_file_get_string (ini, "Shell Search Provider", "BusName", &error);
  g_assert_no_error (error);
  object_path = g_key_file_get_string (ini, "Shell Search Provider", "ObjectPath", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_key_file_get_integer (ini, "Shell Search Provider", "Version", NULL), ==,
                   2);
  g_assert_cmpstr (desktop_id, ==, APP_ID ".desktop");
  g_assert_cmpstr (bus_name, ==, APP_ID);
  app_object_path = g_strconcat ("/", APP_ID, NULL);
  g_strdelimit (app_object_path, ".", '/');
  g_assert_true (g_str_has_prefix (object_path, app_object_path));
  g_assert_cmpstr (object_path + strlen (app_object_path), ==, "/SearchProvider");

  /* The application answers there; without a store behind it, with nothing. */
  results = call (fixture, object_path, "org.gnome.Shell.SearchProvider2",
                  "GetInitialResultSet", g_variant_new ("(^as)", terms),
                  G_VARIANT_TYPE ("(as)"));
  printed = g_variant_print (results, FALSE);
  g_assert_cmpstr (printed, ==, "([],)");
  metas = call (fixture, object_path, "org.gnome.Shell.SearchProvider2", "GetResultMetas",
                g_variant_new ("(^as)", ids), G_VARIANT_TYPE ("(aa{sv})"));
  g_clear_pointer (&printed, g_free);
  printed = g_variant_print (metas, FALSE);
  g_assert_cmpstr (printed, ==, "([],)");

  /* Activating a result opens the application (a window) and it keeps running. */
  activated = call (fixture, object_path, "org.gnome.Shell.SearchProvider2", "ActivateResult",
                    g_variant_new ("(s^asu)", "7", terms, 0u), G_VARIANT_TYPE_UNIT);
  g_assert_true (name_has_owner (fixture));
}

static void
test_actions (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_strconcat ("/", APP_ID, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) actions = NULL;
  const struct { const char *name; const char *type; } expected[] = {
    { "open-article", "x" },
    { "open-entity", "x" },
    { "search", "s" },
    { "sync-now", "" },
  };

  g_strdelimit (path, ".", '/');
  reply = call (fixture, path, "org.gtk.Actions", "DescribeAll", NULL,
                G_VARIANT_TYPE ("(a{s(bgav)})"));
  actions = g_variant_get_child_value (reply, 0);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GVariant) description = NULL;
      const char *signature = NULL;
      gboolean enabled = FALSE;

      description = g_variant_lookup_value (actions, expected[i].name,
                                            G_VARIANT_TYPE ("(bgav)"));
      g_assert_nonnull (description);
      g_variant_get (description, "(b&gav)", &enabled, &signature, NULL);
      g_assert_true (enabled);
      g_assert_cmpstr (signature, ==, expected[i].type);
    }
}

static void
test_sync_now_remote (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GSubprocessLauncher) launcher = new_launcher (fixture);
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autofree char *path = g_strconcat ("/", APP_ID, NULL);

  /* The desktop file's Exec line: hands the action to the running instance and ends. */
  second = g_subprocess_launcher_spawn (launcher, &error, app_path (), "--sync-now", NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (second, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (name_has_owner (fixture));

  /* The DBusActivatable way, as GNOME Shell runs a desktop action; then quit. */
  g_strdelimit (path, ".", '/');
  reply = call (fixture, path, "org.freedesktop.Application", "ActivateAction",
                g_variant_new_parsed ("('sync-now', @av [], @a{sv} {})"),
                G_VARIANT_TYPE_UNIT);
  g_clear_pointer (&reply, g_variant_unref);
  reply = call (fixture, path, "org.freedesktop.Application", "ActivateAction",
                g_variant_new_parsed ("('quit', @av [], @a{sv} {})"),
                G_VARIANT_TYPE_UNIT);
  g_subprocess_wait_check (fixture->app, NULL, &error);
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  display = g_strdup (g_getenv ("DISPLAY"));

#define ADD(path, func) \
  g_test_add ("/shell-integration/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("search-provider", test_search_provider);
  ADD ("actions", test_actions);
  ADD ("sync-now-remote", test_sync_now_remote);

#undef ADD

  status = g_test_run ();
  g_free (display);
  return status;
}
