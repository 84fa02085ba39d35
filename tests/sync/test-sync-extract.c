/* test-sync-extract.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "chronicle-sync-service.h"
#include "chronicle-test-sync-fixture.h"
#include "chronicle-test-utils.h"

/* Sync stores what extraction finds: the seed article imported as a file has its
 * people, countries, places, organisations, dates and inferred date
 * (tests/data/sync-extract/seed-article.expected); two reports of one meeting served
 * by a loopback feed end up in one event; unchanged articles are not extracted again;
 * the event grouper and the name index pick up what the store holds; `chronicle-cli
 * import` of the sample news stores its entities. */

typedef ChronicleTestSyncFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  chronicle_test_sync_fixture_set_up (fixture, 5);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  chronicle_test_sync_fixture_tear_down (fixture);
}

static gint64
add_source (Fixture             *fixture,
            ChronicleSourceKind  kind,
            const char          *url)
{
  g_autoptr(ChronicleSource) source = chronicle_source_new (kind, url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  chronicle_store_add_source_async (fixture->store, source, NULL,
                                    chronicle_test_result_cb, &result);
  chronicle_test_wait_for (&result);
  id = chronicle_store_add_source_finish (fixture->store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static ChronicleSyncResult *
sync_one (Fixture *fixture,
          gint64   source_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  ChronicleSyncResult *one;

  chronicle_sync_service_sync_async (fixture->service, source_id, NULL,
                                     chronicle_test_result_cb, &result);
  chronicle_test_wait_for (&result);
  results = chronicle_sync_service_sync_finish (fixture->service, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);
  one = chronicle_sync_result_copy (g_ptr_array_index (results, 0));
  g_assert_true (one->ok);
  return one;
}

static GArray *
all_ids (Fixture *fixture)
{
  g_autoptr(ChronicleQuery) query = chronicle_query_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GArray *ids;

  chronicle_store_timeline_async (fixture->store, query, 0, NULL,
                                  chronicle_test_result_cb, &result);
  chronicle_test_wait_for (&result);
  ids = chronicle_store_timeline_finish (fixture->store, result, &error);
  g_assert_no_error (error);
  return ids;
}

static ChronicleArticle *
get_article (Fixture *fixture,
             gint64   id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ChronicleArticle *article;

  chronicle_store_get_article_async (fixture->store, id, NULL, chronicle_test_result_cb, &result);
  chronicle_test_wait_for (&result);
  article = chronicle_store_get_article_finish (fixture->store, result, &error);
  g_assert_no_error (error);
  return article;
}

static GPtrArray *
events_of (Fixture *fixture,
           gint64   id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *events;

  chronicle_store_events_for_article_async (fixture->store, id, NULL,
                                            chronicle_test_result_cb, &result);
  chronicle_test_wait_for (&result);
  events = chronicle_store_events_for_article_finish (fixture->store, result, &error);
  g_assert_no_error (error);
  return events;
}

static gint64
day_of (const char *date)
{
  g_autofree char *iso = g_strconcat (date, "T00:00:00Z", NULL);
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

static const ChronicleMention *
find_mention (ChronicleArticle    *article,
              ChronicleEntityKind  kind,
              const char          *name)
{
  GPtrArray *mentions = chronicle_article_get_mentions (article);

  for (guint i = 0; i < mentions->len; i++)
    {
      const ChronicleMention *m = g_ptr_array_index (mentions, i);

      if (m->entity_kind == kind && g_strcmp0 (m->entity_name, name) == 0)
        return m;
    }
  return NULL;
}

static void
check_expected (ChronicleArticle *article,
                const char       *expected_file)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sync-extract",
                                                 expected_file, NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = chronicle_article_dup_text (article);
  g_autoptr(GError) error = NULL;
  guint checked = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      ChronicleEntityKind kind;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      f = g_strsplit (lines[i], "\t", -1);
      g_test_message ("%s", lines[i]);
      checked++;

      if (g_str_equal (f[0], "published"))
        {
          g_assert_cmpint (chronicle_article_get_published (article) / 86400, ==,
                           day_of (f[1]) / 86400);
          g_assert_true (chronicle_article_get_published_inferred (article));
        }
      else if (g_str_equal (f[0], "surface"))
        {
          GPtrArray *mentions = chronicle_article_get_mentions (article);
          gboolean found = FALSE;

          for (guint j = 0; j < mentions->len; j++)
            {
              const ChronicleMention *m = g_ptr_array_index (mentions, j);
              g_autofree char *written = g_utf8_substring (text, m->start, m->end);

              if (g_str_equal (m->entity_name, f[2]) && g_str_equal (written, f[1]))
                found = TRUE;
            }
          g_assert_true (found);
        }
      else if (g_str_equal (f[0], "time"))
        {
          GPtrArray *times = chronicle_article_get_time_mentions (article);
          ChronicleTimeRelation relation = g_str_equal (f[3], "past") ? CHRONICLE_TIME_RELATION_PAST
                                           : g_str_equal (f[3], "future") ? CHRONICLE_TIME_RELATION_FUTURE
                                           : CHRONICLE_TIME_RELATION_PRESENT;
          gboolean found = FALSE;

          for (guint j = 0; j < times->len; j++)
            {
              const ChronicleTimeMention *t = g_ptr_array_index (times, j);
              g_autofree char *written = g_utf8_substring (text, t->offset_start, t->offset_end);

              if (g_str_equal (t->text, f[1]) && t->start == day_of (f[2])
                  && t->relation == relation)
                {
                  g_assert_cmpstr (written, ==, f[1]);
                  found = TRUE;
                }
            }
          g_assert_true (found);
        }
      else
        {
          const ChronicleMention *m;
          g_autofree char *written = NULL;

          g_assert_true (chronicle_entity_kind_from_string (f[0], &kind));
          m = find_mention (article, kind, f[1]);
          g_assert_nonnull (m);
          g_assert_cmpstr (m->country_code, ==, f[2]);
          g_assert_cmpuint (m->start, <, m->end);
          /* The store keeps a mention per entity and article: its first place in the
           * text, which may be a short form ("Kerry") or a demonym ("Russian"). */
          written = g_utf8_substring (text, m->start, m->end);
          g_assert_cmpstr (written, !=, "");
          if (kind == CHRONICLE_ENTITY_KIND_PERSON)
            g_assert_nonnull (strstr (m->entity_name, written));
        }
    }

  g_assert_cmpuint (checked, >, 10);
}

static void
test_seed_article (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "extract",
                                                 "seed-article.txt", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(ChronicleSyncResult) result = NULL;
  g_autoptr(ChronicleArticle) article = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) events = NULL;
  gint64 source;

  source = add_source (fixture, CHRONICLE_SOURCE_KIND_FILE, uri);
  result = sync_one (fixture, source);
  g_assert_cmpuint (result->added, ==, 1);
  g_assert_cmpuint (chronicle_sync_service_get_n_extracted (fixture->service), ==, 1);

  ids = all_ids (fixture);
  g_assert_cmpuint (ids->len, ==, 1);
  article = get_article (fixture, g_array_index (ids, gint64, 0));
  check_expected (article, "seed-article.expected");

  events = events_of (fixture, g_array_index (ids, gint64, 0));
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpstr (chronicle_event_get_label (g_ptr_array_index (events, 0)), ==,
                   chronicle_article_get_title (article));
  g_assert_cmpint (chronicle_event_get_start (g_ptr_array_index (events, 0)), ==,
                   day_of ("2015-12-15"));

  /* Again: stored as it is (its inferred date kept), so not extracted again. */
  g_clear_pointer (&result, chronicle_sync_result_free);
  result = sync_one (fixture, source);
  g_assert_cmpuint (result->unchanged, ==, 1);
  g_assert_cmpuint (chronicle_sync_service_get_n_extracted (fixture->service), ==, 1);
}

static void
count_cb (ChronicleArticle *article,
          GPtrArray        *events,
          gpointer          user_data)
{
  g_atomic_int_inc ((int *) user_data);
}

static gint64
event_id_of (Fixture *fixture,
             gint64   article_id)
{
  g_autoptr(GPtrArray) events = events_of (fixture, article_id);

  g_assert_cmpuint (events->len, ==, 1);
  return chronicle_event_get_id (g_ptr_array_index (events, 0));
}

static void
test_feed_events (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *url = chronicle_test_server_url (fixture->server, "/news.xml");
  g_autoptr(ChronicleSyncResult) result = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(ChronicleArticle) changed = NULL;
  gint64 a = 0, b = 0, c = 0;
  int processed = 0;
  gint64 source;

  chronicle_sync_service_set_process_func (fixture->service, count_cb, &processed, NULL);
  /* No validators: every sync downloads and parses the feed again. */
  chronicle_test_server_route_file (fixture->server, "/news.xml", "application/rss+xml",
                                    "../sync-extract/same-event.xml", TEST_ROUTE_NONE);
  source = add_source (fixture, CHRONICLE_SOURCE_KIND_RSS, url);
  result = sync_one (fixture, source);
  g_assert_cmpuint (result->added, ==, 3);
  g_assert_cmpuint (chronicle_sync_service_get_n_extracted (fixture->service), ==, 3);
  g_assert_cmpint (processed, ==, 3);

  ids = all_ids (fixture);
  g_assert_cmpuint (ids->len, ==, 3);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(ChronicleArticle) article = get_article (fixture, g_array_index (ids, gint64, i));
      const char *guid = chronicle_article_get_guid (article);

      if (g_str_equal (guid, "a"))
        a = chronicle_article_get_id (article);
      else if (g_str_equal (guid, "b"))
        b = chronicle_article_get_id (article);
      else
        c = chronicle_article_get_id (article);

      if (g_str_equal (guid, "c"))
        g_assert_nonnull (find_mention (article, CHRONICLE_ENTITY_KIND_PLACE, "Seattle"));
      else
        g_assert_nonnull (find_mention (article, CHRONICLE_ENTITY_KIND_PERSON, "Sergei Lavrov"));
    }

  /* Two reports of the meeting: one event; the first flight: another. */
  g_assert_cmpint (event_id_of (fixture, a), ==, event_id_of (fixture, b));
  g_assert_cmpint (event_id_of (fixture, a), !=, event_id_of (fixture, c));

  /* The same feed again: nothing new or changed, nothing extracted. */
  g_clear_pointer (&result, chronicle_sync_result_free);
  result = sync_one (fixture, source);
  g_assert_cmpuint (result->unchanged, ==, 3);
  g_assert_cmpuint (chronicle_test_server_hits (fixture->server, "/news.xml"), ==, 2);
  g_assert_cmpuint (chronicle_sync_service_get_n_extracted (fixture->service), ==, 3);
  g_assert_cmpint (processed, ==, 3);

  /* One article changed: only it is extracted again, and keeps its event. */
  chronicle_test_server_route_file (fixture->server, "/news.xml", "application/rss+xml",
                                    "../sync-extract/same-event-changed.xml", TEST_ROUTE_NONE);
  g_clear_pointer (&result, chronicle_sync_result_free);
  result = sync_one (fixture, source);
  g_assert_cmpuint (result->updated, ==, 1);
  g_assert_cmpuint (result->unchanged, ==, 2);
  g_assert_cmpuint (chronicle_sync_service_get_n_extracted (fixture->service), ==, 4);
  g_assert_cmpint (processed, ==, 4);
  g_assert_cmpint (event_id_of (fixture, a), ==, event_id_of (fixture, b));
  changed = get_article (fixture, c);
  g_assert_nonnull (find_mention (changed, CHRONICLE_ENTITY_KIND_PLACE, "Seattle"));
}

/* A new sync service (a new process) picks up the stored events: a third report of
 * the meeting joins the event the first two made. */
static void
test_grouper_seeded_from_store (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *url = chronicle_test_server_url (fixture->server, "/news.xml");
  g_autofree char *url2 = chronicle_test_server_url (fixture->server, "/more.xml");
  g_autofree char *more = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sync-extract",
                                                 "same-event.xml", NULL);
  g_autoptr(ChronicleSyncResult) result = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) events = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         NULL);
  GString *feed;
  char *contents = NULL;
  gint64 source;

  chronicle_test_server_route_file (fixture->server, "/news.xml", "application/rss+xml",
                                    "../sync-extract/same-event.xml", TEST_ROUTE_NONE);
  source = add_source (fixture, CHRONICLE_SOURCE_KIND_RSS, url);
  result = sync_one (fixture, source);
  g_assert_cmpuint (result->added, ==, 3);

  /* The second source: the first article of the same feed under another guid, title
   * and address, read by a fresh service. */
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  feed = g_string_new (contents);
  g_free (contents);
  g_string_replace (feed, "<guid>a</guid>", "<guid>other-a</guid>", 1);
  g_string_replace (feed, "http://example.org/a", "http://example.net/a2", 1);
  g_string_replace (feed, "Kerry and Lavrov meet in Moscow", "Kerry, Lavrov meet in Moscow", 1);
  more = g_string_free (feed, FALSE);
  body = g_bytes_new (more, strlen (more));
  chronicle_test_server_route (fixture->server, "/more.xml", 200, "application/rss+xml", body,
                               TEST_ROUTE_NONE, NULL);

  g_clear_object (&fixture->service);
  fixture->service = chronicle_sync_service_new (fixture->store);
  source = add_source (fixture, CHRONICLE_SOURCE_KIND_RSS, url2);
  g_clear_pointer (&result, chronicle_sync_result_free);
  result = sync_one (fixture, source);
  g_assert_cmpuint (result->added, ==, 1);
  g_assert_cmpuint (result->duplicates, ==, 2);
  g_assert_cmpuint (chronicle_sync_service_get_n_extracted (fixture->service), ==, 1);

  ids = all_ids (fixture);
  g_assert_cmpuint (ids->len, ==, 4);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 event = event_id_of (fixture, g_array_index (ids, gint64, i));

      g_hash_table_add (events, g_memdup2 (&event, sizeof event));
    }
  /* The meeting (three articles) and the first flight. */
  g_assert_cmpuint (g_hash_table_size (events), ==, 2);
}

static gint64
add_file (Fixture    *fixture,
          const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sync-extract", name, NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

  return add_source (fixture, CHRONICLE_SOURCE_KIND_FILE, uri);
}

/* A surname alone takes the one full name the store knows: "Petrenko" in an article
 * read by a new service (a new process) is the "Finance Minister Anatoly Petrenko"
 * of an article stored earlier. */
static void
test_name_index_from_store (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(ChronicleSyncResult) result = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 first, second;

  first = add_file (fixture, "name-full.txt");
  second = add_file (fixture, "name-surname.txt");
  result = sync_one (fixture, first);
  g_assert_cmpuint (result->added, ==, 1);

  g_clear_object (&fixture->service);
  fixture->service = chronicle_sync_service_new (fixture->store);
  g_clear_pointer (&result, chronicle_sync_result_free);
  result = sync_one (fixture, second);
  g_assert_cmpuint (result->added, ==, 1);

  ids = all_ids (fixture);
  g_assert_cmpuint (ids->len, ==, 2);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(ChronicleArticle) article = get_article (fixture, g_array_index (ids, gint64, i));

      g_assert_nonnull (find_mention (article, CHRONICLE_ENTITY_KIND_PERSON, "Anatoly Petrenko"));
      g_assert_null (find_mention (article, CHRONICLE_ENTITY_KIND_PERSON, "Petrenko"));
    }
}

static void
test_cli_import_sample (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *db = g_build_filename (fixture->dir, "cli.db", NULL);
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "sample-news",
                                                   "wikinews-sample.jsonl", NULL);
  const char *cli = g_getenv ("CHRONICLE_CLI");
  const char *argv[] = { cli, "--db", db, "import", sample, NULL };
  g_autoptr(ChronicleStore) store = NULL;
  g_autoptr(ChronicleQuery) query = chronicle_query_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) facets = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  guint per_kind[4] = { 0 };
  gboolean us = FALSE;

  g_assert_nonnull (cli);
  g_assert_cmpint (chronicle_test_spawn (argv, NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "144 new"));

  store = chronicle_store_open_sync (db, NULL, &error);
  g_assert_no_error (error);
  chronicle_store_facet_counts_async (store, query, 10, NULL, chronicle_test_result_cb, &result);
  chronicle_test_wait_for (&result);
  facets = chronicle_store_facet_counts_finish (store, result, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < facets->len; i++)
    {
      ChronicleEntity *entity = g_ptr_array_index (facets, i);

      per_kind[chronicle_entity_get_kind (entity)]++;
      if (chronicle_entity_get_kind (entity) == CHRONICLE_ENTITY_KIND_COUNTRY
          && g_strcmp0 (chronicle_entity_get_name (entity), "United States") == 0)
        us = chronicle_entity_get_mention_count (entity) >= 50;
    }
  g_assert_cmpuint (per_kind[CHRONICLE_ENTITY_KIND_PERSON], ==, 10);
  g_assert_cmpuint (per_kind[CHRONICLE_ENTITY_KIND_COUNTRY], ==, 10);
  g_assert_cmpuint (per_kind[CHRONICLE_ENTITY_KIND_PLACE], ==, 10);
  g_assert_cmpuint (per_kind[CHRONICLE_ENTITY_KIND_ORGANIZATION], ==, 10);
  g_assert_true (us);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/sync/extract/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("seed-article", test_seed_article);
  ADD ("feed-events", test_feed_events);
  ADD ("grouper-seeded-from-store", test_grouper_seeded_from_store);
  ADD ("name-index-from-store", test_name_index_from_store);
  ADD ("cli-import-sample", test_cli_import_sample);
#undef ADD

  return g_test_run ();
}
