/* chronicle-time-ruler.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * The time ruler above the timeline: a histogram of how many articles were
 * published per day, week, month or year, with an optional second layer of
 * how many articles report on that time ("a ceasefire planned for 1 January"
 * counts on 1 January). Bars are drawn with GtkSnapshot; a click on a bar
 * asks to jump there, a drag selects a date range, Ctrl+scroll and pinch zoom,
 * scrolling pans, and a marker shows where the list is.
 *
 * The owner gives counts per day (any granularity works); the ruler adds them
 * up into the bars of its zoom level, so zooming needs no new query.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "chronicle-format.h"
#include "chronicle-time-ruler-private.h"

G_DEFINE_FINAL_TYPE (ChronicleTimeRuler, chronicle_time_ruler, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_POSITION,
  N_PROPS
};

enum {
  DATE_ACTIVATED,
  RANGE_SELECTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

double
_chronicle_time_ruler_bar_width (ChronicleRulerZoom zoom)
{
  switch (zoom)
    {
    case CHRONICLE_RULER_ZOOM_DAY:
      return 6;
    case CHRONICLE_RULER_ZOOM_WEEK:
      return 8;
    case CHRONICLE_RULER_ZOOM_MONTH:
      return 10;
    case CHRONICLE_RULER_ZOOM_YEAR:
    default:
      return 16;
    }
}

/* A time as a fractional bucket number, and back. */
static double
fractional_index (ChronicleRulerZoom zoom,
                  gint64             unix_time)
{
  gint64 index = chronicle_ruler_zoom_bucket_index (zoom, unix_time);
  gint64 start = chronicle_ruler_zoom_bucket_start (zoom, index);
  gint64 end = chronicle_ruler_zoom_bucket_start (zoom, index + 1);

  if (end <= start)
    return index;
  return index + (double) (unix_time - start) / (double) (end - start);
}

static gint64
time_of_fractional (ChronicleRulerZoom zoom,
                    double             fraction)
{
  gint64 index = (gint64) floor (fraction);
  gint64 start = chronicle_ruler_zoom_bucket_start (zoom, index);
  gint64 end = chronicle_ruler_zoom_bucket_start (zoom, index + 1);

  return start + (gint64) ((fraction - index) * (end - start));
}

static int
compare_bars (gconstpointer a,
              gconstpointer b)
{
  const ChronicleRulerBar *ba = a, *bb = b;

  return (ba->index > bb->index) - (ba->index < bb->index);
}

static void
rebuild_bars (ChronicleTimeRuler *self)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (ChronicleRulerBar));
  GArray *layers[2] = { self->published, self->reported };

  g_array_set_size (self->bars, 0);
  self->max_count = 0;

  for (guint layer = 0; layer < 2; layer++)
    for (guint i = 0; i < layers[layer]->len; i++)
      {
        const ChronicleRulerBucket *bucket = &g_array_index (layers[layer], ChronicleRulerBucket, i);
        ChronicleRulerBar bar = { chronicle_ruler_zoom_bucket_index (self->zoom, bucket->start), 0, 0 };

        if (layer == 0)
          bar.published = bucket->count;
        else
          bar.reported = bucket->count;
        g_array_append_val (all, bar);
      }

  g_array_sort (all, compare_bars);
  for (guint i = 0; i < all->len; i++)
    {
      const ChronicleRulerBar *bar = &g_array_index (all, ChronicleRulerBar, i);
      ChronicleRulerBar *last = self->bars->len > 0 ? &g_array_index (self->bars, ChronicleRulerBar, self->bars->len - 1) : NULL;

      if (last != NULL && last->index == bar->index)
        {
          last->published += bar->published;
          last->reported += bar->reported;
        }
      else
        g_array_append_val (self->bars, *bar);
    }

  for (guint i = 0; i < self->bars->len; i++)
    {
      const ChronicleRulerBar *bar = &g_array_index (self->bars, ChronicleRulerBar, i);
      self->max_count = MAX (self->max_count, MAX (bar->published, bar->reported));
    }
}

const ChronicleRulerBar *
_chronicle_time_ruler_find_bar (ChronicleTimeRuler *self,
          gint64              index)
{
  guint lo = 0, hi = self->bars->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const ChronicleRulerBar *bar = &g_array_index (self->bars, ChronicleRulerBar, mid);

      if (bar->index == index)
        return bar;
      if (bar->index < index)
        lo = mid + 1;
      else
        hi = mid;
    }

  return NULL;
}

static double
visible_buckets (ChronicleTimeRuler *self)
{
  return gtk_widget_get_width (GTK_WIDGET (self)) / _chronicle_time_ruler_bar_width (self->zoom);
}

/* Keep a few bars of news (or the marked position) in view, wherever
 * the user pans or zooms. */
static void
clamp_view (ChronicleTimeRuler *self)
{
  double span = visible_buckets (self);
  double first, last, lo, hi;

  if (self->bars->len == 0 || span <= 0)
    return;

  first = g_array_index (self->bars, ChronicleRulerBar, 0).index;
  last = g_array_index (self->bars, ChronicleRulerBar, self->bars->len - 1).index + 1;
  if (self->position != NO_POSITION)
    {
      double p = fractional_index (self->zoom, self->position);
      first = MIN (first, p);
      last = MAX (last, p);
    }

  lo = first + MIN (3.0, span / 2);
  hi = last + MAX (span - 3.0, span / 2);
  self->view_end = CLAMP (self->view_end, MIN (lo, hi), MAX (lo, hi));
}

void
_chronicle_time_ruler_ensure_view (ChronicleTimeRuler *self)
{
  if (self->view_set || gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return;

  if (self->position != NO_POSITION)
    self->view_end = fractional_index (self->zoom, self->position) + visible_buckets (self) / 4;
  else if (self->bars->len > 0)
    self->view_end = g_array_index (self->bars, ChronicleRulerBar, self->bars->len - 1).index + 3;
  else
    self->view_end = fractional_index (self->zoom, g_get_real_time () / G_USEC_PER_SEC) + 3;

  self->view_set = TRUE;
  clamp_view (self);
}

static void
update_accessible_description (ChronicleTimeRuler *self)
{
  static const char *const zoom_names[] = { N_("days"), N_("weeks"), N_("months"), N_("years") };
  g_autofree char *text = NULL;

  /* Translators: the time ruler's description for screen readers; %s is days, weeks, … */
  text = g_strdup_printf (_("Articles per %s; click a bar to go there, drag to select dates"),
                          _(zoom_names[self->zoom]));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static void
zoom_around (ChronicleTimeRuler *self,
             ChronicleRulerZoom  zoom,
             double              anchor_x)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  gint64 anchor_time;

  if (zoom == self->zoom)
    return;

  _chronicle_time_ruler_ensure_view (self);
  anchor_time = time_of_fractional (self->zoom,
                                    self->view_end - (width - anchor_x) / _chronicle_time_ruler_bar_width (self->zoom));

  self->zoom = zoom;
  rebuild_bars (self);
  if (self->view_set)
    {
      self->view_end = fractional_index (zoom, anchor_time) + (width - anchor_x) / _chronicle_time_ruler_bar_width (zoom);
      clamp_view (self);
    }

  update_accessible_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
pan (ChronicleTimeRuler *self,
     double              pixels)
{
  _chronicle_time_ruler_ensure_view (self);
  self->view_end += pixels / _chronicle_time_ruler_bar_width (self->zoom);
  clamp_view (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
range_between (ChronicleTimeRuler *self,
               double              x1,
               double              x2,
               gint64             *start,
               gint64             *end)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double bw = _chronicle_time_ruler_bar_width (self->zoom);
  gint64 i1 = (gint64) floor (self->view_end - (width - MIN (x1, x2)) / bw);
  gint64 i2 = (gint64) floor (self->view_end - (width - MAX (x1, x2)) / bw);

  *start = chronicle_ruler_zoom_bucket_start (self->zoom, i1);
  *end = chronicle_ruler_zoom_bucket_start (self->zoom, i2 + 1);
}

static char *
describe_bucket (ChronicleRulerZoom zoom,
                 gint64             index)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (chronicle_ruler_zoom_bucket_start (zoom,
                                                                                             index));
  g_autofree char *date = NULL;

  switch (zoom)
    {
    case CHRONICLE_RULER_ZOOM_DAY:
      date = chronicle_format_date (dt);
      return g_strdup_printf ("%s", date);

    case CHRONICLE_RULER_ZOOM_WEEK:
      date = chronicle_format_date (dt);
      /* Translators: a week on the time ruler, %s is the date of its Monday */
      return g_strdup_printf (_("Week of %s"), date);

    case CHRONICLE_RULER_ZOOM_MONTH:
      /* Translators: a month on the time ruler, e.g. "December 2015" */
      /* xgettext:no-c-format */
      return g_date_time_format (dt, C_("ruler month", "%OB %Y"));

    case CHRONICLE_RULER_ZOOM_YEAR:
    default:
      return g_date_time_format (dt, "%Y");
    }
}

/* Callbacks */

static void
drag_begin_cb (GtkGestureDrag     *gesture,
               double              x,
               double              y,
               ChronicleTimeRuler *self)
{
  self->drag_start_x = x;
  self->drag_x = x;
  self->drag_selecting = FALSE;
  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
drag_update_cb (GtkGestureDrag     *gesture,
                double              offset_x,
                double              offset_y,
                ChronicleTimeRuler *self)
{
  self->drag_x = self->drag_start_x + offset_x;
  if (!self->drag_selecting && fabs (offset_x) >= DRAG_THRESHOLD)
    {
      self->drag_selecting = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }

  if (self->drag_selecting)
    {
      range_between (self, self->drag_start_x, self->drag_x, &self->selection_start,
                     &self->selection_end);
      self->has_selection = TRUE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
drag_end_cb (GtkGestureDrag     *gesture,
             double              offset_x,
             double              offset_y,
             ChronicleTimeRuler *self)
{
  if (self->drag_selecting)
    _chronicle_time_ruler_drag (self, self->drag_start_x, self->drag_start_x + offset_x);
  else
    _chronicle_time_ruler_click (self, self->drag_start_x);
  self->drag_selecting = FALSE;
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           ChronicleTimeRuler       *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  double x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0, y;

  if (event != NULL && gdk_event_get_position (event, &x, &y))
    {
      graphene_point_t in_widget;
      GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
      double sx = 0, sy = 0;

      gtk_native_get_surface_transform (native, &sx, &sy);
      if (gtk_widget_compute_point (GTK_WIDGET (native), GTK_WIDGET (self),
                                    &GRAPHENE_POINT_INIT (x - sx, y - sy), &in_widget))
        x = in_widget.x;
    }

  _chronicle_time_ruler_scroll (self, x, dy != 0 ? dy : dx, (state & GDK_CONTROL_MASK) != 0);
  return TRUE;
}

static void
pinch_begin_cb (GtkGesture         *gesture,
                GdkEventSequence   *sequence,
                ChronicleTimeRuler *self)
{
  self->pinch_base = 1.0;
}

static void
pinch_scale_changed_cb (GtkGestureZoom     *gesture,
                        double              scale,
                        ChronicleTimeRuler *self)
{
  double cx = 0, cy = 0;

  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &cx, &cy);
  if (scale / self->pinch_base > 1.6 && chronicle_time_ruler_get_zoom (self) > 0)
    {
      zoom_around (self, self->zoom - 1, cx);
      self->pinch_base = scale;
    }
  else if (scale / self->pinch_base < 0.6 && self->zoom < CHRONICLE_RULER_ZOOM_YEAR)
    {
      zoom_around (self, self->zoom + 1, cx);
      self->pinch_base = scale;
    }
}

static gboolean
query_tooltip_cb (GtkWidget          *widget,
                  int                 x,
                  int                 y,
                  gboolean            keyboard,
                  GtkTooltip         *tooltip,
                  ChronicleTimeRuler *self)
{
  gint64 index;
  const ChronicleRulerBar *bar;
  g_autofree char *when = NULL;
  g_autofree char *published = NULL;
  g_autofree char *text = NULL;

  if (keyboard)
    x = (int) chronicle_time_ruler_x_for_date (self, self->position != NO_POSITION
                                                       ? self->position
                                                       : g_get_real_time () / G_USEC_PER_SEC);
  _chronicle_time_ruler_ensure_view (self);
  index = (gint64) floor (self->view_end - (gtk_widget_get_width (widget) - x) / _chronicle_time_ruler_bar_width (self->zoom));
  bar = _chronicle_time_ruler_find_bar (self, index);
  when = describe_bucket (self->zoom, index);
  published = chronicle_format_count (bar != NULL ? bar->published : 0);

  if (bar != NULL && bar->reported > 0)
    /* Translators: a time ruler tooltip: the date, "12 articles", and how many
     * articles report on that date */
    text = g_strdup_printf (_("%s\n%s published · %u reported for this time"), when, published,
                            bar->reported);
  else
    text = g_strdup_printf (_("%s\n%s published"), when, published);

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  chronicle_time_ruler_zoom_in (CHRONICLE_TIME_RULER (widget));
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  chronicle_time_ruler_zoom_out (CHRONICLE_TIME_RULER (widget));
}

static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ChronicleTimeRuler *self = CHRONICLE_TIME_RULER (widget);

  pan (self, g_variant_get_int32 (parameter) * _chronicle_time_ruler_bar_width (self->zoom) * 4);
}

/* Overrides */

static void
chronicle_time_ruler_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  ChronicleTimeRuler *self = CHRONICLE_TIME_RULER (widget);

  _chronicle_time_ruler_ensure_view (self);
  clamp_view (self);
}

static void
chronicle_time_ruler_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ChronicleTimeRuler *self = CHRONICLE_TIME_RULER (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_enum (value, self->zoom);
      break;
    case PROP_POSITION:
      g_value_set_int64 (value, self->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_time_ruler_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ChronicleTimeRuler *self = CHRONICLE_TIME_RULER (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      chronicle_time_ruler_set_zoom (self, g_value_get_enum (value));
      break;
    case PROP_POSITION:
      chronicle_time_ruler_set_position (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_time_ruler_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CHRONICLE_TYPE_TIME_RULER);

  G_OBJECT_CLASS (chronicle_time_ruler_parent_class)->dispose (object);
}

static void
chronicle_time_ruler_finalize (GObject *object)
{
  ChronicleTimeRuler *self = CHRONICLE_TIME_RULER (object);

  g_clear_pointer (&self->published, g_array_unref);
  g_clear_pointer (&self->reported, g_array_unref);
  g_clear_pointer (&self->bars, g_array_unref);

  G_OBJECT_CLASS (chronicle_time_ruler_parent_class)->finalize (object);
}

static void
chronicle_time_ruler_class_init (ChronicleTimeRulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = chronicle_time_ruler_get_property;
  object_class->set_property = chronicle_time_ruler_set_property;
  object_class->dispose = chronicle_time_ruler_dispose;
  object_class->finalize = chronicle_time_ruler_finalize;

  widget_class->snapshot = _chronicle_time_ruler_snapshot;
  widget_class->size_allocate = chronicle_time_ruler_size_allocate;

  /**
   * ChronicleTimeRuler:zoom:
   *
   * How much time one bar stands for.
   */
  properties[PROP_ZOOM] =
    g_param_spec_enum ("zoom", NULL, NULL,
                       CHRONICLE_TYPE_RULER_ZOOM, CHRONICLE_RULER_ZOOM_MONTH,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ChronicleTimeRuler:position:
   *
   * The time the list shows, marked on the ruler (G_MININT64: none).
   */
  properties[PROP_POSITION] =
    g_param_spec_int64 ("position", NULL, NULL,
                        G_MININT64, G_MAXINT64, NO_POSITION,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ChronicleTimeRuler::date-activated:
   * @self: the ruler
   * @start: the start of the bar that was clicked (Unix time)
   * @end: its end, exclusive
   *
   * The user asked to go to that time.
   */
  signals[DATE_ACTIVATED] =
    g_signal_new ("date-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  /**
   * ChronicleTimeRuler::range-selected:
   * @self: the ruler
   * @start: the start of the first selected bar (Unix time)
   * @end: the end of the last selected bar, exclusive
   *
   * The user dragged across the ruler to choose a date range.
   */
  signals[RANGE_SELECTED] =
    g_signal_new ("range-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/chronicle-time-ruler.ui");
  gtk_widget_class_bind_template_callback (widget_class, drag_begin_cb);
  gtk_widget_class_bind_template_callback (widget_class, drag_update_cb);
  gtk_widget_class_bind_template_callback (widget_class, drag_end_cb);
  gtk_widget_class_bind_template_callback (widget_class, scroll_cb);
  gtk_widget_class_bind_template_callback (widget_class, pinch_begin_cb);
  gtk_widget_class_bind_template_callback (widget_class, pinch_scale_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, query_tooltip_cb);

  gtk_widget_class_install_action (widget_class, "ruler.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "ruler.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "ruler.zoom-in", NULL);
  gtk_widget_class_install_action (widget_class, "ruler.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "ruler.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "ruler.zoom-out",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "ruler.pan", "i", pan_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "ruler.pan", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "ruler.pan", "i", 1);

  gtk_widget_class_set_css_name (widget_class, "timeruler");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
chronicle_time_ruler_init (ChronicleTimeRuler *self)
{
  self->zoom = CHRONICLE_RULER_ZOOM_MONTH;
  self->position = NO_POSITION;
  self->published = g_array_new (FALSE, FALSE, sizeof (ChronicleRulerBucket));
  self->reported = g_array_new (FALSE, FALSE, sizeof (ChronicleRulerBucket));
  self->bars = g_array_new (FALSE, FALSE, sizeof (ChronicleRulerBar));

  gtk_widget_init_template (GTK_WIDGET (self));
  update_accessible_description (self);
}

/* Public API */

/**
 * chronicle_time_ruler_new:
 *
 * Returns: (transfer floating): a new, empty time ruler
 */
GtkWidget *
chronicle_time_ruler_new (void)
{
  return g_object_new (CHRONICLE_TYPE_TIME_RULER, NULL);
}

static void
set_layer (ChronicleTimeRuler         *self,
           GArray                     *layer,
           const ChronicleRulerBucket *buckets,
           gsize                       n_buckets)
{
  g_return_if_fail (CHRONICLE_IS_TIME_RULER (self));
  g_return_if_fail (buckets != NULL || n_buckets == 0);

  g_array_set_size (layer, 0);
  if (n_buckets > 0)
    g_array_append_vals (layer, buckets, n_buckets);

  rebuild_bars (self);
  /* New counts (another query): show the newest again, or the marked time. */
  if (layer == self->published)
    self->view_set = FALSE;
  _chronicle_time_ruler_ensure_view (self);
  clamp_view (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * chronicle_time_ruler_set_buckets:
 * @self: a #ChronicleTimeRuler
 * @buckets: (array length=n_buckets): article counts by publication time,
 *   preferably per day
 * @n_buckets: how many
 *
 * Sets the histogram. Buckets finer than the zoom level are added up.
 */
void
chronicle_time_ruler_set_buckets (ChronicleTimeRuler         *self,
                                  const ChronicleRulerBucket *buckets,
                                  gsize                       n_buckets)
{
  set_layer (self, self->published, buckets, n_buckets);
}

/**
 * chronicle_time_ruler_set_reported_buckets:
 * @self: a #ChronicleTimeRuler
 * @buckets: (array length=n_buckets): how many articles report on each time
 *   (dates mentioned in their text), preferably per day
 * @n_buckets: how many; 0 hides the second layer
 *
 * Sets the second layer, "reported for this day".
 */
void
chronicle_time_ruler_set_reported_buckets (ChronicleTimeRuler         *self,
                                           const ChronicleRulerBucket *buckets,
                                           gsize                       n_buckets)
{
  set_layer (self, self->reported, buckets, n_buckets);
}

/**
 * chronicle_time_ruler_get_zoom:
 * @self: a #ChronicleTimeRuler
 *
 * Returns: the zoom level
 */
ChronicleRulerZoom
chronicle_time_ruler_get_zoom (ChronicleTimeRuler *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIME_RULER (self), CHRONICLE_RULER_ZOOM_MONTH);

  return self->zoom;
}

/**
 * chronicle_time_ruler_set_zoom:
 * @self: a #ChronicleTimeRuler
 * @zoom: the zoom level
 *
 * Changes the zoom level, keeping the marked position (or the middle) in place.
 */
void
chronicle_time_ruler_set_zoom (ChronicleTimeRuler *self,
                               ChronicleRulerZoom  zoom)
{
  double anchor;

  g_return_if_fail (CHRONICLE_IS_TIME_RULER (self));
  g_return_if_fail (zoom <= CHRONICLE_RULER_ZOOM_YEAR);

  anchor = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  if (self->position != NO_POSITION && self->view_set)
    {
      double x = chronicle_time_ruler_x_for_date (self, self->position);
      if (x >= 0 && x <= gtk_widget_get_width (GTK_WIDGET (self)))
        anchor = x;
    }

  zoom_around (self, zoom, anchor);
}

/**
 * chronicle_time_ruler_zoom_in:
 * @self: a #ChronicleTimeRuler
 *
 * Returns: %TRUE if the zoom changed (it stops at days)
 */
gboolean
chronicle_time_ruler_zoom_in (ChronicleTimeRuler *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIME_RULER (self), FALSE);

  if (self->zoom == CHRONICLE_RULER_ZOOM_DAY)
    return FALSE;
  chronicle_time_ruler_set_zoom (self, self->zoom - 1);
  return TRUE;
}

/**
 * chronicle_time_ruler_zoom_out:
 * @self: a #ChronicleTimeRuler
 *
 * Returns: %TRUE if the zoom changed (it stops at years)
 */
gboolean
chronicle_time_ruler_zoom_out (ChronicleTimeRuler *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIME_RULER (self), FALSE);

  if (self->zoom == CHRONICLE_RULER_ZOOM_YEAR)
    return FALSE;
  chronicle_time_ruler_set_zoom (self, self->zoom + 1);
  return TRUE;
}

/**
 * chronicle_time_ruler_get_position:
 * @self: a #ChronicleTimeRuler
 *
 * Returns: the marked time, or %G_MININT64 when none is
 */
gint64
chronicle_time_ruler_get_position (ChronicleTimeRuler *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIME_RULER (self), NO_POSITION);

  return self->position;
}

/**
 * chronicle_time_ruler_set_position:
 * @self: a #ChronicleTimeRuler
 * @unix_time: the time the list shows, or %G_MININT64 for none
 *
 * Marks where the list is; the ruler scrolls to keep the mark in view.
 */
void
chronicle_time_ruler_set_position (ChronicleTimeRuler *self,
                                   gint64              unix_time)
{
  double width, x;

  g_return_if_fail (CHRONICLE_IS_TIME_RULER (self));

  if (self->position == unix_time)
    return;

  self->position = unix_time;
  width = gtk_widget_get_width (GTK_WIDGET (self));
  if (unix_time != NO_POSITION && self->view_set && width > 0)
    {
      x = chronicle_time_ruler_x_for_date (self, unix_time);
      if (x < width * 0.1 || x > width * 0.9)
        chronicle_time_ruler_scroll_to (self, unix_time);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

/**
 * chronicle_time_ruler_set_selection:
 * @self: a #ChronicleTimeRuler
 * @start: the start of the selected range (Unix time)
 * @end: its end, exclusive; @end <= @start clears the selection
 *
 * Shows a date range as selected (the query's date filter).
 */
void
chronicle_time_ruler_set_selection (ChronicleTimeRuler *self,
                                    gint64              start,
                                    gint64              end)
{
  g_return_if_fail (CHRONICLE_IS_TIME_RULER (self));

  self->has_selection = end > start;
  self->selection_start = start;
  self->selection_end = end;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * chronicle_time_ruler_get_selection:
 * @self: a #ChronicleTimeRuler
 * @start: (out) (optional): the start
 * @end: (out) (optional): the end, exclusive
 *
 * Returns: %TRUE if a range is selected
 */
gboolean
chronicle_time_ruler_get_selection (ChronicleTimeRuler *self,
                                    gint64             *start,
                                    gint64             *end)
{
  g_return_val_if_fail (CHRONICLE_IS_TIME_RULER (self), FALSE);

  if (start != NULL)
    *start = self->selection_start;
  if (end != NULL)
    *end = self->selection_end;
  return self->has_selection;
}

/**
 * chronicle_time_ruler_scroll_to:
 * @self: a #ChronicleTimeRuler
 * @unix_time: a time
 *
 * Scrolls so that @unix_time is in the middle of the ruler.
 */
void
chronicle_time_ruler_scroll_to (ChronicleTimeRuler *self,
                                gint64              unix_time)
{
  g_return_if_fail (CHRONICLE_IS_TIME_RULER (self));

  self->view_end = fractional_index (self->zoom, unix_time) + visible_buckets (self) / 2;
  self->view_set = gtk_widget_get_width (GTK_WIDGET (self)) > 0;
  clamp_view (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * chronicle_time_ruler_x_for_date:
 * @self: a #ChronicleTimeRuler
 * @unix_time: a time
 *
 * Returns: where @unix_time is drawn, in widget coordinates (may be outside)
 */
double
chronicle_time_ruler_x_for_date (ChronicleTimeRuler *self,
                                 gint64              unix_time)
{
  g_return_val_if_fail (CHRONICLE_IS_TIME_RULER (self), 0);

  _chronicle_time_ruler_ensure_view (self);
  return gtk_widget_get_width (GTK_WIDGET (self))
         - (self->view_end - fractional_index (self->zoom, unix_time)) * _chronicle_time_ruler_bar_width (self->zoom);
}

/**
 * chronicle_time_ruler_date_at_x:
 * @self: a #ChronicleTimeRuler
 * @x: a horizontal position in widget coordinates
 *
 * Returns: the start of the bar at @x (Unix time)
 */
gint64
chronicle_time_ruler_date_at_x (ChronicleTimeRuler *self,
                                double              x)
{
  g_return_val_if_fail (CHRONICLE_IS_TIME_RULER (self), 0);

  _chronicle_time_ruler_ensure_view (self);
  return chronicle_ruler_zoom_bucket_start (self->zoom,
    (gint64) floor (self->view_end - (gtk_widget_get_width (GTK_WIDGET (self)) - x)
                    / _chronicle_time_ruler_bar_width (self->zoom)));
}

/**
 * chronicle_time_ruler_count_at:
 * @self: a #ChronicleTimeRuler
 * @unix_time: a time
 * @reported: (out) (optional): the second layer's count there
 *
 * Returns: the published count of the bar holding @unix_time at this zoom
 */
guint
chronicle_time_ruler_count_at (ChronicleTimeRuler *self,
                               gint64              unix_time,
                               guint              *reported)
{
  const ChronicleRulerBar *bar;

  g_return_val_if_fail (CHRONICLE_IS_TIME_RULER (self), 0);

  bar = _chronicle_time_ruler_find_bar (self, chronicle_ruler_zoom_bucket_index (self->zoom, unix_time));
  if (reported != NULL)
    *reported = bar != NULL ? bar->reported : 0;
  return bar != NULL ? bar->published : 0;
}

/* Private: the gestures' effects, callable from tests. */

void
_chronicle_time_ruler_click (ChronicleTimeRuler *self,
                             double              x)
{
  gint64 start, end;

  range_between (self, x, x, &start, &end);
  g_signal_emit (self, signals[DATE_ACTIVATED], 0, start, end);
}

void
_chronicle_time_ruler_drag (ChronicleTimeRuler *self,
                            double              x_from,
                            double              x_to)
{
  gint64 start, end;

  range_between (self, x_from, x_to, &start, &end);
  chronicle_time_ruler_set_selection (self, start, end);
  g_signal_emit (self, signals[RANGE_SELECTED], 0, start, end);
}

void
_chronicle_time_ruler_scroll (ChronicleTimeRuler *self,
                              double              x,
                              double              delta,
                              gboolean            control)
{
  if (!control)
    {
      pan (self, delta * _chronicle_time_ruler_bar_width (self->zoom) * 3);
      return;
    }

  self->scroll_accumulator += delta;
  if (self->scroll_accumulator <= -1 && self->zoom > CHRONICLE_RULER_ZOOM_DAY)
    zoom_around (self, self->zoom - 1, x);
  else if (self->scroll_accumulator >= 1 && self->zoom < CHRONICLE_RULER_ZOOM_YEAR)
    zoom_around (self, self->zoom + 1, x);
  else
    return;
  self->scroll_accumulator = 0;
}

/**
 * chronicle_time_ruler_zoom_to_fit:
 * @self: a #ChronicleTimeRuler
 *
 * Picks the finest zoom level at which every bar fits in the ruler's width
 * (years when nothing fits) and shows the newest bars.
 */
void
chronicle_time_ruler_zoom_to_fit (ChronicleTimeRuler *self)
{
  double width;
  gint64 first = G_MAXINT64, last = G_MININT64;
  ChronicleRulerZoom zoom;

  g_return_if_fail (CHRONICLE_IS_TIME_RULER (self));

  width = gtk_widget_get_width (GTK_WIDGET (self));
  if (self->published->len == 0)
    return;
  if (width <= 0)
    width = 400;

  for (guint i = 0; i < self->published->len; i++)
    {
      gint64 t = g_array_index (self->published, ChronicleRulerBucket, i).start;
      first = MIN (first, t);
      last = MAX (last, t);
    }

  for (zoom = CHRONICLE_RULER_ZOOM_DAY; zoom < CHRONICLE_RULER_ZOOM_YEAR; zoom++)
    {
      gint64 span = chronicle_ruler_zoom_bucket_index (zoom, last)
                    - chronicle_ruler_zoom_bucket_index (zoom, first) + 1;

      if ((span + 4) * _chronicle_time_ruler_bar_width (zoom) <= width)
        break;
    }

  if (zoom != self->zoom)
    {
      self->zoom = zoom;
      rebuild_bars (self);
      update_accessible_description (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  self->view_set = FALSE;
  _chronicle_time_ruler_ensure_view (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
