/* chronicle-events-view.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chronicle-event-summary.h"
#include "chronicle-query.h"
#include "chronicle-store.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_EVENTS_VIEW (chronicle_events_view_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleEventsView, chronicle_events_view, CHRONICLE, EVENTS_VIEW, GtkWidget)

GtkWidget             *chronicle_events_view_new            (void);
void                   chronicle_events_view_set_store      (ChronicleEventsView *self,
                                                             ChronicleStore      *store);
void                   chronicle_events_view_set_query      (ChronicleEventsView *self,
                                                             ChronicleQuery      *query);
void                   chronicle_events_view_set_active     (ChronicleEventsView *self,
                                                             gboolean             active);
GListModel            *chronicle_events_view_get_events     (ChronicleEventsView *self);
GListModel            *chronicle_events_view_get_articles   (ChronicleEventsView *self);
ChronicleEventSummary *chronicle_events_view_get_open_event (ChronicleEventsView *self);
void                   chronicle_events_view_open_event     (ChronicleEventsView *self,
                                                             guint                position);
void                   chronicle_events_view_show_events    (ChronicleEventsView *self);
void                   chronicle_events_view_focus          (ChronicleEventsView *self);
gboolean               chronicle_events_view_move_selection (ChronicleEventsView *self,
                                                             int                  delta);
gboolean               chronicle_events_view_activate_selected (ChronicleEventsView *self);
guint                  chronicle_events_view_position_for_date (ChronicleEventsView *self,
                                                                gint64               unix_time);
void                   chronicle_events_view_scroll_to_date (ChronicleEventsView *self,
                                                             gint64               unix_time);

G_END_DECLS
