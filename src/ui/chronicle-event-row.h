/* chronicle-event-row.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chronicle-event-summary.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_EVENT_ROW (chronicle_event_row_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleEventRow, chronicle_event_row, CHRONICLE, EVENT_ROW, GtkWidget)

GtkWidget             *chronicle_event_row_new       (void);
ChronicleEventSummary *chronicle_event_row_get_event (ChronicleEventRow     *self);
void                   chronicle_event_row_set_event (ChronicleEventRow     *self,
                                                      ChronicleEventSummary *event);
char                  *chronicle_event_row_format_sources (const char * const *sources,
                                                           guint               max_shown);

G_END_DECLS
