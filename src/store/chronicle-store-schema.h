/* chronicle-store-schema.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-store-db.h"

G_BEGIN_DECLS

/* Internal to src/store (and its tests). */
guint    _chronicle_store_schema_latest_version (void);
gint64   _chronicle_store_schema_get_version    (ChronicleDb  *db,
                                                 GError      **error);
gboolean _chronicle_store_schema_migrate        (ChronicleDb  *db,
                                                 guint         target_version,
                                                 GError      **error);

G_END_DECLS
