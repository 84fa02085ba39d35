/* test-url.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chronicle-url.h"

static void
test_golden (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "urls.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;
      g_autofree char *normal = NULL;

      if (*lines[i] == '#' || *lines[i] == '\0')
        continue;
      parts = g_strsplit (lines[i], "\t", 2);
      normal = chronicle_url_normalise (parts[0]);
      g_assert_cmpstr (normal, ==, parts[1]);
      n++;
    }
  g_assert_cmpuint (n, >=, 10);

  g_assert_null (chronicle_url_normalise (NULL));
  g_assert_null (chronicle_url_normalise ("   "));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/url/golden", test_golden);

  return g_test_run ();
}
