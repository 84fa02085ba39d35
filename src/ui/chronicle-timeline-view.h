/* chronicle-timeline-view.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chronicle-article.h"
#include "chronicle-query.h"
#include "chronicle-time-ruler.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_TIMELINE_VIEW (chronicle_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleTimelineView, chronicle_timeline_view, CHRONICLE, TIMELINE_VIEW,
                      GtkWidget)

GtkWidget          *chronicle_timeline_view_new              (void);
void                chronicle_timeline_view_set_model        (ChronicleTimelineView      *self,
                                                              GListModel                 *articles);
GListModel         *chronicle_timeline_view_get_model        (ChronicleTimelineView      *self);
void                chronicle_timeline_view_set_query        (ChronicleTimelineView      *self,
                                                              ChronicleQuery             *query);
void                chronicle_timeline_view_set_histogram    (ChronicleTimelineView      *self,
                                                              const ChronicleRulerBucket *published,
                                                              gsize                       n_published,
                                                              const ChronicleRulerBucket *reported,
                                                              gsize                       n_reported);
ChronicleTimeRuler *chronicle_timeline_view_get_ruler        (ChronicleTimelineView      *self);
gboolean            chronicle_timeline_view_get_show_events  (ChronicleTimelineView      *self);
void                chronicle_timeline_view_set_show_events  (ChronicleTimelineView      *self,
                                                              gboolean                    show_events);
ChronicleArticle   *chronicle_timeline_view_get_selected     (ChronicleTimelineView      *self);
guint               chronicle_timeline_view_get_selected_position (ChronicleTimelineView *self);
void                chronicle_timeline_view_select           (ChronicleTimelineView      *self,
                                                              guint                       position);
gboolean            chronicle_timeline_view_move_selection   (ChronicleTimelineView      *self,
                                                              int                         delta);
gboolean            chronicle_timeline_view_activate_selected (ChronicleTimelineView     *self);
guint               chronicle_timeline_view_position_for_date (ChronicleTimelineView     *self,
                                                               gint64                     unix_time);
void                chronicle_timeline_view_scroll_to_date   (ChronicleTimelineView      *self,
                                                              gint64                      unix_time);
void                chronicle_timeline_view_focus_list       (ChronicleTimelineView      *self);

G_END_DECLS
