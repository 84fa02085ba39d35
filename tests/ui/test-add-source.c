/* test-add-source.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "chronicle-add-source-dialog.h"
#include "chronicle-test-ui-utils.h"
#include "chronicle-ui.h"

static char *
expand (const char *input)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "ui", NULL);
  g_autoptr(GString) s = g_string_new (input);

  g_string_replace (s, "@", dir, 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
test_parse_input (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ui", "source-inputs.txt",
                                                 NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint checked = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      g_autofree char *input = NULL;
      g_autofree char *url = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;
      gboolean ok;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      f = g_strsplit (lines[i], "\t", 3);
      input = expand (f[1]);
      ok = chronicle_add_source_parse_input (input, &url, &file, &error);
      g_test_message ("%s “%s” → %s", f[0], input, ok ? (url ? url : "a file") : error->message);

      if (g_str_equal (f[0], "url"))
        {
          g_assert_true (ok);
          g_assert_cmpstr (url, ==, f[2]);
          g_assert_null (file);
        }
      else if (g_str_equal (f[0], "file"))
        {
          g_assert_true (ok);
          g_assert_null (url);
          g_assert_nonnull (file);
          g_assert_true (g_file_query_exists (file, NULL));
        }
      else
        {
          g_autofree char *word = expand (f[2]);
          g_autofree char *lower = g_utf8_strdown (error ? error->message : "", -1);
          g_autofree char *lower_word = g_utf8_strdown (word, -1);

          g_assert_false (ok);
          g_assert_nonnull (error);
          g_assert_nonnull (strstr (lower, lower_word));
        }
      checked++;
    }

  g_assert_cmpuint (checked, >=, 14);
}

static void
submit_cb (ChronicleAddSourceDialog *dialog,
           const char               *url,
           GFile                    *file,
           char                    **out)
{
  g_free (*out);
  *out = g_strdup (url);
}

static void
test_dialog (void)
{
  ChronicleAddSourceDialog *dialog = chronicle_add_source_dialog_new (NULL);
  g_autofree char *submitted = NULL;
  g_autofree char *png = chronicle_test_output_path ("add-source-error.png");
  g_autoptr(GError) error = NULL;
  GtkWidget *add_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                     CHRONICLE_TYPE_ADD_SOURCE_DIALOG,
                                                                     "add_button"));
  GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                       CHRONICLE_TYPE_ADD_SOURCE_DIALOG,
                                                                       "error_revealer"));

  g_signal_connect (dialog, "submit", G_CALLBACK (submit_cb), &submitted);
  gtk_window_present (GTK_WINDOW (dialog));
  chronicle_test_wait_for_frames (GTK_WIDGET (dialog), 2);

  /* Nothing typed: Add is off. */
  g_assert_false (gtk_widget_get_sensitive (add_button));

  /* A wrong address: said in words under the entry, nothing submitted. */
  chronicle_add_source_dialog_set_text (dialog, "ftp://example.com/feed.xml");
  g_assert_true (gtk_widget_get_sensitive (add_button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "source.add", NULL));
  g_assert_null (submitted);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  chronicle_test_wait_for_frames (GTK_WIDGET (dialog), 3);
  g_assert_true (chronicle_test_render_to_png (GTK_WIDGET (dialog), png, &error));
  g_assert_no_error (error);

  /* Typing hides the message; a good address is submitted. */
  chronicle_add_source_dialog_set_text (dialog, "news.example.org/rss");
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "source.add", NULL));
  g_assert_cmpstr (submitted, ==, "https://news.example.org/rss");

  /* While busy, no second submission; an error from the owner is shown. */
  chronicle_add_source_dialog_set_busy (dialog, TRUE);
  g_assert_false (gtk_widget_get_sensitive (add_button));
  chronicle_add_source_dialog_show_error (dialog, "The server said: not found (404).");
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_true (gtk_widget_get_sensitive (add_button));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  chronicle_ui_init ();

  g_test_add_func ("/ui/add-source/parse-input", test_parse_input);
  g_test_add_func ("/ui/add-source/dialog", test_dialog);

  return g_test_run ();
}
