/* test-format.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "chronicle-format.h"
#include "chronicle-test-utils.h"

static GDateTime *
parse_local (const char *text)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  GDateTime *dt = g_date_time_new_from_iso8601 (text, tz);

  g_assert_nonnull (dt);
  return dt;
}

static void
test_day_headings (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ui", "day-headings.txt",
                                                 NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint checked = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autoptr(GDateTime) now = NULL;
      g_autoptr(GDateTime) day = NULL;
      g_autofree char *heading = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "|", 3);
      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      now = parse_local (g_strstrip (fields[0]));
      day = parse_local (g_strstrip (fields[1]));
      heading = chronicle_format_day_heading (day, now);
      g_test_message ("%s / %s → %s", fields[0], fields[1], heading);
      g_assert_cmpstr (heading, ==, g_strstrip (fields[2]));
      checked++;
    }

  g_assert_cmpuint (checked, >=, 10);
}

static void
test_date_time_count (void)
{
  g_autoptr(GDateTime) dt = parse_local ("2015-12-05T07:09:00");
  g_autofree char *date = chronicle_format_date (dt);
  g_autofree char *time = chronicle_format_time (dt);
  g_autofree char *one = chronicle_format_count (1);
  g_autofree char *many = chronicle_format_count (144);

  g_assert_cmpstr (date, ==, "5 December 2015");
  g_assert_cmpstr (time, ==, "07:09");
  g_assert_cmpstr (one, ==, "1 article");
  g_assert_cmpstr (many, ==, "144 articles");
}

int
main (int    argc,
      char **argv)
{
  /* Day boundaries in a zone with summer time (the 2026-03-29 change). */
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/format/day-headings", test_day_headings);
  g_test_add_func ("/ui/format/date-time-count", test_date_time_count);

  return g_test_run ();
}
