/* chronicle-cli-sync.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-cli-private.h"

/* chronicle-cli sync [--source ID] [--timeout SECONDS]
 *
 * A line per source as it finishes, then a summary. Exit status 1 when a source
 * failed; its line says why. */

typedef struct {
  gboolean quiet_success;
  guint    failed;
} Report;

static void
source_finished_cb (ChronicleSyncService      *service,
                    const ChronicleSyncResult *result,
                    Report                    *report)
{
  const char *name = result->title != NULL ? result->title : result->url;

  if (!result->ok)
    {
      report->failed++;
      g_print (_("FAILED %s (%s): %s\n"), name, result->url, result->error);
      return;
    }

  if (report->quiet_success)
    return;

  if (result->not_modified)
    g_print (_("ok     %s: not modified"), name);
  else
    g_print (_("ok     %s: %u new, %u updated, %u unchanged, %u duplicates"), name,
             result->added, result->updated, result->unchanged, result->duplicates);

  /* What had to be repaired, on the same line: the sync worked all the same. */
  if (result->warning != NULL)
    {
      g_auto(GStrv) sentences = g_strsplit (result->warning, "\n", -1);
      g_autofree char *joined = g_strjoinv (" ", sentences);

      g_print (_(" (warning: %s)"), joined);
    }
  g_print ("\n");
}

/*< private >
 * _chronicle_cli_run_sync:
 * @store: the store
 * @source_id: one source, or 0 for all enabled sources
 * @timeout: the HTTP timeout in seconds, 0 for the default
 * @quiet_success: print only failures and the summary
 *
 * Returns: the exit status: 0 when every source worked, 1 otherwise
 */
int
_chronicle_cli_run_sync (ChronicleStore *store,
                         gint64          source_id,
                         guint           timeout,
                         gboolean        quiet_success)
{
  g_autoptr(ChronicleSyncService) service = chronicle_sync_service_new (store);

  return _chronicle_cli_run_sync_with (service, source_id, timeout, quiet_success);
}

/*< private >
 * _chronicle_cli_run_sync_with:
 * @service: the sync service (so several runs share its name index and events)
 *
 * As _chronicle_cli_run_sync().
 */
int
_chronicle_cli_run_sync_with (ChronicleSyncService *service,
                              gint64                source_id,
                              guint                 timeout,
                              gboolean              quiet_success)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  Report report = { quiet_success, 0 };
  guint added = 0, updated = 0, not_modified = 0;
  gulong handler;

  if (timeout > 0)
    chronicle_http_set_timeout (chronicle_sync_service_get_http (service), timeout);
  /* Guardian sources take their key from the keyring, as in the app. */
  chronicle_sync_service_set_use_keyring (service, TRUE);

  handler = g_signal_connect (service, "source-finished", G_CALLBACK (source_finished_cb),
                              &report);
  chronicle_sync_service_sync_async (service, source_id, NULL, _chronicle_cli_wait_callback (),
                                     &result);
  _chronicle_cli_wait (&result);
  g_signal_handler_disconnect (service, handler);

  results = chronicle_sync_service_sync_finish (service, result, &error);
  if (results == NULL)
    {
      g_printerr ("chronicle-cli sync: %s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < results->len; i++)
    {
      ChronicleSyncResult *one = g_ptr_array_index (results, i);

      added += one->added;
      updated += one->updated;
      not_modified += one->not_modified ? 1 : 0;
    }

  g_print (_("Synced %u sources: %u failed, %u not modified; %u new articles, %u updated.\n"),
           results->len, report.failed, not_modified, added, updated);

  return report.failed > 0 ? 1 : 0;
}

int
_chronicle_cli_sync (ChronicleCli  *cli,
                     int            argc,
                     char         **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleStore) store = NULL;
  gint64 source_id = 0;
  int timeout = 0;
  gboolean quiet = FALSE;
  GOptionEntry entries[] = {
    { "source", 0, 0, G_OPTION_ARG_INT64, &source_id, N_("Sync only the source ID"), N_("ID") },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout,
      N_("Give up on a server after SECONDS without an answer (default 20)"), N_("SECONDS") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      N_("Print only failures and the summary"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("— sync the sources"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("chronicle-cli sync: %s\n", error->message);
      return 2;
    }
  if (argc != 1 || source_id < 0 || timeout < 0)
    {
      g_printerr (_("chronicle-cli sync: unexpected arguments; see “chronicle-cli sync --help”\n"));
      return 2;
    }

  store = _chronicle_cli_open_store (cli);
  if (store == NULL)
    return 1;

  /* A one-shot sync writes each page a few times at most: a 16 MiB write cache costs
   * no measurable time against the default 64 MiB and keeps the peak memory down. */
  chronicle_store_set_write_cache_size (store, 16 * 1024);

  return _chronicle_cli_run_sync (store, source_id, (guint) timeout, quiet);
}
