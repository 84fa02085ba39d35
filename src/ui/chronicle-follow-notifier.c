/* chronicle-follow-notifier.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * Follow: after each sync, and once at start-up, the articles new to the store
 * that name a followed entity raise ONE desktop notification: the article itself
 * when there is one, else "N new articles about X" that opens the entity's page.
 * "New" is measured against each followed entity's mark, kept in the store
 * (set when it is followed, advanced here after each notification), so articles
 * stored while the application was closed notify once at the next start, and
 * old news never does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include "chronicle-follow-notifier.h"
#include "chronicle-notification.h"
#include "chronicle-store-entities.h"

#define NOTIFICATION_ID "followed-news"

struct _ChronicleFollowNotifier
{
  GObject         parent_instance;

  ChronicleStore *store;
  GApplication   *application;   /* weak */
  GCancellable   *cancellable;
  guint           busy;
  gboolean        again;
};

G_DEFINE_FINAL_TYPE (ChronicleFollowNotifier, chronicle_follow_notifier, G_TYPE_OBJECT)

enum {
  NOTIFICATION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void check (ChronicleFollowNotifier *self);

static void
send (ChronicleFollowNotifier *self,
      GNotification           *notification,
      guint                    n_articles)
{
  g_signal_emit (self, signals[NOTIFICATION], 0, notification, n_articles);
  if (self->application != NULL)
    g_application_send_notification (self->application, NOTIFICATION_ID, notification);
}

static void
done (ChronicleFollowNotifier *self)
{
  self->busy--;
  if (self->again && self->busy == 0)
    {
      self->again = FALSE;
      check (self);
    }
}

typedef struct {
  ChronicleFollowNotifier *self;
  ChronicleFollowedNews   *news;
} Pending;

static void
pending_free (Pending *p)
{
  g_clear_object (&p->self);
  g_clear_pointer (&p->news, chronicle_followed_news_free);
  g_free (p);
}

static void
marked_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ChronicleFollowNotifier) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!chronicle_store_mark_followed_news_finish (CHRONICLE_STORE (object), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Cannot store the Follow mark: %s", error->message);
  done (self);
}

/* The news was told (or could not be): it is not news any more, also after a
 * restart. */
static void
advance_mark (ChronicleFollowNotifier *self,
              gint64                   last_article_id)
{
  chronicle_store_mark_followed_news_async (self->store, last_article_id, self->cancellable,
                                            marked_cb, g_object_ref (self));
}

static void
article_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Pending *p = user_data;
  ChronicleFollowNotifier *self = p->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleArticle) article = NULL;
  g_autoptr(GNotification) notification = NULL;
  ChronicleEntity *entity = p->news->entities->len > 0 ? g_ptr_array_index (p->news->entities, 0)
                                                       : NULL;

  article = chronicle_store_get_article_finish (CHRONICLE_STORE (object), result, &error);
  if (article == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          done (self);
          pending_free (p);
          return;
        }
      g_debug ("Cannot read the followed article: %s", error->message);
    }
  else if (p->news->n_articles == 1 || entity == NULL)
    notification = chronicle_notification_new_article (
      chronicle_article_get_id (article), chronicle_article_get_title (article),
      chronicle_article_get_source_title (article),
      entity != NULL ? chronicle_entity_get_id (entity) : 0,
      entity != NULL ? chronicle_entity_get_name (entity) : NULL);
  else
    notification = chronicle_notification_new_entity (
      chronicle_entity_get_id (entity), chronicle_entity_get_name (entity),
      p->news->n_articles, chronicle_article_get_id (article),
      chronicle_article_get_title (article));

  if (notification != NULL)
    send (self, notification, p->news->n_articles);
  advance_mark (self, p->news->last_article_id);
  pending_free (p);
}

static void
news_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(ChronicleFollowNotifier) self = user_data;
  g_autoptr(GError) error = NULL;
  ChronicleFollowedNews *news;
  Pending *p;

  news = chronicle_store_followed_news_finish (CHRONICLE_STORE (object), result, &error);
  if (news == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Cannot read followed news: %s", error->message);
      done (self);
      return;
    }

  /* Nothing new: the marks stay (the next article above them is news). */
  if (news->n_articles == 0 || news->article_ids->len == 0)
    {
      chronicle_followed_news_free (news);
      done (self);
      return;
    }

  p = g_new0 (Pending, 1);
  p->self = g_object_ref (self);
  p->news = news;
  chronicle_store_get_article_async (self->store, g_array_index (news->article_ids, gint64, 0),
                                     self->cancellable, article_cb, p);
}

static void
check (ChronicleFollowNotifier *self)
{
  if (self->busy > 0)
    {
      self->again = TRUE;
      return;
    }

  self->busy++;
  chronicle_store_followed_news_async (self->store, CHRONICLE_FOLLOWED_NEWS_SINCE_MARK, 1,
                                       self->cancellable, news_cb, g_object_ref (self));
}

static void
chronicle_follow_notifier_dispose (GObject *object)
{
  ChronicleFollowNotifier *self = CHRONICLE_FOLLOW_NOTIFIER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_weak_pointer (&self->application);

  G_OBJECT_CLASS (chronicle_follow_notifier_parent_class)->dispose (object);
}

static void
chronicle_follow_notifier_class_init (ChronicleFollowNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = chronicle_follow_notifier_dispose;

  /**
   * ChronicleFollowNotifier::notification:
   * @self: the notifier
   * @notification: the notification about to be sent
   * @n_articles: how many new articles it is about
   */
  signals[NOTIFICATION] =
    g_signal_new ("notification", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_NOTIFICATION, G_TYPE_UINT);
}

static void
chronicle_follow_notifier_init (ChronicleFollowNotifier *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * chronicle_follow_notifier_new:
 * @store: the store
 * @application: (nullable): where notifications are sent (%NULL: only the
 *   #ChronicleFollowNotifier::notification signal)
 *
 * Starts with a check: articles stored since the last notification (for
 * example by a sync while the application was closed) notify once.
 *
 * Returns: (transfer full): a new notifier
 */
ChronicleFollowNotifier *
chronicle_follow_notifier_new (ChronicleStore *store,
                               GApplication   *application)
{
  ChronicleFollowNotifier *self;

  g_return_val_if_fail (CHRONICLE_IS_STORE (store), NULL);

  self = g_object_new (CHRONICLE_TYPE_FOLLOW_NOTIFIER, NULL);
  self->store = g_object_ref (store);
  g_set_weak_pointer (&self->application, application);
  check (self);
  return self;
}

/**
 * chronicle_follow_notifier_check:
 * @self: a #ChronicleFollowNotifier
 *
 * After a sync: notifies once about the new articles naming followed entities.
 */
void
chronicle_follow_notifier_check (ChronicleFollowNotifier *self)
{
  g_return_if_fail (CHRONICLE_IS_FOLLOW_NOTIFIER (self));

  check (self);
}

/**
 * chronicle_follow_notifier_is_busy:
 * @self: a #ChronicleFollowNotifier
 *
 * Returns: whether it is still asking the store
 */
gboolean
chronicle_follow_notifier_is_busy (ChronicleFollowNotifier *self)
{
  g_return_val_if_fail (CHRONICLE_IS_FOLLOW_NOTIFIER (self), FALSE);

  return self->busy > 0;
}
