/* chronicle-http.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-sync"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "chronicle-http.h"
#include "chronicle-sync-error.h"

/* Polite, bounded HTTP on the main thread with libsoup's async API: conditional GET,
 * gzip/deflate, our own redirect handling (at most 5, permanent ones reported), a body
 * cap enforced while streaming (so a gzip bomb stops at the cap), timeouts, 2
 * connections per host, cool-downs on 429/503 Retry-After, a minimum interval per host
 * (GDELT), no attempts while offline. Every failure is a sentence. */

#define READ_CHUNK (64 * 1024)
#define MAX_CONNS CHRONICLE_HTTP_MAX_CONNS
#define MAX_CONNS_PER_HOST CHRONICLE_HTTP_MAX_CONNS_PER_HOST
#define MAX_RETRY_AFTER (24 * 60 * 60)
#define DEFAULT_RETRY_AFTER 60

struct _ChronicleHttp
{
  GObject      parent_instance;

  SoupSession *session;
  guint        timeout;
  gsize        max_body;
  gboolean     check_network;
  GNetworkMonitor *monitor;
  GHashTable  *cooldown;    /* host → gint64 * (real time, µs) */
  GHashTable  *intervals;   /* host → GUINT_TO_POINTER (ms) */
  GHashTable  *next_slot;   /* host → gint64 * (monotonic time, µs) */
};

G_DEFINE_FINAL_TYPE (ChronicleHttp, chronicle_http, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TIMEOUT,
  PROP_MAX_BODY_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  ChronicleHttp *http;
  char          *url;
  char          *etag;
  char          *last_modified;
  guint          redirects;
  gboolean       all_permanent;
  GHashTable    *visited;
  SoupMessage   *message;
  GInputStream  *stream;
  GByteArray    *body;
  GCancellable  *cancellable;         /* ours: the caller's or the deadline cancel it */
  GCancellable  *caller_cancellable;
  gulong         caller_handler;
  guint          deadline_id;
  guint          delay_id;
  gboolean       timed_out;
} Fetch;

static void send_message (GTask *task);

void
chronicle_http_response_free (ChronicleHttpResponse *response)
{
  if (response == NULL)
    return;

  g_free (response->url);
  g_free (response->permanent_url);
  g_free (response->etag);
  g_free (response->last_modified);
  g_free (response->content_type);
  g_free (response->charset);
  g_clear_pointer (&response->body, g_bytes_unref);
  g_free (response);
}

static void
fetch_free (Fetch *fetch)
{
  if (fetch->caller_cancellable != NULL)
    g_cancellable_disconnect (fetch->caller_cancellable, fetch->caller_handler);
  g_clear_object (&fetch->caller_cancellable);
  g_clear_handle_id (&fetch->deadline_id, g_source_remove);
  g_clear_handle_id (&fetch->delay_id, g_source_remove);
  g_clear_object (&fetch->http);
  g_free (fetch->url);
  g_free (fetch->etag);
  g_free (fetch->last_modified);
  g_clear_pointer (&fetch->visited, g_hash_table_unref);
  g_clear_object (&fetch->message);
  g_clear_object (&fetch->stream);
  g_clear_pointer (&fetch->body, g_byte_array_unref);
  g_clear_object (&fetch->cancellable);
  g_free (fetch);
}

static gboolean
is_loopback (const char *host)
{
  return g_ascii_strcasecmp (host, "localhost") == 0 || g_str_has_prefix (host, "127.")
         || strcmp (host, "::1") == 0 || strcmp (host, "[::1]") == 0;
}

/* Cool-downs are per server: the host, and the port when one is given. */
static char *
host_key (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_autofree char *host = NULL;

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return NULL;

  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  if (g_uri_get_port (uri) > 0)
    return g_strdup_printf ("%s:%d", host, g_uri_get_port (uri));

  return g_steal_pointer (&host);
}

static char *
format_clock (gint64 real_time_us)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (real_time_us / G_USEC_PER_SEC);

  return g_date_time_format (when, "%H:%M:%S");
}

static void
close_stream (Fetch *fetch)
{
  if (fetch->stream != NULL)
    {
      g_input_stream_close_async (fetch->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      g_clear_object (&fetch->stream);
    }
}

/* Turns whatever went wrong into a sentence in our domain. */
static GError *
describe_error (Fetch  *fetch,
                GError *error)
{
  g_autoptr(GUri) uri = g_uri_parse (fetch->url, G_URI_FLAGS_NONE, NULL);
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (fetch->timed_out)
        return g_error_new (CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_TIMEOUT,
                            _("The server took too long to send the feed (more than %u seconds)."),
                            fetch->http->timeout * 3);
      return g_error_copy (error);
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_TIMEOUT,
                        _("The server did not answer within %u seconds."), fetch->http->timeout);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    return g_error_new (CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_NETWORK,
                        _("The server %s refused the connection; it may be down."),
                        host != NULL ? host : "?");

  if (error->domain == G_RESOLVER_ERROR)
    return g_error_new (CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_NETWORK,
                        _("The server name %s could not be found."), host != NULL ? host : "?");

  if (error->domain == G_TLS_ERROR)
    return g_error_new (CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_TLS,
                        _("The secure connection to %s failed (%s); Chronicle does not "
                          "accept untrusted certificates."), host != NULL ? host : "?",
                        error->message);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE))
    return g_error_new (CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_NETWORK,
                        _("The server %s cannot be reached from this network."),
                        host != NULL ? host : "?");

  if (error->domain == SOUP_SESSION_ERROR)
    return g_error_new (CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_NETWORK,
                        _("The server's answer is not valid HTTP (%s)."), error->message);

  return g_error_new (CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_NETWORK,
                      _("The download failed: %s."), error->message);
}

static void
return_error (GTask  *task,
              GError *error)
{
  Fetch *fetch = g_task_get_task_data (task);

  close_stream (fetch);
  g_clear_handle_id (&fetch->deadline_id, g_source_remove);
  g_task_return_error (task, error);
  g_object_unref (task);
}

static void
return_response (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);
  ChronicleHttpResponse *response = g_new0 (ChronicleHttpResponse, 1);
  SoupMessageHeaders *headers = soup_message_get_response_headers (fetch->message);
  g_autoptr(GHashTable) params = NULL;
  const char *content_type;

  response->status = soup_message_get_status (fetch->message);
  response->url = g_strdup (fetch->url);
  if (fetch->redirects > 0 && fetch->all_permanent)
    response->permanent_url = g_strdup (fetch->url);
  response->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  response->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
  content_type = soup_message_headers_get_content_type (headers, &params);
  response->content_type = g_strdup (content_type);
  if (params != NULL)
    response->charset = g_strdup (g_hash_table_lookup (params, "charset"));
  if (fetch->body != NULL)
    response->body = g_byte_array_free_to_bytes (g_steal_pointer (&fetch->body));

  close_stream (fetch);
  g_clear_handle_id (&fetch->deadline_id, g_source_remove);
  g_task_return_pointer (task, response, (GDestroyNotify) chronicle_http_response_free);
  g_object_unref (task);
}

static GError *
status_error (guint       status,
              const char *reason)
{
  const char *phrase = reason != NULL && *reason != '\0' ? reason : soup_status_get_phrase (status);

  switch (status)
    {
    case 401:
    case 403:
      return g_error_new (CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_HTTP,
                          _("The server refuses access to the feed (HTTP %u %s)."), status, phrase);
    case 404:
    case 410:
      return g_error_new (CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_HTTP,
                          _("The feed is not at this address any more (HTTP %u %s)."),
                          status, phrase);
    default:
      if (status >= 500)
        return g_error_new (CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_HTTP,
                            _("The server has a problem (HTTP %u %s); try again later."),
                            status, phrase);
      return g_error_new (CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_HTTP,
                          _("The server answered with an error (HTTP %u %s)."), status, phrase);
    }
}

/* Retry-After: delta-seconds or an HTTP date. Returns seconds to wait, or -1. */
static gint64
parse_retry_after (const char *value)
{
  g_autoptr(GDateTime) date = NULL;
  gint64 seconds;
  char *end = NULL;

  if (value == NULL)
    return -1;

  while (g_ascii_isspace (*value))
    value++;

  if (g_ascii_isdigit (*value))
    {
      seconds = g_ascii_strtoll (value, &end, 10);
      if (end != NULL && (*end == '\0' || g_ascii_isspace (*end)))
        return CLAMP (seconds, 0, MAX_RETRY_AFTER);
      return -1;
    }

  date = soup_date_time_new_from_http_string (value);
  if (date == NULL)
    return -1;

  seconds = g_date_time_to_unix (date) - g_get_real_time () / G_USEC_PER_SEC;
  return CLAMP (seconds, 0, MAX_RETRY_AFTER);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (bytes == NULL)
    {
      return_error (task, describe_error (fetch, error));
      return;
    }

  if (g_bytes_get_size (bytes) == 0)
    {
      return_response (task);
      return;
    }

  if (fetch->body->len + g_bytes_get_size (bytes) > fetch->http->max_body)
    {
      g_autofree char *size = g_format_size_full (fetch->http->max_body, G_FORMAT_SIZE_IEC_UNITS);

      g_cancellable_cancel (fetch->cancellable);
      return_error (task, g_error_new (CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_TOO_LARGE,
                                       _("The feed is larger than %s; Chronicle stopped "
                                         "downloading it."), size));
      return;
    }

  g_byte_array_append (fetch->body, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_input_stream_read_bytes_async (fetch->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   fetch->cancellable, read_cb, task);
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  ChronicleHttp *self = fetch->http;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  guint status;

  fetch->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (fetch->stream == NULL)
    {
      return_error (task, describe_error (fetch, error));
      return;
    }

  status = soup_message_get_status (fetch->message);
  headers = soup_message_get_response_headers (fetch->message);

  if (SOUP_STATUS_IS_REDIRECTION (status) && status != 304)
    {
      const char *location = soup_message_headers_get_one (headers, "Location");
      g_autoptr(GUri) target = NULL;

      if (location == NULL)
        {
          return_error (task, status_error (status, soup_message_get_reason_phrase (fetch->message)));
          return;
        }

      target = g_uri_parse_relative (soup_message_get_uri (fetch->message), location,
                                     SOUP_HTTP_URI_FLAGS, NULL);
      if (target == NULL
          || (g_strcmp0 (g_uri_get_scheme (target), "http") != 0
              && g_strcmp0 (g_uri_get_scheme (target), "https") != 0))
        {
          return_error (task, g_error_new (CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_REDIRECTS,
                                           _("The server redirects to an address that is not "
                                             "a web address.")));
          return;
        }

      close_stream (fetch);
      g_free (fetch->url);
      fetch->url = g_uri_to_string (target);
      fetch->redirects++;
      if (status != 301 && status != 308)
        fetch->all_permanent = FALSE;

      if (g_hash_table_contains (fetch->visited, fetch->url))
        {
          return_error (task, g_error_new (CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_REDIRECTS,
                                           _("The server redirects in a loop.")));
          return;
        }
      if (fetch->redirects > CHRONICLE_HTTP_MAX_REDIRECTS)
        {
          return_error (task, g_error_new (CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_REDIRECTS,
                                           _("The server redirects more than %d times."),
                                           CHRONICLE_HTTP_MAX_REDIRECTS));
          return;
        }
      g_hash_table_add (fetch->visited, g_strdup (fetch->url));
      send_message (task);
      return;
    }

  if (status == 304)
    {
      return_response (task);
      return;
    }

  if (status == 429 || status == 503)
    {
      gint64 wait = parse_retry_after (soup_message_headers_get_one (headers, "Retry-After"));
      g_autofree char *host = host_key (fetch->url);

      if (wait < 0 && status == 429)
        wait = DEFAULT_RETRY_AFTER;

      if (wait >= 0 && host != NULL)
        {
          gint64 until = g_get_real_time () + wait * G_USEC_PER_SEC;
          g_autofree char *clock = format_clock (until);

          g_hash_table_insert (self->cooldown, g_strdup (host), g_memdup2 (&until, sizeof until));
          return_error (task, g_error_new (CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_COOLING_DOWN,
                                           _("The server is busy (HTTP %u) and asked Chronicle "
                                             "to wait; it will not be asked again before %s."),
                                           status, clock));
          return;
        }
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      return_error (task, status_error (status, soup_message_get_reason_phrase (fetch->message)));
      return;
    }

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH
      && soup_message_headers_get_content_length (headers) > (goffset) self->max_body)
    {
      g_autofree char *size = g_format_size_full (self->max_body, G_FORMAT_SIZE_IEC_UNITS);

      return_error (task, g_error_new (CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_TOO_LARGE,
                                       _("The feed is larger than %s; Chronicle did not "
                                         "download it."), size));
      return;
    }

  fetch->body = g_byte_array_new ();
  g_input_stream_read_bytes_async (fetch->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   fetch->cancellable, read_cb, task);
}

static void
send_message (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  g_clear_object (&fetch->message);
  fetch->message = soup_message_new ("GET", fetch->url);
  if (fetch->message == NULL)
    {
      return_error (task, g_error_new (CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_INVALID_SOURCE,
                                       _("“%s” is not a valid web address."), fetch->url));
      return;
    }

  soup_message_add_flags (fetch->message, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (fetch->message);
  soup_message_headers_replace (headers, "Accept",
                                "application/rss+xml, application/atom+xml, application/feed+json, "
                                "application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, "
                                "application/json;q=0.8, */*;q=0.5");
  /* Validators only for the address they belong to, not after a redirect. */
  if (fetch->redirects == 0 && fetch->etag != NULL)
    soup_message_headers_replace (headers, "If-None-Match", fetch->etag);
  if (fetch->redirects == 0 && fetch->last_modified != NULL)
    soup_message_headers_replace (headers, "If-Modified-Since", fetch->last_modified);

  soup_session_send_async (fetch->http->session, fetch->message, G_PRIORITY_DEFAULT,
                           fetch->cancellable, sent_cb, task);
}

static gboolean
deadline_cb (gpointer user_data)
{
  Fetch *fetch = user_data;

  fetch->deadline_id = 0;
  fetch->timed_out = TRUE;
  g_cancellable_cancel (fetch->cancellable);
  return G_SOURCE_REMOVE;
}

static gboolean
delayed_start_cb (gpointer user_data)
{
  GTask *task = user_data;
  Fetch *fetch = g_task_get_task_data (task);

  fetch->delay_id = 0;
  if (g_cancellable_is_cancelled (fetch->cancellable))
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                     _("The download was cancelled."));
      return_error (task, g_steal_pointer (&error));
      return G_SOURCE_REMOVE;
    }

  fetch->deadline_id = g_timeout_add_seconds (fetch->http->timeout * 3, deadline_cb, fetch);
  send_message (task);
  return G_SOURCE_REMOVE;
}

static void
caller_cancelled_cb (GCancellable *caller,
                     gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static void
chronicle_http_finalize (GObject *object)
{
  ChronicleHttp *self = (ChronicleHttp *) object;

  g_clear_object (&self->session);
  g_clear_object (&self->monitor);
  g_clear_pointer (&self->cooldown, g_hash_table_unref);
  g_clear_pointer (&self->intervals, g_hash_table_unref);
  g_clear_pointer (&self->next_slot, g_hash_table_unref);

  G_OBJECT_CLASS (chronicle_http_parent_class)->finalize (object);
}

static void
chronicle_http_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ChronicleHttp *self = CHRONICLE_HTTP (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    case PROP_MAX_BODY_SIZE:
      g_value_set_uint64 (value, self->max_body);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_http_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ChronicleHttp *self = CHRONICLE_HTTP (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      chronicle_http_set_timeout (self, g_value_get_uint (value));
      break;
    case PROP_MAX_BODY_SIZE:
      chronicle_http_set_max_body_size (self, g_value_get_uint64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_http_class_init (ChronicleHttpClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chronicle_http_finalize;
  object_class->get_property = chronicle_http_get_property;
  object_class->set_property = chronicle_http_set_property;

  /**
   * ChronicleHttp:timeout:
   *
   * Seconds to wait for a connection or for data; a whole download may take three
   * times as long.
   */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 1, 600, CHRONICLE_HTTP_DEFAULT_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ChronicleHttp:max-body-size:
   *
   * The largest decoded body that is accepted, in bytes.
   */
  properties[PROP_MAX_BODY_SIZE] =
    g_param_spec_uint64 ("max-body-size", NULL, NULL, 1024, G_MAXUINT32,
                         CHRONICLE_HTTP_DEFAULT_MAX_BODY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chronicle_http_init (ChronicleHttp *self)
{
  self->timeout = CHRONICLE_HTTP_DEFAULT_TIMEOUT;
  self->max_body = CHRONICLE_HTTP_DEFAULT_MAX_BODY;
  self->check_network = TRUE;
  self->session = soup_session_new_with_options ("user-agent", "Chronicle/" PACKAGE_VERSION,
                                                 "max-conns", MAX_CONNS,
                                                 "max-conns-per-host", MAX_CONNS_PER_HOST,
                                                 "timeout", self->timeout,
                                                 "idle-timeout", 60,
                                                 NULL);
  if (!soup_session_has_feature (self->session, SOUP_TYPE_CONTENT_DECODER))
    soup_session_add_feature_by_type (self->session, SOUP_TYPE_CONTENT_DECODER);
  self->cooldown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->intervals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->next_slot = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  chronicle_http_set_host_interval (self, CHRONICLE_HTTP_GDELT_HOST,
                                    CHRONICLE_HTTP_GDELT_INTERVAL_MS);
}

/**
 * chronicle_http_new:
 *
 * Returns: (transfer full): a new HTTP client with its own session
 */
ChronicleHttp *
chronicle_http_new (void)
{
  return g_object_new (CHRONICLE_TYPE_HTTP, NULL);
}

guint
chronicle_http_get_timeout (ChronicleHttp *self)
{
  g_return_val_if_fail (CHRONICLE_IS_HTTP (self), 0);

  return self->timeout;
}

/**
 * chronicle_http_get_proxy_resolver:
 * @self: a #ChronicleHttp
 *
 * Returns: (transfer none) (nullable): the proxy resolver requests go through: the
 *   system's (g_proxy_resolver_get_default(), which follows the desktop's proxy
 *   settings or the environment) unless one was set
 */
GProxyResolver *
chronicle_http_get_proxy_resolver (ChronicleHttp *self)
{
  g_return_val_if_fail (CHRONICLE_IS_HTTP (self), NULL);

  return soup_session_get_proxy_resolver (self->session);
}

/**
 * chronicle_http_set_proxy_resolver:
 * @self: a #ChronicleHttp
 * @resolver: (nullable): a resolver, or %NULL for the system's
 *
 * Sends requests through the proxies @resolver names (tests point it at a loopback
 * proxy). Connections already open are closed.
 */
void
chronicle_http_set_proxy_resolver (ChronicleHttp  *self,
                                   GProxyResolver *resolver)
{
  g_return_if_fail (CHRONICLE_IS_HTTP (self));
  g_return_if_fail (resolver == NULL || G_IS_PROXY_RESOLVER (resolver));

  soup_session_abort (self->session);
  soup_session_set_proxy_resolver (self->session,
                                   resolver != NULL ? resolver : g_proxy_resolver_get_default ());
}

/**
 * chronicle_http_get_max_conns:
 * @self: a #ChronicleHttp
 * @per_host: (out) (optional): the most connections to one host
 *
 * Returns: the most connections open at once, all hosts together
 */
guint
chronicle_http_get_max_conns (ChronicleHttp *self,
                              guint         *per_host)
{
  int total = 0, host = 0;

  g_return_val_if_fail (CHRONICLE_IS_HTTP (self), 0);

  g_object_get (self->session, "max-conns", &total, "max-conns-per-host", &host, NULL);
  if (per_host != NULL)
    *per_host = (guint) host;
  return (guint) total;
}

/**
 * chronicle_http_set_timeout:
 * @self: a #ChronicleHttp
 * @seconds: the connect and read timeout (tests use 1)
 */
void
chronicle_http_set_timeout (ChronicleHttp *self,
                            guint          seconds)
{
  g_return_if_fail (CHRONICLE_IS_HTTP (self));
  g_return_if_fail (seconds > 0);

  if (self->timeout == seconds)
    return;

  self->timeout = seconds;
  g_object_set (self->session, "timeout", seconds, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

gsize
chronicle_http_get_max_body_size (ChronicleHttp *self)
{
  g_return_val_if_fail (CHRONICLE_IS_HTTP (self), 0);

  return self->max_body;
}

void
chronicle_http_set_max_body_size (ChronicleHttp *self,
                                  gsize          bytes)
{
  g_return_if_fail (CHRONICLE_IS_HTTP (self));

  if (self->max_body == bytes)
    return;

  self->max_body = bytes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_BODY_SIZE]);
}

/**
 * chronicle_http_set_host_interval:
 * @self: a #ChronicleHttp
 * @host: a host name
 * @milliseconds: the least time between two requests to @host, 0 for none
 *
 * GDELT asks for at most one request per 5 seconds; that is the default for its host.
 */
void
chronicle_http_set_host_interval (ChronicleHttp *self,
                                  const char    *host,
                                  guint          milliseconds)
{
  g_return_if_fail (CHRONICLE_IS_HTTP (self));
  g_return_if_fail (host != NULL);

  if (milliseconds == 0)
    g_hash_table_remove (self->intervals, host);
  else
    g_hash_table_insert (self->intervals, g_ascii_strdown (host, -1), GUINT_TO_POINTER (milliseconds));
}

/**
 * chronicle_http_get_cooldown_until:
 * @self: a #ChronicleHttp
 * @url: an address on the server in question
 *
 * Returns: the real time (µs) before which the server of @url is not asked again (it
 *   answered 429 or 503 with Retry-After), or 0
 */
gint64
chronicle_http_get_cooldown_until (ChronicleHttp *self,
                                   const char    *url)
{
  g_autofree char *key = NULL;
  gint64 *until;

  g_return_val_if_fail (CHRONICLE_IS_HTTP (self), 0);

  key = host_key (url);
  if (key == NULL)
    return 0;
  until = g_hash_table_lookup (self->cooldown, key);
  if (until == NULL || *until <= g_get_real_time ())
    return 0;

  return *until;
}

/**
 * chronicle_http_set_network_monitor:
 * @self: a #ChronicleHttp
 * @monitor: (nullable): the monitor to ask whether the network is there, %NULL for
 *   the default one; loopback addresses are always tried
 */
void
chronicle_http_set_network_monitor (ChronicleHttp   *self,
                                    GNetworkMonitor *monitor)
{
  g_return_if_fail (CHRONICLE_IS_HTTP (self));
  g_return_if_fail (monitor == NULL || G_IS_NETWORK_MONITOR (monitor));

  g_set_object (&self->monitor, monitor);
}

/**
 * chronicle_http_set_check_network:
 * @self: a #ChronicleHttp
 * @check: whether to consult the #GNetworkMonitor before each request (the default)
 */
void
chronicle_http_set_check_network (ChronicleHttp *self,
                                  gboolean       check)
{
  g_return_if_fail (CHRONICLE_IS_HTTP (self));

  self->check_network = !!check;
}

/**
 * chronicle_http_fetch_async:
 * @self: a #ChronicleHttp
 * @url: an http or https address
 * @etag: (nullable): the ETag stored from the last fetch
 * @last_modified: (nullable): the Last-Modified stored from the last fetch
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the main context when done
 * @user_data: data for @callback
 *
 * A conditional GET. The result is a 2xx with the body or a 304; every other
 * outcome is an error in %CHRONICLE_SYNC_ERROR with a sentence as message.
 */
void
chronicle_http_fetch_async (ChronicleHttp       *self,
                            const char          *url,
                            const char          *etag,
                            const char          *last_modified,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GUri) uri = NULL;
  GTask *task;
  Fetch *fetch;
  const char *scheme;
  g_autofree char *host = NULL;
  g_autofree char *server = NULL;
  gint64 *until;
  gpointer interval;

  g_return_if_fail (CHRONICLE_IS_HTTP (self));
  g_return_if_fail (url != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, chronicle_http_fetch_async);

  fetch = g_new0 (Fetch, 1);
  fetch->http = g_object_ref (self);
  fetch->url = g_strdup (url);
  fetch->etag = g_strdup (etag);
  fetch->last_modified = g_strdup (last_modified);
  fetch->all_permanent = TRUE;
  fetch->visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fetch->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      fetch->caller_cancellable = g_object_ref (cancellable);
      fetch->caller_handler = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                                     g_object_ref (fetch->cancellable),
                                                     g_object_unref);
    }
  g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);
  g_hash_table_add (fetch->visited, g_strdup (url));

  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0'
      || (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0))
    {
      return_error (task, g_error_new (CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_INVALID_SOURCE,
                                       _("“%s” is not a web address (http or https)."), url));
      return;
    }

  host = g_ascii_strdown (g_uri_get_host (uri), -1);

  if (self->check_network && !is_loopback (host)
      && !g_network_monitor_get_network_available (self->monitor != NULL ? self->monitor
                                                   : g_network_monitor_get_default ()))
    {
      return_error (task, g_error_new (CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_OFFLINE,
                                       _("The computer is offline; Chronicle will try again "
                                         "when the network is back.")));
      return;
    }

  server = host_key (url);
  until = g_hash_table_lookup (self->cooldown, server);
  if (until != NULL && *until > g_get_real_time ())
    {
      g_autofree char *clock = format_clock (*until);

      return_error (task, g_error_new (CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_COOLING_DOWN,
                                       _("The server asked Chronicle to wait; it will not be "
                                         "asked again before %s."), clock));
      return;
    }

  if (g_hash_table_lookup_extended (self->intervals, host, NULL, &interval))
    {
      gint64 now = g_get_monotonic_time ();
      gint64 *next = g_hash_table_lookup (self->next_slot, host);
      gint64 start = next != NULL ? MAX (now, *next) : now;
      gint64 following = start + (gint64) GPOINTER_TO_UINT (interval) * 1000;

      g_hash_table_insert (self->next_slot, g_strdup (host), g_memdup2 (&following, sizeof following));
      if (start > now)
        {
          fetch->delay_id = g_timeout_add ((guint) ((start - now) / 1000), delayed_start_cb, task);
          return;
        }
    }

  fetch->deadline_id = g_timeout_add_seconds (self->timeout * 3, deadline_cb, fetch);
  send_message (task);
}

/**
 * chronicle_http_fetch_finish:
 * @self: a #ChronicleHttp
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the response, or %NULL with @error set
 */
ChronicleHttpResponse *
chronicle_http_fetch_finish (ChronicleHttp  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (CHRONICLE_IS_HTTP (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == chronicle_http_fetch_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
