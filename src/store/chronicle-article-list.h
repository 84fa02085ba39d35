/* chronicle-article-list.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chronicle-query.h"
#include "chronicle-store.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_ARTICLE_LIST (chronicle_article_list_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleArticleList, chronicle_article_list, CHRONICLE, ARTICLE_LIST, GObject)

/**
 * CHRONICLE_ARTICLE_LIST_PAGE_SIZE:
 *
 * How many articles a #ChronicleArticleList reads at once.
 */
#define CHRONICLE_ARTICLE_LIST_PAGE_SIZE 50

ChronicleArticleList *chronicle_article_list_new         (ChronicleStore       *store,
                                                          ChronicleQuery       *query);
ChronicleStore       *chronicle_article_list_get_store   (ChronicleArticleList *self);
ChronicleQuery       *chronicle_article_list_get_query   (ChronicleArticleList *self);
void                  chronicle_article_list_set_query   (ChronicleArticleList *self,
                                                          ChronicleQuery       *query);
gboolean              chronicle_article_list_get_loading (ChronicleArticleList *self);
gint64                chronicle_article_list_get_id      (ChronicleArticleList *self,
                                                          guint                 position);
int                   chronicle_article_list_find        (ChronicleArticleList *self,
                                                          gint64                id);
void                  chronicle_article_list_reload      (ChronicleArticleList *self);

G_END_DECLS
