/* chronicle-sync-error.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CHRONICLE_SYNC_ERROR (chronicle_sync_error_quark ())

/**
 * ChronicleSyncError:
 * @CHRONICLE_SYNC_ERROR_NOT_A_FEED: the data is not a feed in a known format
 * @CHRONICLE_SYNC_ERROR_WEB_PAGE: the data is an HTML page, not a feed
 * @CHRONICLE_SYNC_ERROR_PARSE: the feed is too broken to read
 * @CHRONICLE_SYNC_ERROR_UNSAFE: the document declares entities (entity expansion or
 *   external entity attack); refused
 * @CHRONICLE_SYNC_ERROR_HTTP: the server answered with an HTTP error status
 * @CHRONICLE_SYNC_ERROR_NETWORK: connecting or reading failed
 * @CHRONICLE_SYNC_ERROR_TIMEOUT: the server took too long
 * @CHRONICLE_SYNC_ERROR_TOO_LARGE: the body is larger than the cap
 * @CHRONICLE_SYNC_ERROR_REDIRECTS: too many redirects or a redirect loop
 * @CHRONICLE_SYNC_ERROR_COOLING_DOWN: the host asked us to wait (429/503 Retry-After)
 * @CHRONICLE_SYNC_ERROR_OFFLINE: there is no network
 * @CHRONICLE_SYNC_ERROR_TLS: the server's certificate is not acceptable
 * @CHRONICLE_SYNC_ERROR_API: an API (GDELT, the Guardian) returned an error message
 * @CHRONICLE_SYNC_ERROR_INVALID_SOURCE: the source address or file cannot be used
 * @CHRONICLE_SYNC_ERROR_BUSY: a sync is already running
 *
 * Error codes in the %CHRONICLE_SYNC_ERROR domain. Every message is a sentence a
 * person understands.
 */
typedef enum {
  CHRONICLE_SYNC_ERROR_NOT_A_FEED,
  CHRONICLE_SYNC_ERROR_WEB_PAGE,
  CHRONICLE_SYNC_ERROR_PARSE,
  CHRONICLE_SYNC_ERROR_UNSAFE,
  CHRONICLE_SYNC_ERROR_HTTP,
  CHRONICLE_SYNC_ERROR_NETWORK,
  CHRONICLE_SYNC_ERROR_TIMEOUT,
  CHRONICLE_SYNC_ERROR_TOO_LARGE,
  CHRONICLE_SYNC_ERROR_REDIRECTS,
  CHRONICLE_SYNC_ERROR_COOLING_DOWN,
  CHRONICLE_SYNC_ERROR_OFFLINE,
  CHRONICLE_SYNC_ERROR_TLS,
  CHRONICLE_SYNC_ERROR_API,
  CHRONICLE_SYNC_ERROR_INVALID_SOURCE,
  CHRONICLE_SYNC_ERROR_BUSY,
} ChronicleSyncError;

GQuark chronicle_sync_error_quark (void);

G_END_DECLS
