/* chronicle-preferences-sources.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chronicle-store.h"
#include "chronicle-sync-service.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_PREFERENCES_SOURCES (chronicle_preferences_sources_get_type ())

G_DECLARE_FINAL_TYPE (ChroniclePreferencesSources, chronicle_preferences_sources, CHRONICLE,
                      PREFERENCES_SOURCES, AdwPreferencesPage)

void  chronicle_preferences_sources_set_services     (ChroniclePreferencesSources *self,
                                                      ChronicleStore              *store,
                                                      ChronicleSyncService        *sync);
char *chronicle_preferences_sources_describe         (ChronicleSource             *source,
                                                      GDateTime                   *now);
void  chronicle_preferences_sources_commit_removals  (ChroniclePreferencesSources *self);
void  chronicle_preferences_sources_import_opml      (ChroniclePreferencesSources *self,
                                                      const char                  *data,
                                                      gsize                        len);
char *chronicle_preferences_sources_dup_opml         (ChroniclePreferencesSources *self);

G_END_DECLS
