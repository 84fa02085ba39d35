/* test-timeline-view.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "chronicle-article-row.h"
#include "chronicle-test-ui-utils.h"
#include "chronicle-time-ruler-private.h"
#include "chronicle-timeline-view.h"
#include "chronicle-ui.h"
#include "ui-test-articles.h"

static void
collect_headings (GtkWidget *widget,
                  GPtrArray *headings)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_LABEL (c) && gtk_widget_has_css_class (c, "day-heading") && gtk_widget_get_visible (c))
        g_ptr_array_add (headings, g_strdup (gtk_label_get_text (GTK_LABEL (c))));
      collect_headings (c, headings);
    }
}

typedef struct
{
  ChronicleArticle *selected;
  ChronicleArticle *activated;
  ChronicleQuery   *query;
} Seen;

static void
selected_cb (ChronicleTimelineView *view,
             ChronicleArticle      *article,
             Seen                  *seen)
{
  seen->selected = article;
}

static void
activated_cb (ChronicleTimelineView *view,
              ChronicleArticle      *article,
              Seen                  *seen)
{
  seen->activated = article;
}

static void
query_cb (ChronicleTimelineView *view,
          ChronicleQuery        *query,
          Seen                  *seen)
{
  g_set_object (&seen->query, query);
}

static void
test_timeline (void)
{
  g_autoptr(GListStore) articles = ui_test_load_articles ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  ChronicleTimelineView *view = CHRONICLE_TIMELINE_VIEW (chronicle_timeline_view_new ());
  g_autoptr(GPtrArray) headings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ChronicleQuery) query = chronicle_query_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *png = chronicle_test_output_path ("timeline-view.png");
  ChronicleRulerBucket days[5];
  Seen seen = { 0 };
  ChronicleTimeRuler *ruler;
  double x;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (articles)), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(ChronicleArticle) a = g_list_model_get_item (G_LIST_MODEL (articles), i);
      days[i].start = chronicle_article_get_published (a);
      days[i].count = 1;
    }

  g_signal_connect (view, "article-selected", G_CALLBACK (selected_cb), &seen);
  g_signal_connect (view, "article-activated", G_CALLBACK (activated_cb), &seen);
  g_signal_connect (view, "query-changed", G_CALLBACK (query_cb), &seen);

  chronicle_timeline_view_set_query (view, query);
  chronicle_timeline_view_set_model (view, G_LIST_MODEL (articles));
  chronicle_timeline_view_set_histogram (view, days, 5, NULL, 0);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_set_default_size (window, 480, 760);
  gtk_window_present (window);
  chronicle_test_wait_for_frames (GTK_WIDGET (view), 4);

  /* One heading per day, newest first: 15, 14, 12, 11 December. */
  collect_headings (GTK_WIDGET (view), headings);
  g_assert_cmpuint (headings->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (headings, 0), ==, "Tuesday, 15 December 2015");
  g_assert_cmpstr (g_ptr_array_index (headings, 1), ==, "Monday, 14 December 2015");
  g_assert_cmpstr (g_ptr_array_index (headings, 3), ==, "Friday, 11 December 2015");

  g_assert_true (chronicle_test_render_to_png (GTK_WIDGET (window), png, &error));
  g_assert_no_error (error);

  /* j/k: the selection moves one article at a time and stops at the ends. */
  g_assert_true (chronicle_timeline_view_move_selection (view, 1));
  g_assert_cmpuint (chronicle_timeline_view_get_selected_position (view), ==, 0);
  g_assert_true (chronicle_timeline_view_move_selection (view, 1));
  g_assert_cmpuint (chronicle_timeline_view_get_selected_position (view), ==, 1);
  g_assert_cmpstr (chronicle_article_get_title (seen.selected), ==, "Markets calm after rate decision");
  g_assert_true (chronicle_timeline_view_move_selection (view, -1));
  g_assert_false (chronicle_timeline_view_move_selection (view, -1));
  g_assert_true (chronicle_timeline_view_activate_selected (view));
  g_assert_true (seen.activated == chronicle_timeline_view_get_selected (view));

  /* Going to a date selects the newest article of that day or before. */
  g_assert_cmpuint (chronicle_timeline_view_position_for_date (view, days[0].start), ==, 0);
  g_assert_cmpuint (chronicle_timeline_view_position_for_date (view, days[2].start + 60), ==, 2);
  g_assert_cmpuint (chronicle_timeline_view_position_for_date (view, 0), ==, 5);
  chronicle_timeline_view_scroll_to_date (view, days[3].start);
  g_assert_cmpuint (chronicle_timeline_view_get_selected_position (view), ==, 3);

  /* A drag on the ruler asks for that date range. */
  ruler = chronicle_timeline_view_get_ruler (view);
  chronicle_time_ruler_set_zoom (ruler, CHRONICLE_RULER_ZOOM_DAY);
  x = chronicle_time_ruler_x_for_date (ruler, days[0].start);
  _chronicle_time_ruler_drag (ruler, x, chronicle_time_ruler_x_for_date (ruler, days[3].start));
  g_assert_nonnull (seen.query);
  g_assert_cmpint (chronicle_query_get_from (seen.query), <=, days[3].start);
  g_assert_cmpint (chronicle_query_get_to (seen.query), >, days[0].start);
  g_assert_cmpint (chronicle_query_get_to (seen.query) - chronicle_query_get_from (seen.query), ==,
                   4 * 86400);

  /* No results: the status page offers to clear the filters. */
  g_list_store_remove_all (articles);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.clear-filters", NULL));
  g_assert_true (chronicle_query_is_all (seen.query));

  gtk_window_destroy (window);
  g_clear_object (&seen.query);
}

static void
collect_rows (GtkWidget  *widget,
              GHashTable *rows)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (CHRONICLE_IS_ARTICLE_ROW (c) && chronicle_article_row_get_article (CHRONICLE_ARTICLE_ROW (c)) != NULL)
        g_hash_table_insert (rows, c, chronicle_article_row_get_article (CHRONICLE_ARTICLE_ROW (c)));
      collect_rows (c, rows);
    }
}

/* Replaces every article by a new one (a filter change) and returns the rows shown,
 * each checked to show an article of the new set. */
static GHashTable *
replace_all (ChronicleTimelineView *view,
             GListStore            *store,
             const char            *prefix)
{
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTable *rows = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer row, article;

  for (guint i = 0; i < 5; i++)
    {
      ChronicleArticle *a = chronicle_article_new ();
      g_autofree char *title = g_strdup_printf ("%s %u", prefix, i);

      chronicle_article_set_id (a, 1000 + i);
      chronicle_article_set_title (a, title);
      chronicle_article_set_published (a, 1450000000 - i * 3600);
      g_ptr_array_add (fresh, a);
    }
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), fresh->pdata,
                       fresh->len);
  chronicle_test_wait_for_frames (GTK_WIDGET (view), 3);

  collect_rows (GTK_WIDGET (view), rows);
  g_assert_cmpuint (g_hash_table_size (rows), ==, 5);
  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, &row, &article))
    g_assert_true (g_str_has_prefix (chronicle_article_get_title (article), prefix));
  return rows;
}

/* GtkListView (4.8) drops the rows of removed items; the view keeps them for the next
 * ones, so the rows of one filter change show again, with new articles, two changes
 * later, and a click on a reused row still activates its own article. */
static void
test_rows_reused (void)
{
  g_autoptr(GListStore) articles = ui_test_load_articles ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  ChronicleTimelineView *view = CHRONICLE_TIMELINE_VIEW (chronicle_timeline_view_new ());
  g_autoptr(GHashTable) first = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) second = NULL;
  g_autoptr(GHashTable) third = NULL;
  GHashTableIter iter;
  gpointer row;
  guint again = 0;
  Seen seen = { 0 };

  g_signal_connect (view, "article-activated", G_CALLBACK (activated_cb), &seen);
  chronicle_timeline_view_set_model (view, G_LIST_MODEL (articles));
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_set_default_size (window, 480, 760);
  gtk_window_present (window);
  chronicle_test_wait_for_frames (GTK_WIDGET (view), 4);
  collect_rows (GTK_WIDGET (view), first);
  g_assert_cmpuint (g_hash_table_size (first), ==, 5);
  /* Marked, as a freed row's address may be that of a new one. */
  g_hash_table_iter_init (&iter, first);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    g_object_set_data (G_OBJECT (row), "first-rows", GINT_TO_POINTER (1));

  second = replace_all (view, articles, "Second");
  third = replace_all (view, articles, "Third");
  g_hash_table_iter_init (&iter, third);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    if (g_object_get_data (G_OBJECT (row), "first-rows") != NULL)
      again++;
  g_assert_cmpuint (again, >, 0);

  /* Opening a row goes through the list view's activation of its position. */
  chronicle_timeline_view_select (view, 2);
  g_assert_true (chronicle_timeline_view_activate_selected (view));
  g_assert_cmpstr (chronicle_article_get_title (seen.activated), ==, "Third 2");

  gtk_window_destroy (window);
}

/* Screen readers: Articles | Events and the zoom buttons are radio buttons, each
 * checked or not; the compact toggle is a check box. */
static void
test_accessible_toggles (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  ChronicleTimelineView *view = CHRONICLE_TIMELINE_VIEW (chronicle_timeline_view_new ());
  GtkAccessible *articles = GTK_ACCESSIBLE (gtk_widget_get_template_child (
    GTK_WIDGET (view), CHRONICLE_TYPE_TIMELINE_VIEW, "articles_toggle"));
  GtkAccessible *events = GTK_ACCESSIBLE (gtk_widget_get_template_child (
    GTK_WIDGET (view), CHRONICLE_TYPE_TIMELINE_VIEW, "events_toggle"));
  GtkAccessible *day = GTK_ACCESSIBLE (gtk_widget_get_template_child (
    GTK_WIDGET (view), CHRONICLE_TYPE_TIMELINE_VIEW, "zoom_day"));
  GtkAccessible *compact = GTK_ACCESSIBLE (gtk_widget_get_template_child (
    GTK_WIDGET (view), CHRONICLE_TYPE_TIMELINE_VIEW, "events_compact_toggle"));

  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);
  chronicle_test_wait_for_frames (GTK_WIDGET (view), 2);

  gtk_test_accessible_assert_role (articles, GTK_ACCESSIBLE_ROLE_RADIO);
  gtk_test_accessible_assert_role (events, GTK_ACCESSIBLE_ROLE_RADIO);
  gtk_test_accessible_assert_role (day, GTK_ACCESSIBLE_ROLE_RADIO);
  gtk_test_accessible_assert_role (compact, GTK_ACCESSIBLE_ROLE_CHECKBOX);

  chronicle_timeline_view_set_show_events (view, FALSE);
  gtk_test_accessible_assert_state (articles, GTK_ACCESSIBLE_STATE_CHECKED,
                                    GTK_ACCESSIBLE_TRISTATE_TRUE);
  gtk_test_accessible_assert_state (events, GTK_ACCESSIBLE_STATE_CHECKED,
                                    GTK_ACCESSIBLE_TRISTATE_FALSE);
  chronicle_timeline_view_set_show_events (view, TRUE);
  gtk_test_accessible_assert_state (articles, GTK_ACCESSIBLE_STATE_CHECKED,
                                    GTK_ACCESSIBLE_TRISTATE_FALSE);
  gtk_test_accessible_assert_state (events, GTK_ACCESSIBLE_STATE_CHECKED,
                                    GTK_ACCESSIBLE_TRISTATE_TRUE);

  chronicle_time_ruler_set_zoom (chronicle_timeline_view_get_ruler (view), CHRONICLE_RULER_ZOOM_DAY);
  gtk_test_accessible_assert_state (day, GTK_ACCESSIBLE_STATE_CHECKED,
                                    GTK_ACCESSIBLE_TRISTATE_TRUE);
  chronicle_time_ruler_set_zoom (chronicle_timeline_view_get_ruler (view), CHRONICLE_RULER_ZOOM_YEAR);
  gtk_test_accessible_assert_state (day, GTK_ACCESSIBLE_STATE_CHECKED,
                                    GTK_ACCESSIBLE_TRISTATE_FALSE);

  gtk_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("TZ", "UTC", TRUE);
  /* GTK's test accessibility backend, for the roles and states. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  chronicle_ui_init ();

  g_test_add_func ("/ui/timeline-view/timeline", test_timeline);
  g_test_add_func ("/ui/timeline-view/accessible-toggles", test_accessible_toggles);
  g_test_add_func ("/ui/timeline-view/rows-reused", test_rows_reused);

  return g_test_run ();
}
