/* chronicle-cli.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-cli.h"
#include "chronicle-cli-extract.h"
#include "chronicle-cli-private.h"
#include "chronicle-db-path.h"

/* Subcommands, one file each (chronicle-cli-<name>.c), listed here in the
 * order `--help` shows them. */
static const ChronicleCliCommand commands[] = {
  { "extract", N_("Find people, places, organisations and dates in a text"), chronicle_cli_extract },
  { "sources", N_("Add, list, remove, import or export sources"), _chronicle_cli_sources },
  { "entities", N_("List, correct and follow people, countries, places and organisations"), _chronicle_cli_entities },
  { "sync", N_("Sync the sources"), _chronicle_cli_sync },
  { "import", N_("Import local files (articles, feeds, JSON Lines, OPML)"), _chronicle_cli_import },
  { "parse", N_("Print a feed file's parse as JSON, storing nothing"), _chronicle_cli_parse },
  { NULL, NULL, NULL },
};

static char *
describe_commands (void)
{
  GString *text = g_string_new (_("Commands:"));
  gboolean any = FALSE;

  for (guint i = 0; commands[i].name != NULL; i++)
    {
      g_string_append_printf (text, "\n  %-14s %s", commands[i].name, _(commands[i].summary));
      any = TRUE;
    }

  if (!any)
    g_string_append_printf (text, "\n  %s", _("(none yet)"));

  return g_string_free (text, FALSE);
}

static const ChronicleCliCommand *
find_command (const char *name)
{
  for (guint i = 0; commands[i].name != NULL; i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];

  return NULL;
}

/**
 * chronicle_cli_run:
 * @argc: the argument count
 * @argv: (array length=argc): the arguments, as given to main()
 *
 * Parses the global options (`--db`, `--version`) and runs a subcommand.
 *
 * Returns: the process exit status: 0 on success, 1 when the command
 *   failed, 2 for a usage error
 */
int
chronicle_cli_run (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autofree char *description = NULL;
  gboolean version = FALSE;
  ChronicleCli cli = { NULL };
  const ChronicleCliCommand *command;
  int status;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("Use the database file PATH (default: $XDG_DATA_HOME/chronicle/chronicle.db)"),
      N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("COMMAND [ARGUMENT…] — follow the news as a timeline"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Stop at the command name: what follows belongs to the command. */
  g_option_context_set_strict_posix (context, TRUE);
  description = describe_commands ();
  g_option_context_set_description (context, description);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("chronicle-cli: %s\n", error->message);
      return 2;
    }

  if (version)
    {
      g_print ("chronicle-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", help);
      return 2;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      g_printerr (_("chronicle-cli: unknown command “%s”; see “chronicle-cli --help”\n"),
                  argv[1]);
      return 2;
    }

  cli.db_path = chronicle_db_path_resolve (db, &error);
  if (cli.db_path == NULL)
    {
      g_printerr ("chronicle-cli: %s\n", error->message);
      return 2;
    }

  status = command->run (&cli, argc - 1, argv + 1);
  g_free (cli.db_path);

  return status;
}
