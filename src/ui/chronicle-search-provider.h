/* chronicle-search-provider.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chronicle-search-backend.h"

G_BEGIN_DECLS

/* The most results one search returns; GNOME Shell shows only a few of them. */
#define CHRONICLE_SEARCH_PROVIDER_MAX_RESULTS 50

#define CHRONICLE_TYPE_SEARCH_PROVIDER (chronicle_search_provider_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleSearchProvider, chronicle_search_provider, CHRONICLE,
                      SEARCH_PROVIDER, GObject)

ChronicleSearchProvider *chronicle_search_provider_new         (GActionGroup            *actions);
ChronicleSearchBackend  *chronicle_search_provider_get_backend (ChronicleSearchProvider *self);
void                     chronicle_search_provider_set_backend (ChronicleSearchProvider *self,
                                                                ChronicleSearchBackend  *backend);
gboolean                 chronicle_search_provider_export      (ChronicleSearchProvider *self,
                                                                GDBusConnection         *connection,
                                                                const char              *object_path,
                                                                GError                 **error);
void                     chronicle_search_provider_unexport    (ChronicleSearchProvider *self);

G_END_DECLS
