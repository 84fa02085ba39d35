/* test-entity-page.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * The entity page on a real store (name, kind, flag, counts, related
 * entities, articles, not found), and the window around it: the world map
 * filters the timeline by a country, the sidebar's facets follow the query,
 * a mention in an article opens the page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "chronicle-entity-browser.h"
#include "chronicle-entity-page.h"
#include "chronicle-store-entities.h"
#include "chronicle-test-ui-utils.h"
#include "chronicle-timeline-view.h"
#include "chronicle-ui.h"
#include "chronicle-window.h"
#include "chronicle-world-map.h"
#include "entity-test-store.h"

static GtkWidget *
child (GtkWidget  *widget,
       GType       type,
       const char *name)
{
  GtkWidget *found = GTK_WIDGET (gtk_widget_get_template_child (widget, type, name));

  g_assert_nonnull (found);
  return found;
}

static gboolean
page_loaded (gpointer data)
{
  return !chronicle_entity_page_is_loading (data) && chronicle_entity_page_get_entity (data) != NULL;
}

static GtkWidget *
page_in_window (ChronicleStore *store,
                GtkWindow     **window)
{
  GtkWidget *page = chronicle_entity_page_new ();

  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, 720, 820);
  gtk_window_set_child (*window, page);
  chronicle_entity_page_set_store (CHRONICLE_ENTITY_PAGE (page), store);
  gtk_window_present (*window);
  return page;
}

typedef struct {
  int kind;
  char *name;
} Activated;

static void
entity_activated_cb (ChronicleEntityPage *page,
                     int                  kind,
                     const char          *name,
                     Activated           *seen)
{
  seen->kind = kind;
  g_free (seen->name);
  seen->name = g_strdup (name);
}

static void
filter_requested_cb (ChronicleEntityPage *page,
                     int                  kind,
                     const char          *name,
                     Activated           *seen)
{
  entity_activated_cb (page, kind, name, seen);
}

static void
test_person (void)
{
  g_autofree char *dir = g_dir_make_tmp ("chronicle-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(ChronicleStore) store = entity_test_store_new (path);
  g_autofree char *png = chronicle_test_output_path ("entity-page-person.png");
  Activated seen = { -1, NULL };
  ChronicleEntityPage *page;
  ChronicleEntity *entity;
  GtkWindow *window;
  GtkWidget *name_label;

  page = CHRONICLE_ENTITY_PAGE (page_in_window (store, &window));
  g_signal_connect (page, "entity-activated", G_CALLBACK (entity_activated_cb), &seen);
  chronicle_entity_page_show_entity (page, CHRONICLE_ENTITY_KIND_PERSON, "Vladimir Putin");
  g_assert_true (chronicle_entity_page_is_loading (page));
  g_assert_true (entity_test_wait (page_loaded, page));

  entity = chronicle_entity_page_get_entity (page);
  g_assert_cmpstr (chronicle_entity_get_name (entity), ==, "Vladimir Putin");
  g_assert_cmpint (chronicle_entity_get_kind (entity), ==, CHRONICLE_ENTITY_KIND_PERSON);
  g_assert_cmpuint (chronicle_entity_get_mention_count (entity), ==, 2);
  g_assert_cmpuint (chronicle_entity_page_get_n_articles (page), ==, 2);

  name_label = child (GTK_WIDGET (page), CHRONICLE_TYPE_ENTITY_PAGE, "name_label");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (name_label)), ==, "Vladimir Putin");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (GTK_WIDGET (page),
                                                          CHRONICLE_TYPE_ENTITY_PAGE,
                                                          "count_label"))),
                   ==, "Named in 2 articles");

  /* Russia is named in both of his articles: it is among the related. */
  g_assert_cmpuint (chronicle_entity_page_get_n_related (page), >=, 4);
  for (guint i = 0; i < chronicle_entity_page_get_n_related (page); i++)
    {
      chronicle_entity_page_activate_related (page, i);
      if (g_strcmp0 (seen.name, "Russia") == 0)
        break;
    }
  g_assert_cmpstr (seen.name, ==, "Russia");
  g_assert_cmpint (seen.kind, ==, CHRONICLE_ENTITY_KIND_COUNTRY);

  chronicle_test_wait_for_frames (GTK_WIDGET (window), 3);
  g_assert_true (chronicle_test_render_to_png (GTK_WIDGET (window), png, NULL));

  g_free (seen.name);
  gtk_window_destroy (window);
}

static void
test_country (void)
{
  g_autofree char *dir = g_dir_make_tmp ("chronicle-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(ChronicleStore) store = entity_test_store_new (path);
  g_autofree char *png = chronicle_test_output_path ("entity-page-country.png");
  Activated seen = { -1, NULL };
  ChronicleEntityPage *page;
  GtkWindow *window;
  GtkWidget *emblem;

  page = CHRONICLE_ENTITY_PAGE (page_in_window (store, &window));
  g_signal_connect (page, "filter-requested", G_CALLBACK (filter_requested_cb), &seen);
  chronicle_entity_page_show_entity (page, CHRONICLE_ENTITY_KIND_COUNTRY, "France");
  g_assert_true (entity_test_wait (page_loaded, page));

  g_assert_cmpuint (chronicle_entity_get_mention_count (chronicle_entity_page_get_entity (page)),
                    ==, 3);
  g_assert_cmpuint (chronicle_entity_page_get_n_articles (page), ==, 3);

  /* The flag, as a regional indicator pair. */
  emblem = child (GTK_WIDGET (page), CHRONICLE_TYPE_ENTITY_PAGE, "emblem_label");
  g_assert_true (gtk_widget_get_visible (emblem));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (emblem)), ==, "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7");

  /* "Show in Timeline" asks for the filter. */
  g_signal_emit_by_name (child (GTK_WIDGET (page), CHRONICLE_TYPE_ENTITY_PAGE, "filter_button"),
                         "clicked");
  g_assert_cmpstr (seen.name, ==, "France");
  g_assert_cmpint (seen.kind, ==, CHRONICLE_ENTITY_KIND_COUNTRY);

  chronicle_test_wait_for_frames (GTK_WIDGET (window), 3);
  g_assert_true (chronicle_test_render_to_png (GTK_WIDGET (window), png, NULL));
  g_free (seen.name);
  gtk_window_destroy (window);
}

static gboolean
missing_shown (gpointer data)
{
  GtkStack *stack = GTK_STACK (child (data, CHRONICLE_TYPE_ENTITY_PAGE, "stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "missing") == 0;
}

static void
test_missing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("chronicle-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(ChronicleStore) store = entity_test_store_new (path);
  ChronicleEntityPage *page;
  GtkWindow *window;

  page = CHRONICLE_ENTITY_PAGE (page_in_window (store, &window));
  chronicle_entity_page_show_entity (page, CHRONICLE_ENTITY_KIND_PERSON, "Nobody Atall");
  g_assert_true (entity_test_wait (missing_shown, page));
  g_assert_null (chronicle_entity_page_get_entity (page));
  g_assert_false (chronicle_entity_page_is_loading (page));
  gtk_window_destroy (window);
}

static gboolean
merged_rows_are (gpointer data)
{
  GtkWidget *list = child (data, CHRONICLE_TYPE_ENTITY_PAGE, "merged_list");
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (list); c != NULL; c = gtk_widget_get_next_sibling (c))
    n++;
  return !chronicle_entity_page_is_loading (data) && chronicle_entity_page_get_entity (data) != NULL
         && n == GPOINTER_TO_UINT (g_object_get_data (data, "want"));
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Follow writes to the store; a merge shows on the page and Split undoes it. */
static void
test_follow_and_split (void)
{
  g_autofree char *dir = g_dir_make_tmp ("chronicle-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(ChronicleStore) store = entity_test_store_new (path);
  g_autoptr(GAsyncResult) followed = NULL;
  g_autoptr(GAsyncResult) merged = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleEntity) putin = NULL;
  g_autofree char *png = chronicle_test_output_path ("entity-page-merged.png");
  ChronicleEntityPage *page;
  GtkToggleButton *follow;
  GtkWindow *window;
  gint64 vladimir_id;

  page = CHRONICLE_ENTITY_PAGE (page_in_window (store, &window));
  chronicle_entity_page_show_entity (page, CHRONICLE_ENTITY_KIND_PERSON, "Putin");
  g_assert_true (entity_test_wait (page_loaded, page));
  putin = g_object_ref (chronicle_entity_page_get_entity (page));
  chronicle_entity_page_show_entity (page, CHRONICLE_ENTITY_KIND_PERSON, "Vladimir Putin");
  g_assert_true (entity_test_wait (page_loaded, page));
  vladimir_id = chronicle_entity_get_id (chronicle_entity_page_get_entity (page));

  /* Follow */
  follow = GTK_TOGGLE_BUTTON (child (GTK_WIDGET (page), CHRONICLE_TYPE_ENTITY_PAGE, "follow_button"));
  g_assert_false (gtk_toggle_button_get_active (follow));
  /* For screen readers Follow is a check box, checked or not (GTK 4.8 has no
   * toggle-button role). */
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (follow)), ==,
                   GTK_ACCESSIBLE_ROLE_CHECKBOX);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (follow), GTK_ACCESSIBLE_STATE_CHECKED,
                                    GTK_ACCESSIBLE_TRISTATE_FALSE);
  gtk_toggle_button_set_active (follow, TRUE);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (follow)), ==, "Following");
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (follow), GTK_ACCESSIBLE_STATE_CHECKED,
                                    GTK_ACCESSIBLE_TRISTATE_TRUE);
  /* The write is queued: ask until it has landed. */
  for (guint tries = 0; tries < 100 && (list == NULL || list->len == 0); tries++)
    {
      g_clear_pointer (&list, g_ptr_array_unref);
      g_clear_object (&followed);
      g_usleep (10000);
      chronicle_store_list_followed_async (store, NULL, entity_test_result_cb, &followed);
      list = chronicle_store_list_followed_finish (store, entity_test_await (&followed), &error);
      g_assert_no_error (error);
    }
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (chronicle_entity_get_id (g_ptr_array_index (list, 0)), ==, vladimir_id);

  /* Merge "Putin" into "Vladimir Putin" (as the dialog does): the page lists it. */
  chronicle_store_merge_entities_async (store, chronicle_entity_get_id (putin), vladimir_id, NULL,
                                        entity_test_result_cb, &merged);
  g_assert_true (chronicle_store_merge_entities_finish (store, entity_test_await (&merged), &error));
  g_assert_no_error (error);
  chronicle_entity_page_show_entity (page, CHRONICLE_ENTITY_KIND_PERSON, "Vladimir Putin");
  g_object_set_data (G_OBJECT (page), "want", GUINT_TO_POINTER (1));
  g_assert_true (entity_test_wait (merged_rows_are, page));
  g_assert_cmpuint (chronicle_entity_get_mention_count (chronicle_entity_page_get_entity (page)),
                    ==, 3);
  g_assert_true (gtk_toggle_button_get_active (follow));
  chronicle_test_wait_for_frames (GTK_WIDGET (window), 3);
  g_assert_true (chronicle_test_render_to_png (GTK_WIDGET (window), png, NULL));

  /* Split: back to two people. */
  g_signal_emit_by_name (find_button (child (GTK_WIDGET (page), CHRONICLE_TYPE_ENTITY_PAGE,
                                             "merged_list"), "Split"), "clicked");
  g_object_set_data (G_OBJECT (page), "want", GUINT_TO_POINTER (0));
  g_assert_true (entity_test_wait (merged_rows_are, page));
  g_assert_cmpuint (chronicle_entity_get_mention_count (chronicle_entity_page_get_entity (page)),
                    ==, 2);

  gtk_window_destroy (window);
}

static gboolean
browser_loaded (gpointer data)
{
  return !chronicle_entity_browser_is_loading (data);
}

/* The browser: every person, sorted three ways, searchable, a row opens a page. */
static void
test_browser (void)
{
  g_autofree char *dir = g_dir_make_tmp ("chronicle-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(ChronicleStore) store = entity_test_store_new (path);
  g_autofree char *png = chronicle_test_output_path ("entity-browser.png");
  Activated seen = { -1, NULL };
  ChronicleEntityBrowser *browser;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  browser = CHRONICLE_ENTITY_BROWSER (chronicle_entity_browser_new ());
  gtk_window_set_default_size (window, 720, 620);
  gtk_window_set_child (window, GTK_WIDGET (browser));
  gtk_window_present (window);
  g_signal_connect (browser, "entity-activated", G_CALLBACK (entity_activated_cb), &seen);

  chronicle_entity_browser_set_store (browser, store);
  g_assert_true (entity_test_wait (browser_loaded, browser));
  g_assert_cmpuint (chronicle_entity_browser_get_n_rows (browser), ==, 7);
  g_assert_cmpstr (chronicle_entity_browser_get_row_name (browser, 0), ==, "Angela Merkel");

  chronicle_entity_browser_set_sort (browser, CHRONICLE_ENTITY_SORT_NAME);
  g_assert_true (entity_test_wait (browser_loaded, browser));
  g_assert_cmpstr (chronicle_entity_browser_get_row_name (browser, 0), ==, "Angela Merkel");
  g_assert_cmpstr (chronicle_entity_browser_get_row_name (browser, 1), ==, "Emmanuel Macron");
  g_assert_cmpstr (chronicle_entity_browser_get_row_name (browser, 6), ==, "Vladimir Putin");

  chronicle_entity_browser_set_sort (browser, CHRONICLE_ENTITY_SORT_RECENT);
  g_assert_true (entity_test_wait (browser_loaded, browser));
  g_assert_cmpstr (chronicle_entity_browser_get_row_name (browser, 0), ==, "Emmanuel Macron");

  chronicle_entity_browser_set_search (browser, "putin");
  g_assert_true (entity_test_wait (browser_loaded, browser));
  g_assert_cmpuint (chronicle_entity_browser_get_n_rows (browser), ==, 2);

  chronicle_entity_browser_set_search (browser, NULL);
  chronicle_entity_browser_set_sort (browser, CHRONICLE_ENTITY_SORT_MENTIONS);
  chronicle_entity_browser_set_kind (browser, CHRONICLE_ENTITY_KIND_COUNTRY);
  g_assert_true (entity_test_wait (browser_loaded, browser));
  g_assert_cmpstr (chronicle_entity_browser_get_row_name (browser, 0), ==, "Russia");
  chronicle_entity_browser_activate_row (browser, 0);
  g_assert_cmpstr (seen.name, ==, "Russia");
  g_assert_cmpint (seen.kind, ==, CHRONICLE_ENTITY_KIND_COUNTRY);

  chronicle_test_wait_for_frames (GTK_WIDGET (window), 3);
  g_assert_true (chronicle_test_render_to_png (GTK_WIDGET (window), png, NULL));
  g_free (seen.name);
  gtk_window_destroy (window);
}

/* The window: map, facets, mentions */

typedef struct {
  ChronicleWorldMap *map;
  const char *code;
  guint count;
} MapWait;

static gboolean
map_count_is (gpointer data)
{
  MapWait *w = data;

  return chronicle_world_map_get_count (w->map, w->code) == w->count;
}

/* The timeline gets a new model for a new query: ask it each time. */
static guint
n_items (ChronicleTimelineView *timeline)
{
  GListModel *model = chronicle_timeline_view_get_model (timeline);

  return model != NULL ? g_list_model_get_n_items (model) : 0;
}

static gboolean
timeline_has (gpointer data)
{
  return n_items (data) == GPOINTER_TO_UINT (g_object_get_data (data, "want"));
}

static void
wait_for_items (ChronicleTimelineView *timeline,
                guint                  n)
{
  g_object_set_data (G_OBJECT (timeline), "want", GUINT_TO_POINTER (n));
  entity_test_wait (timeline_has, timeline);
  g_assert_cmpuint (n_items (timeline), ==, n);
}

static gboolean
facet_listed (gpointer data)
{
  GtkWidget *list = data;
  const char *want = g_object_get_data (G_OBJECT (list), "want");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "entity-name"), want) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
facet_absent (gpointer data)
{
  return !facet_listed (data);
}

static void
test_window_map_and_facets (void)
{
  g_autofree char *dir = g_dir_make_tmp ("chronicle-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(ChronicleStore) store = entity_test_store_new (path);
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autofree char *png = chronicle_test_output_path ("window-map.png");
  g_autofree char *saved = NULL;
  ChronicleWindow *window;
  ChronicleTimelineView *timeline;
  ChronicleWorldMap *map;
  GtkWidget *sidebar, *people;
  GtkStack *article_stack;
  MapWait w;
  const char *const *countries;

  g_settings_set_int (settings, "window-width", 1280);
  g_settings_set_int (settings, "window-height", 800);
  g_settings_set_string (settings, "query", "");

  window = chronicle_window_new_with_store (settings, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  timeline = CHRONICLE_TIMELINE_VIEW (child (GTK_WIDGET (window), CHRONICLE_TYPE_WINDOW,
                                             "timeline_view"));
  wait_for_items (timeline, 8);

  /* Facets: every person of the sample is listed before any filter. */
  sidebar = child (GTK_WIDGET (window), CHRONICLE_TYPE_WINDOW, "sidebar");
  people = GTK_WIDGET (gtk_widget_get_template_child (sidebar, G_OBJECT_TYPE (sidebar),
                                                      "people_list"));
  g_object_set_data (G_OBJECT (people), "want", (gpointer) "John Kerry");
  g_assert_true (entity_test_wait (facet_listed, people));

  /* The map, shaded by the query's counts. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-map", NULL);
  article_stack = GTK_STACK (child (GTK_WIDGET (window), CHRONICLE_TYPE_WINDOW, "article_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (article_stack), ==, "map");
  map = CHRONICLE_WORLD_MAP (gtk_stack_get_visible_child (article_stack));
  w = (MapWait) { map, "FR", 3 };
  g_assert_true (entity_test_wait (map_count_is, &w));
  g_assert_cmpuint (chronicle_world_map_get_count (map, "DE"), ==, 3);
  g_assert_cmpuint (chronicle_world_map_get_count (map, "RU"), ==, 4);

  /* A click on France filters the timeline by it. */
  g_signal_emit_by_name (map, "country-activated", "FR");
  countries = chronicle_query_get_entities (chronicle_window_get_query (window),
                                            CHRONICLE_ENTITY_KIND_COUNTRY);
  g_assert_nonnull (countries);
  g_assert_cmpstr (countries[0], ==, "France");
  g_assert_null (countries[1]);
  wait_for_items (timeline, 3);
  saved = g_settings_get_string (settings, "query");
  g_assert_nonnull (strstr (saved, "France"));

  /* The map follows the query: Germany now counts only the articles with France. */
  w = (MapWait) { map, "DE", 1 };
  g_assert_true (entity_test_wait (map_count_is, &w));
  g_assert_cmpstr (chronicle_world_map_get_selected_code (map), ==, "FR");

  /* The facets follow it too: Kerry is not in an article about France. */
  g_assert_true (entity_test_wait (facet_absent, people));
  g_object_set_data (G_OBJECT (people), "want", (gpointer) "Emmanuel Macron");
  g_assert_true (entity_test_wait (facet_listed, people));

  chronicle_test_wait_for_frames (GTK_WIDGET (window), 3);
  g_assert_true (chronicle_test_render_to_png (GTK_WIDGET (window), png, NULL));

  /* France again: the filter goes. */
  g_signal_emit_by_name (map, "country-activated", "FR");
  countries = chronicle_query_get_entities (chronicle_window_get_query (window),
                                            CHRONICLE_ENTITY_KIND_COUNTRY);
  g_assert_true (countries == NULL || countries[0] == NULL);
  wait_for_items (timeline, 8);

  /* The People facet's own search asks the store under the query. */
  {
    GtkWidget *header = gtk_widget_get_parent (GTK_WIDGET (gtk_widget_get_template_child (
      sidebar, G_OBJECT_TYPE (sidebar), "people_heading")));
    GtkWidget *toggle = gtk_widget_get_last_child (header);
    GtkWidget *search = gtk_widget_get_next_sibling (header);

    g_assert_true (GTK_IS_TOGGLE_BUTTON (toggle));
    g_assert_true (GTK_IS_SEARCH_ENTRY (search));
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
    g_assert_true (gtk_widget_get_visible (search));
    gtk_editable_set_text (GTK_EDITABLE (search), "merk");
    g_signal_emit_by_name (search, "search-changed");
    g_object_set_data (G_OBJECT (people), "want", (gpointer) "John Kerry");
    g_assert_true (entity_test_wait (facet_absent, people));
    g_object_set_data (G_OBJECT (people), "want", (gpointer) "Angela Merkel");
    g_assert_true (entity_test_wait (facet_listed, people));
    g_assert_null (gtk_widget_get_next_sibling (gtk_widget_get_first_child (people)));

    /* Closing the search brings the top people back. */
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), FALSE);
    g_object_set_data (G_OBJECT (people), "want", (gpointer) "John Kerry");
    g_assert_true (entity_test_wait (facet_listed, people));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
load_app_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static gboolean
window_page_loaded (gpointer data)
{
  ChronicleEntityPage *page = data;

  return page_loaded (page);
}

/* Narrow: the entity page is a leaflet page of its own, and Back returns. */
static void
test_narrow (void)
{
  g_autofree char *dir = g_dir_make_tmp ("chronicle-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(ChronicleStore) store = entity_test_store_new (path);
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autofree char *png = chronicle_test_output_path ("entity-page-narrow.png");
  ChronicleWindow *window;
  AdwLeaflet *leaflet;
  GtkStack *article_stack;
  GtkWidget *sidebar;

  g_settings_set_int (settings, "window-width", 400);
  g_settings_set_int (settings, "window-height", 760);
  g_settings_set_string (settings, "query", "");
  window = chronicle_window_new_with_store (settings, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  chronicle_test_wait_for_frames (GTK_WIDGET (window), 3);

  leaflet = ADW_LEAFLET (child (GTK_WIDGET (window), CHRONICLE_TYPE_WINDOW, "leaflet"));
  g_assert_true (adw_leaflet_get_folded (leaflet));
  sidebar = child (GTK_WIDGET (window), CHRONICLE_TYPE_WINDOW, "sidebar");
  g_signal_emit_by_name (sidebar, "entity-activated", CHRONICLE_ENTITY_KIND_PERSON, "Angela Merkel");

  article_stack = GTK_STACK (child (GTK_WIDGET (window), CHRONICLE_TYPE_WINDOW, "article_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (article_stack), ==, "entity");
  g_assert_true (adw_leaflet_get_visible_child (leaflet)
                 == child (GTK_WIDGET (window), CHRONICLE_TYPE_WINDOW, "article_pane"));
  g_assert_true (entity_test_wait (window_page_loaded, gtk_stack_get_visible_child (article_stack)));
  chronicle_test_wait_for_frames (GTK_WIDGET (window), 3);
  g_assert_true (chronicle_test_render_to_png (GTK_WIDGET (window), png, NULL));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL);
  g_assert_true (adw_leaflet_get_visible_child (leaflet)
                 == child (GTK_WIDGET (window), CHRONICLE_TYPE_WINDOW, "timeline_pane"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A sync while the page is open: three new articles name Putin, with Olaf Scholz. */
static void
sync_putin_articles (ChronicleStore *store)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GAsyncResult) stored = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3; i++)
    {
      ChronicleArticle *article = chronicle_article_new ();
      g_autofree char *url = g_strdup_printf ("https://news.example.org/synced/%u", i);
      const char *body = "Synced: Vladimir Putin met Olaf Scholz.";

      chronicle_article_set_source_id (article, 1);
      chronicle_article_set_title (article, "Putin meets Scholz");
      chronicle_article_set_url (article, url);
      chronicle_article_set_guid (article, url);
      chronicle_article_set_published (article, 1700000000 + i * 86400);
      chronicle_article_set_body (article, body);
      chronicle_article_add_mention (article, chronicle_mention_new (CHRONICLE_ENTITY_KIND_PERSON,
                                                                     "Vladimir Putin", 8, 22));
      chronicle_article_add_mention (article, chronicle_mention_new (CHRONICLE_ENTITY_KIND_PERSON,
                                                                     "Olaf Scholz", 27, 38));
      g_ptr_array_add (articles, article);
    }
  chronicle_store_upsert_articles_async (store, articles, NULL, NULL, entity_test_result_cb, &stored);
  ids = chronicle_store_upsert_articles_finish (store, entity_test_await (&stored), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 3);
}

static gboolean
named_in_five (gpointer data)
{
  GtkWidget *count = child (GTK_WIDGET (data), CHRONICLE_TYPE_ENTITY_PAGE, "count_label");

  return !chronicle_entity_page_is_loading (data)
         && g_strcmp0 (gtk_label_get_label (GTK_LABEL (count)), "Named in 5 articles") == 0;
}

/* The article whose row has the keyboard (the list selects nothing else). */
static gint64
focused_article_id (GtkWindow *window)
{
  GtkWidget *focus = gtk_window_get_focus (window);
  GtkWidget *row = focus == NULL || GTK_IS_LIST_BOX_ROW (focus)
                     ? focus : gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  ChronicleArticle *article = row != NULL ? g_object_get_data (G_OBJECT (row), "article") : NULL;

  return article != NULL ? chronicle_article_get_id (article) : 0;
}

/* An open page follows a sync, and the reader keeps their place. */
static void
test_refresh (void)
{
  g_autofree char *dir = g_dir_make_tmp ("chronicle-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(ChronicleStore) store = entity_test_store_new (path);
  ChronicleEntityPage *page;
  GtkWindow *window;
  GtkListBox *articles;
  GtkAdjustment *scroll;
  GtkWidget *related;
  gboolean scholz = FALSE;
  gint64 selected;
  double position;

  page = CHRONICLE_ENTITY_PAGE (page_in_window (store, &window));
  gtk_window_set_default_size (window, 720, 360);
  chronicle_entity_page_show_entity (page, CHRONICLE_ENTITY_KIND_PERSON, "Vladimir Putin");
  g_assert_true (entity_test_wait (page_loaded, page));
  g_assert_cmpuint (chronicle_entity_page_get_n_articles (page), ==, 2);
  chronicle_test_wait_for_frames (GTK_WIDGET (window), 3);

  /* The reader is on his older article and scrolled down a little. */
  articles = GTK_LIST_BOX (child (GTK_WIDGET (page), CHRONICLE_TYPE_ENTITY_PAGE, "articles_list"));
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (articles, 1)));
  selected = focused_article_id (window);
  g_assert_cmpint (selected, !=, 0);
  scroll = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
    child (GTK_WIDGET (page), CHRONICLE_TYPE_ENTITY_PAGE, "scroller")));
  g_assert_cmpfloat (gtk_adjustment_get_upper (scroll) - gtk_adjustment_get_page_size (scroll), >, 60);
  gtk_adjustment_set_value (scroll, 60);
  position = gtk_adjustment_get_value (scroll);

  /* Nothing to call: the store's `changed` is enough. */
  sync_putin_articles (store);
  g_assert_true (entity_test_wait (named_in_five, page));
  g_assert_cmpuint (chronicle_entity_get_mention_count (chronicle_entity_page_get_entity (page)),
                    ==, 5);
  g_assert_cmpuint (chronicle_entity_page_get_n_articles (page), ==, 5);
  related = child (GTK_WIDGET (page), CHRONICLE_TYPE_ENTITY_PAGE, "related_box");
  for (GtkWidget *c = gtk_widget_get_first_child (related); c != NULL; c = gtk_widget_get_next_sibling (c))
    scholz |= g_strcmp0 (g_object_get_data (G_OBJECT (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (c))),
                                            "entity-name"), "Olaf Scholz") == 0;
  g_assert_true (scholz);

  /* Same article under the keyboard, same place on the page (also once laid out again). */
  g_assert_cmpint (focused_article_id (window), ==, selected);
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, position);
  chronicle_test_wait_for_frames (GTK_WIDGET (window), 3);
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, position);
  g_assert_cmpint (focused_article_id (window), ==, selected);

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's in-process accessibility backend, to read the states screen readers get. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  chronicle_ui_init ();
  load_app_style ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/entity-page/person", test_person);
  g_test_add_func ("/entity-page/country", test_country);
  g_test_add_func ("/entity-page/missing", test_missing);
  g_test_add_func ("/entity-page/follow-and-split", test_follow_and_split);
  g_test_add_func ("/entity-page/refresh", test_refresh);
  g_test_add_func ("/entity-page/browser", test_browser);
  g_test_add_func ("/entity-page/narrow", test_narrow);
  g_test_add_func ("/entity-page/window-map-and-facets", test_window_map_and_facets);

  return g_test_run ();
}
