/* test-cli.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chronicle-test-utils.h"

static const char *
cli_path (void)
{
  const char *path = g_getenv ("CHRONICLE_CLI");

  g_assert_nonnull (path);
  return path;
}

static void
test_version (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = g_strdup_printf ("chronicle-cli %s\n", PACKAGE_VERSION);
  const char *argv[] = { cli_path (), "--version", NULL };
  /* No display: the CLI never needs one. */
  const char *envp[] = { "LC_ALL=C.UTF-8", NULL };

  g_assert_cmpint (chronicle_test_spawn (argv, envp, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpstr (err, ==, "");
}

static void
test_help (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { cli_path (), "--help", NULL };

  g_assert_cmpint (chronicle_test_spawn (argv, NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "--db=PATH"));
  g_assert_nonnull (strstr (out, "--version"));
  g_assert_nonnull (strstr (out, "Commands:"));
}

static void
test_usage_errors (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *no_command[] = { cli_path (), NULL };
  const char *unknown[] = { cli_path (), "frobnicate", NULL };
  const char *bad_option[] = { cli_path (), "--no-such-option", NULL };

  g_assert_cmpint (chronicle_test_spawn (no_command, NULL, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "COMMAND"));
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (chronicle_test_spawn (unknown, NULL, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "frobnicate"));
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (chronicle_test_spawn (bad_option, NULL, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "no-such-option"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);

  return g_test_run ();
}
