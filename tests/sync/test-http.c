/* test-http.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chronicle-http.h"
#include "chronicle-sync-error.h"
#include "chronicle-test-server.h"
#include "chronicle-test-utils.h"

typedef struct {
  ChronicleTestServer *server;
  ChronicleHttp       *http;
} Fixture;

typedef struct {
  GMainLoop             *loop;
  ChronicleHttpResponse *response;
  GError                *error;
} Result;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->server = chronicle_test_server_new ();
  fixture->http = chronicle_http_new ();
  chronicle_http_set_timeout (fixture->http, 1);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->http);
  g_clear_pointer (&fixture->server, chronicle_test_server_free);
}

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Result *res = user_data;

  res->response = chronicle_http_fetch_finish (CHRONICLE_HTTP (object), result, &res->error);
  g_main_loop_quit (res->loop);
}

static ChronicleHttpResponse *
fetch (Fixture     *fixture,
       const char  *path_or_url,
       const char  *etag,
       const char  *last_modified,
       GError     **error)
{
  g_autofree char *url = NULL;
  Result res = { g_main_loop_new (NULL, FALSE), NULL, NULL };

  url = path_or_url[0] == '/' ? chronicle_test_server_url (fixture->server, path_or_url)
                              : g_strdup (path_or_url);
  chronicle_http_fetch_async (fixture->http, url, etag, last_modified, NULL, fetched_cb, &res);
  g_main_loop_run (res.loop);
  g_main_loop_unref (res.loop);

  if (res.error != NULL)
    g_propagate_error (error, res.error);
  return res.response;
}

static void
assert_sentence (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_true (g_ascii_isupper (error->message[0]));
  g_assert_true (g_str_has_suffix (error->message, "."));
}

static void
test_conditional_get (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(ChronicleHttpResponse) first = NULL;
  g_autoptr(ChronicleHttpResponse) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *agent = NULL;
  g_autofree char *if_none_match = NULL;

  chronicle_test_server_route_file (fixture->server, "/feed.rss", "application/rss+xml; charset=utf-8",
                                    "feeds/rss-2.0.xml", TEST_ROUTE_VALIDATORS);

  first = fetch (fixture, "/feed.rss", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->status, ==, 200);
  g_assert_nonnull (first->etag);
  g_assert_cmpstr (first->last_modified, ==, "Tue, 15 Dec 2015 18:00:00 GMT");
  g_assert_cmpstr (first->content_type, ==, "application/rss+xml");
  g_assert_cmpstr (first->charset, ==, "utf-8");
  g_assert_nonnull (first->body);
  g_assert_cmpuint (g_bytes_get_size (first->body), >, 1000);
  g_assert_null (first->permanent_url);
  agent = chronicle_test_server_header (fixture->server, "/feed.rss", "User-Agent");
  g_assert_cmpstr (agent, ==, "Chronicle/" PACKAGE_VERSION);

  second = fetch (fixture, "/feed.rss", first->etag, first->last_modified, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->status, ==, 304);
  g_assert_null (second->body);
  if_none_match = chronicle_test_server_header (fixture->server, "/feed.rss", "If-None-Match");
  g_assert_cmpstr (if_none_match, ==, first->etag);
  g_assert_cmpuint (chronicle_test_server_hits (fixture->server, "/feed.rss"), ==, 2);
}

static void
test_gzip (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(ChronicleHttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *accept = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sync", "feeds", "atom-1.0.xml", NULL);
  g_autofree char *original = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &original, &len, NULL));
  chronicle_test_server_route_file (fixture->server, "/atom", "application/atom+xml",
                                    "feeds/atom-1.0.xml", TEST_ROUTE_GZIP);
  response = fetch (fixture, "/atom", NULL, NULL, &error);
  g_assert_no_error (error);
  accept = chronicle_test_server_header (fixture->server, "/atom", "Accept-Encoding");
  g_assert_nonnull (strstr (accept, "gzip"));
  g_assert_cmpmem (g_bytes_get_data (response->body, NULL), g_bytes_get_size (response->body),
                   original, len);
}

static void
test_http_errors (Fixture       *fixture,
                  gconstpointer  data)
{
  static const guint statuses[] = { 404, 410, 403, 500, 502 };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *path = g_strdup_printf ("/status/%u", statuses[i]);
      g_autofree char *code = g_strdup_printf ("HTTP %u", statuses[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(ChronicleHttpResponse) response = NULL;
      g_autoptr(GBytes) body = g_bytes_new_static ("oops", 4);

      chronicle_test_server_route (fixture->server, path, statuses[i], "text/plain", body, 0, NULL);
      response = fetch (fixture, path, NULL, NULL, &error);
      g_assert_null (response);
      g_assert_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_HTTP);
      g_assert_nonnull (strstr (error->message, code));
      assert_sentence (error);
    }
}

static void
test_connection_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *url = chronicle_test_closed_port_url ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleHttpResponse) response = fetch (fixture, url, NULL, NULL, &error);

  g_assert_null (response);
  g_assert_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "refused"));
  assert_sentence (error);
}

static void
test_timeout (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleHttpResponse) response = NULL;

  chronicle_test_server_route (fixture->server, "/slow", 200, NULL, NULL, TEST_ROUTE_HANG, NULL);
  response = fetch (fixture, "/slow", NULL, NULL, &error);
  g_assert_null (response);
  g_assert_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_TIMEOUT);
  assert_sentence (error);
}

static void
test_redirects (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleHttpResponse) permanent = NULL;
  g_autoptr(ChronicleHttpResponse) temporary = NULL;
  g_autoptr(ChronicleHttpResponse) loop = NULL;
  g_autoptr(ChronicleHttpResponse) chain = NULL;
  g_autofree char *final_url = chronicle_test_server_url (fixture->server, "/feed");

  chronicle_test_server_route_file (fixture->server, "/feed", "application/rss+xml",
                                    "feeds/rss-2.0.xml", TEST_ROUTE_NONE);
  chronicle_test_server_route (fixture->server, "/moved", 301, NULL, NULL, 0, "Location", "/moved2", NULL);
  chronicle_test_server_route (fixture->server, "/moved2", 308, NULL, NULL, 0, "Location", final_url, NULL);
  chronicle_test_server_route (fixture->server, "/temp", 302, NULL, NULL, 0, "Location", "/moved", NULL);
  chronicle_test_server_route (fixture->server, "/loop-a", 302, NULL, NULL, 0, "Location", "/loop-b", NULL);
  chronicle_test_server_route (fixture->server, "/loop-b", 301, NULL, NULL, 0, "Location", "/loop-a", NULL);
  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *path = g_strdup_printf ("/hop/%u", i);
      g_autofree char *next = g_strdup_printf ("/hop/%u", i + 1);

      chronicle_test_server_route (fixture->server, path, 307, NULL, NULL, 0, "Location", next, NULL);
    }

  /* Two permanent hops: the stored address should change. */
  permanent = fetch (fixture, "/moved", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (permanent->status, ==, 200);
  g_assert_cmpstr (permanent->url, ==, final_url);
  g_assert_cmpstr (permanent->permanent_url, ==, final_url);

  /* A temporary hop first: the address stays. */
  temporary = fetch (fixture, "/temp", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (temporary->url, ==, final_url);
  g_assert_null (temporary->permanent_url);

  loop = fetch (fixture, "/loop-a", NULL, NULL, &error);
  g_assert_null (loop);
  g_assert_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_REDIRECTS);
  g_assert_nonnull (strstr (error->message, "loop"));
  assert_sentence (error);
  g_clear_error (&error);

  chain = fetch (fixture, "/hop/0", NULL, NULL, &error);
  g_assert_null (chain);
  g_assert_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_REDIRECTS);
  /* The sixth redirect is not followed. */
  g_assert_cmpuint (chronicle_test_server_hits (fixture->server, "/hop/5"), ==, 1);
  g_assert_cmpuint (chronicle_test_server_hits (fixture->server, "/hop/6"), ==, 0);
}

static GBytes *
zeros (gsize size)
{
  return g_bytes_new_take (g_malloc0 (size), size);
}

static void
test_body_cap (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GBytes) big = zeros (3 * 1024 * 1024);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleHttpResponse) response = NULL;

  chronicle_http_set_max_body_size (fixture->http, 1024 * 1024);
  /* With a Content-Length, refused before reading; without one, while streaming;
   * compressed, after decoding (a gzip bomb of 3 MiB in a few KiB). */
  chronicle_test_server_route (fixture->server, "/big", 200, "application/rss+xml", big, 0, NULL);
  chronicle_test_server_route (fixture->server, "/big-chunked", 200, "application/rss+xml", big,
                               TEST_ROUTE_CHUNKED, NULL);
  chronicle_test_server_route (fixture->server, "/bomb", 200, "application/rss+xml", big,
                               TEST_ROUTE_GZIP, NULL);

  response = fetch (fixture, "/big", NULL, NULL, &error);
  g_assert_null (response);
  g_assert_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_TOO_LARGE);
  assert_sentence (error);
  g_clear_error (&error);

  response = fetch (fixture, "/big-chunked", NULL, NULL, &error);
  g_assert_null (response);
  g_assert_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_TOO_LARGE);
  g_clear_error (&error);

  response = fetch (fixture, "/bomb", NULL, NULL, &error);
  g_assert_null (response);
  g_assert_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "MiB"));
}

static void
test_retry_after (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleHttpResponse) response = NULL;
  g_autoptr(GBytes) body = g_bytes_new_static ("slow down", 9);
  g_autofree char *url = chronicle_test_server_url (fixture->server, "/other");
  gint64 until;

  chronicle_test_server_route (fixture->server, "/busy", 429, "text/plain", body, 0,
                               "Retry-After", "120", NULL);
  chronicle_test_server_route_file (fixture->server, "/other", "application/rss+xml",
                                    "feeds/rss-2.0.xml", TEST_ROUTE_NONE);

  response = fetch (fixture, "/busy", NULL, NULL, &error);
  g_assert_null (response);
  g_assert_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_COOLING_DOWN);
  assert_sentence (error);
  g_clear_error (&error);

  until = chronicle_http_get_cooldown_until (fixture->http, url);
  g_assert_cmpint (until, >, g_get_real_time () + (gint64) 100 * G_USEC_PER_SEC);
  g_assert_cmpint (until, <=, g_get_real_time () + (gint64) 121 * G_USEC_PER_SEC);

  /* The host cools down: the next request does not reach it at all. */
  response = fetch (fixture, "/other", NULL, NULL, &error);
  g_assert_null (response);
  g_assert_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_COOLING_DOWN);
  g_assert_cmpuint (chronicle_test_server_hits (fixture->server, "/other"), ==, 0);
  g_assert_cmpuint (chronicle_test_server_hits (fixture->server, "/busy"), ==, 1);
}

static void
test_service_unavailable (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleHttpResponse) response = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) in_an_hour = g_date_time_add_hours (now, 1);
  g_autofree char *http_date = g_date_time_format (in_an_hour, "%a, %d %b %Y %H:%M:%S GMT");
  g_autofree char *url = chronicle_test_server_url (fixture->server, "/maintenance");

  chronicle_test_server_route (fixture->server, "/maintenance", 503, NULL, NULL, 0,
                               "Retry-After", http_date, NULL);
  response = fetch (fixture, "/maintenance", NULL, NULL, &error);
  g_assert_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_COOLING_DOWN);
  g_assert_cmpint (chronicle_http_get_cooldown_until (fixture->http, url), >,
                   g_get_real_time () + (gint64) 3500 * G_USEC_PER_SEC);
}

static void
test_host_interval (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleHttpResponse) first = NULL;
  g_autoptr(ChronicleHttpResponse) second = NULL;
  gint64 gap;

  /* As for GDELT (5 s), shortened. */
  chronicle_http_set_host_interval (fixture->http, "127.0.0.1", 400);
  chronicle_test_server_route_file (fixture->server, "/gdelt", "application/json",
                                    "feeds/gdelt.json", TEST_ROUTE_NONE);
  first = fetch (fixture, "/gdelt", NULL, NULL, &error);
  g_assert_no_error (error);
  second = fetch (fixture, "/gdelt", NULL, NULL, &error);
  g_assert_no_error (error);

  gap = chronicle_test_server_last_time (fixture->server, "/gdelt", 1)
        - chronicle_test_server_last_time (fixture->server, "/gdelt", 0);
  /* The interval runs from one request's start to the next; the first one's arrival
   * was later by the time to connect. Without the interval the gap is a few ms. */
  g_assert_cmpint (gap, >=, 300 * 1000);
}

static void
test_invalid_urls (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char *urls[] = { "ftp://example.com/feed", "file:///etc/passwd", "not a url", "http://" };

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ChronicleHttpResponse) response = fetch (fixture, urls[i], NULL, NULL, &error);

      g_assert_null (response);
      g_assert_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_INVALID_SOURCE);
    }
}

static void
cancelled_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Result *res = user_data;

  res->response = chronicle_http_fetch_finish (CHRONICLE_HTTP (object), result, &res->error);
  g_main_loop_quit (res->loop);
}

static gboolean
cancel_cb (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *url = chronicle_test_server_url (fixture->server, "/hang");
  Result res = { g_main_loop_new (NULL, FALSE), NULL, NULL };

  chronicle_http_set_timeout (fixture->http, 30);
  chronicle_test_server_route (fixture->server, "/hang", 200, NULL, NULL, TEST_ROUTE_HANG, NULL);
  chronicle_http_fetch_async (fixture->http, url, NULL, NULL, cancellable, cancelled_cb, &res);
  g_timeout_add (50, cancel_cb, cancellable);
  g_main_loop_run (res.loop);
  g_main_loop_unref (res.loop);

  g_assert_null (res.response);
  g_assert_error (res.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&res.error);
}

/* A network monitor that says what the test wants. */
typedef struct {
  GObject  parent_instance;
  gboolean available;
} FakeMonitor;

typedef GObjectClass FakeMonitorClass;

enum {
  FAKE_PROP_0,
  FAKE_PROP_AVAILABLE,
  FAKE_PROP_METERED,
  FAKE_PROP_CONNECTIVITY,
};

static GType fake_monitor_get_type (void);
static void fake_monitor_iface_init (GNetworkMonitorInterface *iface) { }
static gboolean fake_initable_init (GInitable *initable, GCancellable *cancellable, GError **error) { return TRUE; }
static void fake_initable_iface_init (GInitableIface *iface) { iface->init = fake_initable_init; }

G_DEFINE_TYPE_WITH_CODE (FakeMonitor, fake_monitor, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, fake_initable_iface_init)
                         G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR, fake_monitor_iface_init))

static void
fake_monitor_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FakeMonitor *self = (FakeMonitor *) object;

  switch (prop_id)
    {
    case FAKE_PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    case FAKE_PROP_METERED:
      g_value_set_boolean (value, FALSE);
      break;
    case FAKE_PROP_CONNECTIVITY:
      g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL
                                               : G_NETWORK_CONNECTIVITY_LOCAL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fake_monitor_class_init (FakeMonitorClass *klass)
{
  klass->get_property = fake_monitor_get_property;
  g_object_class_override_property (klass, FAKE_PROP_AVAILABLE, "network-available");
  g_object_class_override_property (klass, FAKE_PROP_METERED, "network-metered");
  g_object_class_override_property (klass, FAKE_PROP_CONNECTIVITY, "connectivity");
}

static void
fake_monitor_init (FakeMonitor *self)
{
}

static void
test_offline (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GObject) monitor = g_object_new (fake_monitor_get_type (), NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleHttpResponse) response = NULL;

  chronicle_http_set_network_monitor (fixture->http, G_NETWORK_MONITOR (monitor));

  /* Offline: no attempt at all (this name would not even resolve). */
  response = fetch (fixture, "https://news.example.invalid/feed.xml", NULL, NULL, &error);
  g_assert_null (response);
  g_assert_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_OFFLINE);
  assert_sentence (error);
  g_clear_error (&error);

  /* Loopback needs no network. */
  chronicle_test_server_route_file (fixture->server, "/feed", "application/rss+xml",
                                    "feeds/rss-2.0.xml", TEST_ROUTE_NONE);
  response = fetch (fixture, "/feed", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (response->status, ==, 200);
  g_clear_pointer (&response, chronicle_http_response_free);

  /* Online: the attempt is made and fails for its own reason (no such name, or no
   * answer from the resolver in a sandbox). */
  ((FakeMonitor *) monitor)->available = TRUE;
  response = fetch (fixture, "https://news.example.invalid/feed.xml", NULL, NULL, &error);
  g_assert_null (response);
  g_assert_true (g_error_matches (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_NETWORK)
                 || g_error_matches (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_TIMEOUT));
}

/* A server whose certificate nobody vouches for. */
static void
test_tls_errors (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *cert_path = g_test_build_filename (G_TEST_DIST, "data", "sync", "tls", "self-signed.pem", NULL);
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleHttpResponse) response = NULL;
  g_autofree char *url = NULL;
  ChronicleTestServer *tls_server;

  if (!g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_test_skip ("No TLS backend (glib-networking)");
      return;
    }

  certificate = g_tls_certificate_new_from_file (cert_path, &error);
  g_assert_no_error (error);
  tls_server = chronicle_test_server_new_tls (certificate);
  chronicle_test_server_route_file (tls_server, "/feed", "application/rss+xml",
                                    "feeds/rss-2.0.xml", TEST_ROUTE_NONE);
  url = chronicle_test_server_url (tls_server, "/feed");
  g_assert_true (g_str_has_prefix (url, "https://"));

  response = fetch (fixture, url, NULL, NULL, &error);
  g_assert_null (response);
  g_assert_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_TLS);
  assert_sentence (error);
  g_assert_cmpuint (chronicle_test_server_hits (tls_server, "/feed"), ==, 0);
  chronicle_test_server_free (tls_server);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/sync/http/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("conditional-get", test_conditional_get);
  ADD ("gzip", test_gzip);
  ADD ("http-errors", test_http_errors);
  ADD ("connection-refused", test_connection_refused);
  ADD ("timeout", test_timeout);
  ADD ("redirects", test_redirects);
  ADD ("body-cap", test_body_cap);
  ADD ("retry-after", test_retry_after);
  ADD ("service-unavailable", test_service_unavailable);
  ADD ("host-interval", test_host_interval);
  ADD ("invalid-urls", test_invalid_urls);
  ADD ("cancel", test_cancel);
  ADD ("offline", test_offline);
  ADD ("tls-errors", test_tls_errors);
#undef ADD

  return g_test_run ();
}
