/* chronicle-test-ui-utils.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     chronicle_test_wait_for_frames (GtkWidget   *widget,
                                         guint        n_frames);
gboolean chronicle_test_render_to_png   (GtkWidget   *widget,
                                         const char  *path,
                                         GError     **error);
char    *chronicle_test_output_path     (const char  *name);

G_END_DECLS
