/* chronicle-world-map.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chronicle-map-scale.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_WORLD_MAP (chronicle_world_map_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleWorldMap, chronicle_world_map, CHRONICLE, WORLD_MAP, GtkWidget)

GtkWidget               *chronicle_world_map_new               (void);
void                     chronicle_world_map_set_counts        (ChronicleWorldMap *self,
                                                                GHashTable        *counts);
guint                    chronicle_world_map_get_count         (ChronicleWorldMap *self,
                                                                const char        *code);
const ChronicleMapScale *chronicle_world_map_get_scale         (ChronicleWorldMap *self);
guint                    chronicle_world_map_get_shade         (ChronicleWorldMap *self,
                                                                const char        *code);
const char              *chronicle_world_map_get_selected_code (ChronicleWorldMap *self);
void                     chronicle_world_map_set_selected_code (ChronicleWorldMap *self,
                                                                const char        *code);
gboolean                 chronicle_world_map_get_show_list     (ChronicleWorldMap *self);
void                     chronicle_world_map_set_show_list     (ChronicleWorldMap *self,
                                                                gboolean           show_list);
double                   chronicle_world_map_get_zoom          (ChronicleWorldMap *self);
const char              *chronicle_world_map_get_hovered_code  (ChronicleWorldMap *self);
const char              *chronicle_world_map_country_at        (ChronicleWorldMap *self,
                                                                double             x,
                                                                double             y);
gboolean                 chronicle_world_map_activate_at       (ChronicleWorldMap *self,
                                                                double             x,
                                                                double             y);
gboolean                 chronicle_world_map_locate            (ChronicleWorldMap *self,
                                                                double             longitude,
                                                                double             latitude,
                                                                double            *x,
                                                                double            *y);

G_END_DECLS
