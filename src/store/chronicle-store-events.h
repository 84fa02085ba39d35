/* chronicle-store-events.h
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

/* How many main entities a #ChronicleEventSummary has at most. */
#define CHRONICLE_EVENT_SUMMARY_MAX_ENTITIES 4

void       chronicle_store_events_async                (ChronicleStore       *self,
                                                        ChronicleQuery       *query,
                                                        guint                 limit,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
GArray    *chronicle_store_events_finish               (ChronicleStore       *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
void       chronicle_store_get_event_summaries_async   (ChronicleStore       *self,
                                                        const gint64         *ids,
                                                        guint                 n_ids,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
GPtrArray *chronicle_store_get_event_summaries_finish  (ChronicleStore       *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
void       chronicle_store_event_articles_async        (ChronicleStore       *self,
                                                        gint64                event_id,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
GArray    *chronicle_store_event_articles_finish       (ChronicleStore       *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

G_END_DECLS
