/* test-events-view.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * The Events side of the timeline against a real store filled here: event rows,
 * opening an event, its articles, going back, and the Articles | Events switch.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "chronicle-article-list.h"
#include "chronicle-event-list.h"
#include "chronicle-event-row.h"
#include "chronicle-events-view.h"
#include "chronicle-store.h"
#include "chronicle-test-ui-utils.h"
#include "chronicle-test-utils.h"
#include "chronicle-timeline-view.h"
#include "chronicle-ui.h"

#define T0 G_GINT64_CONSTANT (1704067200) /* 2024-01-01 00:00 UTC */
#define DAY G_GINT64_CONSTANT (86400)

typedef struct {
  char *dir;
  ChronicleStore *store;
  gint64 a1, a2, a3;
} Fixture;

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

static ChronicleArticle *
article (gint64      source,
         const char *guid,
         const char *title,
         gint64      published,
         const char *key)
{
  ChronicleArticle *a = chronicle_article_new ();
  g_autofree char *url = g_strdup_printf ("https://news.example/%s", guid);
  const char *keys[] = { key, NULL };

  chronicle_article_set_source_id (a, source);
  chronicle_article_set_guid (a, guid);
  chronicle_article_set_url (a, url);
  chronicle_article_set_title (a, title);
  chronicle_article_set_published (a, published);
  chronicle_article_set_summary (a, "A summary.");
  chronicle_article_set_body (a, title);
  chronicle_article_set_event_keys (a, keys);
  return a;
}

static void
mention (ChronicleArticle    *a,
         ChronicleEntityKind  kind,
         const char          *name,
         const char          *code,
         guint                start)
{
  ChronicleMention *m = chronicle_mention_new (kind, name, start,
                                               start + (guint) g_utf8_strlen (name, -1));

  m->country_code = g_strdup (code);
  chronicle_article_add_mention (a, m);
}

static gint64
add_source (ChronicleStore *store,
            const char     *url,
            const char     *title)
{
  g_autoptr(ChronicleSource) source = chronicle_source_new (CHRONICLE_SOURCE_KIND_RSS, url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  chronicle_source_set_title (source, title);
  chronicle_store_add_source_async (store, source, NULL, result_cb, &result);
  id = chronicle_store_add_source_finish (store, await (&result), &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 alpha, beta;
  ChronicleArticle *a;

  fixture->dir = chronicle_test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "events.db", NULL);
  fixture->store = chronicle_store_open_sync (path, NULL, &error);
  g_assert_no_error (error);
  alpha = add_source (fixture->store, "https://alpha.example/feed", "Alpha News");
  beta = add_source (fixture->store, "https://beta.example/feed", "Beta Wire");

  a = article (alpha, "a1", "Strong earthquake shakes Chile", T0 + 3600, "quake");
  mention (a, CHRONICLE_ENTITY_KIND_COUNTRY, "Chile", "CL", 0);
  mention (a, CHRONICLE_ENTITY_KIND_PERSON, "Ana Silva", NULL, 10);
  g_ptr_array_add (batch, a);
  a = article (beta, "a2", "Aftershocks in Chile", T0 + DAY + 3600, "quake");
  mention (a, CHRONICLE_ENTITY_KIND_COUNTRY, "Chile", "CL", 0);
  g_ptr_array_add (batch, a);
  g_ptr_array_add (batch, article (alpha, "a3", "Summit opens", T0 + 3 * DAY, "summit"));
  g_ptr_array_add (events, chronicle_event_new ("quake", "Earthquake in Chile", T0, T0 + DAY));
  g_ptr_array_add (events, chronicle_event_new ("summit", "Leaders meet in Oslo", T0 + 3 * DAY,
                                                T0 + 4 * DAY));

  chronicle_store_upsert_articles_async (fixture->store, batch, events, NULL, result_cb, &result);
  ids = chronicle_store_upsert_articles_finish (fixture->store, await (&result), NULL, &error);
  g_assert_no_error (error);
  fixture->a1 = g_array_index (ids, gint64, 0);
  fixture->a2 = g_array_index (ids, gint64, 1);
  fixture->a3 = g_array_index (ids, gint64, 2);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->store);
  chronicle_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static void
find_widgets (GtkWidget *widget,
              GType      type,
              GPtrArray *out)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (g_type_is_a (G_OBJECT_TYPE (c), type))
        g_ptr_array_add (out, c);
      find_widgets (c, type, out);
    }
}

static void
label_texts (GtkWidget *widget,
             GString   *out)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (!gtk_widget_get_visible (c))
        continue;
      if (GTK_IS_LABEL (c) && *gtk_label_get_text (GTK_LABEL (c)) != '\0')
        g_string_append_printf (out, "[%s]", gtk_label_get_text (GTK_LABEL (c)));
      if (GTK_IS_INSCRIPTION (c) && gtk_inscription_get_text (GTK_INSCRIPTION (c)) != NULL)
        g_string_append_printf (out, "[%s]", gtk_inscription_get_text (GTK_INSCRIPTION (c)));
      label_texts (c, out);
    }
}

static void
wait_events (ChronicleEventList *list,
             guint               n)
{
  while (chronicle_event_list_get_loading (list)
         || g_list_model_get_n_items (G_LIST_MODEL (list)) != n)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_format_sources (void)
{
  const char *five[] = { "A", "B", "C", "D", "E", NULL };
  const char *two[] = { "A", "B", NULL };
  const char *none[] = { NULL };
  g_autofree char *s5 = chronicle_event_row_format_sources (five, 3);
  g_autofree char *s2 = chronicle_event_row_format_sources (two, 3);
  g_autofree char *s0 = chronicle_event_row_format_sources (none, 3);

  g_assert_cmpstr (s5, ==, "A, B, C and 2 more");
  g_assert_cmpstr (s2, ==, "A, B");
  g_assert_cmpstr (s0, ==, "");
}

static void
test_event_row (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ChronicleEventList) list = chronicle_event_list_new (fixture->store, NULL);
  g_autoptr(ChronicleEventSummary) quake = NULL;
  g_autoptr(GString) texts = g_string_new (NULL);
  GtkWidget *row = g_object_ref_sink (chronicle_event_row_new ());

  wait_events (list, 2);
  quake = g_list_model_get_item (G_LIST_MODEL (list), 1);

  /* A placeholder shows nothing, then fills in. */
  chronicle_event_row_set_event (CHRONICLE_EVENT_ROW (row), quake);
  g_assert_false (chronicle_event_summary_get_loaded (quake));
  label_texts (row, texts);
  g_assert_cmpstr (texts->str, ==, "");

  while (!chronicle_event_summary_get_loaded (quake))
    g_main_context_iteration (NULL, TRUE);
  label_texts (row, texts);
  g_assert_cmpstr (texts->str, ==,
                   "[1][Jan 2024][Earthquake in Chile][2 articles][Alpha News, Beta Wire]"
                   "[🇨🇱 Chile][Ana Silva]");
  g_assert_true (chronicle_event_row_get_event (CHRONICLE_EVENT_ROW (row)) == quake);

  chronicle_event_row_set_event (CHRONICLE_EVENT_ROW (row), NULL);
  g_string_truncate (texts, 0);
  label_texts (row, texts);
  g_assert_cmpstr (texts->str, ==, "");
  g_object_unref (row);
}

typedef struct {
  ChronicleArticle *activated;
} Seen;

static void
activated_cb (GtkWidget        *view,
              ChronicleArticle *article,
              Seen             *seen)
{
  g_set_object (&seen->activated, article);
}

static void
test_events_view (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  ChronicleEventsView *view = CHRONICLE_EVENTS_VIEW (chronicle_events_view_new ());
  g_autoptr(ChronicleQuery) all = chronicle_query_new ();
  g_autoptr(ChronicleQuery) chile = chronicle_query_with_entity_added (all,
                                                                       CHRONICLE_ENTITY_KIND_COUNTRY,
                                                                       "Chile");
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *png = chronicle_test_output_path ("events-view.png");
  g_autofree char *png_event = chronicle_test_output_path ("events-view-event.png");
  g_autoptr(ChronicleArticle) first = NULL;
  g_autoptr(ChronicleArticle) second = NULL;
  Seen seen = { NULL };
  ChronicleEventList *events;
  GListModel *articles;
  GtkStack *stack;

  g_signal_connect (view, "article-activated", G_CALLBACK (activated_cb), &seen);
  gtk_window_set_default_size (window, 420, 480);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);

  find_widgets (GTK_WIDGET (view), GTK_TYPE_STACK, lists);
  stack = g_ptr_array_index (lists, 0);
  /* The PNGs show pages, not the slide between them. */
  gtk_stack_set_transition_type (stack, GTK_STACK_TRANSITION_TYPE_NONE);
  g_ptr_array_set_size (lists, 0);
  find_widgets (GTK_WIDGET (view), GTK_TYPE_LIST_VIEW, lists);
  g_assert_cmpuint (lists->len, ==, 2);

  /* Inactive: no list is read. */
  chronicle_events_view_set_store (view, fixture->store);
  chronicle_events_view_set_query (view, all);
  g_assert_null (chronicle_events_view_get_events (view));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  chronicle_events_view_set_active (view, TRUE);
  events = CHRONICLE_EVENT_LIST (chronicle_events_view_get_events (view));
  g_assert_nonnull (events);
  wait_events (events, 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "events");
  chronicle_test_wait_for_frames (GTK_WIDGET (view), 3);
  g_assert_true (chronicle_test_render_to_png (GTK_WIDGET (window), png, &error));
  g_assert_no_error (error);

  /* Opening the older event (the quake) lists its two articles, newest first. */
  chronicle_events_view_open_event (view, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "event");
  g_assert_cmpstr (chronicle_event_summary_get_key (chronicle_events_view_get_open_event (view)),
                   ==, "quake");
  articles = chronicle_events_view_get_articles (view);
  while (g_list_model_get_n_items (articles) < 2)
    g_main_context_iteration (NULL, TRUE);
  first = g_list_model_get_item (articles, 0);
  second = g_list_model_get_item (articles, 1);
  g_assert_cmpint (chronicle_article_get_id (first), ==, fixture->a2);
  g_assert_cmpint (chronicle_article_get_id (second), ==, fixture->a1);
  g_assert_cmpstr (chronicle_article_get_title (first), ==, "Aftershocks in Chile");
  chronicle_test_wait_for_frames (GTK_WIDGET (view), 3);
  g_assert_true (chronicle_test_render_to_png (GTK_WIDGET (window), png_event, &error));
  g_assert_no_error (error);

  /* Activating an article row hands it on. */
  g_signal_emit_by_name (g_ptr_array_index (lists, 1), "activate", 1);
  g_assert_true (seen.activated == second);

  /* Back: the list again, on the event that was open. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "events.back", NULL));
  g_assert_null (chronicle_events_view_get_open_event (view));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "events");
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 0);

  /* Activating an event row opens it. */
  g_signal_emit_by_name (g_ptr_array_index (lists, 0), "activate", 0);
  g_assert_cmpstr (chronicle_event_summary_get_key (chronicle_events_view_get_open_event (view)),
                   ==, "summit");
  chronicle_events_view_show_events (view);

  /* A filter applies to the events: only the quake names Chile. */
  chronicle_events_view_set_query (view, chile);
  wait_events (events, 1);
  g_assert_cmpint (chronicle_event_list_get_id (events, 0), ==,
                   chronicle_event_summary_get_id (g_list_model_get_item (G_LIST_MODEL (events), 0)));

  chronicle_events_view_set_active (view, FALSE);
  g_assert_null (chronicle_events_view_get_events (view));

  g_clear_object (&seen.activated);
  gtk_window_destroy (window);
}

static void
find_toggle (GtkWidget        *widget,
             const char       *label,
             GtkToggleButton **out)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL && *out == NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_TOGGLE_BUTTON (c) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (c)), label) == 0)
        *out = GTK_TOGGLE_BUTTON (c);
      else
        find_toggle (c, label, out);
    }
}

static void
test_timeline_switch (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  ChronicleTimelineView *timeline = CHRONICLE_TIMELINE_VIEW (chronicle_timeline_view_new ());
  g_autoptr(ChronicleQuery) all = chronicle_query_new ();
  g_autoptr(ChronicleArticleList) list = chronicle_article_list_new (fixture->store, all);
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();
  GtkToggleButton *events_toggle = NULL;
  GtkToggleButton *articles_toggle = NULL;
  ChronicleEventsView *view;
  ChronicleEventList *events;
  GtkSingleSelection *events_selection;
  Seen seen = { NULL };
  GtkStack *list_stack = NULL;

  g_signal_connect (timeline, "article-activated", G_CALLBACK (activated_cb), &seen);
  gtk_window_set_default_size (window, 420, 600);
  gtk_window_set_child (window, GTK_WIDGET (timeline));
  gtk_window_present (window);
  chronicle_timeline_view_set_model (timeline, G_LIST_MODEL (list));
  chronicle_timeline_view_set_query (timeline, all);

  find_toggle (GTK_WIDGET (timeline), "Events", &events_toggle);
  find_toggle (GTK_WIDGET (timeline), "Articles", &articles_toggle);
  g_assert_nonnull (events_toggle);
  g_assert_nonnull (articles_toggle);
  g_assert_true (gtk_toggle_button_get_active (articles_toggle));

  find_widgets (GTK_WIDGET (timeline), CHRONICLE_TYPE_EVENTS_VIEW, widgets);
  g_assert_cmpuint (widgets->len, ==, 1);
  view = g_ptr_array_index (widgets, 0);
  g_ptr_array_set_size (widgets, 0);
  find_widgets (GTK_WIDGET (timeline), GTK_TYPE_STACK, widgets);
  for (guint i = 0; i < widgets->len; i++)
    if (gtk_stack_get_child_by_name (g_ptr_array_index (widgets, i), "events") == GTK_WIDGET (view))
      list_stack = g_ptr_array_index (widgets, i);
  g_assert_nonnull (list_stack);
  g_assert_null (chronicle_events_view_get_events (view));

  gtk_toggle_button_set_active (events_toggle, TRUE);
  g_assert_false (gtk_toggle_button_get_active (articles_toggle));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "events");
  events = CHRONICLE_EVENT_LIST (chronicle_events_view_get_events (view));
  g_assert_nonnull (events);
  g_assert_true (chronicle_event_list_get_store (events) == fixture->store);
  wait_events (events, 2);
  g_assert_true (chronicle_timeline_view_get_show_events (timeline));

  /* In Events, j/k move through the events (newest first: the summit, then the quake). */
  g_ptr_array_set_size (widgets, 0);
  find_widgets (GTK_WIDGET (view), GTK_TYPE_LIST_VIEW, widgets);
  events_selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (g_ptr_array_index (widgets, 0)));
  g_assert_true (chronicle_timeline_view_move_selection (timeline, 1));
  g_assert_cmpuint (gtk_single_selection_get_selected (events_selection), ==, 0);
  g_assert_true (chronicle_timeline_view_move_selection (timeline, 1));
  g_assert_cmpuint (gtk_single_selection_get_selected (events_selection), ==, 1);
  g_assert_false (chronicle_timeline_view_move_selection (timeline, 1));
  g_assert_true (chronicle_timeline_view_move_selection (timeline, -1));
  g_assert_cmpuint (gtk_single_selection_get_selected (events_selection), ==, 0);

  /* The ruler, Today and the date picker go to the newest event started by then
   * (once the rows are read: a row still loading ends the search there). */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ChronicleEventSummary) event = g_list_model_get_item (G_LIST_MODEL (events), i);

      while (!chronicle_event_summary_get_loaded (event))
        g_main_context_iteration (NULL, TRUE);
    }
  chronicle_timeline_view_scroll_to_date (timeline, T0 + 2 * DAY);
  g_assert_cmpuint (gtk_single_selection_get_selected (events_selection), ==, 1);
  g_assert_cmpint (chronicle_time_ruler_get_position (chronicle_timeline_view_get_ruler (timeline)),
                   ==, T0 + 2 * DAY);
  chronicle_timeline_view_scroll_to_date (timeline, T0 + 5 * DAY);
  g_assert_cmpuint (gtk_single_selection_get_selected (events_selection), ==, 0);

  /* Enter opens the selected event; then j/k move through its articles. */
  g_assert_true (chronicle_timeline_view_activate_selected (timeline));
  g_assert_nonnull (chronicle_events_view_get_open_event (view));
  g_assert_cmpint (chronicle_event_summary_get_start (chronicle_events_view_get_open_event (view)),
                   ==, T0 + 3 * DAY);
  /* A date goes back to the events. */
  chronicle_timeline_view_scroll_to_date (timeline, T0 + 2 * DAY);
  g_assert_null (chronicle_events_view_get_open_event (view));
  g_assert_cmpuint (gtk_single_selection_get_selected (events_selection), ==, 1);

  /* An article of an event opens like one of the timeline. */
  chronicle_events_view_open_event (view, 0);
  while (g_list_model_get_n_items (chronicle_events_view_get_articles (view)) < 1
         || !chronicle_event_summary_get_loaded (chronicle_events_view_get_open_event (view)))
    g_main_context_iteration (NULL, TRUE);
  /* The ruler marks the open event's date. */
  g_assert_cmpint (chronicle_time_ruler_get_position (chronicle_timeline_view_get_ruler (timeline)),
                   ==, T0 + 3 * DAY);
  g_ptr_array_set_size (widgets, 0);
  find_widgets (GTK_WIDGET (view), GTK_TYPE_LIST_VIEW, widgets);
  g_signal_emit_by_name (g_ptr_array_index (widgets, 1), "activate", 0);
  g_assert_nonnull (seen.activated);
  g_assert_cmpint (chronicle_article_get_id (seen.activated), ==, fixture->a3);

  /* Back to Articles: the event list is dropped. */
  gtk_toggle_button_set_active (articles_toggle, TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), !=, "events");
  g_assert_null (chronicle_events_view_get_events (view));

  g_clear_object (&seen.activated);
  gtk_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("TZ", "UTC", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  chronicle_ui_init ();

  g_test_add_func ("/ui/events-view/format-sources", test_format_sources);
  g_test_add ("/ui/events-view/event-row", Fixture, NULL, fixture_setup, test_event_row,
              fixture_teardown);
  g_test_add ("/ui/events-view/events-view", Fixture, NULL, fixture_setup, test_events_view,
              fixture_teardown);
  g_test_add ("/ui/events-view/timeline-switch", Fixture, NULL, fixture_setup,
              test_timeline_switch, fixture_teardown);

  return g_test_run ();
}
