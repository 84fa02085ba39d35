/* chronicle-store-read.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "chronicle-fts-query.h"
#include "chronicle-id-diff.h"
#include "chronicle-store-error.h"
#include "chronicle-store-private.h"
#include "chronicle-store-sql.h"

/* Read jobs. Each runs on a reader thread with its own connection. SQL is built
 * from the shape of the query only (values are always bound), so each shape is
 * prepared once per connection and reused. */


static void
build_timeline_sql (Sql            *sql,
                    ChronicleQuery *query,
                    guint           limit)
{
  gboolean by_event = chronicle_query_get_sort (query) == CHRONICLE_QUERY_SORT_EVENT_DATE;

  if (sql->facets.n_facets == 0)
    {
      g_string_append (sql->sql, "SELECT a.id FROM articles a WHERE 1");
      _chronicle_sql_append_filter (sql, query, TRUE);
      g_string_append (sql->sql, by_event ? " ORDER BY a.event_date DESC, a.id DESC"
                                          : " ORDER BY a.published DESC, a.id DESC");
    }
  else
    {
      /* The entity-driven select joins articles when sorting by event date. */
      _chronicle_sql_build_ids (sql, query);
      if (!sql->facets.empty)
        g_string_append (sql->sql, by_event ? " ORDER BY a.event_date DESC, a.id DESC"
                                            : " ORDER BY published DESC, id DESC");
    }

  if (limit > 0)
    {
      g_string_append (sql->sql, " LIMIT ?");
      _chronicle_sql_int (sql, limit);
    }
}

gboolean
_chronicle_store_read_timeline (StoreJob     *job,
                                ChronicleDb  *db,
                                GError      **error)
{
  ReadData *data = job->data;
  g_auto(Sql) sql = { NULL, NULL };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  _chronicle_sql_init (&sql);
  if (!_chronicle_sql_resolve_facets (&sql, db, data->query, error))
    return FALSE;
  /* For a first page only: the whole list needs every match anyway. */
  sql.probe_text = data->limit > 0 && _chronicle_sql_text_is_common (db, data->query);
  build_timeline_sql (&sql, data->query, data->limit);
  stmt = _chronicle_sql_prepare (db, &sql, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (!_chronicle_db_finish_rows (db, stmt, rc, error))
    return FALSE;

  if (g_task_get_source_tag (job->task) == _chronicle_store_timeline_diff_async)
    {
      TimelineDiff *diff = g_new0 (TimelineDiff, 1);

      if (data->old_ids != NULL)
        diff->hunks = _chronicle_id_diff ((const gint64 *) (gpointer) data->old_ids->data,
                                          data->old_ids->len,
                                          (const gint64 *) (gpointer) ids->data, ids->len);
      diff->ids = g_steal_pointer (&ids);
      job->result = diff;
      job->result_free = (GDestroyNotify) _timeline_diff_free;
      return TRUE;
    }

  job->result = g_steal_pointer (&ids);
  job->result_free = (GDestroyNotify) g_array_unref;
  return TRUE;
}

/* Articles */

#define ARTICLE_COLUMNS \
  "a.id, a.source_id, s.title, a.guid, a.url, a.title, a.author, a.published," \
  " a.published_inferred, a.updated, a.event_date, a.language, a.image_url, a.read," \
  " a.starred, t.summary"

static ChronicleArticle *
article_from_row (sqlite3_stmt *stmt)
{
  ChronicleArticle *article = chronicle_article_new ();

  g_object_freeze_notify (G_OBJECT (article));
  chronicle_article_set_id (article, sqlite3_column_int64 (stmt, 0));
  chronicle_article_set_source_id (article, sqlite3_column_int64 (stmt, 1));
  chronicle_article_set_source_title (article, _chronicle_db_column_text (stmt, 2));
  chronicle_article_set_guid (article, _chronicle_db_column_text (stmt, 3));
  chronicle_article_set_url (article, _chronicle_db_column_text (stmt, 4));
  chronicle_article_set_title (article, _chronicle_db_column_text (stmt, 5));
  chronicle_article_set_author (article, _chronicle_db_column_text (stmt, 6));
  chronicle_article_set_published (article, sqlite3_column_int64 (stmt, 7));
  chronicle_article_set_published_inferred (article, sqlite3_column_int (stmt, 8));
  chronicle_article_set_updated (article, sqlite3_column_int64 (stmt, 9));
  chronicle_article_set_event_date (article, sqlite3_column_int64 (stmt, 10));
  chronicle_article_set_language (article, _chronicle_db_column_text (stmt, 11));
  chronicle_article_set_image_url (article, _chronicle_db_column_text (stmt, 12));
  chronicle_article_set_read (article, sqlite3_column_int (stmt, 13));
  chronicle_article_set_starred (article, sqlite3_column_int (stmt, 14));
  chronicle_article_set_summary (article, _chronicle_db_column_text (stmt, 15));
  g_object_thaw_notify (G_OBJECT (article));

  return article;
}

gboolean
_chronicle_store_read_articles (StoreJob     *job,
                                ChronicleDb  *db,
                                GError      **error)
{
  ReadData *data = job->data;
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  stmt = _chronicle_db_prepare (db,
                                "SELECT " ARTICLE_COLUMNS " FROM articles a"
                                " JOIN sources s ON s.id = a.source_id"
                                " LEFT JOIN article_text t ON t.id = a.id"
                                " WHERE a.id = ?",
                                error);
  if (stmt == NULL)
    return FALSE;

  if (!_chronicle_db_begin_read (db, error))
    return FALSE;

  for (guint i = 0; i < data->ids->len; i++)
    {
      int rc;

      sqlite3_bind_int64 (stmt, 1, g_array_index (data->ids, gint64, i));
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        g_ptr_array_add (articles, article_from_row (stmt));
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          _chronicle_db_end_read (db);
          return _chronicle_db_set_error (db, rc, error);
        }
    }

  _chronicle_db_end_read (db);

  job->result = g_steal_pointer (&articles);
  job->result_free = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}

static gboolean
read_mentions (ChronicleDb       *db,
               ChronicleArticle  *article,
               GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _chronicle_db_prepare (db,
                                "SELECT ae.entity_id, e.kind, e.name, e.country_code, ae.offsets"
                                " FROM article_entities ae JOIN entities e ON e.id = ae.entity_id"
                                " WHERE ae.article_id = ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, chronicle_article_get_id (article));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_auto(GStrv) spans = g_strsplit (_chronicle_db_column_text (stmt, 4), ",", -1);

      for (guint i = 0; spans[i] != NULL; i++)
        {
          guint64 start = 0, end = 0;
          char *dash = strchr (spans[i], '-');
          ChronicleMention *m;

          if (dash == NULL)
            continue;
          *dash = '\0';
          if (!g_ascii_string_to_unsigned (spans[i], 10, 0, G_MAXUINT, &start, NULL)
              || !g_ascii_string_to_unsigned (dash + 1, 10, 0, G_MAXUINT, &end, NULL))
            continue;

          m = chronicle_mention_new (sqlite3_column_int (stmt, 1),
                                     _chronicle_db_column_text (stmt, 2), start, end);
          m->entity_id = sqlite3_column_int64 (stmt, 0);
          m->country_code = g_strdup (_chronicle_db_column_text (stmt, 3));
          chronicle_article_add_mention (article, m);
        }
    }

  return _chronicle_db_finish_rows (db, stmt, rc, error);
}

static gboolean
read_time_mentions (ChronicleDb       *db,
                    ChronicleArticle  *article,
                    GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _chronicle_db_prepare (db,
                                "SELECT article_id, period_start, period_end, granularity,"
                                " relation, text, offset_start, offset_end FROM time_mentions"
                                " WHERE article_id = ? ORDER BY offset_start, id",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, chronicle_article_get_id (article));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ChronicleTimeMention *t = chronicle_time_mention_new (sqlite3_column_int64 (stmt, 1),
                                                            sqlite3_column_int64 (stmt, 2),
                                                            sqlite3_column_int (stmt, 3),
                                                            _chronicle_db_column_text (stmt, 5));

      t->article_id = sqlite3_column_int64 (stmt, 0);
      t->relation = sqlite3_column_int (stmt, 4);
      t->offset_start = sqlite3_column_int (stmt, 6);
      t->offset_end = sqlite3_column_int (stmt, 7);
      chronicle_article_add_time_mention (article, t);
    }

  return _chronicle_db_finish_rows (db, stmt, rc, error);
}

gboolean
_chronicle_store_read_article (StoreJob     *job,
                               ChronicleDb  *db,
                               GError      **error)
{
  ReadData *data = job->data;
  g_autoptr(ChronicleArticle) article = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc;

  stmt = _chronicle_db_prepare (db,
                                "SELECT " ARTICLE_COLUMNS ", t.body FROM articles a"
                                " JOIN sources s ON s.id = a.source_id"
                                " LEFT JOIN article_text t ON t.id = a.id"
                                " WHERE a.id = ?",
                                error);
  if (stmt == NULL || !_chronicle_db_begin_read (db, error))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, data->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      article = article_from_row (stmt);
      chronicle_article_set_body (article, _chronicle_db_column_text (stmt, 16));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _chronicle_db_end_read (db);
      return _chronicle_db_set_error (db, rc, error);
    }
  if (article == NULL)
    {
      _chronicle_db_end_read (db);
      g_set_error (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_NOT_FOUND,
                   _("No article with id %lld"), (long long) data->id);
      return FALSE;
    }

  ok = read_mentions (db, article, error) && read_time_mentions (db, article, error)
       && _chronicle_store_read_article_meta (db, article, error);
  _chronicle_db_end_read (db);
  if (!ok)
    return FALSE;

  job->result = g_steal_pointer (&article);
  job->result_free = g_object_unref;
  return TRUE;
}

/**
 * chronicle_store_timeline_async:
 * @self: a #ChronicleStore
 * @query: the filter and order
 * @limit: at most this many ids (the first page); 0 for all
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Reads the ordered ids of the articles matching @query. Ask for a small @limit first
 * to show something fast, then for all; #ChronicleArticleList does this for you.
 */
void
chronicle_store_timeline_async (ChronicleStore      *self,
                                ChronicleQuery      *query,
                                guint                limit,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  ReadData *data;

  g_return_if_fail (CHRONICLE_IS_STORE (self));
  g_return_if_fail (CHRONICLE_IS_QUERY (query));

  data = _read_data_new ();
  data->query = g_object_ref (query);
  data->limit = limit;
  _chronicle_store_run_read (self, chronicle_store_timeline_async, _chronicle_store_read_timeline, NULL, data,
            cancellable, callback, user_data);
}

/**
 * chronicle_store_timeline_finish:
 * @self: a #ChronicleStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type gint64): the article ids in order
 */
GArray *
chronicle_store_timeline_finish (ChronicleStore  *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_timeline_async, error);
}

void
_timeline_diff_free (TimelineDiff *diff)
{
  if (diff == NULL)
    return;
  g_clear_pointer (&diff->ids, g_array_unref);
  g_clear_pointer (&diff->hunks, g_array_unref);
  g_free (diff);
}

void
_chronicle_store_timeline_diff_async (ChronicleStore      *self,
                                      ChronicleQuery      *query,
                                      GArray              *old_ids,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  ReadData *data = _read_data_new ();

  data->query = g_object_ref (query);
  data->old_ids = old_ids != NULL ? g_array_ref (old_ids) : NULL;
  _chronicle_store_run_read (self, _chronicle_store_timeline_diff_async, _chronicle_store_read_timeline, NULL,
            data, cancellable, callback, user_data);
}

TimelineDiff *
_chronicle_store_timeline_diff_finish (ChronicleStore  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, _chronicle_store_timeline_diff_async, error);
}

static void
intern_articles_main (StoreJob *job)
{
  GPtrArray *fresh = job->result;

  for (guint i = 0; i < fresh->len; i++)
    {
      ChronicleArticle *read = g_ptr_array_index (fresh, i);

      /* Swap the object just read for the shared one. */
      g_ptr_array_index (fresh, i) = _chronicle_store_intern (job->store, read);
      g_object_unref (read);
    }
}

/**
 * chronicle_store_get_articles_async:
 * @self: a #ChronicleStore
 * @ids: (array length=n_ids): article ids (a page; ~50 reads in a few milliseconds)
 * @n_ids: how many
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Reads articles without their body text. The results are the shared objects of the
 * identity map: placeholders handed out earlier get filled in.
 */
void
chronicle_store_get_articles_async (ChronicleStore      *self,
                                    const gint64        *ids,
                                    guint                n_ids,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  ReadData *data;

  g_return_if_fail (CHRONICLE_IS_STORE (self));
  g_return_if_fail (n_ids == 0 || ids != NULL);

  data = _read_data_new ();
  data->ids = _chronicle_ids_array (ids, n_ids);
  _chronicle_store_run_read (self, chronicle_store_get_articles_async, _chronicle_store_read_articles,
            intern_articles_main, data, cancellable, callback, user_data);
}

/**
 * chronicle_store_get_articles_finish:
 * @self: a #ChronicleStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type ChronicleArticle): the articles found, in
 *   the order of the ids asked for (unknown ids are skipped)
 */
GPtrArray *
chronicle_store_get_articles_finish (ChronicleStore  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_get_articles_async, error);
}

static void
intern_article_main (StoreJob *job)
{
  ChronicleArticle *fresh = job->result;
  ChronicleArticle *shared = _chronicle_store_intern (job->store, fresh);

  if (shared != fresh)
    {
      GPtrArray *mentions = chronicle_article_get_mentions (fresh);
      GPtrArray *times = chronicle_article_get_time_mentions (fresh);
      GPtrArray *target = chronicle_article_get_mentions (shared);
      GPtrArray *target_times = chronicle_article_get_time_mentions (shared);

      g_ptr_array_set_size (target, 0);
      g_ptr_array_set_size (target_times, 0);
      for (guint i = 0; i < mentions->len; i++)
        g_ptr_array_add (target, chronicle_mention_copy (g_ptr_array_index (mentions, i)));
      for (guint i = 0; i < times->len; i++)
        g_ptr_array_add (target_times,
                         chronicle_time_mention_copy (g_ptr_array_index (times, i)));
    }

  g_object_unref (fresh);
  job->result = shared;
}

/**
 * chronicle_store_get_article_async:
 * @self: a #ChronicleStore
 * @id: an article id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Reads one article in full: body text, entity mentions (with entity ids) and time
 * mentions. %CHRONICLE_STORE_ERROR_NOT_FOUND if there is no such article.
 */
void
chronicle_store_get_article_async (ChronicleStore      *self,
                                   gint64               id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  ReadData *data;

  g_return_if_fail (CHRONICLE_IS_STORE (self));

  data = _read_data_new ();
  data->id = id;
  _chronicle_store_run_read (self, chronicle_store_get_article_async, _chronicle_store_read_article,
            intern_article_main, data, cancellable, callback, user_data);
}

/**
 * chronicle_store_get_article_finish:
 * @self: a #ChronicleStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the shared article object, now with its body and mentions
 */
ChronicleArticle *
chronicle_store_get_article_finish (ChronicleStore  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_get_article_async, error);
}
