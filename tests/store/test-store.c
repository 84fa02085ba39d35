/* test-store.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chronicle-store-schema.h"
#include "store-test-utils.h"

static GThread *main_thread;

typedef struct {
  guint count;
  ChronicleStoreChange what;
  GArray *ids;
} ChangedLog;

static void
changed_cb (ChronicleStore       *store,
            ChronicleStoreChange  what,
            GArray               *ids,
            ChangedLog           *log)
{
  /* On the main thread, never on the store's worker threads. */
  g_assert_true (g_thread_self () == main_thread);
  log->count++;
  log->what = what;
  g_clear_pointer (&log->ids, g_array_unref);
  log->ids = g_array_ref (ids);
}

static void
test_open_creates (StoreFixture  *fixture,
                   gconstpointer  data)
{
  g_autofree char *mode = scalar_text (fixture->path, "PRAGMA journal_mode");

  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (scalar (fixture->path, "PRAGMA user_version"), ==,
                   _chronicle_store_schema_latest_version ());
  g_assert_null (chronicle_store_get_recovery_error (fixture->store));
  g_assert_cmpstr (chronicle_store_get_path (fixture->store), ==, fixture->path);
  g_assert_cmpint (scalar (fixture->path,
                           "SELECT count(*) FROM sqlite_master WHERE sql LIKE "
                           "'%remove_diacritics 2%'"), ==, 1);
}

static void
open_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_open_async (void)
{
  g_autofree char *dir = chronicle_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sub", "dir", "a.db", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(ChronicleStore) store = NULL;
  g_autoptr(GError) error = NULL;

  chronicle_store_open_async (path, NULL, open_cb, &result);
  await_result (&result);
  store = chronicle_store_open_finish (result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  g_clear_object (&store);
  chronicle_test_rm_rf (dir);
}

static void
test_sources (StoreFixture  *fixture,
              gconstpointer  data)
{
  ChronicleStore *store = fixture->store;
  g_autoptr(ChronicleSource) dup = chronicle_source_new (CHRONICLE_SOURCE_KIND_RSS,
                                                         "https://b.example/rss");
  g_autoptr(GAsyncResult) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL, r5 = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;
  ChangedLog log = { 0 };
  ChronicleSource *b;
  gint64 a_id, b_id;

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &log);

  a_id = add_source (store, "https://a.example/feed", "Alpha");
  b_id = add_source (store, "https://b.example/rss", "Beta");
  g_assert_cmpuint (log.count, ==, 2);
  g_assert_cmpint (log.what, ==, CHRONICLE_STORE_CHANGE_SOURCES);

  r1 = AWAIT_CALL (chronicle_store_add_source_async, store, dup, NULL);
  g_assert_cmpint (chronicle_store_add_source_finish (store, r1, &error), ==, -1);
  g_assert_error (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  r2 = AWAIT_CALL (chronicle_store_list_sources_async, store, NULL);
  sources = chronicle_store_list_sources_finish (store, r2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sources->len, ==, 2);
  g_assert_cmpstr (chronicle_source_get_title (g_ptr_array_index (sources, 0)), ==, "Alpha");
  b = g_ptr_array_index (sources, 1);
  g_assert_cmpint (chronicle_source_get_id (b), ==, b_id);

  chronicle_source_set_etag (b, "\"abc\"");
  chronicle_source_set_last_error (b, "The server could not be reached.");
  chronicle_source_set_last_success (b, T0);
  chronicle_source_set_enabled (b, FALSE);
  r3 = AWAIT_CALL (chronicle_store_update_source_async, store, b, NULL);
  g_assert_true (chronicle_store_update_source_finish (store, r3, &error));
  g_assert_no_error (error);
  g_clear_pointer (&sources, g_ptr_array_unref);

  r4 = AWAIT_CALL (chronicle_store_list_sources_async, store, NULL);
  sources = chronicle_store_list_sources_finish (store, r4, &error);
  b = g_ptr_array_index (sources, 1);
  g_assert_cmpstr (chronicle_source_get_etag (b), ==, "\"abc\"");
  g_assert_cmpstr (chronicle_source_get_last_error (b), ==, "The server could not be reached.");
  g_assert_cmpint (chronicle_source_get_last_success (b), ==, T0);
  g_assert_false (chronicle_source_get_enabled (b));

  r5 = AWAIT_CALL (chronicle_store_remove_source_async, store, a_id, NULL);
  g_assert_true (chronicle_store_remove_source_finish (store, r5, &error));
  g_assert_cmpint (scalar (fixture->path, "SELECT count(*) FROM sources"), ==, 1);

  g_signal_handlers_disconnect_by_data (store, &log);
  g_clear_pointer (&log.ids, g_array_unref);
}

static void
test_upsert_dedupe (StoreFixture  *fixture,
                    gconstpointer  data)
{
  ChronicleStore *store = fixture->store;
  gint64 s1 = add_source (store, "https://one.example/rss", "One");
  gint64 s2 = add_source (store, "https://two.example/rss", "Two");
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) batch2 = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) ids2 = NULL;
  g_autoptr(GError) error = NULL;
  ChronicleUpsertStats stats;
  ChronicleArticle *a, *same, *changed, *dup;
  ChangedLog log = { 0 };

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &log);

  a = make_article (s1, "a", "Summit opens in Geneva", T0);
  add_mention (a, CHRONICLE_ENTITY_KIND_PLACE, "Geneva", 16);
  add_mention (a, CHRONICLE_ENTITY_KIND_COUNTRY, "Switzerland", 40);
  g_ptr_array_add (batch, a);
  g_ptr_array_add (batch, make_article (s1, "b", "Second story", T0 + 60));

  ids = upsert (store, batch, NULL, &stats, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpuint (stats.inserted, ==, 2);
  g_assert_cmpuint (log.count, ==, 1);
  g_assert_true (log.what & CHRONICLE_STORE_CHANGE_ARTICLES_ADDED);
  g_assert_cmpuint (log.ids->len, ==, 2);

  /* Same guid and content: unchanged. Same guid, new title: updated in place.
   * Same URL from another source (fragment and utm_* differ): duplicate. */
  same = make_article (s1, "b", "Second story", T0 + 60);
  changed = make_article (s1, "a", "Summit opens in Geneva, leaders arrive", T0);
  add_mention (changed, CHRONICLE_ENTITY_KIND_PLACE, "Geneva", 16);
  dup = make_article (s2, "other-guid", "Syndicated copy", T0 + 120);
  chronicle_article_set_url (dup, "https://NEWS.example/b?utm_medium=x#comments");
  g_ptr_array_add (batch2, same);
  g_ptr_array_add (batch2, changed);
  g_ptr_array_add (batch2, dup);

  ids2 = upsert (store, batch2, NULL, &stats, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.inserted, ==, 0);
  g_assert_cmpuint (stats.unchanged, ==, 1);
  g_assert_cmpuint (stats.updated, ==, 1);
  g_assert_cmpuint (stats.duplicates, ==, 1);
  g_assert_cmpint (g_array_index (ids2, gint64, 0), ==, g_array_index (ids, gint64, 1));
  g_assert_cmpint (g_array_index (ids2, gint64, 1), ==, g_array_index (ids, gint64, 0));
  g_assert_cmpint (g_array_index (ids2, gint64, 2), ==, g_array_index (ids, gint64, 1));
  g_assert_true (log.what & CHRONICLE_STORE_CHANGE_ARTICLES_UPDATED);
  g_assert_cmpuint (log.ids->len, ==, 1);

  g_assert_cmpint (scalar (fixture->path, "SELECT count(*) FROM articles"), ==, 2);
  /* Mentions replaced: Switzerland is gone from the article and has no articles left. */
  g_assert_cmpint (scalar (fixture->path, "SELECT count(*) FROM article_entities"), ==, 1);
  g_assert_cmpint (scalar (fixture->path,
                           "SELECT article_count FROM entities WHERE name = 'Switzerland'"),
                   ==, 0);
  g_assert_cmpint (scalar (fixture->path,
                           "SELECT count(*) FROM article_fts WHERE article_fts MATCH 'leaders'"),
                   ==, 1);
  g_assert_cmpint (scalar (fixture->path,
                           "SELECT article_count FROM sources WHERE title = 'One'"), ==, 2);

  g_signal_handlers_disconnect_by_data (store, &log);
  g_clear_pointer (&log.ids, g_array_unref);
}

static void
test_upsert_invalid_is_atomic (StoreFixture  *fixture,
                               gconstpointer  data)
{
  ChronicleStore *store = fixture->store;
  gint64 s1 = add_source (store, "https://one.example/rss", "One");
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (batch, make_article (s1, "ok", "Fine", T0));
  g_ptr_array_add (batch, make_article (s1 + 100, "bad", "Unknown source", T0));

  ids = upsert (store, batch, NULL, NULL, &error);
  g_assert_null (ids);
  g_assert_error (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_INVALID);
  g_assert_cmpint (scalar (fixture->path, "SELECT count(*) FROM articles"), ==, 0);
  g_assert_cmpint (scalar (fixture->path, "SELECT count(*) FROM article_text"), ==, 0);
}

/* Upserts queued behind a long one run as one write group; the failing one (a source
 * that does not exist, found mid-write) is rolled back alone and the others are stored. */
static void
test_upsert_group_failure (StoreFixture  *fixture,
                           gconstpointer  data)
{
  ChronicleStore *store = fixture->store;
  gint64 s1 = add_source (store, "https://one.example/rss", "One");
  gint64 s2 = add_source (store, "https://two.example/rss", "Two");
  g_autoptr(GPtrArray) big = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) a = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) b = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) c = g_ptr_array_new_with_free_func (g_object_unref);
  GAsyncResult *results[4] = { NULL, };
  GPtrArray *batches[4];
  g_autoptr(GError) error = NULL;
  ChronicleUpsertStats stats;

  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *guid = g_strdup_printf ("big-%u", i);
      ChronicleArticle *article = make_article (s1, guid, "Filler", T0 + i);

      add_mention (article, CHRONICLE_ENTITY_KIND_COUNTRY, "FR France", 0);
      g_ptr_array_add (big, article);
    }
  g_ptr_array_add (a, make_article (s1, "a", "Kept A", T0));
  g_ptr_array_add (b, make_article (s2, "b-ok", "Rolled back with its batch", T0));
  g_ptr_array_add (b, make_article (s2 + 100, "b-bad", "Unknown source", T0));
  g_ptr_array_add (c, make_article (s2, "c", "Kept C", T0));
  batches[0] = big;
  batches[1] = a;
  batches[2] = b;
  batches[3] = c;

  for (guint i = 0; i < G_N_ELEMENTS (batches); i++)
    chronicle_store_upsert_articles_async (store, batches[i], NULL, NULL, store_result_cb,
                                           &results[i]);
  for (guint i = 0; i < G_N_ELEMENTS (batches); i++)
    {
      g_autoptr(GArray) ids = NULL;

      await_result (&results[i]);
      ids = chronicle_store_upsert_articles_finish (store, results[i], &stats, &error);
      if (i == 2)
        {
          g_assert_null (ids);
          g_assert_error (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_INVALID);
          g_clear_error (&error);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_cmpuint (ids->len, ==, batches[i]->len);
          g_assert_cmpuint (stats.inserted, ==, batches[i]->len);
        }
      g_clear_object (&results[i]);
    }

  g_assert_cmpuint (g_atomic_int_get (&store->n_write_groups), >, 0);
  g_assert_cmpint (scalar (fixture->path, "SELECT count(*) FROM articles"), ==, 402);
  g_assert_cmpint (scalar (fixture->path, "SELECT count(*) FROM article_text"), ==, 402);
  g_assert_cmpint (scalar (fixture->path, "SELECT count(*) FROM articles WHERE guid IN ('a', 'c')"),
                   ==, 2);
  g_assert_cmpint (scalar (fixture->path, "SELECT count(*) FROM articles WHERE guid LIKE 'b-%'"),
                   ==, 0);
  g_assert_cmpint (scalar (fixture->path, "SELECT article_count FROM entities"), ==, 400);
  g_assert_cmpint (scalar (fixture->path, "SELECT count(*) FROM article_fts"
                                          " WHERE article_fts MATCH 'kept'"), ==, 2);
}

/* A write group indexes its text and counts its entities once, at its end: an article
 * added and then revised by a later batch of the same group is indexed with its last
 * text only and counted once. */
static void
test_upsert_group_fts (StoreFixture  *fixture,
                       gconstpointer  data)
{
  ChronicleStore *store = fixture->store;
  gint64 s1 = add_source (store, "https://one.example/rss", "One");
  GPtrArray *batches[4];
  GAsyncResult *results[4] = { NULL, };
  guint groups = g_atomic_int_get (&store->n_write_groups);
  sqlite3 *db = NULL;

  for (guint b = 0; b < G_N_ELEMENTS (batches); b++)
    batches[b] = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *guid = g_strdup_printf ("big-%u", i);

      g_ptr_array_add (batches[0], make_article (s1, guid, "Filler", T0 + i));
    }
  g_ptr_array_add (batches[1], make_article (s1, "x", "Alpha first", T0));
  g_ptr_array_add (batches[2], make_article (s1, "x", "Bravo revised", T0 + DAY));
  g_ptr_array_add (batches[3], make_article (s1, "y", "Charlie other", T0));
  for (guint b = 1; b < G_N_ELEMENTS (batches); b++)
    add_mention (g_ptr_array_index (batches[b], 0), CHRONICLE_ENTITY_KIND_COUNTRY, "FR France", 0);

  for (guint b = 0; b < G_N_ELEMENTS (batches); b++)
    chronicle_store_upsert_articles_async (store, batches[b], NULL, NULL, store_result_cb,
                                           &results[b]);
  for (guint b = 0; b < G_N_ELEMENTS (batches); b++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = NULL;

      await_result (&results[b]);
      ids = chronicle_store_upsert_articles_finish (store, results[b], NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (ids->len, ==, batches[b]->len);
      g_clear_object (&results[b]);
      g_ptr_array_unref (batches[b]);
    }

  g_assert_cmpuint (g_atomic_int_get (&store->n_write_groups), >, groups);
  g_assert_cmpint (scalar (fixture->path, "SELECT count(*) FROM articles"), ==, 402);
  g_assert_cmpint (scalar (fixture->path, "SELECT count(*) FROM article_fts"
                                          " WHERE article_fts MATCH 'alpha'"), ==, 0);
  g_assert_cmpint (scalar (fixture->path, "SELECT count(*) FROM article_fts"
                                          " WHERE article_fts MATCH 'bravo'"), ==, 1);
  g_assert_cmpint (scalar (fixture->path, "SELECT count(*) FROM article_fts"
                                          " WHERE article_fts MATCH 'charlie'"), ==, 1);
  g_assert_cmpint (scalar (fixture->path, "SELECT count(*) FROM article_fts"
                                          " WHERE article_fts MATCH 'filler'"), ==, 400);

  /* The entity's counts, updated once at the group's end, count x once. */
  g_assert_cmpint (scalar (fixture->path, "SELECT article_count FROM entities"), ==, 2);
  g_assert_cmpint (scalar (fixture->path, "SELECT last_mention FROM entities"), ==, T0 + DAY);
  g_assert_cmpint (scalar (fixture->path, "SELECT count(*) FROM article_entities"), ==, 2);

  /* The index matches its content table exactly. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO article_fts (article_fts)"
                                     " VALUES ('integrity-check')", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
}

/* The write cache size applies to the writes queued after it. */
static void
test_write_cache_size (StoreFixture  *fixture,
                       gconstpointer  data)
{
  ChronicleStore *store = fixture->store;
  gint64 s1 = add_source (store, "https://one.example/rss", "One");
  g_autoptr(ChronicleArticle) article = make_article (s1, "a", "After the cache change", T0);
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt = NULL;

  chronicle_store_set_write_cache_size (store, 2048);
  ids = upsert_one (store, article);
  g_assert_cmpuint (ids->len, ==, 1);

  /* The write thread is idle once the upsert has returned. */
  g_assert_cmpint (sqlite3_prepare_v2 (_chronicle_db_handle (store->writer), "PRAGMA cache_size",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, -2048);
  sqlite3_finalize (stmt);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_read_star_identity (StoreFixture  *fixture,
                         gconstpointer  data)
{
  ChronicleStore *store = fixture->store;
  gint64 s1 = add_source (store, "https://one.example/rss", "One");
  g_autoptr(ChronicleArticle) input = make_article (s1, "x", "Read me", T0);
  g_autoptr(GArray) ids = upsert_one (store, input);
  gint64 id = g_array_index (ids, gint64, 0);
  g_autoptr(ChronicleArticle) placeholder = chronicle_store_dup_article (store, id);
  g_autoptr(ChronicleArticle) again = chronicle_store_dup_article (store, id);
  g_autoptr(GAsyncResult) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(ChronicleArticle) full = NULL;
  g_autoptr(GError) error = NULL;
  guint read_notifies = 0;
  ChangedLog log = { 0 };

  g_assert_true (placeholder == again);
  g_assert_false (chronicle_article_get_loaded (placeholder));

  r1 = AWAIT_CALL (chronicle_store_get_articles_async, store, &id, 1, NULL);
  page = chronicle_store_get_articles_finish (store, r1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 1);
  /* The same object, now filled in; no body in a page read. */
  g_assert_true (g_ptr_array_index (page, 0) == placeholder);
  g_assert_true (chronicle_article_get_loaded (placeholder));
  g_assert_cmpstr (chronicle_article_get_title (placeholder), ==, "Read me");
  g_assert_cmpstr (chronicle_article_get_source_title (placeholder), ==, "One");
  g_assert_null (chronicle_article_get_body (placeholder));

  g_signal_connect (placeholder, "notify::read", G_CALLBACK (notify_cb), &read_notifies);
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &log);
  r2 = AWAIT_CALL (chronicle_store_set_read_async, store, &id, 1, TRUE, NULL);
  g_assert_true (chronicle_store_set_read_finish (store, r2, &error));
  g_assert_true (chronicle_article_get_read (placeholder));
  g_assert_cmpuint (read_notifies, ==, 1);
  g_assert_cmpint (log.what, ==, CHRONICLE_STORE_CHANGE_ARTICLE_STATE);

  /* Already read: nothing changes, no signal. */
  r3 = AWAIT_CALL (chronicle_store_set_read_async, store, &id, 1, TRUE, NULL);
  g_assert_true (chronicle_store_set_read_finish (store, r3, &error));
  g_assert_cmpuint (log.count, ==, 1);

  r4 = AWAIT_CALL (chronicle_store_get_article_async, store, id, NULL);
  full = chronicle_store_get_article_finish (store, r4, &error);
  g_assert_no_error (error);
  g_assert_true (full == placeholder);
  g_assert_cmpstr (chronicle_article_get_body (full), ==, "Read me");
  g_assert_cmpuint (_chronicle_store_identity_map_size (store), ==, 1);

  /* A new version of the article updates the live object in place, keeping the read
   * flag; starring survives too. */
  {
    g_autoptr(ChronicleArticle) v2 = make_article (s1, "x", "Read me, updated", T0);
    g_autoptr(GArray) ids2 = NULL;
    g_autoptr(GAsyncResult) r5 = NULL;

    r5 = AWAIT_CALL (chronicle_store_set_starred_async, store, &id, 1, TRUE, NULL);
    g_assert_true (chronicle_store_set_starred_finish (store, r5, &error));
    ids2 = upsert_one (store, v2);
    g_assert_cmpint (g_array_index (ids2, gint64, 0), ==, id);
    g_assert_cmpstr (chronicle_article_get_title (placeholder), ==, "Read me, updated");
    g_assert_true (chronicle_article_get_read (placeholder));
    g_assert_true (chronicle_article_get_starred (placeholder));
    g_assert_cmpint (scalar (fixture->path, "SELECT read + starred FROM articles"), ==, 2);
  }

  g_signal_handlers_disconnect_by_data (store, &log);
  g_clear_pointer (&log.ids, g_array_unref);
}

static void
test_timeline_queries (StoreFixture  *fixture,
                       gconstpointer  data)
{
  ChronicleStore *store = fixture->store;
  gint64 s1 = add_source (store, "https://one.example/rss", "One");
  gint64 s2 = add_source (store, "https://two.example/rss", "Two");
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleQuery) all = chronicle_query_new ();
  const char *france_germany[] = { "France", "Germany", NULL };
  const char *macron[] = { "Emmanuel Macron", NULL };
  struct {
    ChronicleQuery *query;
    const char *expected; /* guids, in order */
  } cases[8];
  ChronicleArticle *a;

  /* guid: published day, source, entities */
  a = make_article (s1, "fr1", "Paris talks", T0 + 1 * DAY);
  add_mention (a, CHRONICLE_ENTITY_KIND_COUNTRY, "France", 0);
  add_mention (a, CHRONICLE_ENTITY_KIND_PERSON, "Emmanuel Macron", 10);
  g_ptr_array_add (batch, a);
  a = make_article (s1, "de1", "Berlin budget", T0 + 2 * DAY);
  add_mention (a, CHRONICLE_ENTITY_KIND_COUNTRY, "Germany", 0);
  g_ptr_array_add (batch, a);
  a = make_article (s2, "fr2", "Élysée statement on élections", T0 + 3 * DAY);
  add_mention (a, CHRONICLE_ENTITY_KIND_COUNTRY, "France", 0);
  add_mention (a, CHRONICLE_ENTITY_KIND_COUNTRY, "Germany", 20);
  g_ptr_array_add (batch, a);
  a = make_article (s2, "us1", "Washington news", T0 + 4 * DAY);
  add_mention (a, CHRONICLE_ENTITY_KIND_COUNTRY, "United States", 0);
  g_ptr_array_add (batch, a);
  ids = upsert (store, batch, NULL, NULL, &error);
  g_assert_no_error (error);

  cases[0].query = g_object_ref (all);
  cases[0].expected = "us1 fr2 de1 fr1";
  cases[1].query = chronicle_query_with_entities (all, CHRONICLE_ENTITY_KIND_COUNTRY,
                                                  france_germany);
  cases[1].expected = "fr2 de1 fr1";
  cases[2].query = chronicle_query_with_entities (cases[1].query, CHRONICLE_ENTITY_KIND_PERSON,
                                                  macron);
  cases[2].expected = "fr1";
  cases[3].query = chronicle_query_with_entity_added (all, CHRONICLE_ENTITY_KIND_COUNTRY,
                                                      "France");
  cases[3].expected = "fr2 fr1";
  cases[4].query = chronicle_query_with_date_range (cases[3].query, T0 + 2 * DAY, T0 + 4 * DAY);
  cases[4].expected = "fr2";
  cases[5].query = chronicle_query_with_sources (all, &s1, 1);
  cases[5].expected = "de1 fr1";
  /* Diacritics are ignored by the full-text index. */
  cases[6].query = chronicle_query_with_text (all, "elysee");
  cases[6].expected = "fr2";
  cases[7].query = chronicle_query_with_starred_only (all, TRUE);
  cases[7].expected = "";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) result = timeline (store, cases[i].query, 0);
      g_autoptr(GString) guids = g_string_new (NULL);
      g_autoptr(GAsyncResult) r = NULL;
      g_autoptr(GPtrArray) articles = NULL;

      r = AWAIT_CALL (chronicle_store_get_articles_async, store,
                      (const gint64 *) (gpointer) result->data, result->len, NULL);
      articles = chronicle_store_get_articles_finish (store, r, &error);
      g_assert_no_error (error);
      for (guint j = 0; j < articles->len; j++)
        g_string_append_printf (guids, "%s%s", j > 0 ? " " : "",
                                chronicle_article_get_guid (g_ptr_array_index (articles, j)));
      g_assert_cmpstr (guids->str, ==, cases[i].expected);
      g_object_unref (cases[i].query);
    }

  /* A limit gives the first page. */
  {
    g_autoptr(GArray) first = timeline (store, all, 2);

    g_assert_cmpuint (first->len, ==, 2);
  }
}

static void
test_event_sort (StoreFixture  *fixture,
                 gconstpointer  data)
{
  ChronicleStore *store = fixture->store;
  gint64 s1 = add_source (store, "https://one.example/rss", "One");
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(ChronicleQuery) q0 = chronicle_query_new ();
  g_autoptr(ChronicleQuery) by_event = chronicle_query_with_sort (q0,
                                                                  CHRONICLE_QUERY_SORT_EVENT_DATE);
  g_autoptr(ChronicleEntity) geneva = chronicle_entity_new (CHRONICLE_ENTITY_KIND_PLACE, "Geneva");
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) order = NULL;
  g_autoptr(GAsyncResult) r = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  ChronicleEvent *event;
  ChronicleArticle *a;
  const char *keys[] = { "summit", NULL };

  /* "late" is published last but reports an event that started first. */
  g_ptr_array_add (batch, make_article (s1, "early", "Early", T0 + 1 * DAY));
  a = make_article (s1, "late", "Late", T0 + 9 * DAY);
  chronicle_article_set_event_keys (a, keys);
  g_ptr_array_add (batch, a);
  event = chronicle_event_new ("summit", "Summit in Geneva", T0, T0 + DAY);
  chronicle_event_add_entity (event, geneva);
  g_ptr_array_add (events, event);

  ids = upsert (store, batch, events, NULL, &error);
  g_assert_no_error (error);

  order = timeline (store, by_event, 0);
  g_assert_cmpint (g_array_index (order, gint64, 0), ==, g_array_index (ids, gint64, 0));
  g_assert_cmpint (g_array_index (order, gint64, 1), ==, g_array_index (ids, gint64, 1));

  r = AWAIT_CALL (chronicle_store_events_for_article_async, store, g_array_index (ids, gint64, 1),
                  NULL);
  found = chronicle_store_events_for_article_finish (store, r, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  event = g_ptr_array_index (found, 0);
  g_assert_cmpstr (chronicle_event_get_label (event), ==, "Summit in Geneva");
  g_assert_cmpuint (chronicle_event_get_article_ids (event)->len, ==, 1);
  g_assert_cmpuint (chronicle_event_get_entities (event)->len, ==, 1);
  g_assert_cmpstr (chronicle_entity_get_name (g_ptr_array_index (chronicle_event_get_entities (event), 0)),
                   ==, "Geneva");
}

static void
test_cancelled (StoreFixture  *fixture,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(ChronicleQuery) all = chronicle_query_new ();
  g_autoptr(GAsyncResult) r = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  r = AWAIT_CALL (chronicle_store_timeline_async, fixture->store, all, 0, cancellable);
  ids = chronicle_store_timeline_finish (fixture->store, r, &error);
  g_assert_null (ids);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  main_thread = g_thread_self ();

#define ADD(path, func) \
  g_test_add ("/store/store/" path, StoreFixture, NULL, store_fixture_setup, func, \
              store_fixture_teardown)

  ADD ("open-creates", test_open_creates);
  g_test_add_func ("/store/store/open-async", test_open_async);
  ADD ("sources", test_sources);
  ADD ("upsert-dedupe", test_upsert_dedupe);
  ADD ("upsert-invalid-is-atomic", test_upsert_invalid_is_atomic);
  ADD ("upsert-group-failure", test_upsert_group_failure);
  ADD ("upsert-group-fts", test_upsert_group_fts);
  ADD ("write-cache-size", test_write_cache_size);
  ADD ("read-star-identity", test_read_star_identity);
  ADD ("timeline-queries", test_timeline_queries);
  ADD ("event-sort", test_event_sort);
  ADD ("cancelled", test_cancelled);

  return g_test_run ();
}
