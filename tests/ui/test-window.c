/* test-window.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "chronicle-about.h"
#include "chronicle-preferences-window.h"
#include "chronicle-test-ui-utils.h"
#include "chronicle-timeline-view.h"
#include "chronicle-ui.h"
#include "chronicle-window.h"

static GtkWidget *
child (ChronicleWindow *window,
       const char      *name)
{
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                 CHRONICLE_TYPE_WINDOW, name));

  g_assert_nonnull (widget);
  return widget;
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = chronicle_test_output_path (name);

  chronicle_test_render_to_png (widget, path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_test_message ("screenshot: %s", path);
}

static void
test_empty_state (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  ChronicleWindow *window;
  GtkWidget *add_button, *sample_button;

  g_settings_set_int (settings, "window-width", 1200);
  g_settings_set_int (settings, "window-height", 760);

  window = chronicle_window_new_with_settings (settings);
  gtk_window_present (GTK_WINDOW (window));
  chronicle_test_wait_for_frames (GTK_WIDGET (window), 3);

  /* Wide: all three panes side by side, the empty state offering two ways in. */
  g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (child (window, "leaflet"))));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (window, "timeline_stack"))),
                   ==, "empty");

  add_button = child (window, "add_source_button");
  sample_button = child (window, "load_sample_button");
  g_assert_true (gtk_widget_is_visible (add_button));
  g_assert_true (gtk_widget_is_visible (sample_button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (add_button)), ==, "_Add Source…");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (sample_button)), ==, "_Load Sample News");
  g_assert_true (gtk_widget_is_sensitive (add_button));

  save_screenshot (GTK_WIDGET (window), "window-wide.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_narrow_folds (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  ChronicleWindow *window;
  AdwLeaflet *leaflet;

  g_settings_set_int (settings, "window-width", 360);
  g_settings_set_int (settings, "window-height", 640);

  window = chronicle_window_new_with_settings (settings);
  gtk_window_present (GTK_WINDOW (window));
  chronicle_test_wait_for_frames (GTK_WIDGET (window), 3);

  leaflet = ADW_LEAFLET (child (window, "leaflet"));
  g_assert_true (adw_leaflet_get_folded (leaflet));
  /* Folded, the timeline comes first; the sidebar is one action away. */
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == child (window, "timeline_pane"));
  g_assert_true (gtk_widget_get_visible (child (window, "show_sidebar_button")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == child (window, "sidebar_pane"));
  chronicle_test_wait_for_frames (GTK_WIDGET (window), 3);

  save_screenshot (GTK_WIDGET (window), "window-narrow.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_size_is_kept (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  ChronicleWindow *window;
  int width = 0, height = 0;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 600);

  window = chronicle_window_new_with_settings (settings);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 600);

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1024);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Articles | Events is kept like the filter. */
static void
test_mode_is_kept (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  ChronicleWindow *window;
  ChronicleTimelineView *timeline;

  g_settings_set_boolean (settings, "show-events", TRUE);
  window = chronicle_window_new_with_settings (settings);
  timeline = CHRONICLE_TIMELINE_VIEW (child (window, "timeline_view"));
  g_assert_true (chronicle_timeline_view_get_show_events (timeline));

  chronicle_timeline_view_set_show_events (timeline, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "show-events"));
  gtk_window_destroy (GTK_WINDOW (window));

  window = chronicle_window_new_with_settings (settings);
  timeline = CHRONICLE_TIMELINE_VIEW (child (window, "timeline_view"));
  g_assert_false (chronicle_timeline_view_get_show_events (timeline));
  chronicle_timeline_view_set_show_events (timeline, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "show-events"));
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "show-events");
}

static void
test_preferences_bind_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  ChroniclePreferencesWindow *prefs;
  AdwComboRow *row;

  g_settings_set_string (settings, "sync-interval", "3h");
  prefs = chronicle_preferences_window_new (NULL, settings, "/tmp/chronicle-test.db");
  row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (prefs),
                                                      CHRONICLE_TYPE_PREFERENCES_WINDOW,
                                                      "sync_interval_row"));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 3);

  adw_combo_row_set_selected (row, 4);
  g_assert_cmpstr (g_settings_get_string (settings, "sync-interval"), ==, "daily");

  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
test_about_lists_attributions (void)
{
  GtkWidget *about = chronicle_about_new (NULL);

  /* Loading data/attributions.ini warns (fatally here) if it is missing or broken. */
  g_assert_true (ADW_IS_ABOUT_WINDOW (about));
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==,
                   GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==,
                   PACKAGE_VERSION);
  gtk_window_destroy (GTK_WINDOW (about));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  chronicle_ui_init ();

  g_test_add_func ("/ui/window/empty-state", test_empty_state);
  g_test_add_func ("/ui/window/narrow-folds", test_narrow_folds);
  g_test_add_func ("/ui/window/size-is-kept", test_size_is_kept);
  g_test_add_func ("/ui/window/mode-is-kept", test_mode_is_kept);
  g_test_add_func ("/ui/preferences/bind-settings", test_preferences_bind_settings);
  g_test_add_func ("/ui/about/attributions", test_about_lists_attributions);

  return g_test_run ();
}
