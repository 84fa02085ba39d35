/* chronicle-entity-browser.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chronicle-store-entities.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_ENTITY_BROWSER (chronicle_entity_browser_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleEntityBrowser, chronicle_entity_browser, CHRONICLE, ENTITY_BROWSER,
                      GtkWidget)

GtkWidget  *chronicle_entity_browser_new           (void);
void        chronicle_entity_browser_set_store     (ChronicleEntityBrowser *self,
                                                    ChronicleStore         *store);
void        chronicle_entity_browser_set_kind      (ChronicleEntityBrowser *self,
                                                    ChronicleEntityKind     kind);
void        chronicle_entity_browser_set_sort      (ChronicleEntityBrowser *self,
                                                    ChronicleEntitySort     sort);
void        chronicle_entity_browser_set_search    (ChronicleEntityBrowser *self,
                                                    const char             *search);
void        chronicle_entity_browser_reload        (ChronicleEntityBrowser *self);
gboolean    chronicle_entity_browser_is_loading    (ChronicleEntityBrowser *self);
guint       chronicle_entity_browser_get_n_rows    (ChronicleEntityBrowser *self);
const char *chronicle_entity_browser_get_row_name  (ChronicleEntityBrowser *self,
                                                    guint                   index);
void        chronicle_entity_browser_activate_row  (ChronicleEntityBrowser *self,
                                                    guint                   index);

G_END_DECLS
