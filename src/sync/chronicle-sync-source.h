/* chronicle-sync-source.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "chronicle-source.h"
#include "chronicle-source-kind.h"

G_BEGIN_DECLS

#define CHRONICLE_GDELT_DEFAULT_TIMESPAN "1d"
#define CHRONICLE_GUARDIAN_TEST_KEY      "test"

char     *chronicle_gdelt_url             (const char           *query,
                                           const char           *timespan);
char     *chronicle_guardian_url          (const char           *query,
                                           const char           *api_key);
ChronicleSourceKind chronicle_sync_kind_for_url (const char     *url);
char     *chronicle_guardian_url_with_key (const char           *url,
                                           const char           *api_key);
char     *chronicle_guardian_url_take_key (const char           *url,
                                           char                **key);
char     *chronicle_source_shareable_url  (ChronicleSource      *source);
gboolean  chronicle_sync_resolve_address  (const char           *address,
                                           const char           *api_key,
                                           ChronicleSourceKind  *kind,
                                           char                **url,
                                           char                **title,
                                           GError              **error);
gboolean  chronicle_sync_kind_from_format (const char           *format,
                                           ChronicleSourceKind  *kind);

G_END_DECLS
