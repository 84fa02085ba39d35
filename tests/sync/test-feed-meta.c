/* test-feed-meta.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chronicle-feed-article.h"
#include "chronicle-local.h"
#include "chronicle-test-utils.h"

/* What the parsers hand the store beside the text: each fixture in
 * tests/data/sync/meta/cases.txt (a path under tests/data/sync) is read as sync reads
 * it, turned into articles, and each article's tags, licence and attribution, and the
 * feed's repair warnings, are compared with the golden file meta/<basename>.txt. */

static char *
render (ChronicleFeed *feed)
{
  g_autoptr(GPtrArray) articles = chronicle_feed_to_articles (feed, 1, "Feed", 1000);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < feed->warnings->len; i++)
    g_string_append_printf (out, "warning: %s\n", (char *) g_ptr_array_index (feed->warnings, i));

  for (guint i = 0; i < articles->len; i++)
    {
      ChronicleArticle *article = g_ptr_array_index (articles, i);
      const char * const *tags = chronicle_article_get_tags (article);

      g_string_append_printf (out, "%s\n", chronicle_article_get_guid (article));
      if (tags != NULL)
        {
          g_autofree char *joined = g_strjoinv (" | ", (char **) tags);
          g_string_append_printf (out, "  tags: %s\n", joined);
        }
      if (chronicle_article_get_license (article) != NULL)
        g_string_append_printf (out, "  license: %s\n", chronicle_article_get_license (article));
      if (chronicle_article_get_attribution (article) != NULL)
        g_string_append_printf (out, "  attribution: %s\n",
                                chronicle_article_get_attribution (article));
      if (chronicle_article_get_published_inferred (article))
        g_string_append (out, "  published: first seen\n");
    }

  return g_string_free (out, FALSE);
}

static void
test_case (gconstpointer data)
{
  const char *relative = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sync", relative, NULL);
  g_autofree char *base = g_path_get_basename (relative);
  g_autofree char *golden_name = g_strconcat (base, ".txt", NULL);
  g_autofree char *golden_path = g_test_build_filename (G_TEST_DIST, "data", "sync", "meta",
                                                        golden_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleFeed) feed = NULL;
  g_autofree char *golden = NULL;
  g_autofree char *got = NULL;

  feed = chronicle_local_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (feed);

  got = render (feed);
  if (g_getenv ("CHRONICLE_UPDATE_GOLDEN") != NULL)
    g_assert_true (g_file_set_contents (golden_path, got, -1, NULL));
  g_assert_true (g_file_get_contents (golden_path, &golden, NULL, NULL));
  g_assert_cmpstr (got, ==, golden);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *list_path = NULL;
  g_autofree char *list = NULL;
  g_auto(GStrv) lines = NULL;

  g_test_init (&argc, &argv, NULL);

  list_path = g_test_build_filename (G_TEST_DIST, "data", "sync", "meta", "cases.txt", NULL);
  g_assert_true (g_file_get_contents (list_path, &list, NULL, NULL));
  lines = g_strsplit (list, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *name = NULL;

      if (*lines[i] == '\0' || *lines[i] == '#')
        continue;
      name = g_strdup_printf ("/sync/feed-meta/%s", lines[i]);
      g_test_add_data_func_full (name, g_strdup (lines[i]), test_case, g_free);
    }

  return g_test_run ();
}
