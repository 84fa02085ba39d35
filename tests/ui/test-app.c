/* test-app.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chronicle-test-utils.h"

static const char *
app_path (void)
{
  const char *path = g_getenv ("CHRONICLE_APP");

  g_assert_nonnull (path);
  return path;
}

static void
test_version_without_display (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = g_strdup_printf ("chronicle %s\n", PACKAGE_VERSION);
  const char *argv[] = { app_path (), "--version", NULL };
  const char *envp[] = { "LC_ALL=C.UTF-8", "GSETTINGS_BACKEND=memory", NULL };

  g_assert_cmpint (chronicle_test_spawn (argv, envp, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, expected);
}

static void
test_help (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { app_path (), "--help", NULL };
  const char *envp[] = { "LC_ALL=C.UTF-8", "GSETTINGS_BACKEND=memory", NULL };

  g_assert_cmpint (chronicle_test_spawn (argv, envp, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "--db=PATH"));
  g_assert_nonnull (strstr (out, "--version"));
}

static void
test_bad_db (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *tmp = chronicle_test_make_tmpdir ();
  const char *argv[] = { app_path (), "--db", tmp, NULL };
  const char *envp[] = { "LC_ALL=C.UTF-8", "GSETTINGS_BACKEND=memory", NULL };

  /* A folder is not a database: refused before any window opens. */
  g_assert_cmpint (chronicle_test_spawn (argv, envp, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "is a folder"));

  chronicle_test_rm_rf (tmp);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app/version-without-display", test_version_without_display);
  g_test_add_func ("/app/help", test_help);
  g_test_add_func ("/app/bad-db", test_bad_db);

  return g_test_run ();
}
