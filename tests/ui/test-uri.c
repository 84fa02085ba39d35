/* test-uri.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "chronicle-uri.h"

static void
test_only_web_addresses (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ui", "uris.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint yes = 0, no = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *tab = strchr (lines[i], '\t');
      gboolean expected;

      if (lines[i][0] == '#' || tab == NULL)
        continue;
      expected = g_str_has_prefix (lines[i], "yes");
      g_test_message ("%s: %s", expected ? "open" : "refuse", tab + 1);
      g_assert_cmpint (chronicle_uri_is_web (tab + 1), ==, expected);
      if (expected)
        yes++;
      else
        no++;
    }

  g_assert_cmpuint (yes, >=, 4);
  g_assert_cmpuint (no, >=, 15);
  g_assert_false (chronicle_uri_is_web (NULL));
  g_assert_false (chronicle_uri_is_web (""));
  g_assert_false (chronicle_uri_is_web ("https://example.com/\x01"));
  g_assert_false (chronicle_uri_is_web ("https://example.com/\xff"));
}

static void
test_open_refuses (void)
{
  g_autoptr(GError) error = NULL;

  /* Refused before anything is launched. */
  g_assert_false (chronicle_uri_open_in_browser (NULL, "file:///etc/passwd", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  g_assert_false (chronicle_uri_open_in_browser (NULL, "javascript:alert(1)", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/uri/only-web-addresses", test_only_web_addresses);
  g_test_add_func ("/ui/uri/open-refuses", test_open_refuses);

  return g_test_run ();
}
