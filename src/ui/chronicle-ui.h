/* chronicle-ui.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void chronicle_ui_init            (void);
void chronicle_ui_expose_toggle   (GtkToggleButton *button);

G_END_DECLS
