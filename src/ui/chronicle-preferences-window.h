/* chronicle-preferences-window.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chronicle-preferences-sources.h"
#include "chronicle-store.h"
#include "chronicle-sync-service.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_PREFERENCES_WINDOW (chronicle_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (ChroniclePreferencesWindow, chronicle_preferences_window, CHRONICLE,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

ChroniclePreferencesWindow  *chronicle_preferences_window_new           (GtkWindow  *parent,
                                                                         GSettings  *settings,
                                                                         const char *db_path);
void                         chronicle_preferences_window_set_services  (ChroniclePreferencesWindow *self,
                                                                         ChronicleStore             *store,
                                                                         ChronicleSyncService       *sync);
void                         chronicle_preferences_window_set_guardian_endpoint (ChroniclePreferencesWindow *self,
                                                                                 const char                 *url);
ChroniclePreferencesSources *chronicle_preferences_window_get_sources_page (ChroniclePreferencesWindow *self);
guint                        chronicle_preferences_keep_days            (const char *nick);
gboolean                     chronicle_preferences_guardian_check       (GBytes     *body,
                                                                         GError    **error);

G_END_DECLS
