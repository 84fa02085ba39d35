/* chronicle-secret.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The service name under which the Guardian Open Platform key is kept. */
#define CHRONICLE_SECRET_SERVICE_GUARDIAN "guardian"

void      chronicle_secret_store_api_key_async   (const char          *service,
                                                  const char          *api_key,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean  chronicle_secret_store_api_key_finish  (GAsyncResult        *result,
                                                  GError             **error);

void      chronicle_secret_lookup_api_key_async  (const char          *service,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
char     *chronicle_secret_lookup_api_key_finish (GAsyncResult        *result,
                                                  GError             **error);

void      chronicle_secret_clear_api_key_async   (const char          *service,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean  chronicle_secret_clear_api_key_finish  (GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
