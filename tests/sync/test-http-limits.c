/* test-http-limits.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chronicle-http.h"
#include "chronicle-sync-service.h"
#include "chronicle-test-utils.h"

/* What the HTTP layer promises about the network it uses, proved on loopback only:
 * - requests go through the proxy the proxy resolver names (the system's by default;
 *   here a GSimpleProxyResolver pointing at a loopback proxy, which must see the
 *   absolute URI of the request);
 * - at most 2 connections to one host and 8 in all, counted by slow loopback servers
 *   (one port is one host to libsoup) while many feeds are fetched at once.
 *
 * The servers are plain sockets with a thread per connection, so each connection is
 * counted from its accept until its answer is written. */

#define DELAY_MS 250

typedef struct {
  GMutex            lock;
  GPtrArray        *services;    /* GSocketService */
  GArray           *ports;       /* guint16 */
  GHashTable       *active;      /* port → count */
  GHashTable       *max;         /* port → highest count */
  guint             active_total;
  guint             max_total;
  GPtrArray        *request_lines;
  char             *body;
} Servers;

static guint
lookup (GHashTable *table,
        guint       port)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (table, GUINT_TO_POINTER (port)));
}

/* A worker thread per connection. */
static gboolean
run_cb (GThreadedSocketService *service,
        GSocketConnection      *connection,
        GObject                *source_object,
        Servers                *servers)
{
  g_autoptr(GSocketAddress) local = g_socket_connection_get_local_address (connection, NULL);
  guint port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
  g_autoptr(GDataInputStream) in =
    g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (connection)));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autofree char *first = NULL;
  g_autofree char *answer = NULL;
  guint count;

  g_mutex_lock (&servers->lock);
  count = lookup (servers->active, port) + 1;
  g_hash_table_insert (servers->active, GUINT_TO_POINTER (port), GUINT_TO_POINTER (count));
  if (count > lookup (servers->max, port))
    g_hash_table_insert (servers->max, GUINT_TO_POINTER (port), GUINT_TO_POINTER (count));
  servers->active_total++;
  servers->max_total = MAX (servers->max_total, servers->active_total);
  g_mutex_unlock (&servers->lock);

  g_data_input_stream_set_newline_type (in, G_DATA_STREAM_NEWLINE_TYPE_CR_LF);
  first = g_data_input_stream_read_line (in, NULL, NULL, NULL);
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line (in, NULL, NULL, NULL);

      if (line == NULL || *line == '\0')
        break;
    }

  g_usleep (DELAY_MS * 1000);

  /* The client holds this connection until the answer arrives: stop counting it first,
   * so a new connection the client opens after the answer is never counted with it. */
  g_mutex_lock (&servers->lock);
  g_hash_table_insert (servers->active, GUINT_TO_POINTER (port),
                       GUINT_TO_POINTER (lookup (servers->active, port) - 1));
  servers->active_total--;
  if (first != NULL)
    g_ptr_array_add (servers->request_lines, g_strdup (first));
  g_mutex_unlock (&servers->lock);

  answer = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
                            "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
                            strlen (servers->body), servers->body);
  g_output_stream_write_all (out, answer, strlen (answer), NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static Servers *
servers_new (guint n)
{
  Servers *servers = g_new0 (Servers, 1);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sync", "feeds",
                                                 "rss-0.91.xml", NULL);

  g_mutex_init (&servers->lock);
  servers->services = g_ptr_array_new_with_free_func (g_object_unref);
  servers->ports = g_array_new (FALSE, FALSE, sizeof (guint16));
  servers->active = g_hash_table_new (NULL, NULL);
  servers->max = g_hash_table_new (NULL, NULL);
  servers->request_lines = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (g_file_get_contents (path, &servers->body, NULL, NULL));

  for (guint i = 0; i < n; i++)
    {
      GSocketService *service = g_threaded_socket_service_new (32);
      g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
      g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
      g_autoptr(GSocketAddress) bound = NULL;
      g_autoptr(GError) error = NULL;
      guint16 port;

      g_socket_listener_add_address (G_SOCKET_LISTENER (service), address, G_SOCKET_TYPE_STREAM,
                                     G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error);
      g_assert_no_error (error);
      port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
      g_array_append_val (servers->ports, port);
      g_signal_connect (service, "run", G_CALLBACK (run_cb), servers);
      g_socket_service_start (service);
      g_ptr_array_add (servers->services, service);
    }

  return servers;
}

static void
servers_free (Servers *servers)
{
  for (guint i = 0; i < servers->services->len; i++)
    {
      GSocketService *service = g_ptr_array_index (servers->services, i);

      g_socket_service_stop (service);
      g_socket_listener_close (G_SOCKET_LISTENER (service));
    }
  g_ptr_array_unref (servers->services);
  g_array_unref (servers->ports);
  g_hash_table_unref (servers->active);
  g_hash_table_unref (servers->max);
  g_ptr_array_unref (servers->request_lines);
  g_free (servers->body);
  g_mutex_clear (&servers->lock);
  g_free (servers);
}

static char *
server_url (Servers    *servers,
            guint       index,
            const char *path)
{
  return g_strdup_printf ("http://127.0.0.1:%u%s",
                          (guint) g_array_index (servers->ports, guint16, index), path);
}

typedef struct {
  guint pending;
  guint failed;
} Fetches;

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fetches *fetches = user_data;
  g_autoptr(ChronicleHttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  response = chronicle_http_fetch_finish (CHRONICLE_HTTP (object), result, &error);
  if (response == NULL || response->status != 200)
    {
      g_test_message ("fetch failed: %s", error != NULL ? error->message : "status");
      fetches->failed++;
    }
  fetches->pending--;
}

static void
test_defaults (void)
{
  g_autoptr(ChronicleHttp) http = chronicle_http_new ();
  guint per_host = 0;

  /* The system's proxy settings: the default resolver, unless one is set. */
  g_assert_true (chronicle_http_get_proxy_resolver (http) == g_proxy_resolver_get_default ());
  g_assert_cmpuint (chronicle_http_get_max_conns (http, &per_host), ==, 8);
  g_assert_cmpuint (per_host, ==, 2);
}

static void
test_proxy (void)
{
  Servers *proxy = servers_new (1);
  g_autofree char *proxy_url = server_url (proxy, 0, "");
  g_autoptr(GProxyResolver) resolver = g_simple_proxy_resolver_new (proxy_url, NULL);
  g_autoptr(ChronicleHttp) http = chronicle_http_new ();
  Fetches fetches = { 1, 0 };

  chronicle_http_set_proxy_resolver (http, resolver);
  g_assert_true (chronicle_http_get_proxy_resolver (http) == resolver);
  /* A name that never resolves: only the proxy can answer. */
  chronicle_http_set_check_network (http, FALSE);
  chronicle_http_fetch_async (http, "http://feeds.example.invalid/world.rss?edition=int", NULL,
                              NULL, NULL, fetched_cb, &fetches);
  while (fetches.pending > 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (fetches.failed, ==, 0);
  g_assert_cmpuint (proxy->request_lines->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (proxy->request_lines, 0), ==,
                   "GET http://feeds.example.invalid/world.rss?edition=int HTTP/1.1");

  /* Back to the system's resolver. */
  chronicle_http_set_proxy_resolver (http, NULL);
  g_assert_true (chronicle_http_get_proxy_resolver (http) == g_proxy_resolver_get_default ());
  servers_free (proxy);
}

/* 6 hosts × 3 feeds fetched at once: never more than 2 connections to a host, never
 * more than 8 in all, and more than one host at a time. */
static void
test_connection_limits (void)
{
  Servers *servers = servers_new (6);
  g_autoptr(ChronicleHttp) http = chronicle_http_new ();
  Fetches fetches = { 0, 0 };

  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < servers->ports->len; i++)
      {
        g_autofree char *path = g_strdup_printf ("/feed/%u", round);
        g_autofree char *url = server_url (servers, i, path);

        fetches.pending++;
        chronicle_http_fetch_async (http, url, NULL, NULL, NULL, fetched_cb, &fetches);
      }
  while (fetches.pending > 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (fetches.failed, ==, 0);
  g_assert_cmpuint (servers->request_lines->len, ==, 18);
  for (guint i = 0; i < servers->ports->len; i++)
    {
      guint port = g_array_index (servers->ports, guint16, i);

      g_test_message ("port %u: at most %u at once", port, lookup (servers->max, port));
      g_assert_cmpuint (lookup (servers->max, port), <=, 2);
    }
  g_test_message ("all hosts: at most %u at once", servers->max_total);
  g_assert_cmpuint (servers->max_total, <=, 8);
  g_assert_cmpuint (servers->max_total, >, 2);
  servers_free (servers);
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The service syncing 8 sources on one host: 2 connections to it at most, and 2 used. */
static void
test_service_per_host (void)
{
  Servers *servers = servers_new (1);
  g_autofree char *dir = chronicle_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "chronicle.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleStore) store = chronicle_store_open_sync (path, NULL, &error);
  g_autoptr(ChronicleSyncService) service = NULL;
  g_autoptr(GAsyncResult) synced = NULL;
  g_autoptr(GPtrArray) results = NULL;
  guint port = g_array_index (servers->ports, guint16, 0);

  g_assert_no_error (error);
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *feed = g_strdup_printf ("/feed/%u.xml", i);
      g_autofree char *url = server_url (servers, 0, feed);
      g_autoptr(ChronicleSource) source = chronicle_source_new (CHRONICLE_SOURCE_KIND_RSS, url);
      g_autoptr(GAsyncResult) added = NULL;

      chronicle_store_add_source_async (store, source, NULL, result_cb, &added);
      while (added == NULL)
        g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (chronicle_store_add_source_finish (store, added, &error), >, 0);
      g_assert_no_error (error);
    }

  service = chronicle_sync_service_new (store);
  chronicle_sync_service_sync_async (service, 0, NULL, result_cb, &synced);
  while (synced == NULL)
    g_main_context_iteration (NULL, TRUE);
  results = chronicle_sync_service_sync_finish (service, synced, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 8);
  for (guint i = 0; i < results->len; i++)
    g_assert_true (((ChronicleSyncResult *) g_ptr_array_index (results, i))->ok);

  g_assert_cmpuint (servers->request_lines->len, ==, 8);
  g_assert_cmpuint (lookup (servers->max, port), ==, 2);

  g_clear_object (&service);
  g_clear_object (&store);
  chronicle_test_rm_rf (dir);
  servers_free (servers);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/http-limits/defaults", test_defaults);
  g_test_add_func ("/sync/http-limits/proxy", test_proxy);
  g_test_add_func ("/sync/http-limits/connections", test_connection_limits);
  g_test_add_func ("/sync/http-limits/service-per-host", test_service_per_host);

  return g_test_run ();
}
