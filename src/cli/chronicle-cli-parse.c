/* chronicle-cli-parse.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "chronicle-cli-private.h"
#include "chronicle-feed-parser.h"

/* chronicle-cli parse [--base-url URL] FILE
 *
 * Prints a feed file's parse as JSON without storing anything. Scripts rely on the
 * output: {"format", "title", "link", "entries": [{"id", "title", "link", "author",
 * "published", "updated", "summary", "content", "categories"}]}, dates in RFC 3339
 * UTC or null. Exit status 1 with a sentence when the file is not a feed. */

int
_chronicle_cli_parse (ChronicleCli  *cli,
                      int            argc,
                      char         **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleFeed) feed = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *json = NULL;
  gsize len = 0;
  GOptionEntry entries[] = {
    { "base-url", 0, 0, G_OPTION_ARG_STRING, &base_url,
      N_("Resolve relative links against URL (as if the feed had been fetched from it)"),
      N_("URL") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — print a feed file's parse as JSON"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("chronicle-cli parse: %s\n", error->message);
      return 2;
    }

  if (argc != 2)
    {
      g_printerr (_("chronicle-cli parse: give exactly one FILE\n"));
      return 2;
    }

  if (base_url != NULL && !g_uri_is_valid (base_url, G_URI_FLAGS_NONE, NULL))
    {
      g_printerr (_("chronicle-cli parse: “%s” is not an absolute URL\n"), base_url);
      return 2;
    }

  if (!g_file_get_contents (argv[1], &contents, &len, &error))
    {
      g_printerr ("chronicle-cli parse: %s\n", error->message);
      return 1;
    }

  feed = chronicle_feed_parse (contents, len, base_url, NULL, &error);
  if (feed == NULL)
    {
      g_printerr ("chronicle-cli parse: %s: %s\n", argv[1], error->message);
      return 1;
    }

  for (guint i = 0; i < feed->warnings->len; i++)
    g_printerr ("chronicle-cli parse: %s: %s\n", argv[1],
                (const char *) g_ptr_array_index (feed->warnings, i));

  json = chronicle_feed_to_json (feed);
  g_print ("%s\n", json);
  return 0;
}
