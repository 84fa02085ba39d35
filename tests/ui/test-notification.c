/* test-notification.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The notifications are built, sent through GApplication in a private D-Bus session
 * (GTestDBus) and received by a fake org.gtk.Notifications server, the interface GNOME
 * Shell implements, or inside Flatpak (where GLib uses the portal) by a fake
 * org.freedesktop.portal.Notification. What arrives is compared with
 * tests/data/notification/<name>.txt. No display is needed.
 */

#include "config.h"

#include "chronicle-notification.h"
#include "chronicle-test-utils.h"

#define TEST_APP_ID "io.github.chronicle_news.Chronicle.TestNotification"

static const char server_xml[] =
  "<node>"
  "  <interface name='org.gtk.Notifications'>"
  "    <method name='AddNotification'>"
  "      <arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/>"
  "    </method>"
  "    <method name='RemoveNotification'>"
  "      <arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/>"
  "    </method>"
  "  </interface>"
  "  <interface name='org.freedesktop.portal.Notification'>"
  "    <method name='AddNotification'>"
  "      <arg type='s' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/>"
  "    </method>"
  "    <method name='RemoveNotification'>"
  "      <arg type='s' direction='in'/>"
  "    </method>"
  "    <property name='version' type='u' access='read'/>"
  "  </interface>"
  "</node>";

typedef struct
{
  GTestDBus       *bus;
  GDBusConnection *server;
  guint            registration_id;
  guint            portal_registration_id;
  GApplication    *app;
  GPtrArray       *received;  /* GVariant (ssa{sv}) */
} Fixture;

static void
server_method_cb (GDBusConnection       *connection,
                  const char            *sender,
                  const char            *object_path,
                  const char            *interface_name,
                  const char            *method_name,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation,
                  gpointer               user_data)
{
  Fixture *fixture = user_data;

  /* Both as (ssa{sv}): the portal's call has no application id (the portal knows it). */
  if (g_str_equal (method_name, "AddNotification") &&
      g_str_equal (interface_name, "org.gtk.Notifications"))
    g_ptr_array_add (fixture->received, g_variant_ref (parameters));
  else if (g_str_equal (method_name, "AddNotification"))
    {
      g_autoptr(GVariant) fields = NULL;
      const char *id = NULL;

      g_variant_get (parameters, "(&s@a{sv})", &id, &fields);
      g_ptr_array_add (fixture->received,
                       g_variant_ref_sink (g_variant_new ("(ss@a{sv})", TEST_APP_ID, id,
                                                          fields)));
    }

  g_dbus_method_invocation_return_value (invocation, NULL);
}

static GVariant *
server_get_property_cb (GDBusConnection  *connection,
                        const char       *sender,
                        const char       *object_path,
                        const char       *interface_name,
                        const char       *property_name,
                        GError          **error,
                        gpointer          user_data)
{
  return g_variant_new_uint32 (1);
}

static const GDBusInterfaceVTable server_vtable = {
  .method_call = server_method_cb,
  .get_property = server_get_property_cb,
};


static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (server_xml, &error);

  g_assert_no_error (error);
  fixture->received = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);

  fixture->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (fixture->bus);

  /* The notification server, on its own connection, owns its name before the
   * application looks for one. */
  fixture->server = chronicle_test_dbus_connect (fixture->bus);
  fixture->registration_id =
    g_dbus_connection_register_object (fixture->server, "/org/gtk/Notifications",
                                       info->interfaces[0], &server_vtable, fixture, NULL,
                                       &error);
  g_assert_no_error (error);
  fixture->portal_registration_id =
    g_dbus_connection_register_object (fixture->server, "/org/freedesktop/portal/desktop",
                                       info->interfaces[1], &server_vtable, fixture, NULL,
                                       &error);
  g_assert_no_error (error);
  chronicle_test_dbus_own_name (fixture->server, "org.gtk.Notifications");
  chronicle_test_dbus_own_name (fixture->server, "org.freedesktop.portal.Desktop");

  fixture->app = g_application_new (TEST_APP_ID, G_APPLICATION_DEFAULT_FLAGS);
  g_assert_true (g_application_register (fixture->app, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->app);
  g_dbus_connection_unregister_object (fixture->server, fixture->registration_id);
  g_dbus_connection_unregister_object (fixture->server, fixture->portal_registration_id);
  g_dbus_connection_close_sync (fixture->server, NULL, NULL);
  g_clear_object (&fixture->server);
  g_clear_pointer (&fixture->received, g_ptr_array_unref);
  g_test_dbus_down (fixture->bus);
  g_clear_object (&fixture->bus);
}

/* Sends @notification and returns what the server received, printed. */
static char *
send_and_receive (Fixture       *fixture,
                  const char    *id,
                  GNotification *notification)
{
  g_autoptr(GVariant) fields = NULL;
  const char *app_id = NULL;
  const char *received_id = NULL;
  guint before = fixture->received->len;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_application_send_notification (fixture->app, id, notification);
  while (fixture->received->len == before)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  g_variant_get (g_ptr_array_index (fixture->received, before), "(&s&s@a{sv})",
                 &app_id, &received_id, &fields);
  g_assert_cmpstr (app_id, ==, TEST_APP_ID);
  g_assert_cmpstr (received_id, ==, id);

  return g_variant_print (fields, TRUE);
}

static void
assert_matches_golden (const char *printed,
                       const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_strconcat (name, ".txt", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "notification", file,
                                                 NULL);
  g_autofree char *expected = NULL;

  g_file_get_contents (path, &expected, NULL, &error);
  g_assert_no_error (error);
  g_strchomp (expected);
  g_assert_cmpstr (printed, ==, expected);
}

static void
test_article_with_entity (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GNotification) notification =
    chronicle_notification_new_article (42, "Kenyan runners win the Berlin marathon",
                                        "BBC News", 7, "Kenya");
  g_autofree char *id = chronicle_notification_id_article (42);
  g_autofree char *printed = NULL;

  g_assert_cmpstr (id, ==, "article-42");
  printed = send_and_receive (fixture, id, notification);
  assert_matches_golden (printed, "article-with-entity");
}

static void
test_article_plain (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GNotification) notification =
    chronicle_notification_new_article (G_GINT64_CONSTANT (9007199254740993),
                                        "Zürich café reopens", NULL, 0, "ignored");
  g_autofree char *printed = send_and_receive (fixture, "article-9007199254740993",
                                               notification);

  /* No source: no body; no entity: no button. */
  assert_matches_golden (printed, "article-plain");
}

static void
test_entity_one (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GNotification) notification =
    chronicle_notification_new_entity (7, "Kenya", 1, 42,
                                       "Kenyan runners win the Berlin marathon");
  g_autofree char *id = chronicle_notification_id_entity (7);
  g_autofree char *printed = NULL;

  g_assert_cmpstr (id, ==, "entity-7");
  printed = send_and_receive (fixture, id, notification);
  assert_matches_golden (printed, "entity-one");
}

static void
test_entity_many (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GNotification) notification =
    chronicle_notification_new_entity (8, "European Union", 12, 0, NULL);
  g_autofree char *printed = send_and_receive (fixture, "entity-8", notification);

  /* No newest article known: only the default action. */
  assert_matches_golden (printed, "entity-many");
}

static void
test_sync_one_source (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GNotification) notification = chronicle_notification_new_sync (3, 1, "BBC News");
  g_autofree char *printed = send_and_receive (fixture, CHRONICLE_NOTIFICATION_ID_NEW_ARTICLES,
                                               notification);

  assert_matches_golden (printed, "sync-one-source");
}

static void
test_sync_many_sources (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GNotification) notification = chronicle_notification_new_sync (1, 4, "BBC News");
  g_autofree char *printed = send_and_receive (fixture, CHRONICLE_NOTIFICATION_ID_NEW_ARTICLES,
                                               notification);

  assert_matches_golden (printed, "sync-many-sources");
}

/* "N new articles" only when there are some, the setting allows it and the
 * window is not being looked at. */
static void
test_sync_when (void)
{
  g_assert_true (chronicle_notification_should_notify_sync (TRUE, FALSE, 2));
  g_assert_false (chronicle_notification_should_notify_sync (TRUE, TRUE, 2));
  g_assert_false (chronicle_notification_should_notify_sync (FALSE, FALSE, 2));
  g_assert_false (chronicle_notification_should_notify_sync (TRUE, FALSE, 0));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/notification/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("article/with-entity", test_article_with_entity);
  ADD ("article/plain", test_article_plain);
  ADD ("entity/one", test_entity_one);
  ADD ("entity/many", test_entity_many);
  ADD ("sync/one-source", test_sync_one_source);
  ADD ("sync/many-sources", test_sync_many_sources);
  g_test_add_func ("/notification/sync/when", test_sync_when);

#undef ADD

  return g_test_run ();
}
