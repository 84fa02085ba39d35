/* chronicle-time-ruler-draw.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * How the time ruler draws itself: the bars of both layers, the selected
 * range, the month or year labels and the marker of where the list is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <math.h>

#include "chronicle-time-ruler-private.h"

static gboolean
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color,
              const char *fallback)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color))
    return TRUE;
  G_GNUC_END_IGNORE_DEPRECATIONS

  return gdk_rgba_parse (color, fallback);
}

void
_chronicle_time_ruler_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  ChronicleTimeRuler *self = CHRONICLE_TIME_RULER (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double bars_height = height - LABEL_HEIGHT - TOP_PADDING;
  double bw = _chronicle_time_ruler_bar_width (self->zoom);
  double gap = self->zoom == CHRONICLE_RULER_ZOOM_YEAR ? 3 : 1;
  double scale;
  gint64 first, last;
  GdkRGBA bar_color, reported_color, marker_color, text_color, line_color;
  double last_label_end = -G_MAXDOUBLE;

  if (width <= 0 || bars_height <= 4)
    return;

  _chronicle_time_ruler_ensure_view (self);

  lookup_color (widget, "accent_bg_color", &bar_color, "#3584e4");
  lookup_color (widget, "purple_3", &reported_color, "#9141ac");
  lookup_color (widget, "accent_color", &marker_color, "#1c71d8");
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &text_color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  line_color = text_color;
  line_color.alpha *= 0.15;
  text_color.alpha *= 0.6;
  bar_color.alpha = 0.8;
  reported_color.alpha = 0.9;

  /* Baseline */
  gtk_snapshot_append_color (snapshot, &line_color,
                             &GRAPHENE_RECT_INIT (0, TOP_PADDING + bars_height, width, 1));

  first = (gint64) floor (self->view_end - width / bw) - 1;
  last = (gint64) ceil (self->view_end);
  scale = self->max_count > 0 ? bars_height / sqrt ((double) self->max_count) : 0;

  /* Selection under the bars */
  if (self->has_selection)
    {
      double x1 = chronicle_time_ruler_x_for_date (self, self->selection_start);
      double x2 = chronicle_time_ruler_x_for_date (self, self->selection_end);
      GdkRGBA selection = marker_color;

      selection.alpha = 0.18;
      gtk_snapshot_append_color (snapshot, &selection,
                                 &GRAPHENE_RECT_INIT (x1, 0, MAX (x2 - x1, 2), TOP_PADDING + bars_height));
    }

  for (gint64 index = first; index <= last; index++)
    {
      double x = width - (self->view_end - index) * bw;
      const ChronicleRulerBar *bar = _chronicle_time_ruler_find_bar (self, index);
      g_autoptr(GDateTime) start = NULL;
      const char *format = NULL;

      if (bar != NULL && bar->published > 0)
        {
          double h = MAX (2.0, sqrt ((double) bar->published) * scale);
          gtk_snapshot_append_color (snapshot, &bar_color,
                                     &GRAPHENE_RECT_INIT (x + gap / 2, TOP_PADDING + bars_height - h,
                                                          MAX (bw - gap, 1), h));
        }
      if (bar != NULL && bar->reported > 0)
        {
          double h = MAX (2.0, sqrt ((double) bar->reported) * scale);
          double w = MAX ((bw - gap) / 2.5, 2);
          gtk_snapshot_append_color (snapshot, &reported_color,
                                     &GRAPHENE_RECT_INIT (x + (bw - w) / 2, TOP_PADDING + bars_height - h,
                                                          w, h));
        }

      /* Labels at the start of each month (days, weeks) or year (months, years). */
      start = g_date_time_new_from_unix_local (chronicle_ruler_zoom_bucket_start (self->zoom, index));
      switch (self->zoom)
        {
        case CHRONICLE_RULER_ZOOM_DAY:
          if (g_date_time_get_day_of_month (start) == 1)
            format = g_date_time_get_month (start) == 1 ? "%Y" : "%b";
          break;
        case CHRONICLE_RULER_ZOOM_WEEK:
          if (g_date_time_get_day_of_month (start) <= 7)
            format = g_date_time_get_month (start) == 1 ? "%Y" : "%b";
          break;
        case CHRONICLE_RULER_ZOOM_MONTH:
          if (g_date_time_get_month (start) == 1)
            format = "%Y";
          break;
        case CHRONICLE_RULER_ZOOM_YEAR:
        default:
          format = "%Y";
          break;
        }

      if (format != NULL && x > last_label_end + 6)
        {
          g_autofree char *text = g_date_time_format (start, format);
          g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
          int lw, lh;

          pango_layout_get_pixel_size (layout, &lw, &lh);
          gtk_snapshot_append_color (snapshot, &line_color,
                                     &GRAPHENE_RECT_INIT (x, TOP_PADDING + bars_height, 1, 4));
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot,
                                  &GRAPHENE_POINT_INIT (x + 2, height - LABEL_HEIGHT + (LABEL_HEIGHT - lh) / 2.0 + 1));
          gtk_snapshot_append_layout (snapshot, layout, &text_color);
          gtk_snapshot_restore (snapshot);
          last_label_end = x + 2 + lw;
        }
    }

  /* Where the list is */
  if (self->position != NO_POSITION)
    {
      double x = chronicle_time_ruler_x_for_date (self, self->position);

      if (x >= -2 && x <= width + 2)
        {
          gtk_snapshot_append_color (snapshot, &marker_color,
                                     &GRAPHENE_RECT_INIT (x - 1, 0, 2, TOP_PADDING + bars_height + 4));
          gtk_snapshot_append_color (snapshot, &marker_color,
                                     &GRAPHENE_RECT_INIT (x - 4, 0, 8, 3));
        }
    }
}

