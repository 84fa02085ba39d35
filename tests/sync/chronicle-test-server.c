/* chronicle-test-server.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "chronicle-test-server.h"

typedef struct {
  guint           status;
  char           *content_type;
  GBytes         *body;
  GBytes         *gzipped;
  TestRouteFlags  flags;
  GStrv           headers;  /* name, value, name, value… */
  char           *etag;
  guint           hits;
  GArray         *times;    /* gint64 monotonic */
  GHashTable     *last_headers;
} Route;

struct _ChronicleTestServer {
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  GMutex        mutex;
  GCond         cond;
  guint         port;
  gboolean      ready;
  GTlsCertificate *certificate;
  GHashTable   *routes;
  GPtrArray    *hanging;
};

static void
route_free (Route *route)
{
  g_free (route->content_type);
  g_clear_pointer (&route->body, g_bytes_unref);
  g_clear_pointer (&route->gzipped, g_bytes_unref);
  g_strfreev (route->headers);
  g_free (route->etag);
  g_array_unref (route->times);
  g_hash_table_unref (route->last_headers);
  g_free (route);
}

static GBytes *
gzip_bytes (GBytes *data)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  gsize written;

  g_assert_true (g_output_stream_write_all (out, g_bytes_get_data (data, NULL),
                                            g_bytes_get_size (data), &written, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static gboolean
unpause_cb (gpointer data)
{
  soup_server_message_unpause (data);
  return G_SOURCE_REMOVE;
}

static void
handler (SoupServer        *soup_server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  ChronicleTestServer *server = user_data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  SoupMessageHeadersIter iter;
  const char *name, *value;
  gint64 now = g_get_monotonic_time ();
  Route *route;
  GBytes *body;

  g_mutex_lock (&server->mutex);
  route = g_hash_table_lookup (server->routes, path);
  if (route == NULL)
    {
      g_mutex_unlock (&server->mutex);
      soup_server_message_set_status (msg, 404, NULL);
      return;
    }

  route->hits++;
  g_array_append_val (route->times, now);
  g_hash_table_remove_all (route->last_headers);
  soup_message_headers_iter_init (&iter, request);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    g_hash_table_insert (route->last_headers, g_ascii_strdown (name, -1), g_strdup (value));

  if (route->flags & TEST_ROUTE_HANG)
    {
      soup_server_message_pause (msg);
      g_ptr_array_add (server->hanging, g_object_ref (msg));
      g_mutex_unlock (&server->mutex);
      return;
    }

  for (guint i = 0; route->headers != NULL && route->headers[i] != NULL && route->headers[i + 1] != NULL; i += 2)
    soup_message_headers_append (response, route->headers[i], route->headers[i + 1]);

  if (route->flags & TEST_ROUTE_VALIDATORS)
    {
      const char *if_none_match = soup_message_headers_get_one (request, "If-None-Match");

      soup_message_headers_replace (response, "ETag", route->etag);
      soup_message_headers_replace (response, "Last-Modified", "Tue, 15 Dec 2015 18:00:00 GMT");
      if (g_strcmp0 (if_none_match, route->etag) == 0)
        {
          soup_server_message_set_status (msg, 304, NULL);
          g_mutex_unlock (&server->mutex);
          return;
        }
    }

  soup_server_message_set_status (msg, route->status, NULL);
  body = route->body;
  if (route->flags & TEST_ROUTE_GZIP)
    {
      soup_message_headers_replace (response, "Content-Encoding", "gzip");
      body = route->gzipped;
    }

  if (body != NULL)
    {
      if (route->flags & TEST_ROUTE_CHUNKED)
        {
          SoupMessageBody *out = soup_server_message_get_response_body (msg);
          gsize size = g_bytes_get_size (body);
          const char *data = g_bytes_get_data (body, NULL);

          soup_message_headers_set_encoding (response, SOUP_ENCODING_CHUNKED);
          if (route->content_type != NULL)
            soup_message_headers_set_content_type (response, route->content_type, NULL);
          for (gsize offset = 0; offset < size; offset += 32 * 1024)
            soup_message_body_append (out, SOUP_MEMORY_COPY, data + offset, MIN (32 * 1024, size - offset));
          soup_message_body_complete (out);
        }
      else
        soup_server_message_set_response (msg, route->content_type, SOUP_MEMORY_COPY,
                                          g_bytes_get_data (body, NULL), g_bytes_get_size (body));
    }

  if (route->flags & TEST_ROUTE_SLOW)
    {
      GSource *source = g_timeout_source_new (100);

      soup_server_message_pause (msg);
      g_source_set_callback (source, unpause_cb, g_object_ref (msg), g_object_unref);
      g_source_attach (source, server->context);
      g_source_unref (source);
    }

  g_mutex_unlock (&server->mutex);
}

static gpointer
server_thread (gpointer data)
{
  ChronicleTestServer *server = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (server->context);
  server->server = soup_server_new ("server-header", "chronicle-test",
                                    "tls-certificate", server->certificate, NULL);
  soup_server_add_handler (server->server, NULL, handler, server, NULL);
  g_assert_true (soup_server_listen_local (server->server, 0,
                                           SOUP_SERVER_LISTEN_IPV4_ONLY
                                           | (server->certificate != NULL ? SOUP_SERVER_LISTEN_HTTPS : 0),
                                           &error));
  g_assert_no_error (error);

  uris = soup_server_get_uris (server->server);
  g_mutex_lock (&server->mutex);
  server->port = g_uri_get_port (uris->data);
  server->ready = TRUE;
  g_cond_signal (&server->cond);
  g_mutex_unlock (&server->mutex);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (server->loop);

  g_mutex_lock (&server->mutex);
  for (guint i = 0; i < server->hanging->len; i++)
    {
      SoupServerMessage *msg = g_ptr_array_index (server->hanging, i);
      soup_server_message_set_status (msg, 500, NULL);
      soup_server_message_unpause (msg);
    }
  g_ptr_array_set_size (server->hanging, 0);
  g_mutex_unlock (&server->mutex);

  soup_server_disconnect (server->server);
  g_clear_object (&server->server);
  while (g_main_context_iteration (server->context, FALSE))
    ;
  g_main_context_pop_thread_default (server->context);
  return NULL;
}

ChronicleTestServer *
chronicle_test_server_new (void)
{
  return chronicle_test_server_new_tls (NULL);
}

/* With a certificate: HTTPS. */
ChronicleTestServer *
chronicle_test_server_new_tls (GTlsCertificate *certificate)
{
  ChronicleTestServer *server = g_new0 (ChronicleTestServer, 1);

  server->certificate = certificate != NULL ? g_object_ref (certificate) : NULL;

  g_mutex_init (&server->mutex);
  g_cond_init (&server->cond);
  server->routes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) route_free);
  server->hanging = g_ptr_array_new_with_free_func (g_object_unref);
  server->context = g_main_context_new ();
  server->loop = g_main_loop_new (server->context, FALSE);
  server->thread = g_thread_new ("test-server", server_thread, server);

  g_mutex_lock (&server->mutex);
  while (!server->ready)
    g_cond_wait (&server->cond, &server->mutex);
  g_mutex_unlock (&server->mutex);

  return server;
}

static gboolean
quit_cb (gpointer data)
{
  ChronicleTestServer *server = data;

  g_main_loop_quit (server->loop);
  return G_SOURCE_REMOVE;
}

void
chronicle_test_server_free (ChronicleTestServer *server)
{
  if (server == NULL)
    return;

  g_main_context_invoke (server->context, quit_cb, server);
  g_thread_join (server->thread);
  g_main_loop_unref (server->loop);
  g_main_context_unref (server->context);
  g_hash_table_unref (server->routes);
  g_ptr_array_unref (server->hanging);
  g_clear_object (&server->certificate);
  g_mutex_clear (&server->mutex);
  g_cond_clear (&server->cond);
  g_free (server);
}

char *
chronicle_test_server_url (ChronicleTestServer *server,
                           const char          *path)
{
  return g_strdup_printf ("%s://127.0.0.1:%u%s", server->certificate != NULL ? "https" : "http",
                          server->port, path);
}

void
chronicle_test_server_route (ChronicleTestServer *server,
                             const char          *path,
                             guint                status,
                             const char          *content_type,
                             GBytes              *body,
                             TestRouteFlags       flags,
                             ...)
{
  Route *route = g_new0 (Route, 1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *arg;
  va_list args;

  route->status = status;
  route->content_type = g_strdup (content_type);
  route->body = body != NULL ? g_bytes_ref (body) : NULL;
  route->flags = flags;
  route->times = g_array_new (FALSE, FALSE, sizeof (gint64));
  route->last_headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (body != NULL)
    {
      g_autofree char *sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA1, body);
      route->etag = g_strdup_printf ("\"%s\"", sum);
      if (flags & TEST_ROUTE_GZIP)
        route->gzipped = gzip_bytes (body);
    }

  va_start (args, flags);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_strv_builder_add (builder, arg);
  va_end (args);
  route->headers = g_strv_builder_end (builder);

  g_mutex_lock (&server->mutex);
  g_hash_table_insert (server->routes, g_strdup (path), route);
  g_mutex_unlock (&server->mutex);
}

void
chronicle_test_server_route_file (ChronicleTestServer *server,
                                  const char          *path,
                                  const char          *content_type,
                                  const char          *data_file,
                                  TestRouteFlags       flags)
{
  g_autofree char *file = g_test_build_filename (G_TEST_DIST, "data", "sync", data_file, NULL);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (file, &contents, &len, &error));
  g_assert_no_error (error);
  body = g_bytes_new_take (contents, len);
  chronicle_test_server_route (server, path, 200, content_type, body, flags, NULL);
}

guint
chronicle_test_server_hits (ChronicleTestServer *server,
                            const char          *path)
{
  Route *route;
  guint hits = 0;

  g_mutex_lock (&server->mutex);
  route = g_hash_table_lookup (server->routes, path);
  if (route != NULL)
    hits = route->hits;
  g_mutex_unlock (&server->mutex);

  return hits;
}

char *
chronicle_test_server_header (ChronicleTestServer *server,
                              const char          *path,
                              const char          *name)
{
  g_autofree char *key = g_ascii_strdown (name, -1);
  Route *route;
  char *value = NULL;

  g_mutex_lock (&server->mutex);
  route = g_hash_table_lookup (server->routes, path);
  if (route != NULL)
    value = g_strdup (g_hash_table_lookup (route->last_headers, key));
  g_mutex_unlock (&server->mutex);

  return value;
}

gint64
chronicle_test_server_last_time (ChronicleTestServer *server,
                                 const char          *path,
                                 guint                nth)
{
  Route *route;
  gint64 when = 0;

  g_mutex_lock (&server->mutex);
  route = g_hash_table_lookup (server->routes, path);
  if (route != NULL && nth < route->times->len)
    when = g_array_index (route->times, gint64, nth);
  g_mutex_unlock (&server->mutex);

  return when;
}

/* An address where nothing listens: bind, note the port, close. */
char *
chronicle_test_closed_port_url (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  guint port;

  g_assert_true (g_socket_bind (socket, address, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, NULL);

  return g_strdup_printf ("http://127.0.0.1:%u/feed", port);
}
