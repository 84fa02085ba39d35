/* chronicle-sparkline.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-sparkline.h"

/* A word-sized chart of a series of counts (mentions per week, say), for the
 * rows of the entity browser: a line over a faint area, the last value
 * marked. It draws in the CSS colour of its node, `sparkline`. */

struct _ChronicleSparkline
{
  GtkWidget  parent_instance;

  guint     *values;
  gsize      n_values;
  guint      peak;
};

G_DEFINE_FINAL_TYPE (ChronicleSparkline, chronicle_sparkline, GTK_TYPE_WIDGET)

#define LINE_WIDTH 1.5
#define DOT_RADIUS 2.0

static void
chronicle_sparkline_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 24;
      *natural = 72;
    }
  else
    {
      *minimum = 12;
      *natural = 20;
    }
}

static void
chronicle_sparkline_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  ChronicleSparkline *self = CHRONICLE_SPARKLINE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double inset = DOT_RADIUS + 0.5;
  double plot_width = width - 2 * inset;
  double plot_height = height - 2 * inset;
  double step, x, y;
  GdkRGBA color;
  cairo_t *cr;

  if (self->n_values == 0 || plot_width <= 0 || plot_height <= 0)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  step = self->n_values > 1 ? plot_width / (self->n_values - 1) : 0;

#define POINT_Y(value) (inset + plot_height * \
                        (1.0 - (self->peak > 0 ? (double) (value) / self->peak : 0.0)))

  /* A single value is a flat line across. */
  cairo_move_to (cr, inset, POINT_Y (self->values[0]));
  for (gsize i = 1; i < self->n_values; i++)
    cairo_line_to (cr, inset + i * step, POINT_Y (self->values[i]));
  if (self->n_values == 1)
    cairo_line_to (cr, inset + plot_width, POINT_Y (self->values[0]));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, LINE_WIDTH);
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_stroke_preserve (cr);

  /* The area under the line, faintly. */
  cairo_line_to (cr, inset + plot_width, inset + plot_height);
  cairo_line_to (cr, inset, inset + plot_height);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha * 0.2);
  cairo_fill (cr);

  /* The latest value. */
  x = self->n_values > 1 ? inset + (self->n_values - 1) * step : inset + plot_width;
  y = POINT_Y (self->values[self->n_values - 1]);
  cairo_arc (cr, x, y, DOT_RADIUS, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_fill (cr);

#undef POINT_Y

  cairo_destroy (cr);
}

static void
chronicle_sparkline_finalize (GObject *object)
{
  ChronicleSparkline *self = CHRONICLE_SPARKLINE (object);

  g_clear_pointer (&self->values, g_free);

  G_OBJECT_CLASS (chronicle_sparkline_parent_class)->finalize (object);
}

static void
chronicle_sparkline_class_init (ChronicleSparklineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = chronicle_sparkline_finalize;

  widget_class->measure = chronicle_sparkline_measure;
  widget_class->snapshot = chronicle_sparkline_snapshot;

  gtk_widget_class_set_css_name (widget_class, "sparkline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
chronicle_sparkline_init (ChronicleSparkline *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Mentions over time"),
                                  -1);
}

/**
 * chronicle_sparkline_new:
 *
 * Returns: (transfer floating): an empty sparkline
 */
GtkWidget *
chronicle_sparkline_new (void)
{
  return g_object_new (CHRONICLE_TYPE_SPARKLINE, NULL);
}

/**
 * chronicle_sparkline_set_values:
 * @self: a sparkline
 * @values: (array length=n_values) (nullable): the counts, oldest first
 * @n_values: how many
 *
 * Draws @values, scaled so that the largest reaches the top and zero the
 * bottom. The sparkline copies them.
 */
void
chronicle_sparkline_set_values (ChronicleSparkline *self,
                                const guint        *values,
                                gsize               n_values)
{
  g_autofree char *description = NULL;

  g_return_if_fail (CHRONICLE_IS_SPARKLINE (self));
  g_return_if_fail (values != NULL || n_values == 0);

  g_free (self->values);
  self->values = n_values > 0 ? g_memdup2 (values, n_values * sizeof (guint)) : NULL;
  self->n_values = n_values;
  self->peak = 0;
  for (gsize i = 0; i < n_values; i++)
    self->peak = MAX (self->peak, values[i]);

  if (n_values > 0)
    /* Translators: the description of a small chart of mentions over time */
    description = g_strdup_printf (_("Latest %u, peak %u"), values[n_values - 1], self->peak);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : _("No mentions"),
                                  -1);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * chronicle_sparkline_get_values:
 * @self: a sparkline
 * @n_values: (out): how many
 *
 * Returns: (array length=n_values) (transfer none) (nullable): the counts drawn
 */
const guint *
chronicle_sparkline_get_values (ChronicleSparkline *self,
                                gsize              *n_values)
{
  g_return_val_if_fail (CHRONICLE_IS_SPARKLINE (self), NULL);

  *n_values = self->n_values;
  return self->values;
}

/**
 * chronicle_sparkline_get_peak:
 * @self: a sparkline
 *
 * Returns: the largest value, which is drawn at the top
 */
guint
chronicle_sparkline_get_peak (ChronicleSparkline *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SPARKLINE (self), 0);

  return self->peak;
}
