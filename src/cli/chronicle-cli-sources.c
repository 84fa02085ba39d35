/* chronicle-cli-sources.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-cli-private.h"
#include "chronicle-opml.h"
#include "chronicle-secret.h"
#include "chronicle-sync-source.h"

/* chronicle-cli sources add URL [--title T] [--api-key KEY] | list | remove ID |
 *                       import-opml FILE | export-opml FILE
 *
 * URL is a feed or web site address, gdelt:QUERY, guardian:QUERY or a file. */

static int
usage (void)
{
  g_printerr ("%s\n", _("Usage: chronicle-cli sources add URL [--title TITLE] [--api-key KEY]\n"
                        "       chronicle-cli sources list\n"
                        "       chronicle-cli sources remove ID\n"
                        "       chronicle-cli sources import-opml FILE\n"
                        "       chronicle-cli sources export-opml FILE"));
  return 2;
}

static ChronicleSource *
find_by_url (GPtrArray  *sources,
             const char *url)
{
  for (guint i = 0; i < sources->len; i++)
    if (g_strcmp0 (chronicle_source_get_url (g_ptr_array_index (sources, i)), url) == 0)
      return g_ptr_array_index (sources, i);

  return NULL;
}

static int
add (ChronicleStore  *store,
     int              argc,
     char           **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleSource) source = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autofree char *title = NULL;
  g_autofree char *api_key = NULL;
  g_autofree char *url = NULL;
  g_autofree char *default_title = NULL;
  ChronicleSourceKind kind;
  gint64 id;
  GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The source's title"), N_("TITLE") },
    { "api-key", 0, 0, G_OPTION_ARG_STRING, &api_key,
      N_("The Guardian API key for guardian: sources, kept in the keyring (default: the "
         "public test key)"), N_("KEY") },
    { NULL }
  };

  context = g_option_context_new (_("URL — add a source"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("chronicle-cli sources add: %s\n", error->message);
      return 2;
    }
  if (argc != 2)
    return usage ();

  /* The address is stored without a key: the key goes to the keyring. */
  if (!chronicle_sync_resolve_address (argv[1], NULL, &kind, &url, &default_title, &error))
    {
      g_printerr ("chronicle-cli sources add: %s\n", error->message);
      return 1;
    }
  if (api_key != NULL && kind != CHRONICLE_SOURCE_KIND_GUARDIAN)
    {
      g_printerr (_("chronicle-cli sources add: --api-key is only for guardian: sources.\n"));
      return 2;
    }
  if (kind == CHRONICLE_SOURCE_KIND_GUARDIAN)
    {
      /* A pasted Guardian address may carry its key: the key goes to the keyring
       * like --api-key (which wins when both are given), the address is stored bare. */
      g_autofree char *url_key = NULL;
      g_autofree char *bare = chronicle_guardian_url_take_key (url, &url_key);

      g_free (url);
      url = g_steal_pointer (&bare);
      if (api_key == NULL && url_key != NULL && g_strcmp0 (url_key, CHRONICLE_GUARDIAN_TEST_KEY) != 0)
        api_key = g_steal_pointer (&url_key);
    }

  sources = _chronicle_cli_list_sources (store, &error);
  if (sources == NULL)
    {
      g_printerr ("chronicle-cli sources add: %s\n", error->message);
      return 1;
    }
  if (find_by_url (sources, url) != NULL)
    {
      g_printerr (_("chronicle-cli sources add: %s is already source %lld.\n"),
                  url, (long long) chronicle_source_get_id (find_by_url (sources, url)));
      return 1;
    }

  if (api_key != NULL && *api_key != '\0')
    {
      g_autoptr(GAsyncResult) stored = NULL;

      chronicle_secret_store_api_key_async (CHRONICLE_SECRET_SERVICE_GUARDIAN, api_key, NULL,
                                            _chronicle_cli_wait_callback (), &stored);
      _chronicle_cli_wait (&stored);
      if (!chronicle_secret_store_api_key_finish (stored, &error))
        {
          g_printerr (_("chronicle-cli sources add: The API key could not be stored in the "
                        "keyring (%s). Chronicle never keeps the key in its database, so the "
                        "source was not added. Start a keyring (GNOME Keyring or another "
                        "Secret Service) and try again, or add the source without a key: "
                        "it then uses the Guardian’s public test key.\n"), error->message);
          return 1;
        }
    }

  source = chronicle_source_new (kind, url);
  chronicle_source_set_title (source, title != NULL ? title : default_title);
  id = _chronicle_cli_add_source (store, source, &error);
  if (id <= 0)
    {
      g_printerr ("chronicle-cli sources add: %s\n", error->message);
      return 1;
    }

  g_print (_("Added source %lld: %s\n"), (long long) id, url);
  return 0;
}

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) when = NULL;

  if (unix_time <= 0)
    return g_strdup (_("never"));

  when = g_date_time_new_from_unix_utc (unix_time);
  return g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = chronicle_source_get_id (*(ChronicleSource **) a);
  gint64 y = chronicle_source_get_id (*(ChronicleSource **) b);

  return x < y ? -1 : x > y;
}

static int
list (ChronicleStore  *store,
      int              argc,
      char           **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sources = NULL;

  if (argc != 1)
    return usage ();

  sources = _chronicle_cli_list_sources (store, &error);
  if (sources == NULL)
    {
      g_printerr ("chronicle-cli sources list: %s\n", error->message);
      return 1;
    }

  /* By id; id, kind, title, address, last success, articles, last error, "warning: "
   * and the last repair warning: tab-separated. */
  g_ptr_array_sort (sources, compare_ids);
  for (guint i = 0; i < sources->len; i++)
    {
      ChronicleSource *source = g_ptr_array_index (sources, i);
      g_autofree char *success = format_time (chronicle_source_get_last_success (source));
      const char *title = chronicle_source_get_title (source);
      const char *last_error = chronicle_source_get_last_error (source);
      g_autofree char *url = chronicle_source_shareable_url (source);
      const char *warning = chronicle_source_get_last_warning (source);
      g_autofree char *warning_column = NULL;

      /* What the last sync had to repair, after the error (if any); one line. */
      if (warning != NULL)
        {
          g_auto(GStrv) sentences = g_strsplit (warning, "\n", -1);
          g_autofree char *joined = g_strjoinv (" ", sentences);

          warning_column = g_strdup_printf (_("\twarning: %s"), joined);
        }

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%u%s%s%s%s\n",
               chronicle_source_get_id (source),
               chronicle_source_kind_to_string (chronicle_source_get_kind (source)),
               title != NULL ? title : "-",
               url,
               success,
               chronicle_source_get_article_count (source),
               chronicle_source_get_enabled (source) ? "" : _("\tdisabled"),
               last_error != NULL ? "\t" : "",
               last_error != NULL ? last_error : "",
               warning_column != NULL ? warning_column : "");
    }

  return 0;
}

static int
remove_source (ChronicleStore  *store,
               int              argc,
               char           **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  gint64 id;

  if (argc != 2 || !g_ascii_string_to_signed (argv[1], 10, 1, G_MAXINT64, &id, NULL))
    return usage ();

  chronicle_store_remove_source_async (store, id, NULL, _chronicle_cli_wait_callback (), &result);
  _chronicle_cli_wait (&result);
  if (!chronicle_store_remove_source_finish (store, result, &error))
    {
      g_printerr ("chronicle-cli sources remove: %s\n", error->message);
      return 1;
    }

  g_print (_("Removed source %lld.\n"), (long long) id);
  return 0;
}

/*< private >
 * _chronicle_cli_import_opml:
 *
 * Adds every http(s) outline of an OPML file that is not a source yet.
 *
 * Returns: the exit status
 */
int
_chronicle_cli_import_opml (ChronicleStore *store,
                            const char     *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outlines = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autofree char *contents = NULL;
  gsize len;
  guint skipped = 0, added = 0, present = 0;

  if (!g_file_get_contents (path, &contents, &len, &error)
      || (outlines = chronicle_opml_parse (contents, len, &skipped, &error)) == NULL
      || (sources = _chronicle_cli_list_sources (store, &error)) == NULL)
    {
      g_printerr ("chronicle-cli: %s: %s\n", path, error->message);
      return 1;
    }

  for (guint i = 0; i < outlines->len; i++)
    {
      ChronicleOpmlOutline *outline = g_ptr_array_index (outlines, i);
      g_autoptr(ChronicleSource) source = NULL;

      if (find_by_url (sources, outline->url) != NULL)
        {
          present++;
          continue;
        }

      source = chronicle_source_new (chronicle_sync_kind_for_url (outline->url), outline->url);
      chronicle_source_set_title (source, outline->title);
      chronicle_source_set_site_url (source, outline->html_url);
      if (_chronicle_cli_add_source (store, source, &error) <= 0)
        {
          g_printerr ("chronicle-cli: %s: %s\n", outline->url, error->message);
          return 1;
        }
      g_ptr_array_add (sources, g_object_ref (source));
      added++;
    }

  g_print (_("Imported %u sources from %s (%u already present, %u outlines were not web feeds).\n"),
           added, path, present, skipped);
  return 0;
}

static int
export_opml (ChronicleStore  *store,
             int              argc,
             char           **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) outlines = g_ptr_array_new_with_free_func ((GDestroyNotify) chronicle_opml_outline_free);
  g_autofree char *document = NULL;

  if (argc != 2)
    return usage ();

  sources = _chronicle_cli_list_sources (store, &error);
  if (sources == NULL)
    {
      g_printerr ("chronicle-cli sources export-opml: %s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < sources->len; i++)
    {
      ChronicleSource *source = g_ptr_array_index (sources, i);
      ChronicleOpmlOutline *outline;

      /* Local files are not portable; OPML is for web sources. */
      if (chronicle_source_get_kind (source) == CHRONICLE_SOURCE_KIND_FILE)
        continue;

      outline = g_new0 (ChronicleOpmlOutline, 1);
      outline->url = chronicle_source_shareable_url (source);
      outline->title = g_strdup (chronicle_source_get_title (source));
      outline->html_url = g_strdup (chronicle_source_get_site_url (source));
      g_ptr_array_add (outlines, outline);
    }

  document = chronicle_opml_write (outlines, _("Chronicle sources"));
  if (g_strcmp0 (argv[1], "-") == 0)
    g_print ("%s", document);
  else if (!g_file_set_contents (argv[1], document, -1, &error))
    {
      g_printerr ("chronicle-cli sources export-opml: %s\n", error->message);
      return 1;
    }
  else
    g_print (_("Exported %u sources to %s.\n"), outlines->len, argv[1]);

  return 0;
}

int
_chronicle_cli_sources (ChronicleCli  *cli,
                        int            argc,
                        char         **argv)
{
  g_autoptr(ChronicleStore) store = NULL;
  const char *verb;

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    return usage ();

  verb = argv[1];
  if (!g_str_equal (verb, "add") && !g_str_equal (verb, "list") && !g_str_equal (verb, "remove")
      && !g_str_equal (verb, "import-opml") && !g_str_equal (verb, "export-opml"))
    {
      g_printerr (_("chronicle-cli sources: unknown action “%s”\n"), verb);
      return usage ();
    }

  store = _chronicle_cli_open_store (cli);
  if (store == NULL)
    return 1;

  if (g_str_equal (verb, "add"))
    return add (store, argc - 1, argv + 1);
  if (g_str_equal (verb, "list"))
    return list (store, argc - 1, argv + 1);
  if (g_str_equal (verb, "remove"))
    return remove_source (store, argc - 1, argv + 1);
  if (g_str_equal (verb, "import-opml"))
    return argc == 3 ? _chronicle_cli_import_opml (store, argv[2]) : usage ();
  return export_opml (store, argc - 1, argv + 1);
}
