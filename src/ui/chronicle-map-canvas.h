/* chronicle-map-canvas.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chronicle-world-map-data.h"

G_BEGIN_DECLS

#define CHRONICLE_MAP_CANVAS_MIN_ZOOM 1.0
#define CHRONICLE_MAP_CANVAS_MAX_ZOOM 16.0

#define CHRONICLE_TYPE_MAP_CANVAS (chronicle_map_canvas_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleMapCanvas, chronicle_map_canvas, CHRONICLE, MAP_CANVAS, GtkWidget)

GtkWidget             *chronicle_map_canvas_new              (void);
ChronicleWorldMapData *chronicle_map_canvas_get_data         (ChronicleMapCanvas *self);
void                   chronicle_map_canvas_set_shades       (ChronicleMapCanvas *self,
                                                              const guint8       *shades);
void                   chronicle_map_canvas_get_shade_color  (ChronicleMapCanvas *self,
                                                              guint               shade,
                                                              GdkRGBA            *color);
int                    chronicle_map_canvas_get_hovered      (ChronicleMapCanvas *self);
void                   chronicle_map_canvas_set_hovered      (ChronicleMapCanvas *self,
                                                              int                 country);
int                    chronicle_map_canvas_get_selected     (ChronicleMapCanvas *self);
void                   chronicle_map_canvas_set_selected     (ChronicleMapCanvas *self,
                                                              int                 country);
double                 chronicle_map_canvas_get_zoom         (ChronicleMapCanvas *self);
void                   chronicle_map_canvas_zoom_at          (ChronicleMapCanvas *self,
                                                              double              zoom,
                                                              double              x,
                                                              double              y);
void                   chronicle_map_canvas_pan_by           (ChronicleMapCanvas *self,
                                                              double              dx,
                                                              double              dy);
void                   chronicle_map_canvas_reset_view       (ChronicleMapCanvas *self);
int                    chronicle_map_canvas_country_at       (ChronicleMapCanvas *self,
                                                              double              x,
                                                              double              y);
void                   chronicle_map_canvas_map_to_widget    (ChronicleMapCanvas *self,
                                                              double              map_x,
                                                              double              map_y,
                                                              double             *x,
                                                              double             *y);

G_END_DECLS
