/* chronicle-preferences-window.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CHRONICLE_TYPE_PREFERENCES_WINDOW (chronicle_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (ChroniclePreferencesWindow, chronicle_preferences_window, CHRONICLE,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

ChroniclePreferencesWindow *chronicle_preferences_window_new (GtkWindow  *parent,
                                                              GSettings  *settings,
                                                              const char *db_path);

G_END_DECLS
