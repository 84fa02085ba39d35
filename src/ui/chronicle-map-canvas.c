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

#include "chronicle-map-canvas-private.h"

/* The drawing surface of ChronicleWorldMap: countries filled by shade, with
 * pan (drag), zoom (Ctrl+scroll, pinch, and the API the buttons use), hover
 * and click. It holds no counts, only a shade per country.
 *
 * Drawing (chronicle-map-canvas-render.c) is cairo: GTK 4.8 has no GskPath.
 * The countries are rasterised into an image that is kept until the size,
 * the shades or the colours change, or the view has moved on (see
 * REFRESH_DELAY_MS): a frame that only moves the hover outline, or pans a
 * little, draws that image (which the GL renderer keeps on the GPU) and one
 * small cairo node on top. A cairo node of the countries themselves would be
 * replayed every frame instead. */

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

/* The image must be drawn again for the same view (new shades or colours). */
static void
invalidate_countries (ChronicleMapCanvas *self)
{
  g_clear_object (&self->countries_texture);
  g_clear_pointer (&self->countries_node, gsk_render_node_unref);
  self->countries_dirty = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The view or the borders' look changed: nothing drawn can be kept. */
static void
invalidate_view (ChronicleMapCanvas *self)
{
  g_clear_pointer (&self->countries_surface, cairo_surface_destroy);
  g_clear_pointer (&self->borders_mask, cairo_surface_destroy);
  invalidate_countries (self);
}

static void
update_palette (ChronicleMapCanvas *self)
{
  _chronicle_map_canvas_update_palette (self);
  invalidate_view (self);   /* the border width follows high contrast */
  g_signal_emit (self, signals[COLORS_CHANGED], 0);
}

static gboolean
refresh_cb (gpointer user_data)
{
  ChronicleMapCanvas *self = user_data;

  self->refresh_id = 0;
  invalidate_view (self);
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

/* Keeps the map on screen: centred along an axis it does not fill, and
 * without a gap at the edges along one it overflows. */
static void
clamp_center (ChronicleMapCanvas *self)
{
  double scale = _chronicle_map_canvas_get_scale (self);
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

  scale = _chronicle_map_canvas_get_scale (self);
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
    invalidate_view (self);
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

  _chronicle_map_canvas_snapshot_countries (self, snapshot, width, height, scale_factor);

  if (self->selected >= 0)
    _chronicle_map_canvas_snapshot_outline (self, snapshot, self->selected, 2.0, FALSE);
  if (self->hovered >= 0)
    _chronicle_map_canvas_snapshot_outline (self, snapshot, self->hovered, 1.25, TRUE);
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
  g_clear_pointer (&self->borders_mask, cairo_surface_destroy);
  g_clear_pointer (&self->countries_node, gsk_render_node_unref);

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

  _chronicle_map_canvas_widget_to_map (self, x, y, &map_x, &map_y);
  self->zoom = zoom;
  scale = _chronicle_map_canvas_get_scale (self);
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

  scale = _chronicle_map_canvas_get_scale (self);
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

  _chronicle_map_canvas_widget_to_map (self, x, y, &map_x, &map_y);
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

  scale = _chronicle_map_canvas_get_scale (self);
  *x = (map_x - self->center_x) * scale + gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  *y = (map_y - self->center_y) * scale + gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
}
