/* chronicle-sidebar.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chronicle-query.h"
#include "chronicle-store.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_SIDEBAR (chronicle_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleSidebar, chronicle_sidebar, CHRONICLE, SIDEBAR, GtkWidget)

GtkWidget *chronicle_sidebar_new          (void);
void       chronicle_sidebar_set_query    (ChronicleSidebar *self,
                                           ChronicleQuery   *query);
void       chronicle_sidebar_set_sources  (ChronicleSidebar *self,
                                           GPtrArray        *sources);
void       chronicle_sidebar_set_source_counts (ChronicleSidebar *self,
                                                GArray           *counts);
void       chronicle_sidebar_set_facets   (ChronicleSidebar *self,
                                           GPtrArray        *entities);
void       chronicle_sidebar_set_store    (ChronicleSidebar *self,
                                           ChronicleStore   *store);
char      *chronicle_sidebar_dup_source_title (ChronicleSidebar *self,
                                               gint64            source_id);
guint      chronicle_sidebar_get_n_failed_sources (ChronicleSidebar *self);

G_END_DECLS
