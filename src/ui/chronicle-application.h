/* chronicle-application.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chronicle-search-backend.h"
#include "chronicle-store.h"
#include "chronicle-sync-service.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_APPLICATION (chronicle_application_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleApplication, chronicle_application, CHRONICLE, APPLICATION,
                      AdwApplication)

ChronicleApplication *chronicle_application_new         (void);
const char           *chronicle_application_get_db_path (ChronicleApplication *self);
GSettings            *chronicle_application_get_settings (ChronicleApplication *self);
void                  chronicle_application_set_search_backend (ChronicleApplication   *self,
                                                                ChronicleSearchBackend *backend);
ChronicleStore       *chronicle_application_get_store (ChronicleApplication *self);
gboolean              chronicle_application_get_load_sample (ChronicleApplication *self);
ChronicleSyncService *chronicle_application_get_sync_service (ChronicleApplication *self);

G_END_DECLS
