/* test-background.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Running without a window: a real GApplication in a private D-Bus session (GTestDBus)
 * runs only as long as ChronicleBackground holds it, following the "run-in-background"
 * setting (memory backend); a fake Background portal answers yes or no.
 */

#include "config.h"

#include "chronicle-background.h"
#include "chronicle-test-utils.h"

#define TEST_APP_ID "io.github.chronicle_news.Chronicle.TestBackground"
#define PORTAL_PATH "/org/freedesktop/portal/desktop"

static const char portal_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.Background'>"
  "    <method name='RequestBackground'>"
  "      <arg type='s' name='parent_window' direction='in'/>"
  "      <arg type='a{sv}' name='options' direction='in'/>"
  "      <arg type='o' name='handle' direction='out'/>"
  "    </method>"
  "  </interface>"
  "</node>";

typedef enum
{
  PORTAL_NONE,
  PORTAL_ALLOWS,
  PORTAL_DENIES,
} PortalMode;

typedef struct
{
  GTestDBus           *bus;
  GDBusConnection     *portal;
  guint                portal_id;
  PortalMode           portal_mode;
  guint                n_requests;
  char                *reason;
  gboolean             autostart;

  GSettings           *settings;
  GApplication        *app;
  ChronicleBackground *background;
  gboolean             use_portal;
  GPtrArray           *log;  /* what happened, in order */
} Fixture;

static void
portal_method_cb (GDBusConnection       *connection,
                  const char            *sender,
                  const char            *object_path,
                  const char            *interface_name,
                  const char            *method_name,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation,
                  gpointer               user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GVariant) options = NULL;
  g_autofree char *sender_part = g_strdup (sender + 1);
  g_autofree char *handle = NULL;
  const char *token = NULL;
  GVariantBuilder results;

  g_variant_get (parameters, "(&s@a{sv})", NULL, &options);
  g_assert_true (g_variant_lookup (options, "handle_token", "&s", &token));
  g_clear_pointer (&fixture->reason, g_free);
  g_assert_true (g_variant_lookup (options, "reason", "s", &fixture->reason));
  g_assert_true (g_variant_lookup (options, "autostart", "b", &fixture->autostart));
  fixture->n_requests++;

  g_strdelimit (sender_part, ".", '_');
  handle = g_strdup_printf (PORTAL_PATH "/request/%s/%s", sender_part, token);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", handle));

  g_variant_builder_init (&results, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&results, "{sv}", "background",
                         g_variant_new_boolean (fixture->portal_mode == PORTAL_ALLOWS));
  g_variant_builder_add (&results, "{sv}", "autostart", g_variant_new_boolean (FALSE));
  g_dbus_connection_emit_signal (connection, sender, handle, "org.freedesktop.portal.Request",
                                 "Response", g_variant_new ("(ua{sv})", 0u, &results), NULL);
}

static const GDBusInterfaceVTable portal_vtable = { .method_call = portal_method_cb };

static void
start_portal (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (portal_xml, &error);

  g_assert_no_error (error);
  fixture->portal = chronicle_test_dbus_connect (fixture->bus);
  fixture->portal_id = g_dbus_connection_register_object (fixture->portal, PORTAL_PATH,
                                                          info->interfaces[0], &portal_vtable,
                                                          fixture, NULL, &error);
  g_assert_no_error (error);
  chronicle_test_dbus_own_name (fixture->portal, "org.freedesktop.portal.Desktop");
}

static void
holding_notify_cb (ChronicleBackground *background,
                   GParamSpec          *pspec,
                   gpointer             user_data)
{
  Fixture *fixture = user_data;

  g_ptr_array_add (fixture->log, g_strdup (chronicle_background_get_holding (background) ?
                                           "hold" : "release"));
}

static void
activate_cb (GApplication *app,
             gpointer      user_data)
{
  Fixture *fixture = user_data;

  /* As the application does at start-up; no window is ever opened. */
  fixture->background = chronicle_background_new (app, fixture->settings, fixture->use_portal);
  g_ptr_array_add (fixture->log, g_strdup (chronicle_background_get_holding (fixture->background)
                                           ? "started holding" : "started"));
  g_signal_connect (fixture->background, "notify::holding", G_CALLBACK (holding_notify_cb),
                    fixture);
}

static gboolean
too_long_cb (gpointer user_data)
{
  Fixture *fixture = user_data;

  g_ptr_array_add (fixture->log, g_strdup ("timed out"));
  g_application_quit (fixture->app);
  return G_SOURCE_REMOVE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (fixture->bus);
  fixture->portal_mode = PORTAL_NONE;
  fixture->log = g_ptr_array_new_with_free_func (g_free);

  fixture->settings = g_settings_new (BASE_APP_ID);
  g_settings_reset (fixture->settings, "run-in-background");
  fixture->app = g_application_new (TEST_APP_ID, G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (fixture->app, "activate", G_CALLBACK (activate_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->background);
  g_clear_object (&fixture->app);
  g_clear_object (&fixture->settings);
  if (fixture->portal != NULL)
    {
      g_dbus_connection_unregister_object (fixture->portal, fixture->portal_id);
      g_dbus_connection_close_sync (fixture->portal, NULL, NULL);
      g_clear_object (&fixture->portal);
    }
  g_clear_pointer (&fixture->reason, g_free);
  g_clear_pointer (&fixture->log, g_ptr_array_unref);
  g_test_dbus_down (fixture->bus);
  g_clear_object (&fixture->bus);
}

/* Runs the application until nothing holds it (or 10 s pass); returns the log joined. */
static char *
run (Fixture *fixture)
{
  char *argv[] = { (char *) "test-background", NULL };
  guint timeout_id = g_timeout_add_seconds (10, too_long_cb, fixture);
  int status = g_application_run (fixture->app, 1, argv);

  g_assert_cmpint (status, ==, 0);
  if (!g_ptr_array_find_with_equal_func (fixture->log, "timed out", g_str_equal, NULL))
    g_source_remove (timeout_id);
  g_ptr_array_add (fixture->log, g_strdup ("exited"));
  g_ptr_array_add (fixture->log, NULL);

  return g_strjoinv (", ", (char **) fixture->log->pdata);
}

static void
test_off_quits (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *log = run (fixture);

  /* Not allowed: nothing holds the application, so it ends after activation. */
  g_assert_cmpstr (log, ==, "started, exited");
  g_assert_false (chronicle_background_get_holding (fixture->background));
}

static gboolean
switch_off_cb (gpointer user_data)
{
  Fixture *fixture = user_data;

  /* Still running without a window; now the user switches running in the background off. */
  g_ptr_array_add (fixture->log, g_strdup ("switched off"));
  g_settings_set_boolean (fixture->settings, "run-in-background", FALSE);
  return G_SOURCE_REMOVE;
}

static void
test_on_holds_until_off (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *log = NULL;

  g_settings_set_boolean (fixture->settings, "run-in-background", TRUE);
  g_timeout_add (20, switch_off_cb, fixture);
  log = run (fixture);

  /* "switched off" happens only because the application is still running without a window;
   * switching the setting off releases it and it ends. */
  g_assert_cmpstr (log, ==,
                   "started holding, switched off, release, exited");
  g_assert_false (chronicle_background_get_holding (fixture->background));
}

static gboolean
toggle_cb (gpointer user_data)
{
  Fixture *fixture = user_data;

  /* Setting the same value twice holds or releases only once. */
  g_settings_set_boolean (fixture->settings, "run-in-background", TRUE);
  g_settings_set_boolean (fixture->settings, "run-in-background", TRUE);
  g_settings_set_boolean (fixture->settings, "run-in-background", FALSE);
  g_settings_set_boolean (fixture->settings, "run-in-background", TRUE);
  g_ptr_array_add (fixture->log, g_strdup ("toggled"));
  g_settings_set_boolean (fixture->settings, "run-in-background", FALSE);
  /* Give back the test's own hold: now nothing holds the application. */
  g_application_release (fixture->app);
  return G_SOURCE_REMOVE;
}

static void
test_toggle_balanced (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *log = NULL;

  /* The application has to outlive activation to see the timeout: the test holds it
   * once itself. */
  g_timeout_add (20, toggle_cb, fixture);
  g_application_hold (fixture->app);
  log = run (fixture);

  g_assert_cmpstr (log, ==, "started, hold, release, hold, toggled, release, exited");
}

static void
test_portal_allows (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *log = NULL;

  start_portal (fixture);
  fixture->portal_mode = PORTAL_ALLOWS;
  fixture->use_portal = TRUE;
  g_settings_set_boolean (fixture->settings, "run-in-background", TRUE);
  /* After the portal answered yes, the application still runs until switched off. */
  g_timeout_add (200, switch_off_cb, fixture);
  log = run (fixture);

  g_assert_cmpstr (log, ==, "started holding, switched off, release, exited");
  g_assert_cmpuint (fixture->n_requests, ==, 1);
  g_assert_nonnull (fixture->reason);
  g_assert_cmpstr (fixture->reason, !=, "");
  g_assert_false (fixture->autostart);
}

static void
test_portal_denies (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *log = NULL;

  start_portal (fixture);
  fixture->portal_mode = PORTAL_DENIES;
  fixture->use_portal = TRUE;
  g_settings_set_boolean (fixture->settings, "run-in-background", TRUE);
  g_test_expect_message ("chronicle-ui", G_LOG_LEVEL_MESSAGE, "*not allow*background*");
  log = run (fixture);
  g_test_assert_expected_messages ();

  /* The portal said no: the hold is given back and the application ends on its own. */
  g_assert_cmpstr (log, ==, "started holding, release, exited");
  g_assert_cmpuint (fixture->n_requests, ==, 1);
  /* The user's choice is kept; the portal may allow it another time. */
  g_assert_true (g_settings_get_boolean (fixture->settings, "run-in-background"));
}

static void
test_no_portal (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *log = NULL;

  /* Sandboxed, but nobody answers: keep running as the user chose. */
  fixture->use_portal = TRUE;
  g_settings_set_boolean (fixture->settings, "run-in-background", TRUE);
  g_timeout_add (200, switch_off_cb, fixture);
  log = run (fixture);

  g_assert_cmpstr (log, ==, "started holding, switched off, release, exited");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/background/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("off-quits", test_off_quits);
  ADD ("on-holds-until-off", test_on_holds_until_off);
  ADD ("toggle-balanced", test_toggle_balanced);
  ADD ("portal-allows", test_portal_allows);
  ADD ("portal-denies", test_portal_denies);
  ADD ("no-portal", test_no_portal);

#undef ADD

  return g_test_run ();
}
