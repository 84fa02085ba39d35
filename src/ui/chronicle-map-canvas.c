/* chronicle-map-canvas.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "chronicle-map-canvas.h"
#include "chronicle-map-scale.h"

/* The drawing surface of ChronicleWorldMap: countries filled by shade, with
 * pan (drag), zoom (Ctrl+scroll, pinch, and the API the buttons use), hover
 * and click. It holds no counts, only a shade per country.
 *
 * Drawing is cairo (GTK 4.8 has no GskPath). The countries are rasterised
 * into an image that is kept until the size, the shades or the colours
 * change, or the view has moved on (see REFRESH_DELAY_MS): a frame that only
 * moves the hover outline, or pans a little, draws that image (which the GL
 * renderer keeps on the GPU) and one small cairo node on top. A cairo node of
 * the countries themselves would be replayed every frame instead. */

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
} Palette;

struct _ChronicleMapCanvas
{
  GtkWidget              parent_instance;

  ChronicleWorldMapData *data;
  guint8                *shades;
  Palette                palette;

  double                 zoom;
  double                 center_x; /* the map point at the widget's centre */
  double                 center_y;

  int                    hovered;
  int                    selected;

  /* The countries, rasterised for the current view (see draw_countries) */
  cairo_surface_t       *countries_surface;
  GdkTexture            *countries_texture;
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

G_DEFINE_FINAL_TYPE (ChronicleMapCanvas, chronicle_map_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_HOVERED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  COUNTRY_ACTIVATED,
  COLORS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

static void
update_palette (ChronicleMapCanvas *self)
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

  g_clear_object (&self->countries_texture);
  g_clear_pointer (&self->countries_surface, cairo_surface_destroy);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[COLORS_CHANGED], 0);
}

static void
invalidate_countries (ChronicleMapCanvas *self)
{
  g_clear_object (&self->countries_texture);
  g_clear_pointer (&self->countries_surface, cairo_surface_destroy);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
refresh_cb (gpointer user_data)
{
  ChronicleMapCanvas *self = user_data;

  self->refresh_id = 0;
  invalidate_countries (self);
  return G_SOURCE_REMOVE;
}

/* The view moved: redraw now, draw the countries sharp once it stops. */
static void
view_changed (ChronicleMapCanvas *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_cb, self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Map units to pixels, for the widget's current size and zoom. */
static double
get_scale (ChronicleMapCanvas *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double fit = MIN (width / chronicle_world_map_data_get_width (self->data),
                    height / chronicle_world_map_data_get_height (self->data));

  return MAX (fit, 1e-6) * self->zoom;
}

/* Keeps the map on screen: centred along an axis it does not fill, and
 * without a gap at the edges along one it overflows. */
static void
clamp_center (ChronicleMapCanvas *self)
{
  double scale = get_scale (self);
  double half_width = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0 / scale;
  double half_height = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0 / scale;
  double map_width = chronicle_world_map_data_get_width (self->data);
  double map_height = chronicle_world_map_data_get_height (self->data);

  if (2 * half_width >= map_width)
    self->center_x = map_width / 2;
  else
    self->center_x = CLAMP (self->center_x, half_width, map_width - half_width);

  if (2 * half_height >= map_height)
    self->center_y = map_height / 2;
  else
    self->center_y = CLAMP (self->center_y, half_height, map_height - half_height);
}

static void
widget_to_map (ChronicleMapCanvas *self,
               double              x,
               double              y,
               double             *map_x,
               double             *map_y)
{
  double scale = get_scale (self);

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
  double scale = get_scale (self);

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

static void
draw_countries (ChronicleMapCanvas *self,
                cairo_t            *cr,
                int                 width,
                int                 height)
{
  guint n_countries = chronicle_world_map_data_get_n_countries (self->data);
  double view[4];
  double tolerance = 0.5 / get_scale (self);
  g_autofree gboolean *visible = g_new (gboolean, n_countries);

  widget_to_map (self, 0, 0, &view[0], &view[1]);
  widget_to_map (self, width, height, &view[2], &view[3]);
  for (guint c = 0; c < n_countries; c++)
    visible[c] = country_is_visible (self, c, view);

  transform_to_map (self, cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  /* Cairo's default antialiasing takes twice as long for the borders, with
   * no difference to see at these sizes. */
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

  /* Then every border at once, in map units scaled back to pixels. */
  for (guint c = 0; c < n_countries; c++)
    if (visible[c])
      add_country_path (self, cr, c, tolerance);
  gdk_cairo_set_source_rgba (cr, &self->palette.border);
  cairo_set_line_width (cr, self->palette.border_width * MIN (sqrt (self->zoom), 2.0) /
                        get_scale (self));
  cairo_stroke (cr);
}

/* The countries as an image, at the widget's scale factor. */
static cairo_surface_t *
draw_countries_surface (ChronicleMapCanvas *self,
                        int                 width,
                        int                 height,
                        int                 scale_factor)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale_factor,
                                        height * scale_factor);
  cairo_surface_set_device_scale (surface, scale_factor, scale_factor);
  cr = cairo_create (surface);
  draw_countries (self, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
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

/* Draws the cached image of the countries, moved and scaled from the view it
 * was drawn for to the current one. GL renderers keep a texture on the GPU,
 * so it costs little until it changes; the cairo renderer would convert a
 * texture's pixels every frame, so it gets a cairo node painting the image,
 * which it clips to the area that changed. */
static void
snapshot_countries (ChronicleMapCanvas *self,
                    GtkSnapshot        *snapshot,
                    int                 width,
                    int                 height,
                    int                 scale_factor)
{
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (self)));
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  double scale = get_scale (self);
  double ratio = 1.0, dx = 0.0, dy = 0.0;
  gboolean moved = FALSE;

  if (self->countries_surface != NULL)
    {
      ratio = scale / self->cache_pixels_per_unit;
      dx = (self->cache_center_x - self->center_x) * scale;
      dy = (self->cache_center_y - self->center_y) * scale;
      moved = ratio != 1.0 || dx != 0.0 || dy != 0.0;
    }

  if (self->countries_surface == NULL || self->cache_width != width ||
      self->cache_height != height || self->cache_scale != scale_factor ||
      (moved && (ratio > REUSE_MAX_ZOOM_RATIO || ratio < 1 / REUSE_MAX_ZOOM_RATIO ||
                 fabs (dx) > width / 4.0 || fabs (dy) > height / 4.0 ||
                 g_get_monotonic_time () - self->cache_time > REFRESH_INTERVAL_US)))
    {
      g_clear_object (&self->countries_texture);
      g_clear_pointer (&self->countries_surface, cairo_surface_destroy);
      self->countries_surface = draw_countries_surface (self, width, height, scale_factor);
      self->cache_width = width;
      self->cache_height = height;
      self->cache_scale = scale_factor;
      self->cache_center_x = self->center_x;
      self->cache_center_y = self->center_y;
      self->cache_pixels_per_unit = scale;
      self->cache_time = g_get_monotonic_time ();
      ratio = 1.0;
      dx = dy = 0.0;
      moved = FALSE;
    }

  if (renderer != NULL && G_TYPE_CHECK_INSTANCE_TYPE (renderer, GSK_TYPE_CAIRO_RENDERER))
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

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
      cairo_destroy (cr);
      return;
    }

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

static void
snapshot_outline (ChronicleMapCanvas *self,
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
  add_country_path (self, cr, country, 0.5 / get_scale (self));
  if (fill)
    {
      gdk_cairo_set_source_rgba (cr, &self->palette.hover_fill);
      cairo_fill_preserve (cr);
    }
  /* A halo in the background colour keeps the line visible on any shade. */
  gdk_cairo_set_source_rgba (cr, &self->palette.border);
  cairo_set_line_width (cr, (width + 2) / get_scale (self));
  cairo_stroke_preserve (cr);
  gdk_cairo_set_source_rgba (cr, &self->palette.outline);
  cairo_set_line_width (cr, width / get_scale (self));
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
set_hovered (ChronicleMapCanvas *self,
             int                 country)
{
  if (self->hovered == country)
    return;

  self->hovered = country;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), country >= 0 ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVERED]);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           ChronicleMapCanvas       *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  if (!self->dragging)
    set_hovered (self, chronicle_map_canvas_country_at (self, x, y));
}

static void
leave_cb (GtkEventControllerMotion *controller,
          ChronicleMapCanvas       *self)
{
  self->pointer_x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  self->pointer_y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
  set_hovered (self, -1);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           ChronicleMapCanvas       *self)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  /* A plain scroll belongs to the page around the map. */
  if (!(state & GDK_CONTROL_MASK))
    return FALSE;

  chronicle_map_canvas_zoom_at (self, self->zoom * pow (1.25, -dy),
                                self->pointer_x, self->pointer_y);
  return TRUE;
}

static void
drag_begin_cb (GtkGestureDrag     *gesture,
               double              x,
               double              y,
               ChronicleMapCanvas *self)
{
  self->drag_center_x = self->center_x;
  self->drag_center_y = self->center_y;
  self->dragging = FALSE;
}

static void
drag_update_cb (GtkGestureDrag     *gesture,
                double              dx,
                double              dy,
                ChronicleMapCanvas *self)
{
  double scale;

  if (!self->dragging)
    {
      if (hypot (dx, dy) < DRAG_THRESHOLD)
        return;
      /* A drag, not a click: the click gesture gives up the sequence. */
      self->dragging = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }

  scale = get_scale (self);
  self->center_x = self->drag_center_x - dx / scale;
  self->center_y = self->drag_center_y - dy / scale;
  clamp_center (self);
  view_changed (self);
}

static void
drag_end_cb (GtkGestureDrag     *gesture,
             double              dx,
             double              dy,
             ChronicleMapCanvas *self)
{
  if (!self->dragging)
    return;

  self->dragging = FALSE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->hovered >= 0 ? "pointer" : NULL);
}

static void
click_released_cb (GtkGestureClick    *gesture,
                   int                 n_press,
                   double              x,
                   double              y,
                   ChronicleMapCanvas *self)
{
  int country;

  if (self->dragging)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  country = chronicle_map_canvas_country_at (self, x, y);
  if (country >= 0)
    g_signal_emit (self, signals[COUNTRY_ACTIVATED], 0, country);
}

static void
pinch_begin_cb (GtkGesture         *gesture,
                GdkEventSequence   *sequence,
                ChronicleMapCanvas *self)
{
  self->pinch_zoom = self->zoom;
}

static void
pinch_scale_changed_cb (GtkGestureZoom     *gesture,
                        double              scale,
                        ChronicleMapCanvas *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  chronicle_map_canvas_zoom_at (self, self->pinch_zoom * scale, x, y);
}

static void
style_changed_cb (AdwStyleManager    *style,
                  GParamSpec         *pspec,
                  ChronicleMapCanvas *self)
{
  update_palette (self);
}

static gboolean
zoom_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  ChronicleMapCanvas *self = CHRONICLE_MAP_CANVAS (widget);
  double factor = g_variant_get_double (args);

  if (factor == 0)
    chronicle_map_canvas_reset_view (self);
  else
    chronicle_map_canvas_zoom_at (self, self->zoom * factor,
                                  gtk_widget_get_width (widget) / 2.0,
                                  gtk_widget_get_height (widget) / 2.0);
  return TRUE;
}

static gboolean
pan_key_cb (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  double dx, dy;

  g_variant_get (args, "(dd)", &dx, &dy);
  chronicle_map_canvas_pan_by (CHRONICLE_MAP_CANVAS (widget), dx, dy);
  return TRUE;
}

static GtkSizeRequestMode
chronicle_map_canvas_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
chronicle_map_canvas_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  ChronicleMapCanvas *self = CHRONICLE_MAP_CANVAS (widget);
  double aspect = chronicle_world_map_data_get_height (self->data) /
                  chronicle_world_map_data_get_width (self->data);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 640;
    }
  else
    {
      /* As tall as the map is at this width; it can be squeezed to half. */
      *natural = for_size > 0 ? (int) ceil (for_size * aspect) : (int) ceil (640 * aspect);
      *minimum = MAX (80, *natural / 2);
      *natural = MAX (*natural, *minimum);
    }
}

static void
chronicle_map_canvas_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  ChronicleMapCanvas *self = CHRONICLE_MAP_CANVAS (widget);

  clamp_center (self);
  if (width != self->cache_width || height != self->cache_height)
    invalidate_countries (self);
}

static void
chronicle_map_canvas_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  ChronicleMapCanvas *self = CHRONICLE_MAP_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale_factor = gtk_widget_get_scale_factor (widget);

  if (width <= 0 || height <= 0)
    return;

  snapshot_countries (self, snapshot, width, height, scale_factor);

  if (self->selected >= 0)
    snapshot_outline (self, snapshot, self->selected, 2.0, FALSE);
  if (self->hovered >= 0)
    snapshot_outline (self, snapshot, self->hovered, 1.25, TRUE);
}

static void
chronicle_map_canvas_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ChronicleMapCanvas *self = CHRONICLE_MAP_CANVAS (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_HOVERED:
      g_value_set_int (value, self->hovered);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_map_canvas_dispose (GObject *object)
{
  ChronicleMapCanvas *self = CHRONICLE_MAP_CANVAS (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->countries_texture);
  g_clear_pointer (&self->countries_surface, cairo_surface_destroy);

  G_OBJECT_CLASS (chronicle_map_canvas_parent_class)->dispose (object);
}

static void
chronicle_map_canvas_finalize (GObject *object)
{
  ChronicleMapCanvas *self = CHRONICLE_MAP_CANVAS (object);

  g_clear_pointer (&self->shades, g_free);
  g_clear_pointer (&self->data, chronicle_world_map_data_unref);

  G_OBJECT_CLASS (chronicle_map_canvas_parent_class)->finalize (object);
}

static void
chronicle_map_canvas_class_init (ChronicleMapCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = chronicle_map_canvas_get_property;
  object_class->dispose = chronicle_map_canvas_dispose;
  object_class->finalize = chronicle_map_canvas_finalize;

  widget_class->get_request_mode = chronicle_map_canvas_get_request_mode;
  widget_class->measure = chronicle_map_canvas_measure;
  widget_class->size_allocate = chronicle_map_canvas_size_allocate;
  widget_class->snapshot = chronicle_map_canvas_snapshot;

  /**
   * ChronicleMapCanvas:zoom:
   *
   * How far the map is zoomed in: 1 shows the whole world.
   */
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         CHRONICLE_MAP_CANVAS_MIN_ZOOM, CHRONICLE_MAP_CANVAS_MAX_ZOOM, 1.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ChronicleMapCanvas:hovered:
   *
   * The index of the country under the pointer, or -1.
   */
  properties[PROP_HOVERED] =
    g_param_spec_int ("hovered", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ChronicleMapCanvas::country-activated:
   * @country: the index of the country clicked
   */
  signals[COUNTRY_ACTIVATED] =
    g_signal_new ("country-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  /**
   * ChronicleMapCanvas::colors-changed:
   *
   * The shades changed colour (the style went dark or light).
   */
  signals[COLORS_CHANGED] =
    g_signal_new ("colors-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* With the keyboard: +/- zoom, 0 shows the whole world, arrows pan. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_plus, 0, zoom_key_cb, "d", 1.5);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_equal, 0, zoom_key_cb, "d", 1.5);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Add, 0, zoom_key_cb, "d", 1.5);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_minus, 0, zoom_key_cb, "d", 1 / 1.5);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Subtract, 0, zoom_key_cb, "d",
                                1 / 1.5);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_0, 0, zoom_key_cb, "d", 0.0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_0, 0, zoom_key_cb, "d", 0.0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, 0, pan_key_cb, "(dd)", -64.0, 0.0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, 0, pan_key_cb, "(dd)", 64.0, 0.0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, 0, pan_key_cb, "(dd)", 0.0, -64.0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, 0, pan_key_cb, "(dd)", 0.0, 64.0);

  gtk_widget_class_set_css_name (widget_class, "worldmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
chronicle_map_canvas_init (ChronicleMapCanvas *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;
  AdwStyleManager *style = adw_style_manager_get_default ();

  self->data = chronicle_world_map_data_ref (chronicle_world_map_data_get_default ());
  self->shades = g_new0 (guint8, chronicle_world_map_data_get_n_countries (self->data));
  self->zoom = 1.0;
  self->center_x = chronicle_world_map_data_get_width (self->data) / 2;
  self->center_y = chronicle_world_map_data_get_height (self->data) / 2;
  self->hovered = -1;
  self->selected = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_drag_new ();
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (pinch_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  g_signal_connect_object (style, "notify::dark", G_CALLBACK (style_changed_cb), self, 0);
  g_signal_connect_object (style, "notify::high-contrast", G_CALLBACK (style_changed_cb),
                           self, 0);
  update_palette (self);
}

GtkWidget *
chronicle_map_canvas_new (void)
{
  return g_object_new (CHRONICLE_TYPE_MAP_CANVAS, NULL);
}

/**
 * chronicle_map_canvas_get_data:
 * @self: a map canvas
 *
 * Returns: (transfer none): the outlines it draws
 */
ChronicleWorldMapData *
chronicle_map_canvas_get_data (ChronicleMapCanvas *self)
{
  g_return_val_if_fail (CHRONICLE_IS_MAP_CANVAS (self), NULL);

  return self->data;
}

/**
 * chronicle_map_canvas_set_shades:
 * @self: a map canvas
 * @shades: (array): a shade for each country of the data, 0 (none) to
 *   %CHRONICLE_MAP_SCALE_MAX_STEPS (most)
 */
void
chronicle_map_canvas_set_shades (ChronicleMapCanvas *self,
                                 const guint8       *shades)
{
  guint n_countries;

  g_return_if_fail (CHRONICLE_IS_MAP_CANVAS (self));
  g_return_if_fail (shades != NULL);

  n_countries = chronicle_world_map_data_get_n_countries (self->data);
  for (guint c = 0; c < n_countries; c++)
    self->shades[c] = MIN (shades[c], N_SHADES - 1);
  invalidate_countries (self);
}

/**
 * chronicle_map_canvas_get_shade_color:
 * @self: a map canvas
 * @shade: 0 (no articles) to %CHRONICLE_MAP_SCALE_MAX_STEPS
 * @color: (out caller-allocates): its colour in the current style
 */
void
chronicle_map_canvas_get_shade_color (ChronicleMapCanvas *self,
                                      guint               shade,
                                      GdkRGBA            *color)
{
  g_return_if_fail (CHRONICLE_IS_MAP_CANVAS (self));

  *color = self->palette.shades[MIN (shade, N_SHADES - 1)];
}

int
chronicle_map_canvas_get_hovered (ChronicleMapCanvas *self)
{
  g_return_val_if_fail (CHRONICLE_IS_MAP_CANVAS (self), -1);

  return self->hovered;
}

/**
 * chronicle_map_canvas_set_hovered:
 * @self: a map canvas
 * @country: the index of a country, or -1
 *
 * Highlights @country as if the pointer were over it.
 */
void
chronicle_map_canvas_set_hovered (ChronicleMapCanvas *self,
                                  int                 country)
{
  g_return_if_fail (CHRONICLE_IS_MAP_CANVAS (self));

  set_hovered (self, CLAMP (country, -1,
                            (int) chronicle_world_map_data_get_n_countries (self->data) - 1));
}

int
chronicle_map_canvas_get_selected (ChronicleMapCanvas *self)
{
  g_return_val_if_fail (CHRONICLE_IS_MAP_CANVAS (self), -1);

  return self->selected;
}

/**
 * chronicle_map_canvas_set_selected:
 * @self: a map canvas
 * @country: the index of a country, or -1
 *
 * Outlines @country: the one the timeline is filtered by.
 */
void
chronicle_map_canvas_set_selected (ChronicleMapCanvas *self,
                                   int                 country)
{
  g_return_if_fail (CHRONICLE_IS_MAP_CANVAS (self));

  if (self->selected == country)
    return;
  self->selected = country;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
chronicle_map_canvas_get_zoom (ChronicleMapCanvas *self)
{
  g_return_val_if_fail (CHRONICLE_IS_MAP_CANVAS (self), 1.0);

  return self->zoom;
}

/**
 * chronicle_map_canvas_zoom_at:
 * @self: a map canvas
 * @zoom: the new zoom, clamped to 1–16
 * @x: the x of a point in the widget that stays where it is
 * @y: its y
 */
void
chronicle_map_canvas_zoom_at (ChronicleMapCanvas *self,
                              double              zoom,
                              double              x,
                              double              y)
{
  double map_x, map_y, scale;
  double half_width, half_height;

  g_return_if_fail (CHRONICLE_IS_MAP_CANVAS (self));

  zoom = CLAMP (zoom, CHRONICLE_MAP_CANVAS_MIN_ZOOM, CHRONICLE_MAP_CANVAS_MAX_ZOOM);
  if (zoom == self->zoom)
    return;

  widget_to_map (self, x, y, &map_x, &map_y);
  self->zoom = zoom;
  scale = get_scale (self);
  half_width = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  half_height = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
  self->center_x = map_x - (x - half_width) / scale;
  self->center_y = map_y - (y - half_height) / scale;
  clamp_center (self);

  view_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/**
 * chronicle_map_canvas_pan_by:
 * @self: a map canvas
 * @dx: pixels to move the view right
 * @dy: pixels to move the view down
 */
void
chronicle_map_canvas_pan_by (ChronicleMapCanvas *self,
                             double              dx,
                             double              dy)
{
  double scale;

  g_return_if_fail (CHRONICLE_IS_MAP_CANVAS (self));

  scale = get_scale (self);
  self->center_x += dx / scale;
  self->center_y += dy / scale;
  clamp_center (self);
  view_changed (self);
}

/**
 * chronicle_map_canvas_reset_view:
 * @self: a map canvas
 *
 * Shows the whole world again.
 */
void
chronicle_map_canvas_reset_view (ChronicleMapCanvas *self)
{
  g_return_if_fail (CHRONICLE_IS_MAP_CANVAS (self));

  self->center_x = chronicle_world_map_data_get_width (self->data) / 2;
  self->center_y = chronicle_world_map_data_get_height (self->data) / 2;
  if (self->zoom != 1.0)
    {
      self->zoom = 1.0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  view_changed (self);
}

/**
 * chronicle_map_canvas_country_at:
 * @self: a map canvas
 * @x: x in widget coordinates
 * @y: y in widget coordinates
 *
 * Returns: the index of the country drawn at (@x, @y), or -1
 */
int
chronicle_map_canvas_country_at (ChronicleMapCanvas *self,
                                 double              x,
                                 double              y)
{
  double map_x, map_y;

  g_return_val_if_fail (CHRONICLE_IS_MAP_CANVAS (self), -1);

  if (x < 0 || y < 0 ||
      x >= gtk_widget_get_width (GTK_WIDGET (self)) ||
      y >= gtk_widget_get_height (GTK_WIDGET (self)))
    return -1;

  widget_to_map (self, x, y, &map_x, &map_y);
  return chronicle_world_map_data_hit_test (self->data, map_x, map_y);
}

/**
 * chronicle_map_canvas_map_to_widget:
 * @self: a map canvas
 * @map_x: x in map units
 * @map_y: y in map units
 * @x: (out): x in widget coordinates
 * @y: (out): y in widget coordinates
 */
void
chronicle_map_canvas_map_to_widget (ChronicleMapCanvas *self,
                                    double              map_x,
                                    double              map_y,
                                    double             *x,
                                    double             *y)
{
  double scale;

  g_return_if_fail (CHRONICLE_IS_MAP_CANVAS (self));

  scale = get_scale (self);
  *x = (map_x - self->center_x) * scale + gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  *y = (map_y - self->center_y) * scale + gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
}
