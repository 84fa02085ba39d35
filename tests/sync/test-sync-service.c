/* test-sync-service.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chronicle-sync-error.h"
#include "chronicle-sync-service.h"
#include "chronicle-test-sync-fixture.h"
#include "chronicle-test-utils.h"

/* The whole pipeline against a loopback server and a real store: every format, 200
 * then 304, new/updated/unchanged, dedupe across sources, the failure matrix in one
 * run (one failing source never stops the others), redirects, feed discovery,
 * joining, cancelling, the process hook and the settings. */

typedef ChronicleTestSyncFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  chronicle_test_sync_fixture_set_up (fixture, 1);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  chronicle_test_sync_fixture_tear_down (fixture);
}

static gint64
add_source (Fixture    *fixture,
            const char *path_or_url)
{
  g_autofree char *url = g_str_has_prefix (path_or_url, "/")
                         ? chronicle_test_server_url (fixture->server, path_or_url)
                         : g_strdup (path_or_url);
  g_autoptr(ChronicleSource) source = chronicle_source_new (CHRONICLE_SOURCE_KIND_RSS, url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (strstr (path_or_url, "gdelt") != NULL)
    chronicle_source_set_kind (source, CHRONICLE_SOURCE_KIND_GDELT);
  chronicle_store_add_source_async (fixture->store, source, NULL,
                                    chronicle_test_result_cb, &result);
  chronicle_test_wait_for (&result);
  id = chronicle_store_add_source_finish (fixture->store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static GPtrArray *
sync_all (Fixture *fixture,
          gint64   source_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *results;

  chronicle_sync_service_sync_async (fixture->service, source_id, NULL,
                                     chronicle_test_result_cb, &result);
  g_assert_true (chronicle_sync_service_get_running (fixture->service));
  chronicle_test_wait_for (&result);
  results = chronicle_sync_service_sync_finish (fixture->service, result, &error);
  g_assert_no_error (error);
  g_assert_false (chronicle_sync_service_get_running (fixture->service));
  return results;
}

static const ChronicleSyncResult *
find_result (GPtrArray *results,
             gint64     id)
{
  for (guint i = 0; i < results->len; i++)
    {
      const ChronicleSyncResult *result = g_ptr_array_index (results, i);
      if (result->source_id == id)
        return result;
    }

  g_assert_not_reached ();
  return NULL;
}

static ChronicleSource *
find_source (Fixture *fixture,
             gint64   id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;

  chronicle_store_list_sources_async (fixture->store, NULL, chronicle_test_result_cb, &result);
  chronicle_test_wait_for (&result);
  sources = chronicle_store_list_sources_finish (fixture->store, result, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < sources->len; i++)
    if (chronicle_source_get_id (g_ptr_array_index (sources, i)) == id)
      return g_object_ref (g_ptr_array_index (sources, i));

  g_assert_not_reached ();
  return NULL;
}

typedef struct {
  guint finished;
  guint max_done;
  guint total;
} Progress;

static void
source_finished_cb (ChronicleSyncService      *service,
                    const ChronicleSyncResult *result,
                    Progress                  *progress)
{
  g_assert_nonnull (result);
  progress->finished++;
}

static void
done_changed_cb (ChronicleSyncService *service,
                 GParamSpec           *pspec,
                 Progress             *progress)
{
  progress->max_done = MAX (progress->max_done, chronicle_sync_service_get_sources_done (service));
  progress->total = MAX (progress->total, chronicle_sync_service_get_sources_total (service));
  g_assert_cmpuint (chronicle_sync_service_get_sources_done (service), <=,
                    MAX (progress->total, chronicle_sync_service_get_sources_total (service)));
}

static void
test_formats (Fixture       *fixture,
              gconstpointer  data)
{
  Progress progress = { 0 };
  static const struct {
    const char *file;
    const char *type;
    guint       articles;
    ChronicleSourceKind kind;
  } feeds[] = {
    { "feeds/rss-2.0.xml", "application/rss+xml", 4, CHRONICLE_SOURCE_KIND_RSS },
    { "feeds/rss-0.91.xml", "text/xml", 1, CHRONICLE_SOURCE_KIND_RSS },
    { "feeds/rss-1.0.xml", "application/rdf+xml", 2, CHRONICLE_SOURCE_KIND_RSS },
    { "feeds/atom-1.0.xml", "application/atom+xml", 2, CHRONICLE_SOURCE_KIND_ATOM },
    { "feeds/atom-0.3.xml", "application/xml", 1, CHRONICLE_SOURCE_KIND_ATOM },
    { "feeds/jsonfeed-1.1.json", "application/feed+json", 2, CHRONICLE_SOURCE_KIND_JSONFEED },
    { "feeds/jsonfeed-1.0.json", "application/json", 1, CHRONICLE_SOURCE_KIND_JSONFEED },
    { "feeds/guardian.json", "application/json", 1, CHRONICLE_SOURCE_KIND_GUARDIAN },
    { "feed-rs/rss_2.0_bbc.xml", "application/rss+xml", 1, CHRONICLE_SOURCE_KIND_RSS },
    { "feed-rs/rss_0.92_spec_1.xml", "application/rss+xml", 3, CHRONICLE_SOURCE_KIND_RSS },
  };
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 gdelt;

  for (guint i = 0; i < G_N_ELEMENTS (feeds); i++)
    {
      g_autofree char *path = g_strdup_printf ("/f/%u", i);
      gint64 id;

      chronicle_test_server_route_file (fixture->server, path, feeds[i].type, feeds[i].file,
                                        TEST_ROUTE_NONE);
      id = add_source (fixture, path);
      g_array_append_val (ids, id);
    }
  chronicle_test_server_route_file (fixture->server, "/api/gdelt", "application/json",
                                    "feeds/gdelt.json", TEST_ROUTE_NONE);
  gdelt = add_source (fixture, "/api/gdelt");

  g_signal_connect (fixture->service, "source-finished", G_CALLBACK (source_finished_cb), &progress);
  g_signal_connect (fixture->service, "notify::sources-done", G_CALLBACK (done_changed_cb), &progress);
  results = sync_all (fixture, 0);
  /* Progress: every source reported, done counted up to the total. */
  g_assert_cmpuint (progress.finished, ==, G_N_ELEMENTS (feeds) + 1);
  g_assert_cmpuint (progress.max_done, ==, G_N_ELEMENTS (feeds) + 1);
  g_assert_cmpuint (progress.total, ==, G_N_ELEMENTS (feeds) + 1);
  g_assert_nonnull (chronicle_sync_service_get_status (fixture->service, gdelt));
  g_assert_true (chronicle_sync_service_get_status (fixture->service, gdelt)->ok);
  g_assert_cmpuint (results->len, ==, G_N_ELEMENTS (feeds) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (feeds); i++)
    {
      const ChronicleSyncResult *result = find_result (results, g_array_index (ids, gint64, i));
      g_autoptr(ChronicleSource) source = find_source (fixture, result->source_id);

      g_test_message ("%s: %s", feeds[i].file, result->error);
      g_assert_true (result->ok);
      g_assert_null (result->error);
      g_assert_cmpuint (result->added + result->duplicates, ==, feeds[i].articles);
      g_assert_cmpint (chronicle_source_get_kind (source), ==, feeds[i].kind);
      g_assert_cmpint (chronicle_source_get_last_success (source), >, 0);
      g_assert_null (chronicle_source_get_last_error (source));
      /* The feed's title became the source's. */
      g_assert_nonnull (chronicle_source_get_title (source));
    }
  g_assert_cmpuint (find_result (results, gdelt)->added, ==, 2);
}

static void
test_conditional (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) third = NULL;
  g_autoptr(ChronicleSource) source = NULL;
  g_autoptr(GBytes) changed = NULL;
  g_autofree char *original = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sync", "feeds", "rss-2.0.xml", NULL);
  GString *edited;
  const ChronicleSyncResult *result;
  gint64 id;

  chronicle_test_server_route_file (fixture->server, "/feed", "application/rss+xml",
                                    "feeds/rss-2.0.xml", TEST_ROUTE_VALIDATORS);
  id = add_source (fixture, "/feed");

  first = sync_all (fixture, 0);
  result = find_result (first, id);
  g_assert_true (result->ok);
  g_assert_cmpuint (result->added, ==, 4);
  source = find_source (fixture, id);
  g_assert_nonnull (chronicle_source_get_etag (source));
  g_assert_cmpstr (chronicle_source_get_last_modified (source), ==, "Tue, 15 Dec 2015 18:00:00 GMT");

  /* 304: nothing parsed, nothing stored. */
  second = sync_all (fixture, 0);
  result = find_result (second, id);
  g_assert_true (result->ok);
  g_assert_true (result->not_modified);
  g_assert_cmpuint (result->added + result->updated + result->unchanged, ==, 0);
  g_assert_cmpuint (chronicle_test_server_hits (fixture->server, "/feed"), ==, 2);

  /* One item revised, one added, the rest unchanged. */
  g_assert_true (g_file_get_contents (path, &original, NULL, NULL));
  edited = g_string_new (original);
  g_string_replace (edited, "Markets rally", "Markets rally (updated)", 1);
  g_string_replace (edited, "<item>", "<item><title>Brand new</title><link>https://news.example.org/new</link></item><item>", 1);
  changed = g_string_free_to_bytes (edited);
  chronicle_test_server_route (fixture->server, "/feed", 200, "application/rss+xml", changed,
                               TEST_ROUTE_VALIDATORS, NULL);
  third = sync_all (fixture, 0);
  result = find_result (third, id);
  g_assert_true (result->ok);
  g_assert_false (result->not_modified);
  g_assert_cmpuint (result->added, ==, 1);
  g_assert_cmpuint (result->updated, ==, 1);
  g_assert_cmpuint (result->unchanged, ==, 3);
}

static void
test_dedupe (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  gint64 a, b;

  /* The same feed under two addresses: the second source's items are duplicates. */
  chronicle_test_server_route_file (fixture->server, "/a", "application/rss+xml",
                                    "feeds/rss-2.0.xml", TEST_ROUTE_NONE);
  chronicle_test_server_route_file (fixture->server, "/b", "application/rss+xml",
                                    "feeds/rss-2.0.xml", TEST_ROUTE_NONE);
  a = add_source (fixture, "/a");
  b = add_source (fixture, "/b");

  first = sync_all (fixture, a);
  g_assert_cmpuint (first->len, ==, 1);
  g_assert_cmpuint (find_result (first, a)->added, ==, 4);
  second = sync_all (fixture, b);
  g_assert_cmpuint (find_result (second, b)->added, ==, 0);
  /* Items with links are found by URL; the one without is new to this source. */
  g_assert_cmpuint (find_result (second, b)->duplicates, >=, 3);
}

typedef struct {
  const char *path;
  int         code;
  const char *words;
} Failure;

static GBytes *
zeros (gsize size)
{
  return g_bytes_new_take (g_malloc0 (size), size);
}

static void
test_failure_matrix (Fixture       *fixture,
                     gconstpointer  data)
{
  static const Failure failures[] = {
    { "/404", CHRONICLE_SYNC_ERROR_HTTP, "HTTP 404" },
    { "/500", CHRONICLE_SYNC_ERROR_HTTP, "HTTP 500" },
    { "refused", CHRONICLE_SYNC_ERROR_NETWORK, "refused" },
    { "/timeout", CHRONICLE_SYNC_ERROR_TIMEOUT, "seconds" },
    { "/loop", CHRONICLE_SYNC_ERROR_REDIRECTS, "loop" },
    { "/big", CHRONICLE_SYNC_ERROR_TOO_LARGE, "larger" },
    { "/bomb", CHRONICLE_SYNC_ERROR_TOO_LARGE, "larger" },
    { "/broken", CHRONICLE_SYNC_ERROR_PARSE, "broken" },
    { "/laughs", CHRONICLE_SYNC_ERROR_UNSAFE, "entities" },
    { "/xxe", CHRONICLE_SYNC_ERROR_UNSAFE, "entities" },
    { "/page", CHRONICLE_SYNC_ERROR_WEB_PAGE, "web page" },
    { "/api/gdelt-error", CHRONICLE_SYNC_ERROR_API, "GDELT refused the query" },
    { "/busy", CHRONICLE_SYNC_ERROR_COOLING_DOWN, "wait" },
  };
  g_autoptr(GBytes) big = zeros (2 * 1024 * 1024);
  g_autoptr(GBytes) page = g_bytes_new_static ("<!DOCTYPE html><html><body><p>Hello</p></body></html>", 54);
  g_autoptr(GBytes) broken = g_bytes_new_static ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x", 57);
  g_autoptr(GBytes) text = g_bytes_new_static ("x", 1);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *refused = chronicle_test_closed_port_url ();
  gint64 good, repaired, truncated;
  ChronicleTestServer *busy_server = chronicle_test_server_new ();
  g_autofree char *busy_url = chronicle_test_server_url (busy_server, "/busy");

  chronicle_http_set_max_body_size (chronicle_sync_service_get_http (fixture->service), 1024 * 1024);
  chronicle_test_server_route (fixture->server, "/404", 404, "text/plain", text, 0, NULL);
  chronicle_test_server_route (fixture->server, "/500", 500, "text/plain", text, 0, NULL);
  chronicle_test_server_route (fixture->server, "/timeout", 200, NULL, NULL, TEST_ROUTE_HANG, NULL);
  chronicle_test_server_route (fixture->server, "/loop", 302, NULL, NULL, 0, "Location", "/loop2", NULL);
  chronicle_test_server_route (fixture->server, "/loop2", 302, NULL, NULL, 0, "Location", "/loop", NULL);
  chronicle_test_server_route (fixture->server, "/big", 200, "application/rss+xml", big, TEST_ROUTE_CHUNKED, NULL);
  chronicle_test_server_route (fixture->server, "/bomb", 200, "application/rss+xml", big, TEST_ROUTE_GZIP, NULL);
  chronicle_test_server_route (fixture->server, "/broken", 200, "application/rss+xml", broken, 0, NULL);
  chronicle_test_server_route_file (fixture->server, "/laughs", "application/rss+xml",
                                    "feeds/billion-laughs.xml", TEST_ROUTE_NONE);
  chronicle_test_server_route_file (fixture->server, "/xxe", "application/rss+xml",
                                    "feeds/external-entity.xml", TEST_ROUTE_NONE);
  chronicle_test_server_route (fixture->server, "/page", 200, "text/html", page, 0, NULL);
  chronicle_test_server_route_file (fixture->server, "/api/gdelt-error", "text/plain",
                                    "feeds/gdelt-error.txt", TEST_ROUTE_NONE);
  /* On a host of its own, as a cooling-down host is not asked again. */
  chronicle_test_server_route (busy_server, "/busy", 429, "text/plain", text, 0, "Retry-After", "600", NULL);
  chronicle_test_server_route_file (fixture->server, "/good", "application/atom+xml",
                                    "feeds/atom-1.0.xml", TEST_ROUTE_NONE);
  chronicle_test_server_route_file (fixture->server, "/invalid-utf8", "application/rss+xml",
                                    "feeds/invalid-utf8.xml", TEST_ROUTE_NONE);
  chronicle_test_server_route_file (fixture->server, "/truncated", "application/rss+xml",
                                    "feeds/truncated.xml", TEST_ROUTE_NONE);

  for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
    {
      const char *where = failures[i].path;
      gint64 id;

      if (g_str_equal (where, "refused"))
        where = refused;
      else if (g_str_equal (where, "/busy"))
        where = busy_url;
      id = add_source (fixture, where);
      g_array_append_val (ids, id);
    }
  good = add_source (fixture, "/good");
  repaired = add_source (fixture, "/invalid-utf8");
  truncated = add_source (fixture, "/truncated");

  results = sync_all (fixture, 0);
  g_assert_cmpuint (results->len, ==, G_N_ELEMENTS (failures) + 3);

  for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
    {
      const ChronicleSyncResult *result = find_result (results, g_array_index (ids, gint64, i));
      g_autoptr(ChronicleSource) source = find_source (fixture, result->source_id);

      g_test_message ("%s: %s", failures[i].path, result->error);
      g_assert_false (result->ok);
      g_assert_nonnull (result->error);
      g_assert_nonnull (strstr (result->error, failures[i].words));
      g_assert_true (g_ascii_isupper (result->error[0]));
      /* The store keeps the reason. */
      g_assert_cmpstr (chronicle_source_get_last_error (source), ==, result->error);
      g_assert_cmpint (chronicle_source_get_last_success (source), ==, 0);
    }

  /* The others worked: a clean feed, a repaired one and a truncated one. */
  g_assert_true (find_result (results, good)->ok);
  g_assert_cmpuint (find_result (results, good)->added, ==, 2);
  g_assert_true (find_result (results, repaired)->ok);
  g_assert_cmpuint (find_result (results, repaired)->added, ==, 1);
  g_assert_true (find_result (results, truncated)->ok);
  g_assert_cmpuint (find_result (results, truncated)->added, ==, 1);

  chronicle_test_server_free (busy_server);
}

static void
test_redirect_and_discovery (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *final_url = chronicle_test_server_url (fixture->server, "/new-home.xml");
  g_autofree char *feed_url = chronicle_test_server_url (fixture->server, "/feeds/all.rss");
  g_autoptr(GBytes) page = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(ChronicleSource) moved = NULL;
  g_autoptr(ChronicleSource) site = NULL;
  g_autofree char *html = g_strdup_printf ("<!DOCTYPE html><html><head><link rel=\"alternate\" "
                                           "type=\"application/rss+xml\" href=\"/feeds/all.rss\">"
                                           "</head><body>Site</body></html>");
  gint64 moved_id, site_id;

  page = g_bytes_new (html, strlen (html));
  chronicle_test_server_route (fixture->server, "/old.xml", 301, NULL, NULL, 0, "Location", "/new-home.xml", NULL);
  chronicle_test_server_route_file (fixture->server, "/new-home.xml", "application/rss+xml",
                                    "feeds/rss-1.0.xml", TEST_ROUTE_NONE);
  chronicle_test_server_route (fixture->server, "/", 200, "text/html", page, 0, NULL);
  chronicle_test_server_route_file (fixture->server, "/feeds/all.rss", "application/rss+xml",
                                    "feeds/rss-2.0.xml", TEST_ROUTE_NONE);
  moved_id = add_source (fixture, "/old.xml");
  site_id = add_source (fixture, "/");

  results = sync_all (fixture, 0);
  g_assert_true (find_result (results, moved_id)->ok);
  g_assert_true (find_result (results, site_id)->ok);
  g_assert_cmpuint (find_result (results, site_id)->added, ==, 4);

  moved = find_source (fixture, moved_id);
  g_assert_cmpstr (chronicle_source_get_url (moved), ==, final_url);
  site = find_source (fixture, site_id);
  g_assert_cmpstr (chronicle_source_get_url (site), ==, feed_url);
}

static void
test_join (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(GError) error = NULL;

  chronicle_test_server_route_file (fixture->server, "/slow", "application/rss+xml",
                                    "feeds/rss-2.0.xml", TEST_ROUTE_SLOW);
  add_source (fixture, "/slow");

  chronicle_sync_service_sync_async (fixture->service, 0, NULL, chronicle_test_result_cb, &first);
  chronicle_sync_service_sync_async (fixture->service, 0, NULL, chronicle_test_result_cb, &second);
  chronicle_test_wait_for (&first);
  chronicle_test_wait_for (&second);
  a = chronicle_sync_service_sync_finish (fixture->service, first, &error);
  g_assert_no_error (error);
  b = chronicle_sync_service_sync_finish (fixture->service, second, &error);
  g_assert_no_error (error);
  g_assert_true (a == b);
  g_assert_cmpuint (chronicle_test_server_hits (fixture->server, "/slow"), ==, 1);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(ChronicleSource) source = NULL;
  gint64 id;

  chronicle_http_set_timeout (chronicle_sync_service_get_http (fixture->service), 30);
  chronicle_test_server_route (fixture->server, "/hang", 200, NULL, NULL, TEST_ROUTE_HANG, NULL);
  id = add_source (fixture, "/hang");

  chronicle_sync_service_sync_async (fixture->service, 0, cancellable,
                                     chronicle_test_result_cb, &result);
  while (chronicle_test_server_hits (fixture->server, "/hang") == 0)
    g_main_context_iteration (NULL, FALSE);
  g_cancellable_cancel (cancellable);
  chronicle_test_wait_for (&result);
  results = chronicle_sync_service_sync_finish (fixture->service, result, &error);
  g_assert_null (results);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* A cancelled sync is not the source's fault. */
  source = find_source (fixture, id);
  g_assert_null (chronicle_source_get_last_error (source));
}

static void
process_cb (ChronicleArticle *article,
            GPtrArray        *events,
            gpointer          user_data)
{
  GThread **main_thread = user_data;

  g_assert_true (g_thread_self () != *main_thread);
  chronicle_article_set_summary (article, "processed");
}

static void
test_process_hook (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleArticle) article = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(ChronicleQuery) query = chronicle_query_new ();
  GThread *main_thread = g_thread_self ();

  chronicle_sync_service_set_process_func (fixture->service, process_cb, &main_thread, NULL);
  chronicle_test_server_route_file (fixture->server, "/feed", "application/rss+xml",
                                    "feeds/rss-1.0.xml", TEST_ROUTE_NONE);
  add_source (fixture, "/feed");
  results = sync_all (fixture, 0);
  g_assert_true (((ChronicleSyncResult *) g_ptr_array_index (results, 0))->ok);

  chronicle_store_timeline_async (fixture->store, query, 10, NULL,
                                  chronicle_test_result_cb, &result);
  chronicle_test_wait_for (&result);
  ids = chronicle_store_timeline_finish (fixture->store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_clear_object (&result);
  chronicle_store_get_article_async (fixture->store, g_array_index (ids, gint64, 0), NULL,
                                     chronicle_test_result_cb, &result);
  chronicle_test_wait_for (&result);
  article = chronicle_store_get_article_finish (fixture->store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chronicle_article_get_summary (article), ==, "processed");
}

static void
test_local_file (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sync", "local", "seed-article.txt", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(ChronicleSource) source = chronicle_source_new (CHRONICLE_SOURCE_KIND_FILE, uri);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  chronicle_store_add_source_async (fixture->store, source, NULL,
                                    chronicle_test_result_cb, &result);
  chronicle_test_wait_for (&result);
  id = chronicle_store_add_source_finish (fixture->store, result, &error);
  g_assert_no_error (error);

  results = sync_all (fixture, id);
  g_assert_true (find_result (results, id)->ok);
  g_assert_cmpuint (find_result (results, id)->added, ==, 1);
  g_clear_pointer (&results, g_ptr_array_unref);

  /* A second later the undated article keeps the time it was first seen: unchanged. */
  {
    gint64 second = g_get_real_time () / G_USEC_PER_SEC;
    while (g_get_real_time () / G_USEC_PER_SEC == second)
      g_usleep (10000);
  }
  results = sync_all (fixture, id);
  g_assert_cmpuint (find_result (results, id)->added, ==, 0);
  g_assert_cmpuint (find_result (results, id)->updated, ==, 0);
  g_assert_cmpuint (find_result (results, id)->unchanged, ==, 1);
}

/* The first stored article of a source, read in full. */
static ChronicleArticle *
first_article (Fixture *fixture,
               gint64   source_id)
{
  g_autoptr(ChronicleQuery) all = chronicle_query_new ();
  g_autoptr(ChronicleQuery) query = chronicle_query_with_sources (all, &source_id, 1);
  g_autoptr(GAsyncResult) r1 = NULL, r2 = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  ChronicleArticle *article;

  chronicle_store_timeline_async (fixture->store, query, 0, NULL, chronicle_test_result_cb, &r1);
  chronicle_test_wait_for (&r1);
  ids = chronicle_store_timeline_finish (fixture->store, r1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >, 0);
  chronicle_store_get_article_async (fixture->store, g_array_index (ids, gint64, ids->len - 1),
                                     NULL, chronicle_test_result_cb, &r2);
  chronicle_test_wait_for (&r2);
  article = chronicle_store_get_article_finish (fixture->store, r2, &error);
  g_assert_no_error (error);
  return article;
}

/* Guardian keyword tags and a JSONL corpus's licence and attribution reach the store. */
static void
test_tags_and_rights (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sync", "local",
                                                 "sample.jsonl", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(ChronicleSource) file = chronicle_source_new (CHRONICLE_SOURCE_KIND_FILE, uri);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(ChronicleArticle) guardian_article = NULL;
  g_autoptr(ChronicleArticle) wikinews_article = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected_tags[] = { "Russia", "Syria", NULL };
  gint64 guardian, corpus;

  chronicle_test_server_route_file (fixture->server, "/search", "application/json",
                                    "feeds/guardian.json", TEST_ROUTE_NONE);
  guardian = add_source (fixture, "/search");
  chronicle_store_add_source_async (fixture->store, file, NULL, chronicle_test_result_cb, &result);
  chronicle_test_wait_for (&result);
  corpus = chronicle_store_add_source_finish (fixture->store, result, &error);
  g_assert_no_error (error);

  results = sync_all (fixture, 0);
  g_assert_true (find_result (results, guardian)->ok);
  g_assert_true (find_result (results, corpus)->ok);

  guardian_article = first_article (fixture, guardian);
  g_assert_true (g_strv_equal (chronicle_article_get_tags (guardian_article), expected_tags));
  g_assert_null (chronicle_article_get_license (guardian_article));

  /* The oldest article of the corpus: public domain, with its credit line. */
  wikinews_article = first_article (fixture, corpus);
  g_assert_cmpstr (chronicle_article_get_guid (wikinews_article), ==, "wikinews-1173");
  g_assert_cmpstr (chronicle_article_get_license (wikinews_article), ==,
                   "Public domain (Wikinews text published before 2005-09-25)");
  g_assert_true (g_str_has_prefix (chronicle_article_get_attribution (wikinews_article),
                                   "\"Internal emails expose Boeing-Air Force contract "
                                   "discussions\", Wikinews (2004-11-24)"));
}

/* A feed that needed repair: the sync works and the status carries a warning, kept
 * through a 304 and cleared once the feed is sound again. */
static void
test_repair_warning (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) third = NULL;
  g_autoptr(ChronicleSource) source = NULL;
  const ChronicleSyncResult *result;
  gint64 id;

  chronicle_test_server_route_file (fixture->server, "/feed", "application/rss+xml",
                                    "feeds/invalid-utf8.xml", TEST_ROUTE_VALIDATORS);
  id = add_source (fixture, "/feed");

  first = sync_all (fixture, 0);
  result = find_result (first, id);
  g_assert_true (result->ok);
  g_assert_null (result->error);
  g_assert_cmpstr (result->warning, ==,
                   "The feed contains bytes that are not valid UTF-8; they were replaced.");
  g_assert_cmpstr (chronicle_sync_service_get_status (fixture->service, id)->warning, ==,
                   result->warning);
  source = find_source (fixture, id);
  g_assert_cmpstr (chronicle_source_get_last_warning (source), ==, result->warning);
  g_assert_null (chronicle_source_get_last_error (source));
  g_clear_object (&source);

  second = sync_all (fixture, 0);
  result = find_result (second, id);
  g_assert_true (result->not_modified);
  g_assert_cmpstr (result->warning, ==,
                   "The feed contains bytes that are not valid UTF-8; they were replaced.");

  chronicle_test_server_route_file (fixture->server, "/feed", "application/rss+xml",
                                    "feeds/rss-0.91.xml", TEST_ROUTE_NONE);
  third = sync_all (fixture, 0);
  result = find_result (third, id);
  g_assert_true (result->ok);
  g_assert_null (result->warning);
  source = find_source (fixture, id);
  g_assert_null (chronicle_source_get_last_warning (source));
}

/* Guardian sources with no keyring to ask: the sync works and says how. A key an old
 * address carries stays there (it is never lost, and never newly written). */
static void
test_guardian_no_keyring (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *plain_url = chronicle_test_server_url (fixture->server, "/search?q=peace");
  g_autofree char *keyed_url = chronicle_test_server_url (fixture->server,
                                                          "/keyed?q=war&api-key=old-k3y");
  g_autoptr(ChronicleSource) plain = chronicle_source_new (CHRONICLE_SOURCE_KIND_GUARDIAN,
                                                           plain_url);
  g_autoptr(ChronicleSource) keyed = chronicle_source_new (CHRONICLE_SOURCE_KIND_GUARDIAN,
                                                           keyed_url);
  g_autoptr(GAsyncResult) r1 = NULL, r2 = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(ChronicleSource) stored = NULL;
  g_autoptr(GError) error = NULL;
  const ChronicleSyncResult *result;
  gint64 plain_id, keyed_id;

  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/chronicle-test-bus", TRUE);
  chronicle_test_server_route_file (fixture->server, "/search", "application/json",
                                    "feeds/guardian.json", TEST_ROUTE_NONE);
  chronicle_test_server_route_file (fixture->server, "/keyed", "application/json",
                                    "feeds/guardian.json", TEST_ROUTE_NONE);
  chronicle_store_add_source_async (fixture->store, plain, NULL, chronicle_test_result_cb, &r1);
  chronicle_test_wait_for (&r1);
  plain_id = chronicle_store_add_source_finish (fixture->store, r1, &error);
  chronicle_store_add_source_async (fixture->store, keyed, NULL, chronicle_test_result_cb, &r2);
  chronicle_test_wait_for (&r2);
  keyed_id = chronicle_store_add_source_finish (fixture->store, r2, &error);
  g_assert_no_error (error);

  chronicle_sync_service_set_use_keyring (fixture->service, TRUE);
  results = sync_all (fixture, 0);

  result = find_result (results, plain_id);
  g_assert_true (result->ok);
  g_assert_true (g_str_has_prefix (result->warning, "The keyring could not be read ("));
  g_assert_true (g_str_has_suffix (result->warning, "); the Guardian’s public test key was used."));

  result = find_result (results, keyed_id);
  g_assert_true (result->ok);
  g_assert_true (g_str_has_suffix (result->warning,
                                   "), so the API key stays in this source’s address."));
  stored = find_source (fixture, keyed_id);
  g_assert_cmpstr (chronicle_source_get_url (stored), ==, keyed_url);
  g_assert_cmpstr (chronicle_source_get_last_warning (stored), ==, result->warning);
  g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
}

static void
finished_cb (ChronicleSyncService *service,
             gboolean             *finished)
{
  *finished = TRUE;
}

/* The periodic sync takes only the sources that are due. */
static void
test_periodic (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) results = NULL;
  gboolean finished = FALSE;
  gint64 a;

  chronicle_test_server_route_file (fixture->server, "/a", "application/rss+xml",
                                    "feeds/rss-1.0.xml", TEST_ROUTE_NONE);
  chronicle_test_server_route_file (fixture->server, "/b", "application/atom+xml",
                                    "feeds/atom-1.0.xml", TEST_ROUTE_NONE);
  a = add_source (fixture, "/a");
  add_source (fixture, "/b");
  results = sync_all (fixture, a);
  g_assert_true (find_result (results, a)->ok);

  g_signal_connect (fixture->service, "finished", G_CALLBACK (finished_cb), &finished);
  chronicle_sync_service_set_interval (fixture->service, 1);
  while (!finished)
    g_main_context_iteration (NULL, TRUE);
  chronicle_sync_service_set_interval (fixture->service, 0);

  /* /a was synced a moment ago and its interval is an hour: left alone. */
  g_assert_cmpuint (chronicle_test_server_hits (fixture->server, "/a"), ==, 1);
  g_assert_cmpuint (chronicle_test_server_hits (fixture->server, "/b"), ==, 1);
}

static void
test_settings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = NULL;

  /* Without a schema nothing happens; the tests run with the build's schemas. */
  g_assert_cmpuint (chronicle_sync_service_get_interval (fixture->service), ==, 0);
  if (!chronicle_sync_service_bind_settings (fixture->service))
    {
      g_test_skip ("The GSettings schema is not available");
      return;
    }
  g_assert_cmpuint (chronicle_sync_service_get_interval (fixture->service), ==, 3600);
  settings = g_settings_new (BASE_APP_ID);
  g_settings_set_string (settings, "sync-interval", "15min");
  g_assert_cmpuint (chronicle_sync_service_get_interval (fixture->service), ==, 900);
  g_settings_set_string (settings, "sync-interval", "off");
  g_assert_cmpuint (chronicle_sync_service_get_interval (fixture->service), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/sync/service/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("formats", test_formats);
  ADD ("conditional", test_conditional);
  ADD ("dedupe", test_dedupe);
  ADD ("failure-matrix", test_failure_matrix);
  ADD ("redirect-and-discovery", test_redirect_and_discovery);
  ADD ("join", test_join);
  ADD ("cancel", test_cancel);
  ADD ("process-hook", test_process_hook);
  ADD ("local-file", test_local_file);
  ADD ("tags-and-rights", test_tags_and_rights);
  ADD ("repair-warning", test_repair_warning);
  ADD ("guardian-no-keyring", test_guardian_no_keyring);
  ADD ("periodic", test_periodic);
  ADD ("settings", test_settings);
#undef ADD

  return g_test_run ();
}
