/* chronicle-article.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "chronicle-mention.h"
#include "chronicle-time-mention.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_ARTICLE (chronicle_article_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleArticle, chronicle_article, CHRONICLE, ARTICLE, GObject)

ChronicleArticle   *chronicle_article_new               (void);
ChronicleArticle   *chronicle_article_new_placeholder   (gint64                id);
void                chronicle_article_assign            (ChronicleArticle     *self,
                                                         ChronicleArticle     *from);
char               *chronicle_article_dup_text          (ChronicleArticle     *self);
GPtrArray          *chronicle_article_get_mentions      (ChronicleArticle     *self);
void                chronicle_article_add_mention       (ChronicleArticle     *self,
                                                         ChronicleMention     *mention);
GPtrArray          *chronicle_article_get_time_mentions (ChronicleArticle     *self);
void                chronicle_article_add_time_mention  (ChronicleArticle     *self,
                                                         ChronicleTimeMention *mention);
const char * const *chronicle_article_get_event_keys    (ChronicleArticle     *self);
void                chronicle_article_set_event_keys    (ChronicleArticle     *self,
                                                         const char * const   *keys);

gint64       chronicle_article_get_id                 (ChronicleArticle *self);
void         chronicle_article_set_id                 (ChronicleArticle *self,
                                                       gint64 id);
gint64       chronicle_article_get_source_id          (ChronicleArticle *self);
void         chronicle_article_set_source_id          (ChronicleArticle *self,
                                                       gint64 source_id);
const char * chronicle_article_get_source_title       (ChronicleArticle *self);
void         chronicle_article_set_source_title       (ChronicleArticle *self,
                                                       const char *source_title);
const char * chronicle_article_get_guid               (ChronicleArticle *self);
void         chronicle_article_set_guid               (ChronicleArticle *self,
                                                       const char *guid);
const char * chronicle_article_get_url                (ChronicleArticle *self);
void         chronicle_article_set_url                (ChronicleArticle *self,
                                                       const char *url);
const char * chronicle_article_get_title              (ChronicleArticle *self);
void         chronicle_article_set_title              (ChronicleArticle *self,
                                                       const char *title);
const char * chronicle_article_get_author             (ChronicleArticle *self);
void         chronicle_article_set_author             (ChronicleArticle *self,
                                                       const char *author);
gint64       chronicle_article_get_published          (ChronicleArticle *self);
void         chronicle_article_set_published          (ChronicleArticle *self,
                                                       gint64 published);
gboolean     chronicle_article_get_published_inferred (ChronicleArticle *self);
void         chronicle_article_set_published_inferred (ChronicleArticle *self,
                                                       gboolean published_inferred);
gint64       chronicle_article_get_updated            (ChronicleArticle *self);
void         chronicle_article_set_updated            (ChronicleArticle *self,
                                                       gint64 updated);
gint64       chronicle_article_get_event_date         (ChronicleArticle *self);
void         chronicle_article_set_event_date         (ChronicleArticle *self,
                                                       gint64 event_date);
const char * chronicle_article_get_summary            (ChronicleArticle *self);
void         chronicle_article_set_summary            (ChronicleArticle *self,
                                                       const char *summary);
const char * chronicle_article_get_body               (ChronicleArticle *self);
void         chronicle_article_set_body               (ChronicleArticle *self,
                                                       const char *body);
const char * chronicle_article_get_language           (ChronicleArticle *self);
void         chronicle_article_set_language           (ChronicleArticle *self,
                                                       const char *language);
const char * chronicle_article_get_image_url          (ChronicleArticle *self);
void         chronicle_article_set_image_url          (ChronicleArticle *self,
                                                       const char *image_url);
const char * const *chronicle_article_get_tags      (ChronicleArticle     *self);
void         chronicle_article_set_tags               (ChronicleArticle *self,
                                                       const char * const *tags);
const char * chronicle_article_get_license            (ChronicleArticle *self);
void         chronicle_article_set_license            (ChronicleArticle *self,
                                                       const char *license);
const char * chronicle_article_get_attribution        (ChronicleArticle *self);
void         chronicle_article_set_attribution        (ChronicleArticle *self,
                                                       const char *attribution);
gboolean     chronicle_article_get_read               (ChronicleArticle *self);
void         chronicle_article_set_read               (ChronicleArticle *self,
                                                       gboolean read);
gboolean     chronicle_article_get_starred            (ChronicleArticle *self);
void         chronicle_article_set_starred            (ChronicleArticle *self,
                                                       gboolean starred);
gboolean     chronicle_article_get_loaded             (ChronicleArticle *self);
void         chronicle_article_set_loaded             (ChronicleArticle *self,
                                                       gboolean loaded);

G_END_DECLS
