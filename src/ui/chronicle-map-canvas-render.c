/* chronicle-map-canvas-render.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "chronicle-map-canvas-private.h"

/* How ChronicleMapCanvas draws: its colours, the countries rasterised with
 * cairo into a cached image, and the outlines of the hovered and selected
 * countries. */

/* Colours from the libadwaita palette: a blue ramp that darkens with the count
 * on a light background and brightens with it on a dark one; "none" is the
 * palette's neutral. On dark, Blue 4 is too close to Blue 5 to tell apart, so
 * the ramp ends in a paler blue instead. */
static const char *const light_shades[N_SHADES] = {
  "#deddda", "#99c1f1", "#62a0ea", "#3584e4", "#1c71d8", "#1a5fb4",
};
static const char *const dark_shades[N_SHADES] = {
  "#3d3846", "#1a5fb4", "#3584e4", "#62a0ea", "#99c1f1", "#cce0f8",
};

/* Chooses the colours for the current style. */
void
_chronicle_map_canvas_update_palette (ChronicleMapCanvas *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (style);
  gboolean high_contrast = adw_style_manager_get_high_contrast (style);
  const char *const *shades = dark ? dark_shades : light_shades;

  for (guint i = 0; i < N_SHADES; i++)
    gdk_rgba_parse (&self->palette.shades[i], shades[i]);

  /* Borders take the colour of the view behind, so countries read as tiles. */
  gdk_rgba_parse (&self->palette.border, dark ? "#1e1e1e" : "#ffffff");
  gdk_rgba_parse (&self->palette.outline, dark ? "#ffffff" : "#000000");
  self->palette.hover_fill = self->palette.outline;
  self->palette.hover_fill.alpha = dark ? 0.16f : 0.12f;
  self->palette.border_width = 0.75;

  if (high_contrast)
    {
      gdk_rgba_parse (&self->palette.border, dark ? "#000000" : "#ffffff");
      self->palette.border_width = 1.5;
    }
}

/* Map units to pixels, for the widget's current size and zoom. */
double
_chronicle_map_canvas_get_scale (ChronicleMapCanvas *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double fit = MIN (width / chronicle_world_map_data_get_width (self->data),
                    height / chronicle_world_map_data_get_height (self->data));

  return MAX (fit, 1e-6) * self->zoom;
}

/* Widget coordinates to map units. */
void
_chronicle_map_canvas_widget_to_map (ChronicleMapCanvas *self,
                                     double              x,
                                     double              y,
                                     double             *map_x,
                                     double             *map_y)
{
  double scale = _chronicle_map_canvas_get_scale (self);

  *map_x = (x - gtk_widget_get_width (GTK_WIDGET (self)) / 2.0) / scale + self->center_x;
  *map_y = (y - gtk_widget_get_height (GTK_WIDGET (self)) / 2.0) / scale + self->center_y;
}

/* Adds the rings of @country to @cr's path, leaving out points closer than
 * @tolerance (map units) to the last one kept: at the whole-world zoom, most
 * of a coastline's points fall on the same pixel. */
static void
add_country_path (ChronicleMapCanvas *self,
                  cairo_t            *cr,
                  guint               country,
                  double              tolerance)
{
  guint n_rings = chronicle_world_map_data_get_n_rings (self->data, country);

  for (guint r = 0; r < n_rings; r++)
    {
      guint n_points;
      const float *p = chronicle_world_map_data_get_ring (self->data, country, r, &n_points);
      float last_x = p[0], last_y = p[1];

      cairo_move_to (cr, last_x, last_y);
      for (guint i = 1; i < n_points; i++)
        {
          float x = p[2 * i], y = p[2 * i + 1];

          if (fabsf (x - last_x) < tolerance && fabsf (y - last_y) < tolerance &&
              i < n_points - 1)
            continue;
          cairo_line_to (cr, x, y);
          last_x = x;
          last_y = y;
        }
      cairo_close_path (cr);
    }
}

/* Sets up @cr to draw in map units. */
static void
transform_to_map (ChronicleMapCanvas *self,
                  cairo_t            *cr)
{
  double scale = _chronicle_map_canvas_get_scale (self);

  cairo_translate (cr, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                   gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -self->center_x, -self->center_y);
}

static gboolean
country_is_visible (ChronicleMapCanvas *self,
                    guint               country,
                    const double        view[4])
{
  float bounds[4];

  chronicle_world_map_data_get_bounds (self->data, country, bounds);
  return bounds[2] >= view[0] && bounds[0] <= view[2] &&
         bounds[3] >= view[1] && bounds[1] <= view[3];
}

/* Which countries fall in the widget (in map units). */
static gboolean *
visible_countries (ChronicleMapCanvas *self,
                   int                 width,
                   int                 height)
{
  guint n_countries = chronicle_world_map_data_get_n_countries (self->data);
  gboolean *visible = g_new (gboolean, n_countries);
  double view[4];

  _chronicle_map_canvas_widget_to_map (self, 0, 0, &view[0], &view[1]);
  _chronicle_map_canvas_widget_to_map (self, width, height, &view[2], &view[3]);
  for (guint c = 0; c < n_countries; c++)
    visible[c] = country_is_visible (self, c, view);
  return visible;
}

/* The land borders' coverage for the current view: each shared border once,
 * in map units scaled back to pixels. Only a new view strokes them again. */
static cairo_surface_t *
draw_borders_mask (ChronicleMapCanvas *self,
                   int                 width,
                   int                 height,
                   int                 scale_factor)
{
  cairo_surface_t *mask = cairo_image_surface_create (CAIRO_FORMAT_A8, width * scale_factor,
                                                      height * scale_factor);
  cairo_t *cr;

  cairo_surface_set_device_scale (mask, scale_factor, scale_factor);
  cr = cairo_create (mask);
  transform_to_map (self, cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  /* Cairo's default antialiasing takes twice as long for the borders, with
   * no difference to see at these sizes. */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  for (guint b = 0; b < chronicle_world_map_data_get_n_borders (self->data); b++)
    {
      guint n_points;
      const float *p = chronicle_world_map_data_get_border (self->data, b, &n_points);

      cairo_move_to (cr, p[0], p[1]);
      for (guint i = 1; i < n_points; i++)
        cairo_line_to (cr, p[2 * i], p[2 * i + 1]);
    }
  cairo_set_line_width (cr, self->palette.border_width * MIN (sqrt (self->zoom), 2.0) /
                        _chronicle_map_canvas_get_scale (self));
  cairo_stroke (cr);
  cairo_destroy (cr);
  cairo_surface_flush (mask);
  return mask;
}

/* Fills the countries by shade, then lays the cached borders over them. */
static void
draw_countries (ChronicleMapCanvas *self,
                cairo_t            *cr,
                int                 width,
                int                 height)
{
  guint n_countries = chronicle_world_map_data_get_n_countries (self->data);
  double tolerance = 0.5 / _chronicle_map_canvas_get_scale (self);
  g_autofree gboolean *visible = visible_countries (self, width, height);

  cairo_save (cr);
  transform_to_map (self, cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);

  /* One fill per shade: countries never overlap, so even-odd still holds. */
  for (guint shade = 0; shade < N_SHADES; shade++)
    {
      gboolean any = FALSE;

      for (guint c = 0; c < n_countries; c++)
        {
          if (!visible[c] || self->shades[c] != shade)
            continue;
          add_country_path (self, cr, c, tolerance);
          any = TRUE;
        }
      if (!any)
        continue;
      gdk_cairo_set_source_rgba (cr, &self->palette.shades[shade]);
      cairo_fill (cr);
    }
  cairo_restore (cr);

  /* The surfaces' device scales line the mask up with the image. */
  gdk_cairo_set_source_rgba (cr, &self->palette.border);
  cairo_mask_surface (cr, self->borders_mask, 0, 0);
}

/* Draws the countries into a new image. Never into the old one: recorded
 * cairo nodes and textures still hold it (cairo would copy it first). */
static void
draw_countries_surface (ChronicleMapCanvas *self,
                        int                 width,
                        int                 height,
                        int                 scale_factor)
{
  cairo_t *cr;

  g_clear_pointer (&self->countries_surface, cairo_surface_destroy);
  self->countries_surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale_factor,
                                                        height * scale_factor);
  cairo_surface_set_device_scale (self->countries_surface, scale_factor, scale_factor);
  cr = cairo_create (self->countries_surface);
  draw_countries (self, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (self->countries_surface);
}

/* The same image as a texture, sharing the pixels. */
static GdkTexture *
texture_for_surface (cairo_surface_t *surface)
{
  g_autoptr(GBytes) bytes = NULL;
  int stride = cairo_image_surface_get_stride (surface);
  int height = cairo_image_surface_get_height (surface);

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  return gdk_memory_texture_new (cairo_image_surface_get_width (surface), height,
                                 GDK_MEMORY_DEFAULT, bytes, stride);
}

/* Forgets everything drawn and takes the current view as the one to draw for. */
static void
restart_cache (ChronicleMapCanvas *self,
               int                 width,
               int                 height,
               int                 scale_factor)
{
  g_clear_object (&self->countries_texture);
  g_clear_pointer (&self->countries_surface, cairo_surface_destroy);
  g_clear_pointer (&self->borders_mask, cairo_surface_destroy);
  g_clear_pointer (&self->countries_node, gsk_render_node_unref);
  self->countries_dirty = TRUE;
  self->cache_width = width;
  self->cache_height = height;
  self->cache_scale = scale_factor;
  self->cache_center_x = self->center_x;
  self->cache_center_y = self->center_y;
  self->cache_pixels_per_unit = _chronicle_map_canvas_get_scale (self);
  self->cache_time = g_get_monotonic_time ();
}

/* Draws the countries for the cached view: as vectors straight into a cairo
 * node (the cairo renderer replays them onto the window: no image to fill,
 * clear and paint, which is what new shades cost), or into the image that a
 * moving view and GL renderers use. */
static void
ensure_borders (ChronicleMapCanvas *self)
{
  if (self->borders_mask == NULL)
    self->borders_mask = draw_borders_mask (self, self->cache_width, self->cache_height,
                                            self->cache_scale);
}

static void
ensure_image (ChronicleMapCanvas *self)
{
  if (self->countries_surface != NULL && !self->countries_dirty)
    return;
  ensure_borders (self);
  g_clear_object (&self->countries_texture);
  draw_countries_surface (self, self->cache_width, self->cache_height, self->cache_scale);
  self->countries_dirty = FALSE;
}

/* Draws the countries, moved and scaled from the view they were drawn for to
 * the current one. GL renderers keep the image as a texture on the GPU, so it
 * costs little until it changes. The cairo renderer would convert a texture's
 * pixels every frame, so it gets cairo nodes: the countries as vectors while
 * the view is still (kept and appended again until something changes), the
 * image moved and scaled while the view moves. */
void
_chronicle_map_canvas_snapshot_countries (ChronicleMapCanvas *self,
                                          GtkSnapshot        *snapshot,
                                          int                 width,
                                          int                 height,
                                          int                 scale_factor)
{
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (self)));
  gboolean cairo_renderer = renderer != NULL &&
                            G_TYPE_CHECK_INSTANCE_TYPE (renderer, GSK_TYPE_CAIRO_RENDERER);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  double scale = _chronicle_map_canvas_get_scale (self);
  double ratio, dx, dy;
  gboolean moved, have_cache;

  have_cache = self->countries_surface != NULL || self->countries_node != NULL ||
               self->borders_mask != NULL;
  if (!have_cache || self->cache_width != width || self->cache_height != height ||
      self->cache_scale != scale_factor)
    restart_cache (self, width, height, scale_factor);

  ratio = scale / self->cache_pixels_per_unit;
  dx = (self->cache_center_x - self->center_x) * scale;
  dy = (self->cache_center_y - self->center_y) * scale;
  moved = ratio != 1.0 || dx != 0.0 || dy != 0.0;

  /* Moved too far from the cached view (or for too long), or moved with no
   * image of the cached view to move: draw for the current view. */
  if (moved && (ratio > REUSE_MAX_ZOOM_RATIO || ratio < 1 / REUSE_MAX_ZOOM_RATIO ||
                fabs (dx) > width / 4.0 || fabs (dy) > height / 4.0 ||
                g_get_monotonic_time () - self->cache_time > REFRESH_INTERVAL_US ||
                self->countries_surface == NULL || self->countries_dirty))
    {
      restart_cache (self, width, height, scale_factor);
      /* It is moving: the next frames will want the image. */
      ensure_image (self);
      ratio = 1.0;
      dx = dy = 0.0;
      moved = FALSE;
    }

  if (cairo_renderer)
    {
      GskRenderNode *node;
      cairo_t *cr;

      if (!moved && self->countries_node != NULL)
        {
          gtk_snapshot_append_node (snapshot, self->countries_node);
          return;
        }

      node = gsk_cairo_node_new (&bounds);
      cr = gsk_cairo_node_get_draw_context (node);
      if (moved || (self->countries_surface != NULL && !self->countries_dirty))
        {
          if (moved)
            {
              cairo_translate (cr, width / 2.0 + dx, height / 2.0 + dy);
              cairo_scale (cr, ratio, ratio);
              cairo_translate (cr, -width / 2.0, -height / 2.0);
            }
          /* The surface's device scale maps its pixels to the widget's. */
          cairo_set_source_surface (cr, self->countries_surface, 0, 0);
          if (moved)
            cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_FAST);
          cairo_paint (cr);
        }
      else
        {
          ensure_borders (self);
          draw_countries (self, cr, width, height);
        }
      cairo_destroy (cr);

      gtk_snapshot_append_node (snapshot, node);
      if (!moved)
        self->countries_node = node;
      else
        gsk_render_node_unref (node);
      return;
    }

  ensure_image (self);
  if (self->countries_texture == NULL)
    self->countries_texture = texture_for_surface (self->countries_surface);

  gtk_snapshot_save (snapshot);
  if (moved)
    {
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width / 2.0 + dx, height / 2.0 + dy));
      gtk_snapshot_scale (snapshot, ratio, ratio);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-width / 2.0, -height / 2.0));
    }
  gtk_snapshot_append_texture (snapshot, self->countries_texture, &bounds);
  gtk_snapshot_restore (snapshot);
}

/* Outlines @country, @width pixels wide, with a halo; @fill tints it too. */
void
_chronicle_map_canvas_snapshot_outline (ChronicleMapCanvas *self,
                                        GtkSnapshot        *snapshot,
                                        int                 country,
                                        double              width,
                                        gboolean            fill)
{
  float bounds[4];
  double x0, y0, x1, y1;
  graphene_rect_t rect;
  cairo_t *cr;

  chronicle_world_map_data_get_bounds (self->data, country, bounds);
  chronicle_map_canvas_map_to_widget (self, bounds[0], bounds[1], &x0, &y0);
  chronicle_map_canvas_map_to_widget (self, bounds[2], bounds[3], &x1, &y1);
  x0 = MAX (floor (x0 - width - 2), 0);
  y0 = MAX (floor (y0 - width - 2), 0);
  x1 = MIN (ceil (x1 + width + 2), gtk_widget_get_width (GTK_WIDGET (self)));
  y1 = MIN (ceil (y1 + width + 2), gtk_widget_get_height (GTK_WIDGET (self)));
  if (x1 <= x0 || y1 <= y0)
    return;

  graphene_rect_init (&rect, x0, y0, x1 - x0, y1 - y0);
  cr = gtk_snapshot_append_cairo (snapshot, &rect);
  transform_to_map (self, cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  add_country_path (self, cr, country, 0.5 / _chronicle_map_canvas_get_scale (self));
  if (fill)
    {
      gdk_cairo_set_source_rgba (cr, &self->palette.hover_fill);
      cairo_fill_preserve (cr);
    }
  /* A halo in the background colour keeps the line visible on any shade. */
  gdk_cairo_set_source_rgba (cr, &self->palette.border);
  cairo_set_line_width (cr, (width + 2) / _chronicle_map_canvas_get_scale (self));
  cairo_stroke_preserve (cr);
  gdk_cairo_set_source_rgba (cr, &self->palette.outline);
  cairo_set_line_width (cr, width / _chronicle_map_canvas_get_scale (self));
  cairo_stroke (cr);
  cairo_destroy (cr);
}
