/* test-sidebar.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "chronicle-entity.h"
#include "chronicle-sidebar.h"
#include "chronicle-source.h"
#include "chronicle-store.h"
#include "chronicle-test-ui-utils.h"
#include "chronicle-test-utils.h"
#include "chronicle-ui.h"

static GPtrArray *
load_sources (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ui", "sources.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *sources = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      ChronicleSource *source;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      f = g_strsplit (lines[i], "|", 5);
      source = chronicle_source_new (CHRONICLE_SOURCE_KIND_RSS, f[2]);
      chronicle_source_set_id (source, g_ascii_strtoll (f[0], NULL, 10));
      if (*f[1] != '\0')
        chronicle_source_set_title (source, f[1]);
      chronicle_source_set_article_count (source, atoi (f[3]));
      if (*f[4] != '\0')
        chronicle_source_set_last_error (source, f[4]);
      g_ptr_array_add (sources, source);
    }

  return sources;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if ((GTK_IS_LABEL (c) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (c)), text) == 0)
        || has_label (c, text))
      return TRUE;
  return FALSE;
}

static void
query_cb (ChronicleSidebar *sidebar,
          ChronicleQuery   *query,
          ChronicleQuery  **out)
{
  g_set_object (out, query);
}

static GtkListBox *
list (ChronicleSidebar *sidebar,
      const char       *name)
{
  return GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (sidebar), CHRONICLE_TYPE_SIDEBAR,
                                                      name));
}

static void
test_sidebar (void)
{
  g_autoptr(GPtrArray) sources = load_sources ();
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(ChronicleQuery) changed = NULL;
  g_autoptr(ChronicleQuery) all = chronicle_query_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *png = chronicle_test_output_path ("sidebar.png");
  g_autofree char *title = NULL;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  ChronicleSidebar *sidebar = CHRONICLE_SIDEBAR (chronicle_sidebar_new ());
  ChronicleEntity *syria = chronicle_entity_new (CHRONICLE_ENTITY_KIND_COUNTRY, "Syria");
  ChronicleEntity *kerry = chronicle_entity_new (CHRONICLE_ENTITY_KIND_PERSON, "John Kerry");
  guint n = 0;

  chronicle_entity_set_country_code (syria, "SY");
  chronicle_entity_set_mention_count (syria, 42);
  chronicle_entity_set_mention_count (kerry, 7);
  g_ptr_array_add (entities, syria);
  g_ptr_array_add (entities, kerry);

  g_signal_connect (sidebar, "query-changed", G_CALLBACK (query_cb), &changed);
  chronicle_sidebar_set_query (sidebar, all);
  chronicle_sidebar_set_sources (sidebar, sources);
  chronicle_sidebar_set_facets (sidebar, entities);

  /* A failed source says why, in words, where it is listed. */
  g_assert_cmpuint (chronicle_sidebar_get_n_failed_sources (sidebar), ==, 1);
  g_assert_true (has_label (GTK_WIDGET (sidebar), "The server at 127.0.0.1 refused the connection."));
  /* A source without a title is listed by its address. */
  g_assert_true (has_label (GTK_WIDGET (sidebar), "https://untitled.example.org/rss"));
  title = chronicle_sidebar_dup_source_title (sidebar, 1);
  g_assert_cmpstr (title, ==, "World Desk");

  gtk_window_set_child (window, GTK_WIDGET (sidebar));
  gtk_window_set_default_size (window, 260, 640);
  gtk_window_present (window);
  chronicle_test_wait_for_frames (GTK_WIDGET (sidebar), 3);
  g_assert_true (chronicle_test_render_to_png (GTK_WIDGET (window), png, &error));
  g_assert_no_error (error);

  /* A click on a country, a source and Unread toggles those filters. */
  g_signal_emit_by_name (list (sidebar, "countries_list"), "row-activated",
                         gtk_list_box_get_row_at_index (list (sidebar, "countries_list"), 0));
  g_assert_cmpstr (chronicle_query_get_entities (changed, CHRONICLE_ENTITY_KIND_COUNTRY)[0], ==,
                   "Syria");
  g_signal_emit_by_name (list (sidebar, "sources_list"), "row-activated",
                         gtk_list_box_get_row_at_index (list (sidebar, "sources_list"), 1));
  g_assert_cmpint (chronicle_query_get_sources (changed, &n)[0], ==, 2);
  g_assert_cmpuint (n, ==, 1);
  g_signal_emit_by_name (list (sidebar, "library_list"), "row-activated",
                         gtk_list_box_get_row_at_index (list (sidebar, "library_list"), 1));
  g_assert_true (chronicle_query_get_unread_only (changed));
  /* ...and a second click removes it again. */
  g_signal_emit_by_name (list (sidebar, "countries_list"), "row-activated",
                         gtk_list_box_get_row_at_index (list (sidebar, "countries_list"), 0));
  g_assert_null (chronicle_query_get_entities (changed, CHRONICLE_ENTITY_KIND_COUNTRY)[0]);
  g_signal_emit_by_name (list (sidebar, "library_list"), "row-activated",
                         gtk_list_box_get_row_at_index (list (sidebar, "library_list"), 0));
  g_assert_false (chronicle_query_get_unread_only (changed));

  gtk_window_destroy (window);
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
await_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

#define AWAIT(call_async, ...) \
  ({ GAsyncResult *_r = NULL; call_async (__VA_ARGS__, result_cb, &_r); await_result (&_r); })

/* Whether the sources list's row titled @title shows @count. */
static gboolean
source_row_shows (ChronicleSidebar *sidebar,
                  const char       *title,
                  const char       *count)
{
  GtkWidget *rows = GTK_WIDGET (list (sidebar, "sources_list"));

  for (GtkWidget *row = gtk_widget_get_first_child (rows); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (has_label (row, title))
      return has_label (row, count);
  return FALSE;
}

/* What the window does after each filter change: the store counts each source's
 * articles under the query, the sidebar shows them. */
static void
show_source_counts (ChronicleSidebar *sidebar,
                    ChronicleStore   *store,
                    ChronicleQuery   *query)
{
  g_autoptr(GAsyncResult) r = AWAIT (chronicle_store_source_counts_async, store, query, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) counts = chronicle_store_source_counts_finish (store, r, &error);

  g_assert_no_error (error);
  chronicle_sidebar_set_query (sidebar, query);
  chronicle_sidebar_set_source_counts (sidebar, counts);
}

static void
test_source_counts (void)
{
  g_autofree char *dir = chronicle_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sidebar.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleStore) store = chronicle_store_open_sync (path, NULL, &error);
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GAsyncResult) r = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(ChronicleQuery) all = chronicle_query_new ();
  g_autoptr(ChronicleQuery) france = NULL;
  g_autoptr(ChronicleQuery) france_desk = NULL;
  g_autoptr(ChronicleQuery) ranged = NULL;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  ChronicleSidebar *sidebar = CHRONICLE_SIDEBAR (chronicle_sidebar_new ());
  /* source, day, names France: three of World Desk's articles, one of the Gazette's. */
  const struct { int source; int day; gboolean france; } rows[] = {
    { 0, 0, TRUE }, { 0, 1, TRUE }, { 0, 2, FALSE }, { 0, 3, TRUE }, { 1, 1, TRUE }, { 1, 5, FALSE },
  };
  gint64 source_ids[2];
  const char *titles[] = { "World Desk", "Gazette" };

  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ChronicleSource) source = NULL;
      g_autofree char *url = g_strdup_printf ("https://news%u.example.org/feed.xml", i);
      g_autoptr(GAsyncResult) added = NULL;

      source = chronicle_source_new (CHRONICLE_SOURCE_KIND_RSS, url);
      chronicle_source_set_title (source, titles[i]);
      added = AWAIT (chronicle_store_add_source_async, store, source, NULL);
      source_ids[i] = chronicle_store_add_source_finish (store, added, &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      ChronicleArticle *article = chronicle_article_new ();
      g_autofree char *guid = g_strdup_printf ("https://news.example.org/%u", i);

      chronicle_article_set_source_id (article, source_ids[rows[i].source]);
      chronicle_article_set_guid (article, guid);
      chronicle_article_set_url (article, guid);
      chronicle_article_set_title (article, rows[i].france ? "France votes" : "Weather");
      chronicle_article_set_published (article, 1704067200 + rows[i].day * 86400);
      if (rows[i].france)
        chronicle_article_add_mention (article,
                                       chronicle_mention_new (CHRONICLE_ENTITY_KIND_COUNTRY,
                                                              "France", 0, 6));
      g_ptr_array_add (articles, article);
    }
  r = AWAIT (chronicle_store_upsert_articles_async, store, articles, NULL, NULL);
  ids = chronicle_store_upsert_articles_finish (store, r, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&r);
  r = AWAIT (chronicle_store_list_sources_async, store, NULL);
  sources = chronicle_store_list_sources_finish (store, r, &error);
  g_assert_no_error (error);

  chronicle_sidebar_set_store (sidebar, store);
  chronicle_sidebar_set_query (sidebar, all);
  chronicle_sidebar_set_sources (sidebar, sources);
  gtk_window_set_child (window, GTK_WIDGET (sidebar));
  gtk_window_present (window);

  /* Totals first, then the counts under each query. */
  g_assert_true (source_row_shows (sidebar, "World Desk", "4"));
  g_assert_true (source_row_shows (sidebar, "Gazette", "2"));
  show_source_counts (sidebar, store, all);
  g_assert_true (source_row_shows (sidebar, "World Desk", "4"));
  g_assert_true (source_row_shows (sidebar, "Gazette", "2"));

  france = chronicle_query_with_entity_added (all, CHRONICLE_ENTITY_KIND_COUNTRY, "France");
  show_source_counts (sidebar, store, france);
  g_assert_true (source_row_shows (sidebar, "World Desk", "3"));
  g_assert_true (source_row_shows (sidebar, "Gazette", "1"));

  /* Selecting a source does not zero the others: they count what adding them gives. */
  france_desk = chronicle_query_with_sources (france, &source_ids[0], 1);
  show_source_counts (sidebar, store, france_desk);
  g_assert_true (source_row_shows (sidebar, "World Desk", "3"));
  g_assert_true (source_row_shows (sidebar, "Gazette", "1"));

  /* A time range: only days 0 and 1. */
  ranged = chronicle_query_with_date_range (france_desk, 1704067200, 1704067200 + 2 * 86400);
  show_source_counts (sidebar, store, ranged);
  g_assert_true (source_row_shows (sidebar, "World Desk", "2"));
  g_assert_true (source_row_shows (sidebar, "Gazette", "1"));

  /* The list of sources reloaded (after a sync) keeps the query's counts. */
  chronicle_sidebar_set_sources (sidebar, sources);
  g_assert_true (source_row_shows (sidebar, "World Desk", "2"));
  g_assert_true (source_row_shows (sidebar, "Gazette", "1"));

  gtk_window_destroy (window);
  g_clear_object (&store);
  chronicle_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  chronicle_ui_init ();

  g_test_add_func ("/ui/sidebar/sources-and-facets", test_sidebar);
  g_test_add_func ("/ui/sidebar/source-counts", test_source_counts);

  return g_test_run ();
}
