/* chronicle-event-grouper.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "chronicle-extraction.h"

G_BEGIN_DECLS

/**
 * ChronicleGroupedEvent:
 * @id: the event's id, unique within its grouper (1, 2, …)
 * @label: a short label (the title of its first article, else its main names)
 * @date: the day the event happened: the day most of its articles point at
 * @n_articles: how many articles it has
 * @people: (array zero-terminated=1): its main people, most mentioned first
 * @places: (array zero-terminated=1): its main places
 * @countries: (array zero-terminated=1): its main countries (ISO 3166-1 codes)
 * @organizations: (array zero-terminated=1): its main organisations
 *
 * A snapshot of one event (a story): articles about the same happening.
 */
typedef struct {
  guint64  id;
  char    *label;
  GDate    date;
  guint    n_articles;
  char   **people;
  char   **places;
  char   **countries;
  char   **organizations;
} ChronicleGroupedEvent;

#define CHRONICLE_TYPE_GROUPED_EVENT (chronicle_grouped_event_get_type ())
GType           chronicle_grouped_event_get_type (void) G_GNUC_CONST;
ChronicleGroupedEvent *chronicle_grouped_event_copy     (const ChronicleGroupedEvent *event);
void            chronicle_grouped_event_free     (ChronicleGroupedEvent       *event);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronicleGroupedEvent, chronicle_grouped_event_free)

#define CHRONICLE_TYPE_EVENT_GROUPER (chronicle_event_grouper_get_type ())
G_DECLARE_FINAL_TYPE (ChronicleEventGrouper, chronicle_event_grouper, CHRONICLE, EVENT_GROUPER, GObject)

ChronicleEventGrouper *chronicle_event_grouper_new        (void);
guint64                chronicle_event_grouper_add        (ChronicleEventGrouper *self,
                                                           const char            *title,
                                                           const GDate           *date,
                                                           ChronicleExtraction   *extraction);
void                   chronicle_event_grouper_restore    (ChronicleEventGrouper *self,
                                                           guint64                id,
                                                           const char            *title,
                                                           const GDate           *date,
                                                           ChronicleExtraction   *extraction);
guint                  chronicle_event_grouper_forget_before (ChronicleEventGrouper *self,
                                                           const GDate           *date);
ChronicleGroupedEvent        *chronicle_event_grouper_get_event  (ChronicleEventGrouper *self,
                                                           guint64                id);
guint                  chronicle_event_grouper_get_n_events (ChronicleEventGrouper *self);

G_END_DECLS
