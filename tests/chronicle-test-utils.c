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

/**
 * chronicle_test_dbus_connect:
 * @bus: a private bus that is up
 *
 * Returns: (transfer full): a new connection of its own to @bus, for a fake service or a
 *   client in the same process as the code under test
 */
GDBusConnection *
chronicle_test_dbus_connect (GTestDBus *bus)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *connection;

  connection = g_dbus_connection_new_for_address_sync (
    g_test_dbus_get_bus_address (bus),
    G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
    NULL, NULL, &error);
  g_assert_no_error (error);
  return connection;
}

/**
 * chronicle_test_dbus_own_name:
 * @connection: a connection to a message bus
 * @name: a well-known name
 *
 * Makes @connection the owner of @name, as a fake service does before it is used.
 */
void
chronicle_test_dbus_own_name (GDBusConnection *connection,
                              const char      *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  guint32 result = 0;

  /* DBUS_NAME_FLAG_DO_NOT_QUEUE; 1 is DBUS_REQUEST_NAME_REPLY_PRIMARY_OWNER. */
  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus",
                                       "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                       "RequestName", g_variant_new ("(su)", name, 4u),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &result);
  g_assert_cmpuint (result, ==, 1);
}

/**
 * chronicle_test_result_cb:
 *
 * A #GAsyncReadyCallback that keeps a reference to the result in the
 * `GAsyncResult *` that @user_data points to (see chronicle_test_wait_for()).
 */
void
chronicle_test_result_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/**
 * chronicle_test_wait_for:
 * @result: where chronicle_test_result_cb() puts the result
 *
 * Runs the default main context until the operation has finished.
 */
void
chronicle_test_wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}
