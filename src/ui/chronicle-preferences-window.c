/* chronicle-preferences-window.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "chronicle-preferences-sources.h"
#include "chronicle-preferences-window.h"
#include "chronicle-secret.h"
#include "chronicle-sync-source.h"

struct _ChroniclePreferencesWindow
{
  AdwPreferencesWindow         parent_instance;

  GSettings                   *settings;
  ChronicleStore              *store;
  ChronicleSyncService        *sync;
  ChronicleHttp               *http;
  GCancellable                *cancellable;
  char                        *db_path;
  char                        *guardian_endpoint;

  ChroniclePreferencesSources *sources_page;
  AdwComboRow                 *sync_interval_row;
  GtkSwitch                   *sync_at_startup_switch;
  GtkSwitch                   *metered_switch;
  GtkSwitch                   *background_switch;
  GtkSwitch                   *notify_switch;
  AdwComboRow                 *keep_row;
  AdwActionRow                *size_row;
  GtkStack                    *compact_stack;
  GtkButton                   *compact_button;
  GtkSpinner                  *compact_spinner;
  AdwActionRow                *database_row;
  AdwPasswordEntryRow         *guardian_key_row;
  AdwActionRow                *guardian_test_row;
};

G_DEFINE_FINAL_TYPE (ChroniclePreferencesWindow, chronicle_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

/* The order of the rows in the combos, by their GSettings nick. */
static const char *const intervals[] = { "off", "15min", "1h", "3h", "daily", NULL };
static const char *const keep_nicks[] = { "1month", "3months", "6months", "1year", "forever",
                                          NULL };

/**
 * chronicle_preferences_keep_days:
 * @nick: a `keep-articles` setting
 *
 * Returns: how many days articles are kept for @nick; 0 for forever
 */
guint
chronicle_preferences_keep_days (const char *nick)
{
  static const guint days[] = { 30, 91, 182, 365, 0 };

  for (guint i = 0; keep_nicks[i] != NULL; i++)
    if (g_strcmp0 (nick, keep_nicks[i]) == 0)
      return days[i];
  return 0;
}

static gboolean
nick_to_position (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char *const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    {
      if (g_strcmp0 (nick, nicks[i]) == 0)
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
position_to_nick (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char *const *nicks = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) nicks))
    return NULL;

  return g_variant_new_string (nicks[position]);
}

static void
toast (ChroniclePreferencesWindow *self,
       const char                 *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

/* Storage */

static guint64
database_size (const char *path)
{
  guint64 total = 0;

  if (path == NULL)
    return 0;
  for (const char *const *suffix = (const char *const[]) { "", "-wal", "-shm", NULL };
       *suffix != NULL; suffix++)
    {
      g_autofree char *file = g_strconcat (path, *suffix, NULL);
      GStatBuf st;

      if (g_stat (file, &st) == 0)
        total += st.st_size;
    }
  return total;
}

static void
update_size (ChroniclePreferencesWindow *self)
{
  g_autofree char *size = g_format_size (database_size (self->db_path));

  adw_action_row_set_subtitle (self->size_row, size);
}

static void
compacted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ChroniclePreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  guint64 before = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (self), "size-before"));

  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  gtk_spinner_stop (self->compact_spinner);
  gtk_stack_set_visible_child (self->compact_stack, GTK_WIDGET (self->compact_button));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.compact", TRUE);

  if (!chronicle_store_vacuum_finish (CHRONICLE_STORE (object), result, &error))
    {
      toast (self, error->message);
      return;
    }

  update_size (self);
  {
    guint64 after = database_size (self->db_path);
    g_autofree char *saved = g_format_size (before > after ? before - after : 0);
    /* Translators: %s is an amount of disk space, e.g. "12.3 MB" */
    g_autofree char *message = g_strdup_printf (_("Database compacted, %s freed"), saved);

    toast (self, message);
  }
}

static void
compact_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ChroniclePreferencesWindow *self = CHRONICLE_PREFERENCES_WINDOW (widget);

  if (self->store == NULL)
    return;

  g_object_set_data (G_OBJECT (self), "size-before",
                     GSIZE_TO_POINTER ((gsize) database_size (self->db_path)));
  gtk_widget_action_set_enabled (widget, "prefs.compact", FALSE);
  gtk_stack_set_visible_child (self->compact_stack, GTK_WIDGET (self->compact_spinner));
  gtk_spinner_start (self->compact_spinner);
  chronicle_store_vacuum_async (self->store, NULL, compacted_cb, g_object_ref (self));
}

static void
retention_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ChroniclePreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 removed = chronicle_store_apply_retention_finish (CHRONICLE_STORE (object), result,
                                                          &error);

  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  if (removed < 0)
    toast (self, error->message);
  else if (removed > 0)
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u old article removed",
                                                               "%u old articles removed",
                                                               (guint) removed),
                                                  (guint) removed);
      toast (self, message);
      update_size (self);
    }
}

static void
keep_changed_cb (GSettings                  *settings,
                 const char                 *key,
                 ChroniclePreferencesWindow *self)
{
  g_autofree char *nick = g_settings_get_string (settings, "keep-articles");
  guint days = chronicle_preferences_keep_days (nick);

  if (self->store == NULL || days == 0)
    return;
  chronicle_store_apply_retention_async (self->store, days, g_get_real_time () / G_USEC_PER_SEC,
                                         NULL, retention_cb, g_object_ref (self));
}

/* Accounts */

static void
key_looked_up_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ChroniclePreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = chronicle_secret_lookup_api_key_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      adw_action_row_set_subtitle (self->guardian_test_row, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->guardian_key_row), key != NULL ? key : "");
}

static void
key_saved_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ChroniclePreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean cleared = g_async_result_is_tagged (result, chronicle_secret_clear_api_key_async);
  gboolean ok;

  ok = cleared ? chronicle_secret_clear_api_key_finish (result, &error)
               : chronicle_secret_store_api_key_finish (result, &error);
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  if (!ok)
    toast (self, error->message);
  else
    toast (self, cleared ? _("API key removed from the keyring")
                         : _("API key saved in the keyring"));
}

static void
key_apply_cb (AdwEntryRow                *row,
              ChroniclePreferencesWindow *self)
{
  g_autofree char *key = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (self->sync != NULL)
    chronicle_sync_service_set_guardian_key (self->sync, key);
  if (*key == '\0')
    chronicle_secret_clear_api_key_async (CHRONICLE_SECRET_SERVICE_GUARDIAN, NULL, key_saved_cb,
                                          g_object_ref (self));
  else
    chronicle_secret_store_api_key_async (CHRONICLE_SECRET_SERVICE_GUARDIAN, key, NULL,
                                          key_saved_cb, g_object_ref (self));
}

/**
 * chronicle_preferences_guardian_check:
 * @body: the body of a Guardian /search answer
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @body is the Guardian's "ok" answer
 */
gboolean
chronicle_preferences_guardian_check (GBytes  *body,
                                      GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root = NULL;
  JsonNode *response = NULL;
  const char *status = NULL;

  if (body != NULL
      && json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                     g_bytes_get_size (body), NULL))
    root = json_parser_get_root (parser);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    response = json_object_get_member (json_node_get_object (root), "response");
  if (response != NULL && JSON_NODE_HOLDS_OBJECT (response))
    status = json_object_get_string_member_with_default (json_node_get_object (response),
                                                         "status", NULL);

  if (g_strcmp0 (status, "ok") == 0)
    return TRUE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The Guardian answered, but not with search results."));
  return FALSE;
}

static void
key_tested_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ChroniclePreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleHttpResponse) response = NULL;

  response = chronicle_http_fetch_finish (CHRONICLE_HTTP (object), result, &error);
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.test-key", TRUE);
  if (response != NULL && chronicle_preferences_guardian_check (response->body, &error))
    adw_action_row_set_subtitle (self->guardian_test_row, _("The key works"));
  else
    {
      /* Translators: %s explains in words why the request failed */
      g_autofree char *message = g_strdup_printf (_("The key does not work: %s"),
                                                  error->message);
      adw_action_row_set_subtitle (self->guardian_test_row, message);
    }
}

static void
test_key_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ChroniclePreferencesWindow *self = CHRONICLE_PREFERENCES_WINDOW (widget);
  const char *key = gtk_editable_get_text (GTK_EDITABLE (self->guardian_key_row));
  g_autofree char *endpoint = self->guardian_endpoint != NULL
                                ? g_strdup (self->guardian_endpoint)
                                : chronicle_guardian_url ("world", NULL);
  g_autofree char *url = chronicle_guardian_url_with_key (endpoint, *key != '\0' ? key : NULL);

  if (self->http == NULL)
    self->http = chronicle_http_new ();

  gtk_widget_action_set_enabled (widget, "prefs.test-key", FALSE);
  adw_action_row_set_subtitle (self->guardian_test_row, _("Asking the Guardian…"));
  chronicle_http_fetch_async (self->http, url, NULL, NULL, self->cancellable, key_tested_cb,
                              g_object_ref (self));
}

/* Object */

static void
chronicle_preferences_window_dispose (GObject *object)
{
  ChroniclePreferencesWindow *self = CHRONICLE_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONICLE_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->sync);
  g_clear_object (&self->http);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->guardian_endpoint, g_free);

  G_OBJECT_CLASS (chronicle_preferences_window_parent_class)->dispose (object);
}

static void
chronicle_preferences_window_class_init (ChroniclePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chronicle_preferences_window_dispose;

  g_type_ensure (CHRONICLE_TYPE_PREFERENCES_SOURCES);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/chronicle-preferences-window.ui");
#define BIND(name) \
  gtk_widget_class_bind_template_child (widget_class, ChroniclePreferencesWindow, name)
  BIND (sources_page);
  BIND (sync_interval_row);
  BIND (sync_at_startup_switch);
  BIND (metered_switch);
  BIND (background_switch);
  BIND (notify_switch);
  BIND (keep_row);
  BIND (size_row);
  BIND (compact_stack);
  BIND (compact_button);
  BIND (compact_spinner);
  BIND (database_row);
  BIND (guardian_key_row);
  BIND (guardian_test_row);
#undef BIND

  gtk_widget_class_install_action (widget_class, "prefs.compact", NULL, compact_action);
  gtk_widget_class_install_action (widget_class, "prefs.test-key", NULL, test_key_action);
}

static void
chronicle_preferences_window_init (ChroniclePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  g_signal_connect (self->guardian_key_row, "apply", G_CALLBACK (key_apply_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.compact", FALSE);
}

/**
 * chronicle_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 * @settings: the application settings
 * @db_path: the database file in use
 *
 * Returns: (transfer full): a new preferences window, bound to @settings
 */
ChroniclePreferencesWindow *
chronicle_preferences_window_new (GtkWindow  *parent,
                                  GSettings  *settings,
                                  const char *db_path)
{
  ChroniclePreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CHRONICLE_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->settings = g_object_ref (settings);
  self->db_path = g_strdup (db_path);

  g_settings_bind_with_mapping (settings, "sync-interval", self->sync_interval_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, nick_to_position, position_to_nick,
                                (gpointer) intervals, NULL);
  g_settings_bind (settings, "sync-at-startup", self->sync_at_startup_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "sync-on-metered", self->metered_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "run-in-background", self->background_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "notify-new-articles", self->notify_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "keep-articles", self->keep_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, nick_to_position, position_to_nick,
                                (gpointer) keep_nicks, NULL);
  g_signal_connect_object (settings, "changed::keep-articles", G_CALLBACK (keep_changed_cb),
                           self, 0);
  adw_action_row_set_subtitle (self->database_row, db_path);
  update_size (self);

  chronicle_secret_lookup_api_key_async (CHRONICLE_SECRET_SERVICE_GUARDIAN, self->cancellable,
                                         key_looked_up_cb, g_object_ref (self));

  return self;
}

/**
 * chronicle_preferences_window_set_services:
 * @self: a #ChroniclePreferencesWindow
 * @store: (nullable): the open store (sources, retention, compacting)
 * @sync: (nullable): the sync service (sync now, the Guardian key, its HTTP client)
 */
void
chronicle_preferences_window_set_services (ChroniclePreferencesWindow *self,
                                           ChronicleStore             *store,
                                           ChronicleSyncService       *sync)
{
  g_return_if_fail (CHRONICLE_IS_PREFERENCES_WINDOW (self));

  g_set_object (&self->store, store);
  g_set_object (&self->sync, sync);
  if (sync != NULL)
    g_set_object (&self->http, chronicle_sync_service_get_http (sync));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.compact", store != NULL);
  chronicle_preferences_sources_set_services (self->sources_page, store, sync);
}

/**
 * chronicle_preferences_window_set_guardian_endpoint:
 * @self: a #ChroniclePreferencesWindow
 * @url: (nullable): the address "Test" asks (its api-key is replaced); %NULL for the
 *   Guardian's own (tests point it at a loopback server)
 */
void
chronicle_preferences_window_set_guardian_endpoint (ChroniclePreferencesWindow *self,
                                                    const char                 *url)
{
  g_return_if_fail (CHRONICLE_IS_PREFERENCES_WINDOW (self));

  g_free (self->guardian_endpoint);
  self->guardian_endpoint = g_strdup (url);
}

/**
 * chronicle_preferences_window_get_sources_page:
 * @self: a #ChroniclePreferencesWindow
 *
 * Returns: (transfer none): the Sources page
 */
ChroniclePreferencesSources *
chronicle_preferences_window_get_sources_page (ChroniclePreferencesWindow *self)
{
  g_return_val_if_fail (CHRONICLE_IS_PREFERENCES_WINDOW (self), NULL);

  return self->sources_page;
}
