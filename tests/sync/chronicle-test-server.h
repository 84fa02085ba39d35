/* chronicle-test-server.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A SoupServer on 127.0.0.1 (ephemeral port) in its own thread, serving routes set by
 * the test: fixtures with ETag/Last-Modified and 304, errors, redirects, gzip, chunked
 * bodies and answers that never come. */

typedef enum {
  TEST_ROUTE_NONE       = 0,
  TEST_ROUTE_VALIDATORS = 1 << 0,  /* ETag + Last-Modified, 304 on a match */
  TEST_ROUTE_GZIP       = 1 << 1,  /* Content-Encoding: gzip */
  TEST_ROUTE_CHUNKED    = 1 << 2,  /* no Content-Length */
  TEST_ROUTE_HANG       = 1 << 3,  /* never answer */
  TEST_ROUTE_SLOW       = 1 << 4,  /* answer after 100 ms */
} TestRouteFlags;

typedef struct _ChronicleTestServer ChronicleTestServer;

ChronicleTestServer *chronicle_test_server_new        (void);
ChronicleTestServer *chronicle_test_server_new_tls    (GTlsCertificate     *certificate);
void                 chronicle_test_server_free       (ChronicleTestServer *server);
char                *chronicle_test_server_url        (ChronicleTestServer *server,
                                                       const char          *path);
void                 chronicle_test_server_route      (ChronicleTestServer *server,
                                                       const char          *path,
                                                       guint                status,
                                                       const char          *content_type,
                                                       GBytes              *body,
                                                       TestRouteFlags       flags,
                                                       ...) G_GNUC_NULL_TERMINATED;
void                 chronicle_test_server_route_file (ChronicleTestServer *server,
                                                       const char          *path,
                                                       const char          *content_type,
                                                       const char          *data_file,
                                                       TestRouteFlags       flags);
guint                chronicle_test_server_hits       (ChronicleTestServer *server,
                                                       const char          *path);
char                *chronicle_test_server_header     (ChronicleTestServer *server,
                                                       const char          *path,
                                                       const char          *name);
gint64               chronicle_test_server_last_time  (ChronicleTestServer *server,
                                                       const char          *path,
                                                       guint                nth);
char                *chronicle_test_closed_port_url   (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronicleTestServer, chronicle_test_server_free)

G_END_DECLS
