/* chronicle-query.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "chronicle-entity.h"

G_BEGIN_DECLS

/**
 * ChronicleQuerySort:
 * @CHRONICLE_QUERY_SORT_PUBLISHED: newest publication first
 * @CHRONICLE_QUERY_SORT_EVENT_DATE: latest event first (#ChronicleArticle:event-date)
 *
 * The order of a timeline. Ties are broken by article id, newest first.
 */
typedef enum {
  CHRONICLE_QUERY_SORT_PUBLISHED,
  CHRONICLE_QUERY_SORT_EVENT_DATE,
} ChronicleQuerySort;

#define CHRONICLE_TYPE_QUERY (chronicle_query_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleQuery, chronicle_query, CHRONICLE, QUERY, GObject)

ChronicleQuery     *chronicle_query_new                  (void);
ChronicleQuery     *chronicle_query_new_from_string      (const char          *str,
                                                          GError             **error);
char               *chronicle_query_to_string            (ChronicleQuery      *self);
gboolean            chronicle_query_equal                (gconstpointer        a,
                                                          gconstpointer        b);
guint               chronicle_query_hash                 (gconstpointer        query);
gboolean            chronicle_query_is_all               (ChronicleQuery      *self);

gint64              chronicle_query_get_from             (ChronicleQuery      *self);
gint64              chronicle_query_get_to               (ChronicleQuery      *self);
const char * const *chronicle_query_get_entities         (ChronicleQuery      *self,
                                                          ChronicleEntityKind  kind);
guint               chronicle_query_get_n_entity_facets  (ChronicleQuery      *self);
const gint64       *chronicle_query_get_sources          (ChronicleQuery      *self,
                                                          guint               *n_sources);
const char         *chronicle_query_get_text             (ChronicleQuery      *self);
gboolean            chronicle_query_get_unread_only      (ChronicleQuery      *self);
gboolean            chronicle_query_get_starred_only     (ChronicleQuery      *self);
ChronicleQuerySort  chronicle_query_get_sort             (ChronicleQuery      *self);

ChronicleQuery     *chronicle_query_with_date_range      (ChronicleQuery      *self,
                                                          gint64               from,
                                                          gint64               to);
ChronicleQuery     *chronicle_query_with_entities        (ChronicleQuery      *self,
                                                          ChronicleEntityKind  kind,
                                                          const char * const  *names);
ChronicleQuery     *chronicle_query_with_entity_added    (ChronicleQuery      *self,
                                                          ChronicleEntityKind  kind,
                                                          const char          *name);
ChronicleQuery     *chronicle_query_with_entity_removed  (ChronicleQuery      *self,
                                                          ChronicleEntityKind  kind,
                                                          const char          *name);
ChronicleQuery     *chronicle_query_with_sources         (ChronicleQuery      *self,
                                                          const gint64        *ids,
                                                          guint                n_ids);
ChronicleQuery     *chronicle_query_with_text            (ChronicleQuery      *self,
                                                          const char          *text);
ChronicleQuery     *chronicle_query_with_unread_only     (ChronicleQuery      *self,
                                                          gboolean             unread_only);
ChronicleQuery     *chronicle_query_with_starred_only    (ChronicleQuery      *self,
                                                          gboolean             starred_only);
ChronicleQuery     *chronicle_query_with_sort            (ChronicleQuery      *self,
                                                          ChronicleQuerySort   sort);

G_END_DECLS
