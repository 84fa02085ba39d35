/* test-date.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chronicle-date.h"
#include "chronicle-test-utils.h"

/* Every line of tests/data/sync/dates.txt: an input and the UTC time it means. */
static void
test_table (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sync", "dates.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint checked = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autoptr(GDateTime) parsed = NULL;
      g_autofree char *got = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;

      fields = g_strsplit (lines[i], "\t", 2);
      g_assert_cmpuint (g_strv_length (fields), ==, 2);

      parsed = chronicle_date_parse (fields[0]);
      got = parsed != NULL ? g_date_time_format (parsed, "%Y-%m-%dT%H:%M:%SZ") : g_strdup ("null");
      if (g_strcmp0 (got, fields[1]) != 0)
        g_error ("“%s”: expected %s, got %s", fields[0], fields[1], got);
      if (parsed != NULL)
        g_assert_cmpint (g_date_time_get_utc_offset (parsed), ==, 0);
      checked++;
    }

  g_assert_cmpuint (checked, >=, 35);
}

static void
test_null (void)
{
  g_assert_null (chronicle_date_parse (NULL));
  g_assert_null (chronicle_date_parse_rfc822 (NULL));
  g_assert_null (chronicle_date_parse_iso8601 (NULL));
  /* Each parser alone refuses the other's format. */
  g_assert_null (chronicle_date_parse_rfc822 ("2021-02-25T10:15:00Z"));
  g_assert_null (chronicle_date_parse_iso8601 ("Thu, 25 Feb 2021 10:15:00 GMT"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/date/table", test_table);
  g_test_add_func ("/sync/date/null", test_null);

  return g_test_run ();
}
