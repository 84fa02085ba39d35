/* chronicle-add-source-dialog.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CHRONICLE_TYPE_ADD_SOURCE_DIALOG (chronicle_add_source_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleAddSourceDialog, chronicle_add_source_dialog, CHRONICLE,
                      ADD_SOURCE_DIALOG, AdwWindow)

gboolean                  chronicle_add_source_parse_input   (const char                *text,
                                                              char                     **url,
                                                              GFile                    **file,
                                                              GError                   **error);

ChronicleAddSourceDialog *chronicle_add_source_dialog_new        (GtkWindow                *parent);
void                      chronicle_add_source_dialog_set_busy   (ChronicleAddSourceDialog *self,
                                                                  gboolean                  busy);
void                      chronicle_add_source_dialog_show_error (ChronicleAddSourceDialog *self,
                                                                  const char               *message);
const char               *chronicle_add_source_dialog_get_text   (ChronicleAddSourceDialog *self);
void                      chronicle_add_source_dialog_set_text   (ChronicleAddSourceDialog *self,
                                                                  const char               *text);

G_END_DECLS
