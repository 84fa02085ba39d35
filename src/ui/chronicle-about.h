/* chronicle-about.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *chronicle_about_new     (GtkWindow *parent);
void       chronicle_about_present (GtkWindow *parent);

G_END_DECLS
