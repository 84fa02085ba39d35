/* test-store-search-backend.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * The Shell search backend over a real store in a temporary folder: the
 * search text it builds, the articles it finds and what the Shell shows of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chronicle-store-search-backend.h"
#include "chronicle-test-utils.h"
#include "ui-test-articles.h"

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
await (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static char **
data_lines (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ui", name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return g_strsplit (text, "\n", -1);
}

static ChronicleStore *
store_with_articles (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleStore) store = chronicle_store_open_sync (path, NULL, &error);
  g_autoptr(ChronicleSource) source = chronicle_source_new (CHRONICLE_SOURCE_KIND_RSS,
                                                            "https://news.example.org/feed.xml");
  g_autoptr(GListStore) list = ui_test_load_articles ();
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GAsyncResult) added = NULL;
  g_autoptr(GAsyncResult) stored = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 source_id;

  g_assert_no_error (error);
  chronicle_source_set_title (source, "World Desk");
  chronicle_store_add_source_async (store, source, NULL, result_cb, &added);
  source_id = chronicle_store_add_source_finish (store, await (&added), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(ChronicleArticle) a = g_list_model_get_item (G_LIST_MODEL (list), i);

      chronicle_article_set_id (a, 0);
      chronicle_article_set_source_id (a, source_id);
      chronicle_article_set_guid (a, chronicle_article_get_url (a));
      g_ptr_array_add (articles, g_steal_pointer (&a));
    }
  chronicle_store_upsert_articles_async (store, articles, NULL, NULL, result_cb, &stored);
  ids = chronicle_store_upsert_articles_finish (store, await (&stored), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 5);

  return g_steal_pointer (&store);
}

static void
test_text (void)
{
  g_auto(GStrv) lines = data_lines ("shell-search-text.txt");
  guint checked = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_auto(GStrv) terms = NULL;
      g_autofree char *text = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", 2);
      g_assert_cmpuint (g_strv_length (fields), ==, 2);
      terms = g_strsplit (fields[0], " ", -1);
      text = chronicle_store_search_backend_text ((const char *const *) terms);
      g_assert_cmpstr (text, ==, fields[1]);
      checked++;
    }
  g_assert_cmpuint (checked, >=, 5);
}

static void
test_search_and_metas (void)
{
  g_autofree char *dir = chronicle_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(ChronicleStore) store = store_with_articles (path);
  g_autoptr(ChronicleStoreSearchBackend) backend = chronicle_store_search_backend_new (store);
  g_autoptr(GApplication) app = g_application_new ("io.github.chronicle_news.ChronicleTest",
                                                   G_APPLICATION_NON_UNIQUE);
  g_auto(GStrv) lines = data_lines ("shell-search.txt");
  guint checked = 0;

  chronicle_store_search_backend_set_application (backend, app);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_auto(GStrv) terms = NULL;
      g_autoptr(GAsyncResult) searched = NULL;
      g_autoptr(GAsyncResult) described = NULL;
      g_autoptr(GArray) ids = NULL;
      g_autoptr(GPtrArray) metas = NULL;
      g_autoptr(GString) titles = g_string_new (NULL);
      g_autoptr(GError) error = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", 2);
      terms = g_strsplit (fields[0], " ", -1);

      chronicle_search_backend_search_async (CHRONICLE_SEARCH_BACKEND (backend),
                                             (const char *const *) terms, 10, NULL, result_cb,
                                             &searched);
      ids = chronicle_search_backend_search_finish (CHRONICLE_SEARCH_BACKEND (backend),
                                                    await (&searched), &error);
      g_assert_no_error (error);

      /* What the Shell asks next: titles and descriptions of those ids. */
      chronicle_search_backend_get_metas_async (CHRONICLE_SEARCH_BACKEND (backend),
                                                (const gint64 *) ids->data, ids->len, NULL,
                                                result_cb, &described);
      metas = chronicle_search_backend_get_metas_finish (CHRONICLE_SEARCH_BACKEND (backend),
                                                         await (&described), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (metas->len, ==, ids->len);

      for (guint j = 0; j < metas->len; j++)
        {
          ChronicleSearchMeta *meta = g_ptr_array_index (metas, j);

          g_assert_cmpint (meta->id, ==, g_array_index (ids, gint64, j));
          g_assert_true (g_str_has_prefix (meta->description, "World Desk · "));
          g_assert_cmpuint (strlen (meta->description), >, strlen ("World Desk · "));
          if (titles->len > 0)
            g_string_append (titles, " | ");
          g_string_append (titles, meta->title);
        }
      g_assert_cmpstr (titles->str, ==, fields[1]);
      checked++;
    }
  g_assert_cmpuint (checked, >=, 5);

  /* An id that is gone has no meta (the Shell shows nothing for it). */
  {
    const gint64 gone[] = { 9999 };
    g_autoptr(GAsyncResult) described = NULL;
    g_autoptr(GPtrArray) metas = NULL;
    g_autoptr(GError) error = NULL;

    chronicle_search_backend_get_metas_async (CHRONICLE_SEARCH_BACKEND (backend), gone, 1, NULL,
                                              result_cb, &described);
    metas = chronicle_search_backend_get_metas_finish (CHRONICLE_SEARCH_BACKEND (backend),
                                                       await (&described), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (metas->len, ==, 0);
  }

  g_clear_object (&backend);
  g_clear_object (&store);
  chronicle_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/store-search-backend/text", test_text);
  g_test_add_func ("/ui/store-search-backend/search-and-metas", test_search_and_metas);

  return g_test_run ();
}
