/* chronicle-background.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "chronicle-background.h"

/* Keeps the application running without a window while the GSettings key
 * "run-in-background" is true, by holding it once. Inside Flatpak it also asks the
 * Background portal (org.freedesktop.portal.Background.RequestBackground); when the
 * portal says no, the hold is given back so the application quits with its last window.
 * It needs no GTK. */

#define PORTAL_BUS_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT_PATH "/org/freedesktop/portal/desktop"
#define PORTAL_BACKGROUND_IFACE "org.freedesktop.portal.Background"
#define PORTAL_REQUEST_IFACE "org.freedesktop.portal.Request"

struct _ChronicleBackground
{
  GObject       parent_instance;

  GApplication *application;  /* weak */
  GSettings    *settings;
  gboolean      use_portal;
  gboolean      holding;

  GDBusConnection *connection;  /* the portal request's, while one runs */
  GCancellable *portal_cancellable;
  guint         response_id;
  guint         token_serial;
};

G_DEFINE_FINAL_TYPE (ChronicleBackground, chronicle_background, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HOLDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_holding (ChronicleBackground *self,
             gboolean             holding)
{
  if (self->holding == holding)
    return;

  if (self->application != NULL)
    {
      if (holding)
        g_application_hold (self->application);
      else
        g_application_release (self->application);
    }

  self->holding = holding;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOLDING]);
}

static void
stop_portal_request (ChronicleBackground *self)
{
  g_cancellable_cancel (self->portal_cancellable);
  g_clear_object (&self->portal_cancellable);

  if (self->response_id != 0)
    g_dbus_connection_signal_unsubscribe (self->connection, self->response_id);
  self->response_id = 0;
  g_clear_object (&self->connection);
}

static void
response_cb (GDBusConnection *connection,
             const char      *sender_name,
             const char      *object_path,
             const char      *interface_name,
             const char      *signal_name,
             GVariant        *parameters,
             gpointer         user_data)
{
  ChronicleBackground *self = user_data;
  g_autoptr(GVariant) results = NULL;
  guint32 response = 2;
  gboolean allowed = FALSE;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ua{sv})")))
    return;

  g_variant_get (parameters, "(u@a{sv})", &response, &results);
  if (response == 0)
    g_variant_lookup (results, "background", "b", &allowed);

  stop_portal_request (self);

  if (allowed)
    {
      g_debug ("The Background portal allows running in the background");
      return;
    }

  g_message ("The system does not allow Chronicle to run in the background");
  set_holding (self, FALSE);
}

static void
request_background_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(ChronicleBackground) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply != NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Without the portal there is nobody to ask: keep running as the user chose. */
  g_debug ("Could not ask the Background portal: %s", error->message);
  stop_portal_request (self);
}

static void
request_background (ChronicleBackground *self)
{
  GDBusConnection *connection = g_application_get_dbus_connection (self->application);
  g_autofree char *sender = NULL;
  g_autofree char *token = NULL;
  g_autofree char *handle = NULL;
  GVariantBuilder options;

  if (connection == NULL)
    {
      g_debug ("No D-Bus connection to ask the Background portal on");
      return;
    }

  stop_portal_request (self);
  self->portal_cancellable = g_cancellable_new ();
  self->connection = g_object_ref (connection);

  /* Subscribe to the Response before asking, on the handle the portal will use. */
  token = g_strdup_printf ("chronicle_%u_%u", (guint) getpid (), ++self->token_serial);
  sender = g_strdup (g_dbus_connection_get_unique_name (connection) + 1);
  g_strdelimit (sender, ".", '_');
  handle = g_strdup_printf (PORTAL_OBJECT_PATH "/request/%s/%s", sender, token);
  self->response_id =
    g_dbus_connection_signal_subscribe (connection, PORTAL_BUS_NAME, PORTAL_REQUEST_IFACE,
                                        "Response", handle, NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE, response_cb, self,
                                        NULL);

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_("Chronicle keeps checking your sources for "
                                                 "news while its window is closed")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (FALSE));

  g_dbus_connection_call (connection, PORTAL_BUS_NAME, PORTAL_OBJECT_PATH,
                          PORTAL_BACKGROUND_IFACE, "RequestBackground",
                          g_variant_new ("(sa{sv})", "", &options), G_VARIANT_TYPE ("(o)"),
                          G_DBUS_CALL_FLAGS_NONE, -1, self->portal_cancellable,
                          request_background_cb, g_object_ref (self));
}

static void
apply_setting (ChronicleBackground *self)
{
  gboolean wanted = g_settings_get_boolean (self->settings, "run-in-background");

  if (wanted == self->holding)
    return;

  if (!wanted)
    stop_portal_request (self);

  set_holding (self, wanted);

  if (wanted && self->use_portal && self->application != NULL)
    request_background (self);
}

static void
run_in_background_changed_cb (GSettings  *settings,
                              const char *key,
                              gpointer    user_data)
{
  apply_setting (CHRONICLE_BACKGROUND (user_data));
}

static void
chronicle_background_dispose (GObject *object)
{
  ChronicleBackground *self = CHRONICLE_BACKGROUND (object);

  stop_portal_request (self);
  set_holding (self, FALSE);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_weak_pointer (&self->application);

  G_OBJECT_CLASS (chronicle_background_parent_class)->dispose (object);
}

static void
chronicle_background_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ChronicleBackground *self = CHRONICLE_BACKGROUND (object);

  switch (prop_id)
    {
    case PROP_HOLDING:
      g_value_set_boolean (value, self->holding);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_background_class_init (ChronicleBackgroundClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = chronicle_background_dispose;
  object_class->get_property = chronicle_background_get_property;

  /**
   * ChronicleBackground:holding:
   *
   * Whether the application is held so that it runs on without a window.
   */
  properties[PROP_HOLDING] =
    g_param_spec_boolean ("holding", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chronicle_background_init (ChronicleBackground *self)
{
}

/**
 * chronicle_background_new:
 * @application: the application to hold; not referenced
 * @settings: settings with the boolean key "run-in-background"
 * @use_portal: whether to ask the Background portal, usually chronicle_background_in_sandbox()
 *
 * Applies the setting at once and follows its changes.
 *
 * Returns: (transfer full): a new #ChronicleBackground
 */
ChronicleBackground *
chronicle_background_new (GApplication *application,
                          GSettings    *settings,
                          gboolean      use_portal)
{
  ChronicleBackground *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CHRONICLE_TYPE_BACKGROUND, NULL);
  g_set_weak_pointer (&self->application, application);
  self->settings = g_object_ref (settings);
  self->use_portal = use_portal;

  g_signal_connect (settings, "changed::run-in-background",
                    G_CALLBACK (run_in_background_changed_cb), self);
  apply_setting (self);

  return self;
}

/**
 * chronicle_background_get_holding:
 * @self: a #ChronicleBackground
 *
 * Returns: whether the application is kept running without a window
 */
gboolean
chronicle_background_get_holding (ChronicleBackground *self)
{
  g_return_val_if_fail (CHRONICLE_IS_BACKGROUND (self), FALSE);

  return self->holding;
}

/**
 * chronicle_background_in_sandbox:
 *
 * Returns: whether the application runs inside Flatpak, where the portal must be asked
 */
gboolean
chronicle_background_in_sandbox (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}
