/* chronicle-world-map-data.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CHRONICLE_TYPE_WORLD_MAP_DATA (chronicle_world_map_data_get_type ())

typedef struct _ChronicleWorldMapData ChronicleWorldMapData;

GType                  chronicle_world_map_data_get_type        (void) G_GNUC_CONST;
ChronicleWorldMapData *chronicle_world_map_data_new_from_bytes  (GBytes                *bytes,
                                                                 GError               **error);
ChronicleWorldMapData *chronicle_world_map_data_get_default     (void);
ChronicleWorldMapData *chronicle_world_map_data_ref             (ChronicleWorldMapData *self);
void                   chronicle_world_map_data_unref           (ChronicleWorldMapData *self);

double                 chronicle_world_map_data_get_width       (ChronicleWorldMapData *self);
double                 chronicle_world_map_data_get_height      (ChronicleWorldMapData *self);
guint                  chronicle_world_map_data_get_n_countries (ChronicleWorldMapData *self);
const char            *chronicle_world_map_data_get_code        (ChronicleWorldMapData *self,
                                                                 guint                  country);
int                    chronicle_world_map_data_find            (ChronicleWorldMapData *self,
                                                                 const char            *code);
guint                  chronicle_world_map_data_get_n_rings     (ChronicleWorldMapData *self,
                                                                 guint                  country);
const float           *chronicle_world_map_data_get_ring        (ChronicleWorldMapData *self,
                                                                 guint                  country,
                                                                 guint                  ring,
                                                                 guint                 *n_points);
guint                  chronicle_world_map_data_get_n_borders   (ChronicleWorldMapData *self);
const float           *chronicle_world_map_data_get_border      (ChronicleWorldMapData *self,
                                                                 guint                  border,
                                                                 guint                 *n_points);
void                   chronicle_world_map_data_get_bounds      (ChronicleWorldMapData *self,
                                                                 guint                  country,
                                                                 float                  bounds[4]);
int                    chronicle_world_map_data_hit_test        (ChronicleWorldMapData *self,
                                                                 double                 x,
                                                                 double                 y);
void                   chronicle_world_map_data_project         (ChronicleWorldMapData *self,
                                                                 double                 longitude,
                                                                 double                 latitude,
                                                                 double                *x,
                                                                 double                *y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronicleWorldMapData, chronicle_world_map_data_unref)

G_END_DECLS
