/* test-article-list.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chronicle-article-list.h"
#include "chronicle-id-diff.h"
#include "store-test-utils.h"

/* The exact items-changed runs of a ChronicleArticleList as the store changes. */

typedef struct {
  StoreFixture base;
  gint64 source;
  gint64 other_source;
  ChronicleArticleList *list;
  GString *log;
} ListFixture;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GString    *log)
{
  /* The model already has its new size when it signals. */
  g_string_append_printf (log, "%s(%u,%u,%u)", log->len > 0 ? " " : "", position, removed, added);
}

static void
wait_loaded (ChronicleArticleList *list)
{
  /* Spin until no load is in flight and nothing more is queued. */
  do
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (chronicle_article_list_get_loading (list))
        g_main_context_iteration (NULL, TRUE);
    }
  while (chronicle_article_list_get_loading (list) || g_main_context_pending (NULL));
}

static char *
ids_string (ChronicleArticleList *list,
            GArray               *guid_ids)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      gint64 id = chronicle_article_list_get_id (list, i);

      for (guint j = 0; j < guid_ids->len; j++)
        if (g_array_index (guid_ids, gint64, j) == id)
          g_string_append_printf (out, "%s%u", out->len > 0 ? " " : "", j);
    }

  return g_string_free (out, FALSE);
}

static gint64
insert (ListFixture *fixture,
        gint64       source,
        const char  *guid,
        gint64       published)
{
  g_autoptr(ChronicleArticle) article = make_article (source, guid, guid, published);
  g_autoptr(GArray) ids = upsert_one (fixture->base.store, article);

  return g_array_index (ids, gint64, 0);
}

static void
list_setup (ListFixture   *fixture,
            gconstpointer  data)
{
  store_fixture_setup (&fixture->base, data);
  fixture->source = add_source (fixture->base.store, "https://one.example/rss", "One");
  fixture->other_source = add_source (fixture->base.store, "https://two.example/rss", "Two");
  fixture->log = g_string_new (NULL);
}

static void
list_teardown (ListFixture   *fixture,
               gconstpointer  data)
{
  g_clear_object (&fixture->list);
  /* Let the list's pending callbacks run before the store goes away. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_string_free (fixture->log, TRUE);
  store_fixture_teardown (&fixture->base, data);
}

static void
start_list (ListFixture    *fixture,
            ChronicleQuery *query)
{
  fixture->list = chronicle_article_list_new (fixture->base.store, query);
  g_signal_connect (fixture->list, "items-changed", G_CALLBACK (items_changed_cb), fixture->log);
  wait_loaded (fixture->list);
}

static void
expect (ListFixture *fixture,
        const char  *runs)
{
  wait_loaded (fixture->list);
  g_assert_cmpstr (fixture->log->str, ==, runs);
  g_string_truncate (fixture->log, 0);
}

static void
test_insertions (ListFixture   *fixture,
                 gconstpointer  data)
{
  /* Published at days 10, 20, 30: the list shows 30 20 10. */
  insert (fixture, fixture->source, "d10", T0 + 10 * DAY);
  insert (fixture, fixture->source, "d20", T0 + 20 * DAY);
  insert (fixture, fixture->source, "d30", T0 + 30 * DAY);

  start_list (fixture, NULL);
  expect (fixture, "(0,0,3)");

  /* Newest: at the top. */
  insert (fixture, fixture->source, "d40", T0 + 40 * DAY);
  expect (fixture, "(0,0,1)");

  /* Between 20 and 10: position 3 of 40 30 20 10. */
  insert (fixture, fixture->source, "d15", T0 + 15 * DAY);
  expect (fixture, "(3,0,1)");

  /* Oldest: at the end. */
  insert (fixture, fixture->source, "d05", T0 + 5 * DAY);
  expect (fixture, "(5,0,1)");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 6);

  /* An unchanged upsert is no change. */
  insert (fixture, fixture->source, "d05", T0 + 5 * DAY);
  expect (fixture, "");
}

static void
test_batch_insert_two_places (ListFixture   *fixture,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  for (guint d = 10; d <= 50; d += 10)
    {
      g_autofree char *guid = g_strdup_printf ("d%u", d);

      insert (fixture, fixture->source, guid, T0 + d * DAY);
    }
  start_list (fixture, NULL);
  expect (fixture, "(0,0,5)");

  /* 50 45 44 40 30 20 10 05: two runs in one batch. */
  g_ptr_array_add (batch, make_article (fixture->source, "d45", "d45", T0 + 45 * DAY));
  g_ptr_array_add (batch, make_article (fixture->source, "d44", "d44", T0 + 44 * DAY));
  g_ptr_array_add (batch, make_article (fixture->source, "d05", "d05", T0 + 5 * DAY));
  ids = upsert (fixture->base.store, batch, NULL, NULL, &error);
  g_assert_no_error (error);
  expect (fixture, "(1,0,2) (7,0,1)");
}

static void
test_deletions (ListFixture   *fixture,
                gconstpointer  data)
{
  g_autoptr(GAsyncResult) r1 = NULL, r2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) guid_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *order = NULL;

  /* Days 1..6, sources alternating: one two one two one two. */
  for (guint d = 1; d <= 6; d++)
    {
      g_autofree char *guid = g_strdup_printf ("d%u", d);
      gint64 id = insert (fixture, d % 2 ? fixture->source : fixture->other_source, guid,
                          T0 + d * DAY);

      g_array_append_val (guid_ids, id);
    }
  start_list (fixture, NULL);
  expect (fixture, "(0,0,6)");

  /* Retention keeps the last 4.5 days of T0 + 6.5 days: days 3..6 stay. */
  r1 = AWAIT_CALL (chronicle_store_apply_retention_async, fixture->base.store, 4, T0 + 6 * DAY + DAY / 2,
                   NULL);
  g_assert_cmpint (chronicle_store_apply_retention_finish (fixture->base.store, r1, &error), ==, 2);
  g_assert_no_error (error);
  expect (fixture, "(4,2,0)");

  /* Removing the second source takes days 6 and 4 out of 6 5 4 3: two runs. */
  r2 = AWAIT_CALL (chronicle_store_remove_source_async, fixture->base.store,
                   fixture->other_source, NULL);
  g_assert_true (chronicle_store_remove_source_finish (fixture->base.store, r2, &error));
  expect (fixture, "(0,1,0) (1,1,0)");

  order = ids_string (fixture->list, guid_ids);
  g_assert_cmpstr (order, ==, "4 2");
}

static void
test_resort (ListFixture   *fixture,
             gconstpointer  data)
{
  g_autoptr(GArray) guid_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *order = NULL;
  g_autofree char *order2 = NULL;

  for (guint d = 1; d <= 5; d++)
    {
      g_autofree char *guid = g_strdup_printf ("d%u", d);
      gint64 id = insert (fixture, fixture->source, guid, T0 + d * DAY);

      g_array_append_val (guid_ids, id);
    }
  start_list (fixture, NULL);
  expect (fixture, "(0,0,5)");

  /* The oldest gets a corrected date, newest of all: a move to the top is an
   * insertion at 0 and a removal at the end. */
  insert (fixture, fixture->source, "d1", T0 + 9 * DAY);
  expect (fixture, "(0,0,1) (5,1,0)");
  order = ids_string (fixture->list, guid_ids);
  g_assert_cmpstr (order, ==, "0 4 3 2 1");

  /* And a move down by one: 0 4 3 2 1 -> 4 0 3 2 1. Either article can be the one
   * that moves; the diff keeps the first and moves the other. */
  insert (fixture, fixture->source, "d1", T0 + 5 * DAY - 1);
  expect (fixture, "(0,0,1) (2,1,0)");
  order2 = ids_string (fixture->list, guid_ids);
  g_assert_cmpstr (order2, ==, "4 0 3 2 1");
}

static void
test_state_is_notify (ListFixture   *fixture,
                      gconstpointer  data)
{
  gint64 id = insert (fixture, fixture->source, "a", T0);
  g_autoptr(ChronicleArticle) item = NULL;
  g_autoptr(ChronicleQuery) all = chronicle_query_new ();
  g_autoptr(ChronicleQuery) unread = chronicle_query_with_unread_only (all, TRUE);
  g_autoptr(GAsyncResult) r = NULL;
  g_autoptr(GError) error = NULL;

  start_list (fixture, NULL);
  expect (fixture, "(0,0,1)");

  /* get_item never blocks: a placeholder first, filled in when its page arrives. */
  item = g_list_model_get_item (G_LIST_MODEL (fixture->list), 0);
  g_assert_false (chronicle_article_get_loaded (item));
  while (!chronicle_article_get_loaded (item))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (chronicle_article_get_title (item), ==, "a");

  r = AWAIT_CALL (chronicle_store_set_starred_async, fixture->base.store, &id, 1, TRUE, NULL);
  g_assert_true (chronicle_store_set_starred_finish (fixture->base.store, r, &error));
  g_assert_true (chronicle_article_get_starred (item));
  expect (fixture, "");

  /* A query on the read state does change. */
  chronicle_article_list_set_query (fixture->list, unread);
  expect (fixture, "(0,1,1)");
  g_clear_object (&r);
  r = AWAIT_CALL (chronicle_store_set_read_async, fixture->base.store, &id, 1, TRUE, NULL);
  g_assert_true (chronicle_store_set_read_finish (fixture->base.store, r, &error));
  expect (fixture, "(0,1,0)");
}

static void
test_large_first_page (ListFixture   *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 250; i++)
    {
      g_autofree char *guid = g_strdup_printf ("g%u", i);

      g_ptr_array_add (batch, make_article (fixture->source, guid, guid, T0 + i * 3600));
    }
  ids = upsert (fixture->base.store, batch, NULL, NULL, &error);
  g_assert_no_error (error);

  /* The first page of ids, then the rest appended. */
  start_list (fixture, NULL);
  expect (fixture, "(0,0,100) (100,0,150)");
  g_assert_cmpint (chronicle_article_list_get_id (fixture->list, 0), ==,
                   g_array_index (ids, gint64, 249));
  g_assert_cmpint (chronicle_article_list_find (fixture->list, g_array_index (ids, gint64, 0)),
                   ==, 249);
}

typedef struct {
  ChronicleQuery *next;
  guint changes;
} Retype;

static void
retype_cb (ChronicleArticleList *list,
           guint                 position,
           guint                 removed,
           guint                 added,
           Retype               *retype)
{
  /* As someone typing: the next query arrives as soon as a first page shows. */
  if (retype->changes++ == 0)
    chronicle_article_list_set_query (list, retype->next);
}

static void
insert_many (ListFixture *fixture,
             gint64       source,
             const char  *prefix,
             guint        n,
             GArray     **ids)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *guid = g_strdup_printf ("%s%u", prefix, i);

      g_ptr_array_add (batch, make_article (source, guid, guid, T0 + i * 3600));
    }
  *ids = upsert (fixture->base.store, batch, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
test_newest_query_wins (ListFixture   *fixture,
                        gconstpointer  data)
{
  g_autoptr(GArray) one_ids = NULL;
  g_autoptr(GArray) two_ids = NULL;
  g_autoptr(ChronicleQuery) all = chronicle_query_new ();
  g_autoptr(ChronicleQuery) one = chronicle_query_with_sources (all, &fixture->source, 1);
  g_autoptr(ChronicleQuery) two = chronicle_query_with_sources (all, &fixture->other_source, 1);
  Retype retype = { one, 0 };
  gulong handler;

  insert_many (fixture, fixture->source, "one", 250, &one_ids);
  insert_many (fixture, fixture->other_source, "two", 120, &two_ids);
  start_list (fixture, NULL);
  expect (fixture, "(0,0,100) (100,0,270)");

  /* Source Two, replaced by source One as soon as Two's first page shows: Two's
   * other 20 ids are never read into the list, One's first page and then the rest
   * (after the pause for the window's other reads) are. */
  handler = g_signal_connect (fixture->list, "items-changed", G_CALLBACK (retype_cb), &retype);
  chronicle_article_list_set_query (fixture->list, two);
  expect (fixture, "(0,370,100) (0,100,100) (100,0,150)");
  g_signal_handler_disconnect (fixture->list, handler);
  g_assert_true (chronicle_query_equal (chronicle_article_list_get_query (fixture->list), one));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 250);
  for (guint i = 0; i < 250; i++)
    g_assert_cmpint (chronicle_article_list_get_id (fixture->list, i), ==,
                     g_array_index (one_ids, gint64, 249 - i));

  /* Queries replaced before any of their reads came back leave no trace. */
  chronicle_article_list_set_query (fixture->list, two);
  chronicle_article_list_set_query (fixture->list, all);
  chronicle_article_list_set_query (fixture->list, one);
  chronicle_article_list_set_query (fixture->list, two);
  expect (fixture, "(0,250,100) (100,0,20)");
  for (guint i = 0; i < 120; i++)
    g_assert_cmpint (chronicle_article_list_get_id (fixture->list, i), ==,
                     g_array_index (two_ids, gint64, 119 - i));
}

/* The diff itself, on plain arrays. */
static void
test_diff_table (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "id-diffs.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  lines = g_strsplit (contents, "\n", -1);

  /* Each case: "old | new | runs", ids as numbers. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;
      g_auto(GStrv) old_s = NULL;
      g_auto(GStrv) new_s = NULL;
      g_autoptr(GArray) old_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) new_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) hunks = NULL;
      g_autoptr(GArray) applied = NULL;
      g_autoptr(GString) runs = g_string_new (NULL);
      g_autofree char *expected = NULL;

      if (*lines[i] == '\0' || *lines[i] == '#')
        continue;
      parts = g_strsplit (lines[i], "|", 3);
      g_assert_cmpuint (g_strv_length (parts), ==, 3);
      old_s = g_strsplit (g_strstrip (parts[0]), " ", -1);
      new_s = g_strsplit (g_strstrip (parts[1]), " ", -1);
      for (guint j = 0; old_s[j] != NULL; j++)
        if (*old_s[j] != '\0')
          {
            gint64 v = g_ascii_strtoll (old_s[j], NULL, 10);

            g_array_append_val (old_ids, v);
          }
      for (guint j = 0; new_s[j] != NULL; j++)
        if (*new_s[j] != '\0')
          {
            gint64 v = g_ascii_strtoll (new_s[j], NULL, 10);

            g_array_append_val (new_ids, v);
          }

      hunks = _chronicle_id_diff ((gint64 *) (gpointer) old_ids->data, old_ids->len,
                                  (gint64 *) (gpointer) new_ids->data, new_ids->len);

      /* Applying the runs in order turns old into new. */
      applied = g_array_copy (old_ids);
      for (guint j = 0; j < hunks->len; j++)
        {
          ChronicleIdHunk *h = &g_array_index (hunks, ChronicleIdHunk, j);

          g_string_append_printf (runs, "%s(%u,%u,%u)", j > 0 ? " " : "", h->position,
                                  h->removed, h->added);
          g_array_remove_range (applied, h->position, h->removed);
          g_array_insert_vals (applied, h->position,
                               &g_array_index (new_ids, gint64, h->position), h->added);
        }
      g_assert_cmpuint (applied->len, ==, new_ids->len);
      g_assert_cmpmem (applied->data, applied->len * sizeof (gint64),
                       new_ids->data, new_ids->len * sizeof (gint64));

      expected = g_strstrip (g_strdup (parts[2]));
      g_assert_cmpstr (runs->str, ==, expected);
      n++;
    }

  g_assert_cmpuint (n, >=, 8);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/store/article-list/" path, ListFixture, NULL, list_setup, func, list_teardown)

  ADD ("insertions", test_insertions);
  ADD ("batch-insert-two-places", test_batch_insert_two_places);
  ADD ("deletions", test_deletions);
  ADD ("resort", test_resort);
  ADD ("state-is-notify", test_state_is_notify);
  ADD ("large-first-page", test_large_first_page);
  ADD ("newest-query-wins", test_newest_query_wins);
  g_test_add_func ("/store/article-list/diff-table", test_diff_table);

  return g_test_run ();
}
