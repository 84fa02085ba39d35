/* store-test-utils.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "chronicle-store.h"
#include "chronicle-store-error.h"
#include "chronicle-store-private.h"
#include "chronicle-test-utils.h"

/* Shared by the store tests: blocking wrappers that spin the main context. */

#define DAY G_GINT64_CONSTANT (86400)
#define T0 G_GINT64_CONSTANT (1704067200) /* 2024-01-01 00:00 UTC */

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static G_GNUC_UNUSED GAsyncResult *
await_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

#define AWAIT_CALL(call_async, ...) \
  ({ GAsyncResult *_r = NULL; call_async (__VA_ARGS__, store_result_cb, &_r); await_result (&_r); })

static G_GNUC_UNUSED ChronicleStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  ChronicleStore *store = chronicle_store_open_sync (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static G_GNUC_UNUSED gint64
add_source (ChronicleStore *store,
            const char     *url,
            const char     *title)
{
  g_autoptr(ChronicleSource) source = chronicle_source_new (CHRONICLE_SOURCE_KIND_RSS, url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  chronicle_source_set_title (source, title);
  result = AWAIT_CALL (chronicle_store_add_source_async, store, source, NULL);
  id = chronicle_store_add_source_finish (store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static G_GNUC_UNUSED ChronicleArticle *
make_article (gint64      source_id,
              const char *guid,
              const char *title,
              gint64      published)
{
  ChronicleArticle *article = chronicle_article_new ();
  g_autofree char *url = g_strdup_printf ("https://news.example/%s?utm_source=feed", guid);

  chronicle_article_set_source_id (article, source_id);
  chronicle_article_set_guid (article, guid);
  chronicle_article_set_url (article, url);
  chronicle_article_set_title (article, title);
  chronicle_article_set_published (article, published);
  chronicle_article_set_summary (article, "A summary.");
  chronicle_article_set_body (article, title);
  return article;
}

static G_GNUC_UNUSED void
add_mention (ChronicleArticle    *article,
             ChronicleEntityKind  kind,
             const char          *name,
             guint                start)
{
  ChronicleMention *m = chronicle_mention_new (kind, name, start,
                                               start + (guint) g_utf8_strlen (name, -1));

  if (kind == CHRONICLE_ENTITY_KIND_COUNTRY)
    m->country_code = g_strndup (name, 2);
  chronicle_article_add_mention (article, m);
}

static G_GNUC_UNUSED GArray *
upsert (ChronicleStore       *store,
        GPtrArray            *articles,
        GPtrArray            *events,
        ChronicleUpsertStats *stats,
        GError              **error)
{
  g_autoptr(GAsyncResult) result =
    AWAIT_CALL (chronicle_store_upsert_articles_async, store, articles, events, NULL);

  return chronicle_store_upsert_articles_finish (store, result, stats, error);
}

static G_GNUC_UNUSED GArray *
upsert_one (ChronicleStore   *store,
            ChronicleArticle *article)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GArray *ids;

  g_ptr_array_add (batch, article);
  ids = upsert (store, batch, NULL, NULL, &error);
  g_assert_no_error (error);
  return ids;
}

static G_GNUC_UNUSED GArray *
timeline (ChronicleStore *store,
          ChronicleQuery *query,
          guint           limit)
{
  g_autoptr(GAsyncResult) result = AWAIT_CALL (chronicle_store_timeline_async, store, query,
                                               limit, NULL);
  g_autoptr(GError) error = NULL;
  GArray *ids = chronicle_store_timeline_finish (store, result, &error);

  g_assert_no_error (error);
  return ids;
}

static G_GNUC_UNUSED gint64
scalar (const char *path,
        const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static G_GNUC_UNUSED char *
scalar_text (const char *path,
             const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

typedef struct {
  char *dir;
  char *path;
  ChronicleStore *store;
} StoreFixture;

static G_GNUC_UNUSED void
store_fixture_setup (StoreFixture  *fixture,
                     gconstpointer  data)
{
  fixture->dir = chronicle_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = open_store (fixture->path);
}

static G_GNUC_UNUSED void
store_fixture_teardown (StoreFixture  *fixture,
                        gconstpointer  data)
{
  g_clear_object (&fixture->store);
  chronicle_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}
