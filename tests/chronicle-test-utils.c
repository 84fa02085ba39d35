/* chronicle-test-utils.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "chronicle-test-utils.h"

/**
 * chronicle_test_make_tmpdir:
 *
 * Returns: (transfer full): a new empty folder; remove it with chronicle_test_rm_rf()
 */
char *
chronicle_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("chronicle-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/**
 * chronicle_test_rm_rf:
 * @path: a file or folder
 *
 * Removes @path and everything below it.
 */
void
chronicle_test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_remove (path);
      return;
    }

  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      chronicle_test_rm_rf (child);
    }
  g_rmdir (path);
}

/**
 * chronicle_test_spawn:
 * @argv: the command
 * @envp: (nullable): the environment, or %NULL to inherit it
 * @out: (out) (optional): standard output
 * @err: (out) (optional): standard error
 *
 * Runs a program to its end.
 *
 * Returns: its exit status, or -1 if it did not exit normally
 */
int
chronicle_test_spawn (const char *const *argv,
                      const char *const *envp,
                      char              **out,
                      char              **err)
{
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, (char **) envp, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                &wait_status, &error);
  g_assert_no_error (error);

  if (!WIFEXITED (wait_status))
    return -1;

  return WEXITSTATUS (wait_status);
}
