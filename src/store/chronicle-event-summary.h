/* chronicle-event-summary.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "chronicle-entity.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_EVENT_SUMMARY (chronicle_event_summary_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleEventSummary, chronicle_event_summary, CHRONICLE, EVENT_SUMMARY,
                      GObject)

ChronicleEventSummary *chronicle_event_summary_new            (gint64                 id);
gint64                 chronicle_event_summary_get_id         (ChronicleEventSummary *self);
gboolean               chronicle_event_summary_get_loaded     (ChronicleEventSummary *self);
const char            *chronicle_event_summary_get_key        (ChronicleEventSummary *self);
const char            *chronicle_event_summary_get_label      (ChronicleEventSummary *self);
gint64                 chronicle_event_summary_get_start      (ChronicleEventSummary *self);
gint64                 chronicle_event_summary_get_end        (ChronicleEventSummary *self);
gint64                 chronicle_event_summary_get_first_published (ChronicleEventSummary *self);
gint64                 chronicle_event_summary_get_last_published  (ChronicleEventSummary *self);
guint                  chronicle_event_summary_get_n_articles (ChronicleEventSummary *self);
const char * const    *chronicle_event_summary_get_sources    (ChronicleEventSummary *self);
GPtrArray             *chronicle_event_summary_get_entities   (ChronicleEventSummary *self);

G_END_DECLS
