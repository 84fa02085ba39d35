/* chronicle-cli-wait.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-cli"

#include "config.h"

#include "chronicle-cli-private.h"

/* The CLI runs the same async services as the window; these helpers wait for them
 * on the default main context. */

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
  g_main_context_wakeup (NULL);
}

/**
 * _chronicle_cli_wait_callback:
 *
 * Returns: a callback that stores its #GAsyncResult in the `GAsyncResult **` it gets
 *   as user data; wait for it with _chronicle_cli_wait().
 */
GAsyncReadyCallback
_chronicle_cli_wait_callback (void)
{
  return store_result_cb;
}

/**
 * _chronicle_cli_wait:
 * @result: where the callback stores the result
 *
 * Iterates the default main context until @result is set.
 */
void
_chronicle_cli_wait (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

/**
 * _chronicle_cli_open_store:
 * @cli: the global options
 *
 * Opens the store at `--db` (created when missing); when it cannot, says why on
 * standard error.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL
 */
ChronicleStore *
_chronicle_cli_open_store (ChronicleCli *cli)
{
  g_autoptr(GError) error = NULL;
  ChronicleStore *store = chronicle_store_open_sync (cli->db_path, NULL, &error);

  if (store == NULL)
    g_printerr ("chronicle-cli: %s\n", error->message);
  return store;
}

/**
 * _chronicle_cli_list_sources:
 *
 * Returns: (transfer container) (element-type ChronicleSource): every source
 */
GPtrArray *
_chronicle_cli_list_sources (ChronicleStore  *store,
                             GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  chronicle_store_list_sources_async (store, NULL, _chronicle_cli_wait_callback (), &result);
  _chronicle_cli_wait (&result);
  return chronicle_store_list_sources_finish (store, result, error);
}

/**
 * _chronicle_cli_add_source:
 *
 * Returns: the new source's id, or 0 with @error set
 */
gint64
_chronicle_cli_add_source (ChronicleStore   *store,
                           ChronicleSource  *source,
                           GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  chronicle_store_add_source_async (store, source, NULL, _chronicle_cli_wait_callback (), &result);
  _chronicle_cli_wait (&result);
  return chronicle_store_add_source_finish (store, result, error);
}
