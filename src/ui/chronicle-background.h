/* chronicle-background.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CHRONICLE_TYPE_BACKGROUND (chronicle_background_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleBackground, chronicle_background, CHRONICLE, BACKGROUND, GObject)

ChronicleBackground *chronicle_background_new         (GApplication        *application,
                                                       GSettings           *settings,
                                                       gboolean             use_portal);
gboolean             chronicle_background_get_holding (ChronicleBackground *self);
gboolean             chronicle_background_in_sandbox  (void);

G_END_DECLS
