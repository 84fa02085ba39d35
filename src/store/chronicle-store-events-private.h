/* chronicle-store-events-private.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-event-summary.h"

G_BEGIN_DECLS

/* Internal to src/store. */
void _chronicle_event_summary_fill       (ChronicleEventSummary *self,
                                          ChronicleEventSummary *from);
void _chronicle_event_summary_set_fields (ChronicleEventSummary *self,
                                          const char            *key,
                                          const char            *label,
                                          gint64                 start,
                                          gint64                 end,
                                          gint64                 first_published,
                                          gint64                 last_published,
                                          guint                  n_articles,
                                          GStrv                  sources,
                                          GPtrArray             *entities);

G_END_DECLS
