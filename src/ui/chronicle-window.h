/* chronicle-window.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chronicle-application.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_WINDOW (chronicle_window_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleWindow, chronicle_window, CHRONICLE, WINDOW, AdwApplicationWindow)

ChronicleWindow *chronicle_window_new        (ChronicleApplication *application);
ChronicleWindow *chronicle_window_new_with_settings (GSettings *settings);
void             chronicle_window_add_toast  (ChronicleWindow      *self,
                                              const char           *title);

G_END_DECLS
