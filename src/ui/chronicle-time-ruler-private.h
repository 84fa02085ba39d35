/* chronicle-time-ruler-private.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * The ruler's state, shared by chronicle-time-ruler.c and its drawing, and
 * pointer input without a pointer for the widget tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-time-ruler.h"

G_BEGIN_DECLS

#define LABEL_HEIGHT  18
#define TOP_PADDING   6
#define DRAG_THRESHOLD 6.0
#define NO_POSITION   G_MININT64

typedef struct
{
  gint64 index;
  guint  published;
  guint  reported;
} ChronicleRulerBar;

struct _ChronicleTimeRuler
{
  GtkWidget           parent_instance;

  ChronicleRulerZoom  zoom;
  GArray             *published;   /* ChronicleRulerBucket, as given */
  GArray             *reported;    /* ChronicleRulerBucket, as given */
  GArray             *bars;        /* ChronicleRulerBar, sorted by index, for the current zoom */
  guint               max_count;

  double              view_end;    /* bucket index (fractional) at the right edge */
  gboolean            view_set;

  gint64              position;
  gboolean            has_selection;
  gint64              selection_start;
  gint64              selection_end;

  double              drag_start_x;
  double              drag_x;
  gboolean            drag_selecting;
  double              scroll_accumulator;
  double              pinch_base;
};

double     _chronicle_time_ruler_bar_width   (ChronicleRulerZoom  zoom);
const ChronicleRulerBar *_chronicle_time_ruler_find_bar    (ChronicleTimeRuler *self,
                                              gint64              index);
void       _chronicle_time_ruler_ensure_view (ChronicleTimeRuler *self);
void       _chronicle_time_ruler_snapshot    (GtkWidget          *widget,
                                              GtkSnapshot        *snapshot);

void _chronicle_time_ruler_click      (ChronicleTimeRuler *self,
                                       double              x);
void _chronicle_time_ruler_drag       (ChronicleTimeRuler *self,
                                       double              x_from,
                                       double              x_to);
void _chronicle_time_ruler_scroll     (ChronicleTimeRuler *self,
                                       double              x,
                                       double              dy,
                                       gboolean            control);

G_END_DECLS
