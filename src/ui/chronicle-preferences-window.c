/* chronicle-preferences-window.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-preferences-window.h"

struct _ChroniclePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwComboRow          *sync_interval_row;
  GtkSwitch            *sync_at_startup_switch;
  AdwActionRow         *database_row;
};

G_DEFINE_FINAL_TYPE (ChroniclePreferencesWindow, chronicle_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

/* The order of the rows in the combo, by their GSettings nick. */
static const char *const intervals[] = { "off", "15min", "1h", "3h", "daily" };

static gboolean
interval_to_position (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (intervals); i++)
    {
      if (g_strcmp0 (nick, intervals[i]) == 0)
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
position_to_interval (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (intervals))
    return NULL;

  return g_variant_new_string (intervals[position]);
}

static void
chronicle_preferences_window_dispose (GObject *object)
{
  ChroniclePreferencesWindow *self = CHRONICLE_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONICLE_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (chronicle_preferences_window_parent_class)->dispose (object);
}

static void
chronicle_preferences_window_class_init (ChroniclePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chronicle_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/chronicle-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ChroniclePreferencesWindow,
                                        sync_interval_row);
  gtk_widget_class_bind_template_child (widget_class, ChroniclePreferencesWindow,
                                        sync_at_startup_switch);
  gtk_widget_class_bind_template_child (widget_class, ChroniclePreferencesWindow, database_row);
}

static void
chronicle_preferences_window_init (ChroniclePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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

  g_settings_bind_with_mapping (settings, "sync-interval", self->sync_interval_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, interval_to_position,
                                position_to_interval, NULL, NULL);
  g_settings_bind (settings, "sync-at-startup", self->sync_at_startup_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  adw_action_row_set_subtitle (self->database_row, db_path);

  return self;
}
