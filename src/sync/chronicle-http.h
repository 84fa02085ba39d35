/* chronicle-http.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CHRONICLE_HTTP_DEFAULT_TIMEOUT       20
#define CHRONICLE_HTTP_DEFAULT_MAX_BODY      (16 * 1024 * 1024)
#define CHRONICLE_HTTP_MAX_REDIRECTS         5
#define CHRONICLE_HTTP_GDELT_HOST            "api.gdeltproject.org"
#define CHRONICLE_HTTP_GDELT_INTERVAL_MS     5000
#define CHRONICLE_HTTP_MAX_CONNS             8
#define CHRONICLE_HTTP_MAX_CONNS_PER_HOST    2

/**
 * ChronicleHttpResponse:
 * @status: 200 (or another 2xx) with a body, or 304 Not Modified without one
 * @url: the address that answered, after redirects
 * @permanent_url: (nullable): the new address when every redirect was permanent
 *   (301, 308): the source's stored address should become this
 * @etag: (nullable): the validator to send next time
 * @last_modified: (nullable): the other validator
 * @content_type: (nullable): the media type, without parameters
 * @charset: (nullable): the charset parameter of Content-Type
 * @body: (nullable): the decoded body (at most the cap), %NULL for 304
 *
 * What a conditional GET brought back.
 */
typedef struct {
  guint   status;
  char   *url;
  char   *permanent_url;
  char   *etag;
  char   *last_modified;
  char   *content_type;
  char   *charset;
  GBytes *body;
} ChronicleHttpResponse;

void chronicle_http_response_free (ChronicleHttpResponse *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronicleHttpResponse, chronicle_http_response_free)

#define CHRONICLE_TYPE_HTTP (chronicle_http_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleHttp, chronicle_http, CHRONICLE, HTTP, GObject)

ChronicleHttp         *chronicle_http_new                (void);
guint                  chronicle_http_get_timeout        (ChronicleHttp        *self);
void                   chronicle_http_set_timeout        (ChronicleHttp        *self,
                                                          guint                 seconds);
gsize                  chronicle_http_get_max_body_size  (ChronicleHttp        *self);
void                   chronicle_http_set_max_body_size  (ChronicleHttp        *self,
                                                          gsize                 bytes);
void                   chronicle_http_set_host_interval  (ChronicleHttp        *self,
                                                          const char           *host,
                                                          guint                 milliseconds);
gint64                 chronicle_http_get_cooldown_until (ChronicleHttp        *self,
                                                          const char           *url);
GProxyResolver        *chronicle_http_get_proxy_resolver (ChronicleHttp        *self);
void                   chronicle_http_set_proxy_resolver (ChronicleHttp        *self,
                                                          GProxyResolver       *resolver);
guint                  chronicle_http_get_max_conns      (ChronicleHttp        *self,
                                                          guint                *per_host);
void                   chronicle_http_set_check_network  (ChronicleHttp        *self,
                                                          gboolean              check);
void                   chronicle_http_set_network_monitor (ChronicleHttp       *self,
                                                           GNetworkMonitor     *monitor);
void                   chronicle_http_fetch_async        (ChronicleHttp        *self,
                                                          const char           *url,
                                                          const char           *etag,
                                                          const char           *last_modified,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
ChronicleHttpResponse *chronicle_http_fetch_finish       (ChronicleHttp        *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

G_END_DECLS
