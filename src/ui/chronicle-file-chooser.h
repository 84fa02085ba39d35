/* chronicle-file-chooser.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void   chronicle_file_chooser_open_async  (GtkWindow           *parent,
                                           const char          *title,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
GFile *chronicle_file_chooser_open_finish (GAsyncResult        *result,
                                           GError             **error);

void   chronicle_file_chooser_save_async  (GtkWindow           *parent,
                                           const char          *title,
                                           const char          *suggested_name,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
GFile *chronicle_file_chooser_save_finish (GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
