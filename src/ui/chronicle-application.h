/* chronicle-application.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chronicle-search-backend.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_APPLICATION (chronicle_application_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleApplication, chronicle_application, CHRONICLE, APPLICATION,
                      AdwApplication)

ChronicleApplication *chronicle_application_new         (void);
const char           *chronicle_application_get_db_path (ChronicleApplication *self);
GSettings            *chronicle_application_get_settings (ChronicleApplication *self);
void                  chronicle_application_set_search_backend (ChronicleApplication   *self,
                                                                ChronicleSearchBackend *backend);

G_END_DECLS
