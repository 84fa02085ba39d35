/* test-window-store.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * The main window on a real store: the timeline fills, filters become chips
 * and are kept in GSettings, dates are jumped to, the narrow layout folds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "chronicle-chip-bar.h"
#include "chronicle-source.h"
#include "chronicle-store.h"
#include "chronicle-test-ui-utils.h"
#include "chronicle-timeline-view.h"
#include "chronicle-ui.h"
#include "chronicle-window.h"
#include "ui-test-articles.h"

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
await (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins until @n items are in @model (at most 10 s). */
static void
wait_for_items (GListModel *model,
                guint       n)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, timeout_cb, &timed_out);

  while (g_list_model_get_n_items (model) != n && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
}

static GtkWidget *
child (GtkWidget  *widget,
       GType       type,
       const char *name)
{
  GtkWidget *found = GTK_WIDGET (gtk_widget_get_template_child (widget, type, name));

  g_assert_nonnull (found);
  return found;
}

static gint64 first_id;

static ChronicleStore *
store_with_articles (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleStore) store = chronicle_store_open_sync (path, NULL, &error);
  g_autoptr(ChronicleSource) source = chronicle_source_new (CHRONICLE_SOURCE_KIND_RSS,
                                                            "https://news.example.org/feed.xml");
  g_autoptr(GListStore) list = ui_test_load_articles ();
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GAsyncResult) added = NULL;
  g_autoptr(GAsyncResult) stored = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 source_id;

  g_assert_no_error (error);
  chronicle_source_set_title (source, "World Desk");
  chronicle_store_add_source_async (store, source, NULL, result_cb, &added);
  source_id = chronicle_store_add_source_finish (store, await (&added), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(ChronicleArticle) a = g_list_model_get_item (G_LIST_MODEL (list), i);

      chronicle_article_set_id (a, 0);
      chronicle_article_set_source_id (a, source_id);
      chronicle_article_set_guid (a, chronicle_article_get_url (a));
      g_ptr_array_add (articles, g_steal_pointer (&a));
    }
  chronicle_store_upsert_articles_async (store, articles, NULL, NULL, result_cb, &stored);
  ids = chronicle_store_upsert_articles_finish (store, await (&stored), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 5);
  first_id = g_array_index (ids, gint64, 0);

  return g_steal_pointer (&store);
}

static void
test_timeline_and_query (void)
{
  g_autofree char *dir = g_dir_make_tmp ("chronicle-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(ChronicleStore) store = store_with_articles (path);
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autoptr(ChronicleQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *png = chronicle_test_output_path ("window-store.png");
  ChronicleWindow *window;
  ChronicleTimelineView *timeline;
  GListModel *model;
  AdwLeaflet *leaflet;

  g_settings_set_int (settings, "window-width", 1280);
  g_settings_set_int (settings, "window-height", 800);
  g_settings_set_string (settings, "query", "");

  window = chronicle_window_new_with_store (settings, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  timeline = CHRONICLE_TIMELINE_VIEW (child (GTK_WIDGET (window), CHRONICLE_TYPE_WINDOW,
                                             "timeline_view"));
  model = chronicle_timeline_view_get_model (timeline);
  g_assert_nonnull (model);
  wait_for_items (model, 5);
  chronicle_test_wait_for_frames (GTK_WIDGET (window), 3);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (GTK_WIDGET (window),
                                                                       CHRONICLE_TYPE_WINDOW,
                                                                       "timeline_stack"))),
                   ==, "timeline");

  /* A filter: fewer articles, a chip, and the query in GSettings. */
  query = chronicle_query_with_text (chronicle_window_get_query (window), "ceasefire");
  chronicle_window_set_query (window, query);
  model = chronicle_timeline_view_get_model (timeline);
  wait_for_items (model, 1);
  g_assert_cmpuint (chronicle_chip_bar_get_n_chips (CHRONICLE_CHIP_BAR (
                      child (GTK_WIDGET (timeline), CHRONICLE_TYPE_TIMELINE_VIEW, "chip_bar"))),
                    ==, 1);
  saved = g_settings_get_string (settings, "query");
  g_assert_cmpstr (saved, ==, "v=1&text=ceasefire");

  chronicle_test_wait_for_frames (GTK_WIDGET (window), 3);
  g_assert_true (chronicle_test_render_to_png (GTK_WIDGET (window), png, &error));
  g_assert_no_error (error);

  /* The timeline of events: ordered by the date an article is about. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.order-by-event", NULL));
  g_assert_cmpint (chronicle_query_get_sort (chronicle_window_get_query (window)), ==,
                   CHRONICLE_QUERY_SORT_EVENT_DATE);
  g_clear_pointer (&saved, g_free);
  saved = g_settings_get_string (settings, "query");
  g_assert_nonnull (strstr (saved, "sort=event"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.order-by-event", NULL));
  g_assert_cmpint (chronicle_query_get_sort (chronicle_window_get_query (window)), ==,
                   CHRONICLE_QUERY_SORT_PUBLISHED);

  /* Escape clears the search. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-search", NULL));
  g_assert_null (chronicle_query_get_text (chronicle_window_get_query (window)));
  wait_for_items (chronicle_timeline_view_get_model (timeline), 5);

  /* j selects the newest article; a date jump selects the one of that day. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-article", NULL));
  g_assert_cmpuint (chronicle_timeline_view_get_selected_position (timeline), ==, 0);
  chronicle_window_go_to_date (window, 1449878400 /* 12 Dec 2015 */, 1449964800);
  {
    gboolean timed_out = FALSE;
    guint id = g_timeout_add_seconds (10, timeout_cb, &timed_out);

    while (chronicle_timeline_view_get_selected_position (timeline) != 3 && !timed_out)
      g_main_context_iteration (NULL, TRUE);
    if (!timed_out)
      g_source_remove (id);
  }
  g_assert_cmpuint (chronicle_timeline_view_get_selected_position (timeline), ==, 3);

  /* Narrow: the panes fold; opening an article shows it, Alt+Left goes back. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  chronicle_test_wait_for_frames (GTK_WIDGET (window), 4);
  leaflet = ADW_LEAFLET (child (GTK_WIDGET (window), CHRONICLE_TYPE_WINDOW, "leaflet"));
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (chronicle_timeline_view_activate_selected (timeline));
  g_assert_true (adw_leaflet_get_visible_child (leaflet)
                 == child (GTK_WIDGET (window), CHRONICLE_TYPE_WINDOW, "article_pane"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  g_assert_true (adw_leaflet_get_visible_child (leaflet)
                 == child (GTK_WIDGET (window), CHRONICLE_TYPE_WINDOW, "timeline_pane"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_set_string (settings, "query", "");

  /* A new window restores the saved query. */
  {
    g_autoptr(ChronicleQuery) kept = chronicle_query_new_from_string ("v=1&country=Syria", NULL);
    g_autofree char *restored = NULL;

    g_settings_set_string (settings, "query", "v=1&country=Syria");
    window = chronicle_window_new_with_store (settings, store, NULL);
    g_assert_true (chronicle_query_equal (chronicle_window_get_query (window), kept));
    restored = chronicle_query_to_string (chronicle_window_get_query (window));
    g_assert_cmpstr (restored, ==, "v=1&country=Syria");
    gtk_window_destroy (GTK_WINDOW (window));
  }

  /* From GNOME Shell and notifications: a search, an article by id. */
  g_settings_set_string (settings, "query", "");
  window = chronicle_window_new_with_store (settings, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  chronicle_window_search (window, "Syria");
  g_assert_cmpstr (chronicle_query_get_text (chronicle_window_get_query (window)), ==, "Syria");
  chronicle_window_open_article (window, first_id);
  {
    GtkStack *stack = GTK_STACK (child (GTK_WIDGET (window), CHRONICLE_TYPE_WINDOW, "article_stack"));
    gboolean timed_out = FALSE;
    guint id = g_timeout_add_seconds (10, timeout_cb, &timed_out);

    while (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "article") != 0 && !timed_out)
      g_main_context_iteration (NULL, TRUE);
    if (!timed_out)
      g_source_remove (id);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "article");
  }
  gtk_window_destroy (GTK_WINDOW (window));

  /* A saved query that cannot be read is dropped, not fatal. */
  g_settings_set_string (settings, "query", "v=2&nonsense");
  window = chronicle_window_new_with_store (settings, store, NULL);
  g_assert_true (chronicle_query_is_all (chronicle_window_get_query (window)));
  gtk_window_destroy (GTK_WINDOW (window));

  g_clear_object (&store);
  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("TZ", "UTC", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  chronicle_ui_init ();

  g_test_add_func ("/ui/window/timeline-and-query", test_timeline_and_query);

  return g_test_run ();
}
