/* chronicle-store-search-backend.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-search-backend.h"
#include "chronicle-store.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_STORE_SEARCH_BACKEND (chronicle_store_search_backend_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleStoreSearchBackend, chronicle_store_search_backend, CHRONICLE,
                      STORE_SEARCH_BACKEND, GObject)

ChronicleStoreSearchBackend *chronicle_store_search_backend_new  (ChronicleStore     *store);
void  chronicle_store_search_backend_set_application (ChronicleStoreSearchBackend *self,
                                                      GApplication                *application);
char *chronicle_store_search_backend_text            (const char * const          *terms);

G_END_DECLS
