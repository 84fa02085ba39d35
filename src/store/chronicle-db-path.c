/* chronicle-db-path.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "chronicle-db-path.h"
#include "chronicle-store-error.h"

/**
 * chronicle_db_path_default:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/chronicle/chronicle.db`
 */
char *
chronicle_db_path_default (void)
{
  return g_build_filename (g_get_user_data_dir (), "chronicle", "chronicle.db", NULL);
}

/**
 * chronicle_db_path_resolve:
 * @path: (nullable): a path given by the user (`--db PATH`), or %NULL for the default
 * @error: return location for a #GError
 *
 * Turns @path into an absolute file name. An empty path or one naming a
 * directory is refused with %CHRONICLE_STORE_ERROR_PATH.
 *
 * Returns: (transfer full) (nullable): the absolute database file name
 */
char *
chronicle_db_path_resolve (const char  *path,
                           GError     **error)
{
  g_autofree char *absolute = NULL;

  if (path == NULL)
    return chronicle_db_path_default ();

  if (*path == '\0')
    {
      g_set_error_literal (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_PATH,
                           _("The database path is empty"));
      return NULL;
    }

  absolute = g_canonicalize_filename (path, NULL);

  if (g_file_test (absolute, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_PATH,
                   _("“%s” is a folder, not a database file"), absolute);
      return NULL;
    }

  return g_steal_pointer (&absolute);
}

/**
 * chronicle_db_path_prepare:
 * @path: an absolute database file name
 * @error: return location for a #GError
 *
 * Creates the folder that will hold @path (mode 0700) if it is missing.
 *
 * Returns: %TRUE if the folder exists now
 */
gboolean
chronicle_db_path_prepare (const char  *path,
                           GError     **error)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CHRONICLE_STORE_ERROR,
                   saved_errno == EACCES || saved_errno == EROFS
                     ? CHRONICLE_STORE_ERROR_READ_ONLY
                     : CHRONICLE_STORE_ERROR_PATH,
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
