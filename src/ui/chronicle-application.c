/* chronicle-application.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-about.h"
#include "chronicle-application.h"
#include "chronicle-background.h"
#include "chronicle-db-path.h"
#include "chronicle-notification.h"
#include "chronicle-preferences-window.h"
#include "chronicle-search-provider.h"
#include "chronicle-secret.h"
#include "chronicle-store-search-backend.h"

#include "chronicle-profile.h"
#include "chronicle-store.h"
#include "chronicle-follow-notifier.h"
#include "chronicle-sync-service.h"
#include "chronicle-ui.h"
#include "chronicle-window.h"

struct _ChronicleApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  char           *db_path;

  ChronicleBackground     *background;
  ChronicleSearchProvider *search_provider;
  ChronicleStore *store;
  ChronicleSyncService *sync;
  ChronicleFollowNotifier *follow;
  GError         *store_error;
  gboolean        load_sample;
  guint           sync_added;     /* new articles in the current sync run */
  guint           sync_sources;   /* sources that brought some */
  char           *sync_source_title;
};

G_DEFINE_FINAL_TYPE (ChronicleApplication, chronicle_application, ADW_TYPE_APPLICATION)

enum {
  SYNC_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static ChronicleWindow *
get_or_create_window (ChronicleApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (chronicle_window_new (self));

  return CHRONICLE_WINDOW (window);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  ChronicleApplication *self = user_data;

  chronicle_about_present (gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  ChronicleApplication *self = user_data;
  ChronicleWindow *window = get_or_create_window (self);
  ChroniclePreferencesWindow *prefs;

  prefs = chronicle_preferences_window_new (GTK_WINDOW (window), self->settings, self->db_path);
  chronicle_preferences_window_set_services (prefs, self->store, self->sync);
  gtk_window_present (GTK_WINDOW (prefs));
}

/* From notifications and the Shell search provider: show the article, the
 * search, or the entity's page. */
static void
open_article_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  ChronicleApplication *self = user_data;

  ChronicleWindow *window = get_or_create_window (self);

  gtk_window_present (GTK_WINDOW (window));
  chronicle_window_open_article (window, g_variant_get_int64 (parameter));
}

static void
open_entity_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  ChronicleApplication *self = user_data;

  ChronicleWindow *window = get_or_create_window (self);

  gtk_window_present (GTK_WINDOW (window));
  chronicle_window_open_entity (window, g_variant_get_int64 (parameter));
}

static void
search_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  ChronicleApplication *self = user_data;

  ChronicleWindow *window = get_or_create_window (self);

  gtk_window_present (GTK_WINDOW (window));
  chronicle_window_search (window, g_variant_get_string (parameter, NULL));
}

/* From the desktop file's "Sync Now" action and --sync-now. */
static void
sync_now_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  ChronicleApplication *self = user_data;
  GtkWindow *window;

  if (g_signal_has_handler_pending (self, signals[SYNC_REQUESTED], 0, TRUE))
    {
      g_signal_emit (self, signals[SYNC_REQUESTED], 0);
      return;
    }

  g_debug ("Sync requested, but no sync service is connected");
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (CHRONICLE_IS_WINDOW (window))
    chronicle_window_add_toast (CHRONICLE_WINDOW (window),
                                _("Syncing is not available in this build yet"));
}

static void
activate_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  g_application_activate (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "activate", activate_action },
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "open-article", open_article_action, "x" },
  { "open-entity", open_entity_action, "x" },
  { "search", search_action, "s" },
  { "sync-now", sync_now_action },
};

static int
chronicle_application_handle_local_options (GApplication *app,
                                            GVariantDict *options)
{
  ChronicleApplication *self = CHRONICLE_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  const char *db = NULL;

  if (g_variant_dict_contains (options, "load-sample"))
    self->load_sample = TRUE;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("chronicle %s\n", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "db", "^&ay", &db);
  g_free (self->db_path);
  self->db_path = chronicle_db_path_resolve (db, &error);
  if (self->db_path == NULL)
    {
      g_printerr ("chronicle: %s\n", error->message);
      return 2;
    }

  /* Ask the running instance (or this one, once started) to sync. */
  if (g_variant_dict_contains (options, "sync-now"))
    {
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("chronicle: %s\n", error->message);
          return 1;
        }
      g_action_group_activate_action (G_ACTION_GROUP (app), "sync-now", NULL);
      if (g_application_get_is_remote (app))
        return 0;
    }

  return -1;
}

static gboolean
chronicle_application_dbus_register (GApplication     *app,
                                     GDBusConnection  *connection,
                                     const char       *object_path,
                                     GError          **error)
{
  ChronicleApplication *self = CHRONICLE_APPLICATION (app);
  g_autofree char *provider_path = g_strconcat (object_path, "/SearchProvider", NULL);

  if (!G_APPLICATION_CLASS (chronicle_application_parent_class)->dbus_register (app, connection,
                                                                                object_path,
                                                                                error))
    return FALSE;

  if (self->search_provider == NULL)
    self->search_provider = chronicle_search_provider_new (G_ACTION_GROUP (self));

  return chronicle_search_provider_export (self->search_provider, connection, provider_path,
                                           error);
}

static void
chronicle_application_dbus_unregister (GApplication    *app,
                                       GDBusConnection *connection,
                                       const char      *object_path)
{
  ChronicleApplication *self = CHRONICLE_APPLICATION (app);

  if (self->search_provider != NULL)
    chronicle_search_provider_unexport (self->search_provider);

  G_APPLICATION_CLASS (chronicle_application_parent_class)->dbus_unregister (app, connection,
                                                                            object_path);
}

/* After a sync: "N new articles", unless the user is looking at the window. */
static void
source_synced_cb (ChronicleSyncService      *sync,
                  const ChronicleSyncResult *result,
                  ChronicleApplication      *self)
{
  if (!result->ok || result->added == 0)
    return;
  self->sync_added += result->added;
  self->sync_sources++;
  g_free (self->sync_source_title);
  self->sync_source_title = g_strdup (result->title);
}

static void
sync_finished_cb (ChronicleSyncService *sync,
                  ChronicleApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  gboolean focused = window != NULL && gtk_window_is_active (window)
                     && gtk_widget_get_visible (GTK_WIDGET (window));

  if (chronicle_notification_should_notify_sync (g_settings_get_boolean (self->settings,
                                                                         "notify-new-articles"),
                                                 focused, self->sync_added))
    {
      g_autoptr(GNotification) notification = NULL;

      notification = chronicle_notification_new_sync (self->sync_added, self->sync_sources,
                                                      self->sync_source_title);
      g_application_send_notification (G_APPLICATION (self),
                                       CHRONICLE_NOTIFICATION_ID_NEW_ARTICLES, notification);
    }
  self->sync_added = 0;
  self->sync_sources = 0;
  g_clear_pointer (&self->sync_source_title, g_free);
}

static void
guardian_key_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ChronicleApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = chronicle_secret_lookup_api_key_finish (result, &error);

  if (error != NULL)
    g_debug ("No Guardian API key from the keyring: %s", error->message);
  else if (key != NULL && self->sync != NULL)
    chronicle_sync_service_set_guardian_key (self->sync, key);
}

static void
retention_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (chronicle_store_apply_retention_finish (CHRONICLE_STORE (object), result, &error) < 0)
    g_message ("Cannot remove old articles: %s", error->message);
}

/* Old articles go at start-up (the Preferences apply a change at once). */
static void
apply_retention (ChronicleApplication *self)
{
  g_autofree char *nick = g_settings_get_string (self->settings, "keep-articles");
  guint days = chronicle_preferences_keep_days (nick);

  if (self->store != NULL && days > 0)
    chronicle_store_apply_retention_async (self->store, days,
                                           g_get_real_time () / G_USEC_PER_SEC, NULL,
                                           retention_done_cb, NULL);
}

static void
connect_services (ChronicleApplication *self)
{
  g_autoptr(ChronicleStoreSearchBackend) backend = chronicle_store_search_backend_new (self->store);

  chronicle_store_search_backend_set_application (backend, G_APPLICATION (self));
  chronicle_application_set_search_backend (self, CHRONICLE_SEARCH_BACKEND (backend));
  /* Started by GNOME Shell to search: stay a little for the next keystroke. */
  if (g_application_get_flags (G_APPLICATION (self)) & G_APPLICATION_IS_SERVICE)
    g_application_set_inactivity_timeout (G_APPLICATION (self), 10000);
  g_signal_connect_object (self->sync, "source-finished", G_CALLBACK (source_synced_cb), self, 0);
  g_signal_connect_object (self->sync, "finished", G_CALLBACK (sync_finished_cb), self, 0);
  chronicle_secret_lookup_api_key_async (CHRONICLE_SECRET_SERVICE_GUARDIAN, NULL,
                                         guardian_key_cb, g_object_ref (self));
  apply_retention (self);
}

static void
chronicle_application_startup (GApplication *app)
{
  ChronicleApplication *self = CHRONICLE_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };

  chronicle_profile_report ("startup", chronicle_profile_since_start () / 1000.0, "ms");
  chronicle_ui_init ();

  G_APPLICATION_CLASS (chronicle_application_parent_class)->startup (app);

  self->settings = g_settings_new (BASE_APP_ID);

  /* Opening is quick (a file and its schema); a damaged cache is rebuilt
   * and the window says so. */
  {
    gint64 opening = g_get_monotonic_time ();

    self->store = chronicle_store_open_sync (chronicle_application_get_db_path (self), NULL,
                                             &self->store_error);
    chronicle_profile_report ("store-open", (g_get_monotonic_time () - opening) / 1000.0, "ms");
  }
  if (self->store != NULL)
    {
      /* One sync service for the application; it follows the sync interval. */
      self->sync = chronicle_sync_service_new (self->store);
      chronicle_sync_service_bind_settings (self->sync);
      chronicle_sync_service_set_use_keyring (self->sync, TRUE);
      /* "Sync Now" from the desktop file, --sync-now and app.sync-now. */
      g_signal_connect_object (self, "sync-requested",
                               G_CALLBACK (chronicle_sync_service_sync_now), self->sync,
                               G_CONNECT_SWAPPED);
      connect_services (self);
      /* Follow: one notification after each sync about followed entities. */
      self->follow = chronicle_follow_notifier_new (self->store, app);
      g_signal_connect_object (self->sync, "finished",
                               G_CALLBACK (chronicle_follow_notifier_check), self->follow,
                               G_CONNECT_SWAPPED);
    }

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         prefs_accels);

  self->background = chronicle_background_new (app, self->settings,
                                               chronicle_background_in_sandbox ());
}

static void
chronicle_application_shutdown (GApplication *app)
{
  ChronicleApplication *self = CHRONICLE_APPLICATION (app);

  g_clear_object (&self->background);

  G_APPLICATION_CLASS (chronicle_application_parent_class)->shutdown (app);
}

static void
chronicle_application_activate (GApplication *app)
{
  ChronicleApplication *self = CHRONICLE_APPLICATION (app);
  gboolean fresh = gtk_application_get_active_window (GTK_APPLICATION (self)) == NULL;
  ChronicleWindow *window = get_or_create_window (self);

  gtk_window_present (GTK_WINDOW (window));

  if (!fresh)
    return;

  if (self->store_error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot open the news cache: %s"),
                                                  self->store_error->message);
      chronicle_window_add_toast (window, message);
    }
  else if (self->store != NULL && chronicle_store_get_recovery_error (self->store) != NULL)
    chronicle_window_add_toast (window, chronicle_store_get_recovery_error (self->store)->message);

  if (self->load_sample)
    chronicle_window_load_sample_if_empty (window);
  else if (self->sync != NULL && g_settings_get_boolean (self->settings, "sync-at-startup"))
    chronicle_sync_service_sync_automatic (self->sync);
}

static void
chronicle_application_finalize (GObject *object)
{
  ChronicleApplication *self = CHRONICLE_APPLICATION (object);

  g_clear_object (&self->search_provider);
  g_clear_object (&self->settings);
  if (self->sync != NULL)
    chronicle_sync_service_cancel (self->sync);
  g_clear_object (&self->sync);
  g_clear_object (&self->follow);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->sync_source_title, g_free);

  G_OBJECT_CLASS (chronicle_application_parent_class)->finalize (object);
}

static void
chronicle_application_class_init (ChronicleApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = chronicle_application_finalize;

  app_class->handle_local_options = chronicle_application_handle_local_options;
  app_class->startup = chronicle_application_startup;
  app_class->activate = chronicle_application_activate;
  app_class->shutdown = chronicle_application_shutdown;
  app_class->dbus_register = chronicle_application_dbus_register;
  app_class->dbus_unregister = chronicle_application_dbus_unregister;

  /**
   * ChronicleApplication::sync-requested:
   *
   * The user asked to sync every source now (the "Sync Now" desktop action,
   * `chronicle --sync-now`, or app.sync-now). The sync service connects to it.
   */
  signals[SYNC_REQUESTED] =
    g_signal_new ("sync-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
chronicle_application_init (ChronicleApplication *self)
{
  static const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Use the database file PATH (default: $XDG_DATA_HOME/chronicle/chronicle.db)"),
      N_("PATH") },
    { "sync-now", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Check every source for news now"),
      NULL },
    { "load-sample", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Import the bundled sample news if the database is empty (for trying Chronicle)"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { NULL }
  };

  chronicle_profile_start ();
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self),
                                                     _("— follow the news as a timeline"));
}

/**
 * chronicle_application_new:
 *
 * Returns: (transfer full): the single application object
 */
ChronicleApplication *
chronicle_application_new (void)
{
  return g_object_new (CHRONICLE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_PREFIX,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

/**
 * chronicle_application_get_db_path:
 * @self: a #ChronicleApplication
 *
 * Returns: (transfer none): the database file this instance uses
 */
const char *
chronicle_application_get_db_path (ChronicleApplication *self)
{
  g_return_val_if_fail (CHRONICLE_IS_APPLICATION (self), NULL);

  if (self->db_path == NULL)
    self->db_path = chronicle_db_path_default ();

  return self->db_path;
}

/**
 * chronicle_application_get_settings:
 * @self: a #ChronicleApplication
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
chronicle_application_get_settings (ChronicleApplication *self)
{
  g_return_val_if_fail (CHRONICLE_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * chronicle_application_set_search_backend:
 * @self: a #ChronicleApplication
 * @backend: (nullable): what answers GNOME Shell's searches, e.g. the store's index
 *
 * Until a backend is set, the Shell search provider finds nothing.
 */
void
chronicle_application_set_search_backend (ChronicleApplication   *self,
                                          ChronicleSearchBackend *backend)
{
  g_return_if_fail (CHRONICLE_IS_APPLICATION (self));
  g_return_if_fail (backend == NULL || CHRONICLE_IS_SEARCH_BACKEND (backend));

  if (self->search_provider == NULL)
    self->search_provider = chronicle_search_provider_new (G_ACTION_GROUP (self));

  chronicle_search_provider_set_backend (self->search_provider, backend);
}

/**
 * chronicle_application_get_store:
 * @self: a #ChronicleApplication
 *
 * Returns: (transfer none) (nullable): the article store, %NULL when it
 *   could not be opened
 */
ChronicleStore *
chronicle_application_get_store (ChronicleApplication *self)
{
  g_return_val_if_fail (CHRONICLE_IS_APPLICATION (self), NULL);

  return self->store;
}

/**
 * chronicle_application_get_load_sample:
 * @self: a #ChronicleApplication
 *
 * Returns: %TRUE if `--load-sample` asked to import the sample news into an
 *   empty database
 */
gboolean
chronicle_application_get_load_sample (ChronicleApplication *self)
{
  g_return_val_if_fail (CHRONICLE_IS_APPLICATION (self), FALSE);

  return self->load_sample;
}

/**
 * chronicle_application_get_sync_service:
 * @self: a #ChronicleApplication
 *
 * Returns: (transfer none) (nullable): the sync service, %NULL without a store
 */
ChronicleSyncService *
chronicle_application_get_sync_service (ChronicleApplication *self)
{
  g_return_val_if_fail (CHRONICLE_IS_APPLICATION (self), NULL);

  return self->sync;
}
