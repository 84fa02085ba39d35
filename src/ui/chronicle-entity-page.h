/* chronicle-entity-page.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chronicle-store.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_ENTITY_PAGE (chronicle_entity_page_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleEntityPage, chronicle_entity_page, CHRONICLE, ENTITY_PAGE, GtkWidget)

GtkWidget       *chronicle_entity_page_new          (void);
void             chronicle_entity_page_set_store    (ChronicleEntityPage *self,
                                                     ChronicleStore      *store);
void             chronicle_entity_page_show_entity  (ChronicleEntityPage *self,
                                                     ChronicleEntityKind  kind,
                                                     const char          *name);
void             chronicle_entity_page_refresh      (ChronicleEntityPage *self);
ChronicleEntity *chronicle_entity_page_get_entity   (ChronicleEntityPage *self);
gboolean         chronicle_entity_page_is_loading   (ChronicleEntityPage *self);
guint            chronicle_entity_page_get_n_related  (ChronicleEntityPage *self);
guint            chronicle_entity_page_get_n_articles (ChronicleEntityPage *self);
void             chronicle_entity_page_activate_related (ChronicleEntityPage *self,
                                                         guint                index);

G_END_DECLS
