/* chronicle-cli-import.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-cli-private.h"
#include "chronicle-local.h"
#include "chronicle-sync-source.h"

/* chronicle-cli import FILE…
 *
 * Imports local files: a plain-text article, an HTML page, a feed file, JSON Lines
 * articles (data/sample-news/), or an OPML list of sources (added as sources). Each
 * article file becomes a disabled source of its own (so periodic syncs leave it
 * alone) and goes through the same pipeline as a web source: parse, process, store,
 * dedupe. Importing a file again updates its articles. */

static gboolean
is_opml_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, NULL);
  char head[4096];
  gssize n;

  if (in == NULL)
    return FALSE;
  n = g_input_stream_read (G_INPUT_STREAM (in), head, sizeof head, NULL, NULL);
  if (n <= 0)
    return FALSE;

  return chronicle_local_is_opml (head, n);
}

static gint64
source_for_file (ChronicleStore  *store,
                 const char      *path,
                 GError         **error)
{
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(ChronicleSource) source = NULL;
  g_autofree char *url = NULL;
  g_autofree char *title = NULL;
  ChronicleSourceKind kind;

  if (!chronicle_sync_resolve_address (path, NULL, &kind, &url, &title, error))
    return 0;

  if (kind != CHRONICLE_SOURCE_KIND_FILE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a local file; add web sources with “sources add”."), path);
      return 0;
    }

  sources = _chronicle_cli_list_sources (store, error);
  if (sources == NULL)
    return 0;

  for (guint i = 0; i < sources->len; i++)
    if (g_strcmp0 (chronicle_source_get_url (g_ptr_array_index (sources, i)), url) == 0)
      return chronicle_source_get_id (g_ptr_array_index (sources, i));

  source = chronicle_source_new (CHRONICLE_SOURCE_KIND_FILE, url);
  chronicle_source_set_enabled (source, FALSE);
  return _chronicle_cli_add_source (store, source, error);
}

int
_chronicle_cli_import (ChronicleCli  *cli,
                       int            argc,
                       char         **argv)
{
  g_autoptr(ChronicleStore) store = NULL;
  g_autoptr(ChronicleSyncService) service = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      g_printerr ("%s\n", _("Usage: chronicle-cli import FILE…\n"
                            "Imports plain-text articles, HTML pages, feed files, JSON Lines "
                            "articles and OPML lists of sources."));
      return 2;
    }

  store = _chronicle_cli_open_store (cli);
  if (store == NULL)
    return 1;

  for (int i = 1; i < argc; i++)
    {
      gint64 id;

      if (is_opml_file (argv[i]))
        {
          if (_chronicle_cli_import_opml (store, argv[i]) != 0)
            status = 1;
          continue;
        }

      id = source_for_file (store, argv[i], &error);
      if (id <= 0)
        {
          g_printerr ("chronicle-cli import: %s\n", error->message);
          g_clear_error (&error);
          status = 1;
          continue;
        }

      /* One service for all the files: extraction's name index and events carry
       * from one file to the next. */
      if (service == NULL)
        service = chronicle_sync_service_new (store);
      if (_chronicle_cli_run_sync_with (service, id, 0, FALSE) != 0)
        status = 1;
    }

  return status;
}
