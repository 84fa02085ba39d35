/* chronicle-notification.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GNotification *chronicle_notification_new_article (gint64      article_id,
                                                   const char *article_title,
                                                   const char *source_title,
                                                   gint64      entity_id,
                                                   const char *entity_name);
GNotification *chronicle_notification_new_entity  (gint64      entity_id,
                                                   const char *entity_name,
                                                   guint       n_articles,
                                                   gint64      latest_article_id,
                                                   const char *latest_title);
char          *chronicle_notification_id_article  (gint64      article_id);
char          *chronicle_notification_id_entity   (gint64      entity_id);

/* The id of the "N new articles" notification: each sync replaces the last one. */
#define CHRONICLE_NOTIFICATION_ID_NEW_ARTICLES "new-articles"

GNotification *chronicle_notification_new_sync    (guint       n_added,
                                                   guint       n_sources,
                                                   const char *source_title);
gboolean       chronicle_notification_should_notify_sync (gboolean    enabled,
                                                          gboolean    window_focused,
                                                          guint       n_added);

G_END_DECLS
