/* test-db-path.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chronicle-db-path.h"
#include "chronicle-store-error.h"
#include "chronicle-test-utils.h"

static void
test_default (void)
{
  g_autofree char *path = chronicle_db_path_default ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "chronicle",
                                                "chronicle.db", NULL);

  g_assert_cmpstr (path, ==, expected);
  g_assert_true (g_path_is_absolute (path));
}

static void
test_resolve (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *relative = chronicle_db_path_resolve ("some/../news.db", &error);
  g_autofree char *expected = g_build_filename (cwd, "news.db", NULL);
  g_autofree char *fallback = chronicle_db_path_resolve (NULL, &error);
  g_autofree char *fallback_expected = chronicle_db_path_default ();

  g_assert_no_error (error);
  g_assert_cmpstr (relative, ==, expected);
  g_assert_cmpstr (fallback, ==, fallback_expected);
}

static void
test_resolve_refuses (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = chronicle_test_make_tmpdir ();
  char *path;

  path = chronicle_db_path_resolve ("", &error);
  g_assert_null (path);
  g_assert_error (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_PATH);
  g_clear_error (&error);

  path = chronicle_db_path_resolve (tmp, &error);
  g_assert_null (path);
  g_assert_error (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_PATH);
  g_assert_nonnull (strstr (error->message, "folder"));

  chronicle_test_rm_rf (tmp);
}

static void
test_prepare (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = chronicle_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (tmp, "a", "b", "chronicle.db", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;

  g_assert_true (chronicle_db_path_prepare (path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_true (S_ISDIR (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  /* An existing folder is fine. */
  g_assert_true (chronicle_db_path_prepare (path, &error));
  g_assert_no_error (error);

  chronicle_test_rm_rf (tmp);
}

static void
test_prepare_unwritable (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = chronicle_test_make_tmpdir ();
  g_autofree char *file = g_build_filename (tmp, "not-a-folder", NULL);
  g_autofree char *path = g_build_filename (file, "chronicle.db", NULL);

  /* A file where the folder should be: no permission trick, so it also fails as root. */
  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  g_assert_false (chronicle_db_path_prepare (path, &error));
  g_assert_error (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_PATH);
  g_assert_nonnull (strstr (error->message, file));

  chronicle_test_rm_rf (tmp);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/db-path/default", test_default);
  g_test_add_func ("/store/db-path/resolve", test_resolve);
  g_test_add_func ("/store/db-path/resolve-refuses", test_resolve_refuses);
  g_test_add_func ("/store/db-path/prepare", test_prepare);
  g_test_add_func ("/store/db-path/prepare-unwritable", test_prepare_unwritable);

  return g_test_run ();
}
