/* chronicle-notification.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-notification.h"

/* Builds the desktop notifications Chronicle sends with g_application_send_notification().
 * Their actions are application actions with int64 targets, so they work when the
 * application was not running: "app.open-article" (x) and "app.open-entity" (x). It
 * needs no GTK. */

/**
 * chronicle_notification_new_article:
 * @article_id: the article
 * @article_title: its title
 * @source_title: (nullable): where it comes from
 * @entity_id: an entity it is about that the user follows, or 0
 * @entity_name: (nullable): the name of that entity
 *
 * A new article. Clicking it opens the article; when it is about an entity, a button
 * opens the entity.
 *
 * Returns: (transfer full): the notification
 */
GNotification *
chronicle_notification_new_article (gint64      article_id,
                                    const char *article_title,
                                    const char *source_title,
                                    gint64      entity_id,
                                    const char *entity_name)
{
  g_autoptr(GNotification) notification = NULL;

  g_return_val_if_fail (article_id > 0, NULL);
  g_return_val_if_fail (article_title != NULL, NULL);

  notification = g_notification_new (article_title);
  if (source_title != NULL && *source_title != '\0')
    g_notification_set_body (notification, source_title);
  g_notification_set_default_action_and_target_value (notification, "app.open-article",
                                                      g_variant_new_int64 (article_id));

  if (entity_id > 0 && entity_name != NULL && *entity_name != '\0')
    {
      /* Translators: a notification button; %s is a person, place or organisation. */
      g_autofree char *label = g_strdup_printf (_("More About %s"), entity_name);

      g_notification_add_button_with_target_value (notification, label, "app.open-entity",
                                                   g_variant_new_int64 (entity_id));
    }

  return g_steal_pointer (&notification);
}

/**
 * chronicle_notification_new_entity:
 * @entity_id: the entity
 * @entity_name: its name
 * @n_articles: how many new articles are about it
 * @latest_article_id: the newest of them, or 0
 * @latest_title: (nullable): its title
 *
 * New articles about an entity the user follows. Clicking it opens the entity; a
 * button opens the newest article.
 *
 * Returns: (transfer full): the notification
 */
GNotification *
chronicle_notification_new_entity (gint64      entity_id,
                                   const char *entity_name,
                                   guint       n_articles,
                                   gint64      latest_article_id,
                                   const char *latest_title)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (entity_id > 0, NULL);
  g_return_val_if_fail (entity_name != NULL, NULL);
  g_return_val_if_fail (n_articles > 0, NULL);

  /* Translators: a notification title; %u is a number, %s a person, place or organisation. */
  title = g_strdup_printf (ngettext ("%u new article about %s", "%u new articles about %s",
                                     n_articles),
                           n_articles, entity_name);
  notification = g_notification_new (title);
  if (latest_title != NULL && *latest_title != '\0')
    g_notification_set_body (notification, latest_title);
  g_notification_set_default_action_and_target_value (notification, "app.open-entity",
                                                      g_variant_new_int64 (entity_id));

  if (latest_article_id > 0)
    g_notification_add_button_with_target_value (notification, _("Read Latest"),
                                                 "app.open-article",
                                                 g_variant_new_int64 (latest_article_id));

  return g_steal_pointer (&notification);
}

/**
 * chronicle_notification_id_article:
 * @article_id: the article
 *
 * Returns: (transfer full): the notification id to send an article's notification with,
 *   so that a second one replaces the first
 */
char *
chronicle_notification_id_article (gint64 article_id)
{
  return g_strdup_printf ("article-%" G_GINT64_FORMAT, article_id);
}

/**
 * chronicle_notification_id_entity:
 * @entity_id: the entity
 *
 * Returns: (transfer full): the notification id for news about an entity; a newer
 *   notification about the same entity replaces the older one
 */
char *
chronicle_notification_id_entity (gint64 entity_id)
{
  return g_strdup_printf ("entity-%" G_GINT64_FORMAT, entity_id);
}

/**
 * chronicle_notification_new_sync:
 * @n_added: how many new articles a sync brought (more than 0)
 * @n_sources: from how many sources
 * @source_title: (nullable): the source's title when there is one
 *
 * After a sync: "N new articles". Clicking it brings the window back.
 *
 * Returns: (transfer full): the notification
 */
GNotification *
chronicle_notification_new_sync (guint       n_added,
                                 guint       n_sources,
                                 const char *source_title)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (n_added > 0, NULL);

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new article", "%u new articles",
                                        n_added),
                           n_added);
  notification = g_notification_new (title);
  if (n_sources == 1 && source_title != NULL && *source_title != '\0')
    /* Translators: %s is a source's title, e.g. "From BBC News" */
    body = g_strdup_printf (_("From %s"), source_title);
  else if (n_sources > 1)
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "From %u source", "From %u sources",
                                         n_sources),
                            n_sources);
  if (body != NULL)
    g_notification_set_body (notification, body);
  g_notification_set_default_action (notification, "app.activate");

  return g_steal_pointer (&notification);
}

/**
 * chronicle_notification_should_notify_sync:
 * @enabled: the `notify-new-articles` setting
 * @window_focused: whether a Chronicle window has the focus
 * @n_added: how many new articles the sync brought
 *
 * Returns: whether to say "N new articles": only when there are some, the user
 *   wants it and is not looking at the window already
 */
gboolean
chronicle_notification_should_notify_sync (gboolean enabled,
                                           gboolean window_focused,
                                           guint    n_added)
{
  return enabled && !window_focused && n_added > 0;
}
