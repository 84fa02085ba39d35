/* chronicle-article-view.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chronicle-article.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_ARTICLE_VIEW (chronicle_article_view_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleArticleView, chronicle_article_view, CHRONICLE, ARTICLE_VIEW,
                      GtkWidget)

GtkWidget        *chronicle_article_view_new           (void);
ChronicleArticle *chronicle_article_view_get_article   (ChronicleArticleView *self);
void              chronicle_article_view_set_article   (ChronicleArticleView *self,
                                                        ChronicleArticle     *article,
                                                        GPtrArray            *mentions,
                                                        GPtrArray            *time_mentions);
void              chronicle_article_view_set_related   (ChronicleArticleView *self,
                                                        GListModel           *articles);
void              chronicle_article_view_set_search    (ChronicleArticleView *self,
                                                        const char           *search);
guint             chronicle_article_view_get_n_dates   (ChronicleArticleView *self);
const char       *chronicle_article_view_get_body_text (ChronicleArticleView *self);
const char       *chronicle_article_view_get_tags_text (ChronicleArticleView *self);
const char       *chronicle_article_view_get_rights_text (ChronicleArticleView *self);
void              chronicle_article_view_activate_offset (ChronicleArticleView *self,
                                                          guint                 char_offset);

G_END_DECLS
