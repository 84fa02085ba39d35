/* test-chip-bar.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "chronicle-chip-bar.h"
#include "chronicle-test-ui-utils.h"
#include "chronicle-ui.h"

static GtkWidget *
find_button_named (GtkWidget  *root,
                   const char *tooltip)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_widget_get_tooltip_text (c), tooltip) == 0)
        return c;
      if ((found = find_button_named (c, tooltip)) != NULL)
        return found;
    }
  return NULL;
}

static void
query_changed_cb (ChronicleChipBar *bar,
                  ChronicleQuery   *query,
                  ChronicleQuery  **out)
{
  g_set_object (out, query);
}

static char *
source_title (gint64   id,
              gpointer user_data)
{
  return id == 7 ? g_strdup ("World Desk") : NULL;
}

static void
test_chips (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  ChronicleChipBar *bar = CHRONICLE_CHIP_BAR (chronicle_chip_bar_new ());
  g_autoptr(ChronicleQuery) query = NULL;
  g_autoptr(ChronicleQuery) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *png = chronicle_test_output_path ("chip-bar.png");
  g_autofree char *saved = NULL;
  GtkWidget *remove;

  /* The query as the window keeps it in GSettings. */
  query = chronicle_query_new_from_string ("v=1&text=ceasefire&from=1449532800&to=1450310400"
                                           "&country=Syria&person=John%20Kerry&source=7&unread=1",
                                           &error);
  g_assert_no_error (error);

  chronicle_chip_bar_set_source_title_func (bar, source_title, NULL, NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));
  chronicle_chip_bar_set_query (bar, query);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (bar)));
  g_assert_cmpuint (chronicle_chip_bar_get_n_chips (bar), ==, 6);

  gtk_window_set_child (window, GTK_WIDGET (bar));
  gtk_window_set_default_size (window, 640, -1);
  gtk_window_present (window);
  chronicle_test_wait_for_frames (GTK_WIDGET (bar), 3);
  g_assert_true (chronicle_test_render_to_png (GTK_WIDGET (window), png, &error));
  g_assert_no_error (error);

  g_signal_connect (bar, "query-changed", G_CALLBACK (query_changed_cb), &changed);

  /* Each chip's button removes exactly its filter. */
  remove = find_button_named (GTK_WIDGET (bar), "Remove Filter John Kerry");
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  g_assert_nonnull (changed);
  g_assert_null (chronicle_query_get_entities (changed, CHRONICLE_ENTITY_KIND_PERSON)[0]);
  g_assert_cmpstr (chronicle_query_get_entities (changed, CHRONICLE_ENTITY_KIND_COUNTRY)[0], ==,
                   "Syria");
  g_assert_cmpstr (chronicle_query_get_text (changed), ==, "ceasefire");
  g_assert_cmpuint (chronicle_chip_bar_get_n_chips (bar), ==, 5);

  remove = find_button_named (GTK_WIDGET (bar), "Remove Filter World Desk");
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  {
    guint n_sources = G_MAXUINT;
    chronicle_query_get_sources (changed, &n_sources);
    g_assert_cmpuint (n_sources, ==, 0);
  }

  remove = find_button_named (GTK_WIDGET (bar), "Remove Filter “ceasefire”");
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  g_assert_null (chronicle_query_get_text (changed));

  remove = find_button_named (GTK_WIDGET (bar), "Remove Filter 8 December 2015 – 16 December 2015");
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  g_assert_cmpint (chronicle_query_get_from (changed), ==, 0);
  g_assert_cmpint (chronicle_query_get_to (changed), ==, 0);

  remove = find_button_named (GTK_WIDGET (bar), "Remove Filter Unread");
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  g_assert_false (chronicle_query_get_unread_only (changed));

  saved = chronicle_query_to_string (changed);
  g_assert_cmpstr (saved, ==, "v=1&country=Syria");
  g_assert_cmpuint (chronicle_chip_bar_get_n_chips (bar), ==, 1);

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

  g_test_add_func ("/ui/chip-bar/chips", test_chips);

  return g_test_run ();
}
