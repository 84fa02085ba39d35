/* chronicle-article-row.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chronicle-article.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_ARTICLE_ROW (chronicle_article_row_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleArticleRow, chronicle_article_row, CHRONICLE, ARTICLE_ROW, GtkWidget)

GtkWidget        *chronicle_article_row_new         (void);
ChronicleArticle *chronicle_article_row_get_article (ChronicleArticleRow *self);
void              chronicle_article_row_set_article (ChronicleArticleRow *self,
                                                     ChronicleArticle    *article);
void              chronicle_article_row_set_heading (ChronicleArticleRow *self,
                                                     const char          *heading);
void              chronicle_article_row_set_search  (ChronicleArticleRow *self,
                                                     const char          *search);

G_END_DECLS
