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
#include "chronicle-test-ui-utils.h"
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

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  chronicle_ui_init ();

  g_test_add_func ("/ui/sidebar/sources-and-facets", test_sidebar);

  return g_test_run ();
}
