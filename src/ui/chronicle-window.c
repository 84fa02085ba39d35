/* chronicle-window.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-window.h"

struct _ChronicleWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_pane;
  GtkWidget            *timeline_pane;
  GtkWidget            *article_pane;
  GtkStack             *timeline_stack;
  AdwStatusPage        *empty_page;
  GtkWidget            *add_source_button;
  GtkWidget            *load_sample_button;
  GtkWidget            *show_sidebar_button;
};

G_DEFINE_FINAL_TYPE (ChronicleWindow, chronicle_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bind_window_state (ChronicleWindow *self)
{
  if (self->settings == NULL)
    return;

  g_settings_bind (self->settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
add_source_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (widget);

  /* The Add Source dialog arrives with the sync layer (issue: sync). */
  chronicle_window_add_toast (self, _("Adding sources is not available in this build yet"));
}

static void
load_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (widget);

  /* Importing the bundled sample arrives with the store (issue: main window). */
  chronicle_window_add_toast (self, _("The sample news is not available in this build yet"));
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar_pane);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
chronicle_window_constructed (GObject *object)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (object);

  G_OBJECT_CLASS (chronicle_window_parent_class)->constructed (object);

  bind_window_state (self);
}

static void
chronicle_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_window_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_window_dispose (GObject *object)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONICLE_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (chronicle_window_parent_class)->dispose (object);
}

static void
chronicle_window_class_init (ChronicleWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = chronicle_window_constructed;
  object_class->get_property = chronicle_window_get_property;
  object_class->set_property = chronicle_window_set_property;
  object_class->dispose = chronicle_window_dispose;

  /**
   * ChronicleWindow:settings:
   *
   * Where the window keeps its size and state; %NULL keeps nothing.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/chronicle-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, sidebar_pane);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, timeline_pane);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, article_pane);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, timeline_stack);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, add_source_button);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, load_sample_button);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, show_sidebar_button);

  gtk_widget_class_install_action (widget_class, "win.add-source", NULL, add_source_action);
  gtk_widget_class_install_action (widget_class, "win.load-sample", NULL, load_sample_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.add-source", NULL);
}

static void
chronicle_window_init (ChronicleWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Folded, the timeline comes first; the filters are one step away. */
  adw_leaflet_set_visible_child (self->leaflet, self->timeline_pane);

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/**
 * chronicle_window_new:
 * @application: the application
 *
 * Returns: (transfer none): a new main window, owned by @application
 */
ChronicleWindow *
chronicle_window_new (ChronicleApplication *application)
{
  g_return_val_if_fail (CHRONICLE_IS_APPLICATION (application), NULL);

  return g_object_new (CHRONICLE_TYPE_WINDOW,
                       "application", application,
                       "settings", chronicle_application_get_settings (application),
                       NULL);
}

/**
 * chronicle_window_new_with_settings:
 * @settings: (nullable): where to keep the window state
 *
 * A window outside an application, for tests.
 *
 * Returns: (transfer full): a new main window
 */
ChronicleWindow *
chronicle_window_new_with_settings (GSettings *settings)
{
  return g_object_new (CHRONICLE_TYPE_WINDOW, "settings", settings, NULL);
}

/**
 * chronicle_window_add_toast:
 * @self: a #ChronicleWindow
 * @title: what to tell the user
 *
 * Shows a short message at the bottom of the window.
 */
void
chronicle_window_add_toast (ChronicleWindow *self,
                            const char      *title)
{
  g_return_if_fail (CHRONICLE_IS_WINDOW (self));
  g_return_if_fail (title != NULL);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}
