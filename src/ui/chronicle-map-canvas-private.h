/* chronicle-map-canvas-private.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-map-canvas.h"
#include "chronicle-map-scale.h"

G_BEGIN_DECLS

#define N_SHADES (CHRONICLE_MAP_SCALE_MAX_STEPS + 1)
#define DRAG_THRESHOLD 6.0

/* While the view moves, the last image of the countries is moved and scaled
 * instead of drawn again, until the view has been still for REFRESH_DELAY_MS,
 * or has moved too far from it (a quarter of the widget, a zoom of 1.5×), or
 * REFRESH_INTERVAL_US have passed. */
#define REFRESH_DELAY_MS 150
#define REFRESH_INTERVAL_US (500 * G_TIME_SPAN_MILLISECOND)
#define REUSE_MAX_ZOOM_RATIO 1.5

typedef struct
{
  GdkRGBA shades[N_SHADES]; /* 0: no articles, then fewest to most */
  GdkRGBA border;
  GdkRGBA outline;
  GdkRGBA hover_fill;
  double  border_width;
} ChronicleMapPalette;

struct _ChronicleMapCanvas
{
  GtkWidget              parent_instance;

  ChronicleWorldMapData *data;
  guint8                *shades;
  ChronicleMapPalette    palette;

  double                 zoom;
  double                 center_x; /* the map point at the widget's centre */
  double                 center_y;

  int                    hovered;
  int                    selected;

  /* The countries, rasterised for the cached view (see draw_countries).
   * countries_dirty: the shades or colours changed since (the image is stale). */
  cairo_surface_t       *countries_surface;
  GdkTexture            *countries_texture;
  gboolean               countries_dirty;
  /* The borders' coverage (A8) for the view the image was drawn for: shading
   * changes and hover never stroke them again. */
  cairo_surface_t       *borders_mask;
  /* Cairo renderer: the countries' node for the cached view, appended again
   * while nothing changes (hover, selection), so GTK's damage tracking redraws
   * only the outline that changed. */
  GskRenderNode         *countries_node;
  int                    cache_width;
  int                    cache_height;
  int                    cache_scale;
  double                 cache_center_x;
  double                 cache_center_y;
  double                 cache_pixels_per_unit;
  gint64                 cache_time;
  guint                  refresh_id;

  /* Gestures */
  double                 pointer_x;
  double                 pointer_y;
  double                 drag_center_x;
  double                 drag_center_y;
  gboolean               dragging;
  double                 pinch_zoom;
};

double _chronicle_map_canvas_get_scale          (ChronicleMapCanvas *self);
void   _chronicle_map_canvas_widget_to_map      (ChronicleMapCanvas *self,
                                                 double              x,
                                                 double              y,
                                                 double             *map_x,
                                                 double             *map_y);
void   _chronicle_map_canvas_update_palette     (ChronicleMapCanvas *self);
void   _chronicle_map_canvas_snapshot_countries (ChronicleMapCanvas *self,
                                                 GtkSnapshot        *snapshot,
                                                 int                 width,
                                                 int                 height,
                                                 int                 scale_factor);
void   _chronicle_map_canvas_snapshot_outline   (ChronicleMapCanvas *self,
                                                 GtkSnapshot        *snapshot,
                                                 int                 country,
                                                 double              width,
                                                 gboolean            fill);

G_END_DECLS
