/* chronicle-event.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "chronicle-entity.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_EVENT (chronicle_event_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleEvent, chronicle_event, CHRONICLE, EVENT, GObject)

ChronicleEvent *chronicle_event_new             (const char      *key,
                                                 const char      *label,
                                                 gint64           start,
                                                 gint64           end);
GArray         *chronicle_event_get_article_ids (ChronicleEvent  *self);
GPtrArray      *chronicle_event_get_entities    (ChronicleEvent  *self);
void            chronicle_event_add_entity      (ChronicleEvent  *self,
                                                 ChronicleEntity *entity);

gint64       chronicle_event_get_id    (ChronicleEvent *self);
void         chronicle_event_set_id    (ChronicleEvent *self,
                                        gint64 id);
const char * chronicle_event_get_key   (ChronicleEvent *self);
void         chronicle_event_set_key   (ChronicleEvent *self,
                                        const char *key);
const char * chronicle_event_get_label (ChronicleEvent *self);
void         chronicle_event_set_label (ChronicleEvent *self,
                                        const char *label);
gint64       chronicle_event_get_start (ChronicleEvent *self);
void         chronicle_event_set_start (ChronicleEvent *self,
                                        gint64 start);
gint64       chronicle_event_get_end   (ChronicleEvent *self);
void         chronicle_event_set_end   (ChronicleEvent *self,
                                        gint64 end);

G_END_DECLS
