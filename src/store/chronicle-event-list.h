/* chronicle-event-list.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chronicle-event-summary.h"
#include "chronicle-query.h"
#include "chronicle-store.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_EVENT_LIST (chronicle_event_list_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleEventList, chronicle_event_list, CHRONICLE, EVENT_LIST, GObject)

/**
 * CHRONICLE_EVENT_LIST_PAGE_SIZE:
 *
 * How many event summaries a #ChronicleEventList reads at once.
 */
#define CHRONICLE_EVENT_LIST_PAGE_SIZE 25

ChronicleEventList *chronicle_event_list_new         (ChronicleStore     *store,
                                                      ChronicleQuery     *query);
ChronicleStore     *chronicle_event_list_get_store   (ChronicleEventList *self);
ChronicleQuery     *chronicle_event_list_get_query   (ChronicleEventList *self);
void                chronicle_event_list_set_query   (ChronicleEventList *self,
                                                      ChronicleQuery     *query);
gboolean            chronicle_event_list_get_loading (ChronicleEventList *self);
gint64              chronicle_event_list_get_id      (ChronicleEventList *self,
                                                      guint               position);
int                 chronicle_event_list_find        (ChronicleEventList *self,
                                                      gint64              id);
void                chronicle_event_list_reload      (ChronicleEventList *self);

G_END_DECLS
