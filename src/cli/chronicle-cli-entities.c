/* chronicle-cli-entities.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-cli-private.h"

/* chronicle-cli entities list KIND [--sort mentions|name|recent] [--search S]
 *                                  [--limit N] [--offset N] [--months N]
 *                        show ID | rename ID NAME | merge FROM INTO | unmerge ID |
 *                        stop NAME KIND | unstop NAME KIND | stopped |
 *                        follow ID | unfollow ID | followed | news [SINCE_ARTICLE_ID]
 *
 * Output is tab-separated, one entity per line, for scripts. */

static int
usage (void)
{
  g_printerr ("%s\n",
              _("Usage: chronicle-cli entities list KIND [--sort mentions|name|recent] [--search TEXT]\n"
                "                                  [--limit N] [--offset N] [--months N]\n"
                "       chronicle-cli entities show ID\n"
                "       chronicle-cli entities rename ID NAME\n"
                "       chronicle-cli entities merge FROM_ID INTO_ID\n"
                "       chronicle-cli entities unmerge ID\n"
                "       chronicle-cli entities stop NAME KIND\n"
                "       chronicle-cli entities unstop NAME KIND\n"
                "       chronicle-cli entities stopped\n"
                "       chronicle-cli entities follow ID\n"
                "       chronicle-cli entities unfollow ID\n"
                "       chronicle-cli entities followed\n"
                "       chronicle-cli entities news [SINCE_ARTICLE_ID]\n"
                "KIND is person, country, place or organization."));
  return 2;
}

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  return g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, id, NULL);
}

static char *
format_day (gint64 unix_time)
{
  g_autoptr(GDateTime) when = NULL;

  if (unix_time <= 0)
    return g_strdup ("-");
  when = g_date_time_new_from_unix_utc (unix_time);
  return g_date_time_format (when, "%Y-%m-%d");
}

static void
print_entity (ChronicleEntity *entity,
              const char      *extra)
{
  const char *code = chronicle_entity_get_country_code (entity);

  g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%u%s%s\n",
           chronicle_entity_get_id (entity),
           chronicle_entity_kind_to_string (chronicle_entity_get_kind (entity)),
           chronicle_entity_get_name (entity),
           code != NULL ? code : "-",
           chronicle_entity_get_mention_count (entity),
           extra != NULL ? "\t" : "", extra != NULL ? extra : "");
}

static int
fail (const char   *verb,
      const GError *error)
{
  g_printerr ("chronicle-cli entities %s: %s\n", verb, error->message);
  return 1;
}

static int
list (ChronicleStore  *store,
      int              argc,
      char           **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(ChronicleEntityList) entities = NULL;
  g_autofree char *sort_name = NULL;
  g_autofree char *search = NULL;
  int limit = 0, offset = 0, months = 0;
  ChronicleEntityKind kind;
  ChronicleEntitySort sort = CHRONICLE_ENTITY_SORT_MENTIONS;
  GOptionEntry entries[] = {
    { "sort", 0, 0, G_OPTION_ARG_STRING, &sort_name, N_("mentions, name or recent"), N_("ORDER") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Only names containing TEXT"), N_("TEXT") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most N rows"), N_("N") },
    { "offset", 0, 0, G_OPTION_ARG_INT, &offset, N_("Skip N rows"), N_("N") },
    { "months", 0, 0, G_OPTION_ARG_INT, &months, N_("Print N months of mentions per row"), N_("N") },
    { NULL }
  };

  context = g_option_context_new (_("KIND — list entities"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail ("list", error);
  if (argc != 2 || !chronicle_entity_kind_from_string (argv[1], &kind)
      || limit < 0 || offset < 0 || months < 0 || months > 1200)
    return usage ();

  if (sort_name == NULL || g_str_equal (sort_name, "mentions"))
    sort = CHRONICLE_ENTITY_SORT_MENTIONS;
  else if (g_str_equal (sort_name, "name"))
    sort = CHRONICLE_ENTITY_SORT_NAME;
  else if (g_str_equal (sort_name, "recent"))
    sort = CHRONICLE_ENTITY_SORT_RECENT;
  else
    return usage ();

  chronicle_store_list_entities_async (store, kind, sort, search, (guint) offset, (guint) limit,
                                       (guint) months, NULL, _chronicle_cli_wait_callback (),
                                       &result);
  _chronicle_cli_wait (&result);
  entities = chronicle_store_list_entities_finish (store, result, &error);
  if (entities == NULL)
    return fail ("list", error);

  /* id, kind, name, country code, articles, last mention, [followed], [series]. */
  for (guint i = 0; i < entities->rows->len; i++)
    {
      ChronicleEntitySummary *row = g_ptr_array_index (entities->rows, i);
      g_autofree char *last = format_day (row->last_mention);
      g_autoptr(GString) extra = g_string_new (last);

      if (row->followed)
        g_string_append (extra, _("\tfollowed"));
      if (row->series->len > 0)
        {
          g_string_append_c (extra, '\t');
          for (guint m = 0; m < row->series->len; m++)
            g_string_append_printf (extra, "%s%u", m > 0 ? "," : "",
                                    g_array_index (row->series, guint, m));
        }
      print_entity (row->entity, extra->str);
    }

  return 0;
}

static int
show (ChronicleStore  *store,
      int              argc,
      char           **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(ChronicleEntityDetail) detail = NULL;
  g_autofree char *aliases = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  const char *code;
  gint64 id;

  if (argc != 2 || !parse_id (argv[1], &id))
    return usage ();

  chronicle_store_entity_detail_async (store, id, CHRONICLE_GRANULARITY_MONTH, 5, NULL,
                                       _chronicle_cli_wait_callback (), &result);
  _chronicle_cli_wait (&result);
  detail = chronicle_store_entity_detail_finish (store, result, &error);
  if (detail == NULL)
    return fail ("show", error);

  code = chronicle_entity_get_country_code (detail->entity);
  aliases = g_strjoinv (", ", (char **) chronicle_entity_get_aliases (detail->entity));
  first = format_day (detail->first_mention);
  last = format_day (detail->last_mention);
  g_print ("id\t%" G_GINT64_FORMAT "\n", chronicle_entity_get_id (detail->entity));
  g_print ("name\t%s\n", chronicle_entity_get_name (detail->entity));
  g_print ("kind\t%s\n", chronicle_entity_kind_to_string (chronicle_entity_get_kind (detail->entity)));
  g_print ("country\t%s\n", code != NULL ? code : "-");
  g_print ("aliases\t%s\n", aliases);
  g_print ("articles\t%u\n", chronicle_entity_get_mention_count (detail->entity));
  g_print ("followed\t%s\n", detail->followed ? "yes" : "no");
  g_print ("first\t%s\n", first);
  g_print ("last\t%s\n", last);
  for (guint i = 0; i < detail->histogram->len; i++)
    {
      ChronicleHistogramBin *bin = &g_array_index (detail->histogram, ChronicleHistogramBin, i);
      g_autofree char *month = format_day (bin->start);

      g_print ("month\t%.7s\t%u\n", month, bin->count);
    }
  for (guint i = 0; i < detail->related->len; i++)
    {
      ChronicleEntity *related = g_ptr_array_index (detail->related, i);

      g_print ("related\t%" G_GINT64_FORMAT "\t%s\t%s\t%u\n", chronicle_entity_get_id (related),
               chronicle_entity_kind_to_string (chronicle_entity_get_kind (related)),
               chronicle_entity_get_name (related), chronicle_entity_get_mention_count (related));
    }
  for (guint i = 0; i < detail->merged->len; i++)
    {
      ChronicleEntity *merged = g_ptr_array_index (detail->merged, i);

      g_print ("merged\t%" G_GINT64_FORMAT "\t%s\t%u\n", chronicle_entity_get_id (merged),
               chronicle_entity_get_name (merged), chronicle_entity_get_mention_count (merged));
    }

  return 0;
}

static int
correct (ChronicleStore  *store,
         const char      *verb,
         int              argc,
         char           **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  ChronicleEntityKind kind = CHRONICLE_ENTITY_KIND_PERSON;
  gint64 id = 0, other = 0;
  gboolean ok;

  if (g_str_equal (verb, "rename"))
    {
      if (argc != 3 || !parse_id (argv[1], &id))
        return usage ();
      chronicle_store_rename_entity_async (store, id, argv[2], NULL,
                                           _chronicle_cli_wait_callback (), &result);
      _chronicle_cli_wait (&result);
      ok = chronicle_store_rename_entity_finish (store, result, &error);
    }
  else if (g_str_equal (verb, "merge"))
    {
      if (argc != 3 || !parse_id (argv[1], &id) || !parse_id (argv[2], &other))
        return usage ();
      chronicle_store_merge_entities_async (store, id, other, NULL,
                                            _chronicle_cli_wait_callback (), &result);
      _chronicle_cli_wait (&result);
      ok = chronicle_store_merge_entities_finish (store, result, &error);
    }
  else if (g_str_equal (verb, "unmerge"))
    {
      if (argc != 2 || !parse_id (argv[1], &id))
        return usage ();
      chronicle_store_unmerge_entity_async (store, id, NULL, _chronicle_cli_wait_callback (),
                                            &result);
      _chronicle_cli_wait (&result);
      ok = chronicle_store_unmerge_entity_finish (store, result, &error);
    }
  else if (g_str_equal (verb, "stop") || g_str_equal (verb, "unstop"))
    {
      if (argc != 3 || !chronicle_entity_kind_from_string (argv[2], &kind))
        return usage ();
      chronicle_store_stop_entity_async (store, kind, argv[1], g_str_equal (verb, "stop"), NULL,
                                         _chronicle_cli_wait_callback (), &result);
      _chronicle_cli_wait (&result);
      ok = chronicle_store_stop_entity_finish (store, result, &error);
    }
  else
    {
      if (argc != 2 || !parse_id (argv[1], &id))
        return usage ();
      chronicle_store_set_followed_async (store, id, g_str_equal (verb, "follow"), NULL,
                                          _chronicle_cli_wait_callback (), &result);
      _chronicle_cli_wait (&result);
      ok = chronicle_store_set_followed_finish (store, result, &error);
    }

  if (!ok)
    return fail (verb, error);
  return 0;
}

static int
print_list (ChronicleStore  *store,
            const char      *verb,
            int              argc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) entities = NULL;

  if (argc != 1)
    return usage ();

  if (g_str_equal (verb, "stopped"))
    {
      chronicle_store_list_stopped_async (store, NULL, _chronicle_cli_wait_callback (), &result);
      _chronicle_cli_wait (&result);
      entities = chronicle_store_list_stopped_finish (store, result, &error);
    }
  else
    {
      chronicle_store_list_followed_async (store, NULL, _chronicle_cli_wait_callback (), &result);
      _chronicle_cli_wait (&result);
      entities = chronicle_store_list_followed_finish (store, result, &error);
    }
  if (entities == NULL)
    return fail (verb, error);

  for (guint i = 0; i < entities->len; i++)
    {
      ChronicleEntity *entity = g_ptr_array_index (entities, i);

      if (g_str_equal (verb, "stopped"))
        g_print ("%s\t%s\n", chronicle_entity_get_name (entity),
                 chronicle_entity_kind_to_string (chronicle_entity_get_kind (entity)));
      else
        print_entity (entity, NULL);
    }

  return 0;
}

static int
news (ChronicleStore  *store,
      int              argc,
      char           **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(ChronicleFollowedNews) found = NULL;
  gint64 since = 0;

  if (argc > 2 || (argc == 2 && !g_ascii_string_to_signed (argv[1], 10, 0, G_MAXINT64, &since,
                                                           NULL)))
    return usage ();

  chronicle_store_followed_news_async (store, since, 0, NULL, _chronicle_cli_wait_callback (),
                                       &result);
  _chronicle_cli_wait (&result);
  found = chronicle_store_followed_news_finish (store, result, &error);
  if (found == NULL)
    return fail ("news", error);

  /* "mark\tN", the followed entities with new articles, then the article ids. */
  g_print ("mark\t%" G_GINT64_FORMAT "\n", found->last_article_id);
  for (guint i = 0; i < found->entities->len; i++)
    print_entity (g_ptr_array_index (found->entities, i), NULL);
  for (guint i = 0; i < found->article_ids->len; i++)
    g_print ("article\t%" G_GINT64_FORMAT "\n", g_array_index (found->article_ids, gint64, i));

  return 0;
}

int
_chronicle_cli_entities (ChronicleCli  *cli,
                         int            argc,
                         char         **argv)
{
  static const char *const verbs[] = {
    "list", "show", "rename", "merge", "unmerge", "stop", "unstop", "stopped",
    "follow", "unfollow", "followed", "news", NULL
  };
  g_autoptr(ChronicleStore) store = NULL;
  const char *verb;

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    return usage ();

  verb = argv[1];
  if (!g_strv_contains (verbs, verb))
    {
      g_printerr (_("chronicle-cli entities: unknown action “%s”\n"), verb);
      return usage ();
    }

  store = _chronicle_cli_open_store (cli);
  if (store == NULL)
    return 1;

  if (g_str_equal (verb, "list"))
    return list (store, argc - 1, argv + 1);
  if (g_str_equal (verb, "show"))
    return show (store, argc - 1, argv + 1);
  if (g_str_equal (verb, "stopped") || g_str_equal (verb, "followed"))
    return print_list (store, verb, argc - 1);
  if (g_str_equal (verb, "news"))
    return news (store, argc - 1, argv + 1);
  return correct (store, verb, argc - 1, argv + 1);
}
