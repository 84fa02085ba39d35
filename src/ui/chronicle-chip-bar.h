/* chronicle-chip-bar.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chronicle-query.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_CHIP_BAR (chronicle_chip_bar_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleChipBar, chronicle_chip_bar, CHRONICLE, CHIP_BAR, GtkWidget)

/**
 * ChronicleSourceTitleFunc:
 * @source_id: a source's id
 * @user_data: data given with the function
 *
 * Returns: (transfer full) (nullable): the title of the source, for its chip
 */
typedef char *(*ChronicleSourceTitleFunc) (gint64   source_id,
                                           gpointer user_data);

GtkWidget      *chronicle_chip_bar_new                   (void);
ChronicleQuery *chronicle_chip_bar_get_query             (ChronicleChipBar         *self);
void            chronicle_chip_bar_set_query             (ChronicleChipBar         *self,
                                                          ChronicleQuery           *query);
void            chronicle_chip_bar_set_source_title_func (ChronicleChipBar         *self,
                                                          ChronicleSourceTitleFunc  func,
                                                          gpointer                  user_data,
                                                          GDestroyNotify            destroy);
guint           chronicle_chip_bar_get_n_chips           (ChronicleChipBar         *self);
void            chronicle_chip_bar_refresh               (ChronicleChipBar         *self);

G_END_DECLS
