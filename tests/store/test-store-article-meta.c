/* test-store-article-meta.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chronicle-store-schema.h"
#include "store-test-utils.h"

/* Tags, licence and attribution: written by the upsert, replaced by a revision, read
 * back by the full read of an article, kept by page reads; a source's last warning. */

static ChronicleArticle *
get_article (ChronicleStore *store,
             gint64          id)
{
  g_autoptr(GAsyncResult) result = AWAIT_CALL (chronicle_store_get_article_async, store, id, NULL);
  g_autoptr(GError) error = NULL;
  ChronicleArticle *article = chronicle_store_get_article_finish (store, result, &error);

  g_assert_no_error (error);
  return article;
}

static ChronicleArticle *
version_from (GKeyFile   *versions,
              const char *group,
              gint64      source_id)
{
  ChronicleArticle *article = make_article (source_id, "kerry-putin", "Kerry meets Putin", T0);
  g_auto(GStrv) tags = g_key_file_get_string_list (versions, group, "tags", NULL, NULL);
  g_autofree char *license = g_key_file_get_string (versions, group, "license", NULL);
  g_autofree char *attribution = g_key_file_get_string (versions, group, "attribution", NULL);

  chronicle_article_set_tags (article, (const char * const *) tags);
  chronicle_article_set_license (article, license);
  chronicle_article_set_attribution (article, attribution);
  return article;
}

static void
test_versions (StoreFixture  *fixture,
               gconstpointer  data)
{
  ChronicleStore *store = fixture->store;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "store",
                                                 "article-meta.ini", NULL);
  g_autoptr(GKeyFile) versions = g_key_file_new ();
  g_auto(GStrv) groups = NULL;
  g_autoptr(GError) error = NULL;
  gint64 source_id = add_source (store, "https://wikinews.example/feed", "Wikinews");
  gint64 id = 0;

  g_assert_true (g_key_file_load_from_file (versions, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  groups = g_key_file_get_groups (versions, NULL);
  g_assert_cmpuint (g_strv_length (groups), >=, 4);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autoptr(ChronicleArticle) sent = version_from (versions, groups[i], source_id);
      g_autoptr(GPtrArray) batch = g_ptr_array_new ();
      g_autoptr(GArray) ids = NULL;
      g_autoptr(ChronicleArticle) stored = NULL;
      g_autofree char *expect = g_key_file_get_string (versions, groups[i], "expect", NULL);
      g_autofree char *count_sql = NULL;
      ChronicleUpsertStats stats = { 0 };
      const char * const *sent_tags = chronicle_article_get_tags (sent);
      const char * const *tags;

      g_test_message ("version %s", groups[i]);
      g_ptr_array_add (batch, sent);
      ids = upsert (store, batch, NULL, &stats, &error);
      g_assert_no_error (error);
      id = g_array_index (ids, gint64, 0);
      if (g_strcmp0 (expect, "added") == 0)
        g_assert_cmpuint (stats.inserted, ==, 1);
      else if (g_strcmp0 (expect, "unchanged") == 0)
        g_assert_cmpuint (stats.unchanged, ==, 1);
      else
        g_assert_cmpuint (stats.updated, ==, 1);

      stored = get_article (store, id);
      tags = chronicle_article_get_tags (stored);
      g_assert_nonnull (tags);
      if (sent_tags != NULL)
        g_assert_true (g_strv_equal (tags, sent_tags));
      else
        g_assert_cmpuint (g_strv_length ((char **) tags), ==, 0);
      g_assert_cmpstr (chronicle_article_get_license (stored), ==,
                       chronicle_article_get_license (sent));
      g_assert_cmpstr (chronicle_article_get_attribution (stored), ==,
                       chronicle_article_get_attribution (sent));

      count_sql = g_strdup_printf ("SELECT count(*) FROM article_tags WHERE article_id = %"
                                   G_GINT64_FORMAT, id);
      g_assert_cmpint (scalar (fixture->path, count_sql), ==,
                       sent_tags != NULL ? g_strv_length ((char **) sent_tags) : 0);
    }

  /* The source goes: so do its articles' tags. */
  {
    g_autoptr(GAsyncResult) result = AWAIT_CALL (chronicle_store_remove_source_async, store,
                                                 source_id, NULL);

    g_assert_true (chronicle_store_remove_source_finish (store, result, &error));
    g_assert_no_error (error);
    g_assert_cmpint (scalar (fixture->path, "SELECT count(*) FROM article_tags"), ==, 0);
  }
}

static void
test_page_read_keeps (StoreFixture  *fixture,
                      gconstpointer  data)
{
  ChronicleStore *store = fixture->store;
  gint64 source_id = add_source (store, "https://guardian.example/feed", "Guardian");
  g_autoptr(ChronicleArticle) article = make_article (source_id, "g1", "Talks in Moscow", T0);
  const char *tags[] = { "Russia", "Syria", NULL };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(ChronicleArticle) full = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  chronicle_article_set_tags (article, tags);
  chronicle_article_set_license (article, "© Guardian News & Media");
  ids = upsert_one (store, article);
  id = g_array_index (ids, gint64, 0);

  full = get_article (store, id);
  g_assert_true (g_strv_equal (chronicle_article_get_tags (full), tags));

  /* A page read returns the same shared object and does not drop what the full read
   * loaded. */
  result = AWAIT_CALL (chronicle_store_get_articles_async, store, &id, 1, NULL);
  page = chronicle_store_get_articles_finish (store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 1);
  g_assert_true (g_ptr_array_index (page, 0) == full);
  g_assert_true (g_strv_equal (chronicle_article_get_tags (full), tags));
  g_assert_cmpstr (chronicle_article_get_license (full), ==, "© Guardian News & Media");
}

static void
test_source_warning (StoreFixture  *fixture,
                     gconstpointer  data)
{
  ChronicleStore *store = fixture->store;
  g_autoptr(ChronicleSource) source = chronicle_source_new (CHRONICLE_SOURCE_KIND_RSS,
                                                            "https://broken.example/feed");
  g_autoptr(GAsyncResult) r1 = NULL, r2 = NULL, r3 = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;
  const char *warning = "The feed contains bytes that are not valid UTF-8; they were replaced.";

  chronicle_source_set_last_warning (source, warning);
  r1 = AWAIT_CALL (chronicle_store_add_source_async, store, source, NULL);
  chronicle_source_set_id (source, chronicle_store_add_source_finish (store, r1, &error));
  g_assert_no_error (error);

  r2 = AWAIT_CALL (chronicle_store_list_sources_async, store, NULL);
  sources = chronicle_store_list_sources_finish (store, r2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chronicle_source_get_last_warning (g_ptr_array_index (sources, 0)), ==,
                   warning);

  chronicle_source_set_last_warning (source, NULL);
  r3 = AWAIT_CALL (chronicle_store_update_source_async, store, source, NULL);
  g_assert_true (chronicle_store_update_source_finish (store, r3, &error));
  g_assert_cmpint (scalar (fixture->path,
                           "SELECT count(*) FROM sources WHERE last_warning IS NULL"), ==, 1);
}

/* A cache written before tags were stored (format 5, the last before this wave's
 * migrations): its articles read back with no tags, and take tags when revised. */
static void
test_migration (void)
{
  g_autofree char *dir = chronicle_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v5.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleDb) db = _chronicle_db_open (path, TRUE, &error);
  g_autoptr(ChronicleStore) store = NULL;
  g_autoptr(ChronicleArticle) old = NULL;
  g_autoptr(ChronicleArticle) revised = NULL;
  g_autoptr(ChronicleArticle) reread = NULL;
  g_autoptr(GArray) ids = NULL;
  const char *tags[] = { "Elections", NULL };
  g_autofree char *insert = NULL;

  g_assert_no_error (error);
  g_assert_true (_chronicle_store_schema_migrate (db, 5, &error));
  g_assert_no_error (error);
  insert = g_strdup_printf ("INSERT INTO sources (kind, url) VALUES (0, 'https://u/');"
                            "INSERT INTO articles (source_id, guid, guid_hash, title, published)"
                            " VALUES (1, 'a', %" G_GINT64_FORMAT ", 'Old', 1700000000);"
                            "INSERT INTO article_text (id, title, body)"
                            " VALUES (1, 'Old', 'Old text');"
                            "INSERT INTO article_fts (rowid, title, summary, body)"
                            " VALUES (1, 'Old', NULL, 'Old text');",
                            _chronicle_store_hash_text ("a"));
  g_assert_true (_chronicle_db_exec (db, insert, &error));
  g_assert_no_error (error);
  g_clear_pointer (&db, _chronicle_db_close);

  store = open_store (path);
  g_assert_cmpint (scalar (path, "PRAGMA user_version"), ==,
                   _chronicle_store_schema_latest_version ());
  old = get_article (store, 1);
  g_assert_cmpuint (g_strv_length ((char **) chronicle_article_get_tags (old)), ==, 0);
  g_assert_null (chronicle_article_get_license (old));

  revised = make_article (1, "a", "Old, revised", 1700000000);
  chronicle_article_set_tags (revised, tags);
  ids = upsert_one (store, revised);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 1);
  reread = get_article (store, 1);
  g_assert_true (g_strv_equal (chronicle_article_get_tags (reread), tags));

  g_clear_object (&store);
  chronicle_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/store/article-meta/" path, StoreFixture, NULL, store_fixture_setup, func, \
              store_fixture_teardown)
  ADD ("versions", test_versions);
  ADD ("page-read-keeps", test_page_read_keeps);
  ADD ("source-warning", test_source_warning);
  g_test_add_func ("/store/article-meta/migration", test_migration);

  return g_test_run ();
}
