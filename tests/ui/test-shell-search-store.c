/* test-shell-search-store.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GNOME Shell's search over the real store: chronicle-cli imports a feed file
 * into a fresh data folder, the application is started as a D-Bus service in a
 * private session (GTestDBus), and the provider finds, describes and opens the
 * imported articles.
 */

#include "config.h"

#include "chronicle-test-utils.h"

#define PROVIDER_PATH "/io/github/chronicle_news/Chronicle/SearchProvider"
#define PROVIDER_IFACE "org.gnome.Shell.SearchProvider2"

static gboolean
name_has_owner (GDBusConnection *connection)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_owner = FALSE;

  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", APP_ID), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(b)", &has_owner);
  return has_owner;
}

static GVariant *
call (GDBusConnection    *connection,
      const char         *method,
      GVariant           *parameters,
      const GVariantType *reply_type)
{
  g_autoptr(GError) error = NULL;
  GVariant *reply;

  reply = g_dbus_connection_call_sync (connection, APP_ID, PROVIDER_PATH, PROVIDER_IFACE, method,
                                       parameters, reply_type, G_DBUS_CALL_FLAGS_NONE, 10000,
                                       NULL, &error);
  g_assert_no_error (error);
  return reply;
}

static void
test_search_store (void)
{
  g_autofree char *tmpdir = chronicle_test_make_tmpdir ();
  g_autofree char *data = g_build_filename (tmpdir, "data", NULL);
  g_autofree char *feed = g_test_build_filename (G_TEST_DIST, "data", "ui", "e2e-file-feed.atom",
                                                 NULL);
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", data, TRUE);
  const char *cli = g_getenv ("CHRONICLE_CLI");
  const char *app = g_getenv ("CHRONICLE_APP");
  g_autoptr(GTestDBus) bus = NULL;
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) service = NULL;
  g_autoptr(GVariant) results = NULL;
  g_autoptr(GVariant) metas = NULL;
  g_autoptr(GVariant) none = NULL;
  g_autoptr(GVariant) activated = NULL;
  g_autoptr(GVariant) list = NULL;
  g_autoptr(GVariant) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *terms[] = { "muse", "dock", NULL };
  const char *nothing[] = { "zzyzx", NULL };
  const char **ids = NULL;
  const char *name = NULL;
  const char *description = NULL;
  gint64 deadline;

  g_assert_nonnull (cli);
  g_assert_nonnull (app);

  /* The articles, stored by the command-line tool in the data folder the app will use. */
  {
    const char *argv[] = { cli, "import", feed, NULL };

    g_assert_cmpint (chronicle_test_spawn (argv, (const char *const *) envp, &out, &err), ==, 0);
  }

  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  connection = chronicle_test_dbus_connect (bus);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  if (display != NULL)
    g_subprocess_launcher_setenv (launcher, "DISPLAY", display, TRUE);
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS",
                                g_test_dbus_get_bus_address (bus), TRUE);
  service = g_subprocess_launcher_spawn (launcher, &error, app, "--gapplication-service", NULL);
  g_assert_no_error (error);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!name_has_owner (connection))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (20 * 1000);
    }

  /* Prefixes, as the Shell sends them while the person types. */
  results = call (connection, "GetInitialResultSet", g_variant_new ("(^as)", terms),
                  G_VARIANT_TYPE ("(as)"));
  g_variant_get (results, "(^a&s)", &ids);
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 1);

  metas = call (connection, "GetResultMetas", g_variant_new ("(^as)", ids),
                G_VARIANT_TYPE ("(aa{sv})"));
  list = g_variant_get_child_value (metas, 0);
  g_assert_cmpuint (g_variant_n_children (list), ==, 1);
  first = g_variant_get_child_value (list, 0);
  g_assert_true (g_variant_lookup (first, "name", "&s", &name));
  g_assert_cmpstr (name, ==, "Museum ship arrives in the old dock");
  g_assert_true (g_variant_lookup (first, "description", "&s", &description));
  g_assert_true (g_str_has_prefix (description, "Harbour Archive · "));

  none = call (connection, "GetInitialResultSet", g_variant_new ("(^as)", nothing),
               G_VARIANT_TYPE ("(as)"));
  {
    g_autofree char *printed = g_variant_print (none, FALSE);
    g_assert_cmpstr (printed, ==, "([],)");
  }

  /* Activating it opens the application on that article, and it keeps running. */
  activated = call (connection, "ActivateResult", g_variant_new ("(s^asu)", ids[0], terms, 0u),
                    G_VARIANT_TYPE_UNIT);
  g_assert_true (name_has_owner (connection));

  g_free (ids);
  g_subprocess_force_exit (service);
  g_subprocess_wait (service, NULL, NULL);
  g_dbus_connection_close_sync (connection, NULL, NULL);
  g_test_dbus_down (bus);
  chronicle_test_rm_rf (tmpdir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shell-search-store/find-describe-open", test_search_store);

  return g_test_run ();
}
