/* chronicle-feed-article.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-article.h"
#include "chronicle-feed.h"

G_BEGIN_DECLS

ChronicleArticle *chronicle_feed_entry_to_article (ChronicleFeedEntry *entry,
                                                   gint64              source_id,
                                                   const char         *source_title,
                                                   gint64              first_seen);
GPtrArray        *chronicle_feed_to_articles      (ChronicleFeed      *feed,
                                                   gint64              source_id,
                                                   const char         *source_title,
                                                   gint64              first_seen);

G_END_DECLS
