/* test-fts-query.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "chronicle-fts-query.h"

static void
test_golden (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "fts-queries.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE VIRTUAL TABLE t USING fts5 (title, body,"
                                 " tokenize = 'unicode61 remove_diacritics 2');"
                                 "INSERT INTO t VALUES ('Macron meets Merkel', 'climate summit');"
                                 "INSERT INTO t VALUES ('Élysée', 'near the palace');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM t WHERE t MATCH ?", -1, &stmt,
                                       NULL), ==, SQLITE_OK);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;
      g_autofree char *fts = NULL;

      if (*lines[i] == '#' || *lines[i] == '\0')
        continue;

      parts = g_strsplit (lines[i], "\t", 2);
      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      fts = chronicle_fts_query_from_user (parts[0]);
      g_test_message ("%s -> %s", parts[0], fts ? fts : "(none)");
      if (g_str_equal (parts[1], "-"))
        g_assert_null (fts);
      else
        g_assert_cmpstr (fts, ==, parts[1]);

      if (fts != NULL)
        {
          sqlite3_reset (stmt);
          sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_TRANSIENT);
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        }
      n++;
    }

  g_assert_cmpuint (n, >=, 30);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_fuzz (void)
{
  /* Random strings over the syntax's alphabet never give an invalid expression. */
  static const char alphabet[] = "ab \"()*-:^NEAROTD,5";
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE VIRTUAL TABLE t USING fts5 (x);"
                                     "INSERT INTO t VALUES ('a b near or');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM t WHERE t MATCH ?", -1, &stmt,
                                       NULL), ==, SQLITE_OK);

  for (guint i = 0; i < 5000; i++)
    {
      char text[24];
      guint len = g_rand_int_range (rand, 0, sizeof text);
      g_autofree char *fts = NULL;

      for (guint j = 0; j < len; j++)
        text[j] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      text[len] = '\0';

      fts = chronicle_fts_query_from_user (text);
      if (fts == NULL)
        continue;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        g_error ("“%s” gave “%s”: %s", text, fts, sqlite3_errmsg (db));
    }

  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/fts-query/golden", test_golden);
  g_test_add_func ("/store/fts-query/fuzz", test_fuzz);

  return g_test_run ();
}
