/* test-follow-notifier.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * Follow: what is stored at start never notifies; after a sync, new articles
 * naming a followed entity raise exactly one notification, whatever their
 * number; articles about nobody followed raise none. The mark is kept in the
 * store: articles stored while the application was closed notify once at the
 * next start, and never again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "chronicle-follow-notifier.h"
#include "chronicle-store-entities.h"
#include "entity-test-store.h"

typedef struct {
  guint n_notifications;
  guint n_articles;
} Seen;

static void
notification_cb (ChronicleFollowNotifier *notifier,
                 GNotification           *notification,
                 guint                    n_articles,
                 Seen                    *seen)
{
  g_assert_true (G_IS_NOTIFICATION (notification));
  seen->n_notifications++;
  seen->n_articles = n_articles;
}

static gboolean
idle (gpointer data)
{
  return !chronicle_follow_notifier_is_busy (data);
}

static void
store_articles (ChronicleStore *store,
                guint           n,
                const char     *person,
                guint           serial)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GAsyncResult) stored = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      ChronicleArticle *article = chronicle_article_new ();
      g_autofree char *url = g_strdup_printf ("https://news.example.org/new/%u-%u", serial, i);
      g_autofree char *body = g_strdup_printf ("News: %s spoke today.", person);

      chronicle_article_set_source_id (article, 1);
      chronicle_article_set_title (article, "A new article");
      chronicle_article_set_url (article, url);
      chronicle_article_set_guid (article, url);
      chronicle_article_set_published (article, 1600000000 + serial * 100 + i);
      chronicle_article_set_body (article, body);
      chronicle_article_add_mention (article, chronicle_mention_new (CHRONICLE_ENTITY_KIND_PERSON,
                                                                     person, 6,
                                                                     6 + strlen (person)));
      g_ptr_array_add (articles, article);
    }
  chronicle_store_upsert_articles_async (store, articles, NULL, NULL, entity_test_result_cb, &stored);
  ids = chronicle_store_upsert_articles_finish (store, entity_test_await (&stored), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, n);
}

static void
test_one_notification (void)
{
  g_autofree char *dir = g_dir_make_tmp ("chronicle-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(ChronicleStore) store = entity_test_store_new (path);
  g_autoptr(ChronicleFollowNotifier) notifier = NULL;
  g_autoptr(GAsyncResult) found = NULL;
  g_autoptr(GAsyncResult) followed = NULL;
  g_autoptr(ChronicleEntity) merkel = NULL;
  g_autoptr(GError) error = NULL;
  Seen seen = { 0, 0 };

  chronicle_store_lookup_entity_async (store, CHRONICLE_ENTITY_KIND_PERSON, "Angela Merkel", NULL,
                                       entity_test_result_cb, &found);
  merkel = chronicle_store_lookup_entity_finish (store, entity_test_await (&found), &error);
  g_assert_no_error (error);
  chronicle_store_set_followed_async (store, chronicle_entity_get_id (merkel), TRUE, NULL,
                                      entity_test_result_cb, &followed);
  g_assert_true (chronicle_store_set_followed_finish (store, entity_test_await (&followed), &error));

  /* Three stored articles name her: they are old news. */
  notifier = chronicle_follow_notifier_new (store, NULL);
  g_signal_connect (notifier, "notification", G_CALLBACK (notification_cb), &seen);
  g_assert_true (entity_test_wait (idle, notifier));
  chronicle_follow_notifier_check (notifier);
  g_assert_true (entity_test_wait (idle, notifier));
  g_assert_cmpuint (seen.n_notifications, ==, 0);

  /* A sync brings three articles about her and one about someone else: one notification. */
  store_articles (store, 3, "Angela Merkel", 1);
  store_articles (store, 1, "Olaf Scholz", 2);
  chronicle_follow_notifier_check (notifier);
  g_assert_true (entity_test_wait (idle, notifier));
  g_assert_cmpuint (seen.n_notifications, ==, 1);
  g_assert_cmpuint (seen.n_articles, ==, 3);

  /* Nothing new: nothing said. */
  chronicle_follow_notifier_check (notifier);
  g_assert_true (entity_test_wait (idle, notifier));
  g_assert_cmpuint (seen.n_notifications, ==, 1);

  /* Only someone not followed: nothing said. */
  store_articles (store, 2, "Olaf Scholz", 3);
  chronicle_follow_notifier_check (notifier);
  g_assert_true (entity_test_wait (idle, notifier));
  g_assert_cmpuint (seen.n_notifications, ==, 1);

  /* One article: a notification of its own. */
  store_articles (store, 1, "Angela Merkel", 4);
  chronicle_follow_notifier_check (notifier);
  g_assert_true (entity_test_wait (idle, notifier));
  g_assert_cmpuint (seen.n_notifications, ==, 2);
  g_assert_cmpuint (seen.n_articles, ==, 1);
}

static void
follow_merkel (ChronicleStore *store)
{
  g_autoptr(GAsyncResult) found = NULL;
  g_autoptr(GAsyncResult) followed = NULL;
  g_autoptr(ChronicleEntity) merkel = NULL;
  g_autoptr(GError) error = NULL;

  chronicle_store_lookup_entity_async (store, CHRONICLE_ENTITY_KIND_PERSON, "Angela Merkel", NULL,
                                       entity_test_result_cb, &found);
  merkel = chronicle_store_lookup_entity_finish (store, entity_test_await (&found), &error);
  g_assert_no_error (error);
  chronicle_store_set_followed_async (store, chronicle_entity_get_id (merkel), TRUE, NULL,
                                      entity_test_result_cb, &followed);
  g_assert_true (chronicle_store_set_followed_finish (store, entity_test_await (&followed), &error));
}

/* One run of the application: a notifier on a freshly opened store, until it
 * has said what it had to say at start (and after a sync, if @sync_articles). */
static guint
run_app (const char *path,
         guint       sync_articles,
         guint       serial)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleStore) store = chronicle_store_open_sync (path, NULL, &error);
  g_autoptr(ChronicleFollowNotifier) notifier = NULL;
  Seen seen = { 0, 0 };

  g_assert_no_error (error);
  notifier = chronicle_follow_notifier_new (store, NULL);
  g_signal_connect (notifier, "notification", G_CALLBACK (notification_cb), &seen);
  g_assert_true (entity_test_wait (idle, notifier));
  if (sync_articles > 0)
    {
      store_articles (store, sync_articles, "Angela Merkel", serial);
      chronicle_follow_notifier_check (notifier);
      g_assert_true (entity_test_wait (idle, notifier));
    }
  return seen.n_notifications;
}

static void
test_restart (void)
{
  g_autofree char *dir = g_dir_make_tmp ("chronicle-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);

  {
    g_autoptr(ChronicleStore) store = entity_test_store_new (path);

    follow_merkel (store);
  }

  /* First run: the stored articles are old news. */
  g_assert_cmpuint (run_app (path, 0, 0), ==, 0);

  /* The application is closed; a sync (the CLI, the background service) stores two. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ChronicleStore) store = chronicle_store_open_sync (path, NULL, &error);

    g_assert_no_error (error);
    store_articles (store, 2, "Angela Merkel", 7);
  }

  /* Next run: exactly one notification at start; no repeat the run after. */
  g_assert_cmpuint (run_app (path, 0, 0), ==, 1);
  g_assert_cmpuint (run_app (path, 0, 0), ==, 0);

  /* Notified during a run (after a sync): not again at the next start. */
  g_assert_cmpuint (run_app (path, 1, 8), ==, 1);
  g_assert_cmpuint (run_app (path, 0, 0), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/follow-notifier/one-notification", test_one_notification);
  g_test_add_func ("/follow-notifier/restart", test_restart);

  return g_test_run ();
}
