/* chronicle-store-entities.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chronicle-entity-fold.h"
#include "chronicle-store-error.h"
#include "chronicle-store-private.h"
#include "chronicle-store-sql.h"

/* The entity browser, the sidebar's facet search and Follow: result types, the
 * public read calls and their jobs. */

static void
entity_summary_free (gpointer data)
{
  ChronicleEntitySummary *row = data;

  g_clear_object (&row->entity);
  g_clear_pointer (&row->series, g_array_unref);
  g_free (row);
}

static ChronicleEntityList *
entity_list_copy (ChronicleEntityList *list)
{
  ChronicleEntityList *copy = g_new0 (ChronicleEntityList, 1);

  *copy = *list;
  copy->rows = list->rows != NULL ? g_ptr_array_ref (list->rows) : NULL;
  return copy;
}

G_DEFINE_BOXED_TYPE (ChronicleEntityList, chronicle_entity_list,
                     entity_list_copy, chronicle_entity_list_free)

/**
 * chronicle_entity_list_free:
 * @list: (nullable): a #ChronicleEntityList
 */
void
chronicle_entity_list_free (ChronicleEntityList *list)
{
  if (list == NULL)
    return;

  g_clear_pointer (&list->rows, g_ptr_array_unref);
  g_free (list);
}

static ChronicleFollowedNews *
followed_news_copy (ChronicleFollowedNews *news)
{
  ChronicleFollowedNews *copy = g_new0 (ChronicleFollowedNews, 1);

  *copy = *news;
  copy->article_ids = news->article_ids != NULL ? g_array_ref (news->article_ids) : NULL;
  copy->entities = news->entities != NULL ? g_ptr_array_ref (news->entities) : NULL;
  return copy;
}

G_DEFINE_BOXED_TYPE (ChronicleFollowedNews, chronicle_followed_news,
                     followed_news_copy, chronicle_followed_news_free)

/**
 * chronicle_followed_news_free:
 * @news: (nullable): a #ChronicleFollowedNews
 */
void
chronicle_followed_news_free (ChronicleFollowedNews *news)
{
  if (news == NULL)
    return;

  g_clear_pointer (&news->article_ids, g_array_unref);
  g_clear_pointer (&news->entities, g_ptr_array_unref);
  g_free (news);
}

#define ENTITY_COLUMNS "id, kind, name, country_code, article_count"
/* A row that names an entity of its own, not a redirect left by a merge or rename. */
#define LIVE_ENTITY "merged_into IS NULL AND article_count > 0"

static gint64
month_add (gint64 month_start,
           int    n)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (month_start);
  g_autoptr(GDateTime) moved = g_date_time_add_months (start, n);

  return g_date_time_to_unix (moved);
}

static gboolean
count_series (ChronicleDb          *db,
              ChronicleEntityList  *list,
              GError              **error)
{
  g_autofree gint64 *bounds = NULL;
  sqlite3_stmt *stmt;
  gint64 newest;

  if (list->n_months == 0 || list->rows->len == 0)
    return TRUE;

  {
    GError *local = NULL;

    newest = _chronicle_db_get_int (db, "SELECT coalesce (max (published), 0) FROM articles",
                                    &local);
    if (local != NULL)
      {
        g_propagate_error (error, local);
        return FALSE;
      }
  }
  list->series_start = month_add (chronicle_granularity_floor (CHRONICLE_GRANULARITY_MONTH, newest),
                                  1 - (int) list->n_months);

  bounds = g_new (gint64, list->n_months + 1);
  for (guint i = 0; i <= list->n_months; i++)
    bounds[i] = month_add (list->series_start, (int) i);

  stmt = _chronicle_db_prepare (db,
                                "SELECT published FROM article_entities"
                                " WHERE entity_id = ? AND published >= ? AND published < ?",
                                error);
  if (stmt == NULL)
    return FALSE;

  for (guint r = 0; r < list->rows->len; r++)
    {
      ChronicleEntitySummary *row = g_ptr_array_index (list->rows, r);
      guint *counts = (guint *) (void *) row->series->data;
      guint month = 0;
      int rc;

      sqlite3_bind_int64 (stmt, 1, chronicle_entity_get_id (row->entity));
      sqlite3_bind_int64 (stmt, 2, bounds[0]);
      sqlite3_bind_int64 (stmt, 3, bounds[list->n_months]);
      /* Rows come in published order from the (entity_id, published) index. */
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 t = sqlite3_column_int64 (stmt, 0);

          while (month + 1 < list->n_months && t >= bounds[month + 1])
            month++;
          counts[month]++;
        }
      if (!_chronicle_db_finish_rows (db, stmt, rc, error))
        return FALSE;
    }

  return TRUE;
}

static void
append_entity_filter (Sql                 *sql,
                      const char          *prefix,
                      ChronicleEntityKind  kind,
                      const char          *search)
{
  g_string_append_printf (sql->sql, " WHERE %skind = ?", prefix);
  _chronicle_sql_int (sql, kind);
  if (search != NULL && *search != '\0')
    {
      g_autofree char *pattern = _chronicle_entity_like_pattern (search);

      g_string_append_printf (sql->sql, " AND %sfold LIKE ? ESCAPE '\\'", prefix);
      _chronicle_sql_text (sql, pattern);
    }
}

gboolean
_chronicle_store_read_list_entities (StoreJob     *job,
                                     ChronicleDb  *db,
                                     GError      **error)
{
  ReadData *data = job->data;
  g_autoptr(ChronicleEntityList) list = g_new0 (ChronicleEntityList, 1);
  g_auto(Sql) count_sql = { NULL, NULL };
  g_auto(Sql) sql = { NULL, NULL };
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  int rc;

  list->rows = g_ptr_array_new_with_free_func (entity_summary_free);
  list->n_months = data->n_months;

  if (!_chronicle_db_begin_read (db, error))
    return FALSE;

  _chronicle_sql_init (&count_sql);
  g_string_append (count_sql.sql, "SELECT count (*) FROM entities");
  append_entity_filter (&count_sql, "", data->kind, data->name);
  g_string_append (count_sql.sql, " AND " LIVE_ENTITY);
  stmt = _chronicle_sql_prepare (db, &count_sql, error);
  if (stmt == NULL)
    goto out;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    list->total = (guint) sqlite3_column_int64 (stmt, 0);
  if (!_chronicle_db_finish_rows (db, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error))
    goto out;

  _chronicle_sql_init (&sql);
  g_string_append (sql.sql, "SELECT " ENTITY_COLUMNS ", last_mention, followed FROM entities");
  append_entity_filter (&sql, "", data->kind, data->name);
  g_string_append (sql.sql, " AND " LIVE_ENTITY);
  switch ((ChronicleEntitySort) data->sort)
    {
    case CHRONICLE_ENTITY_SORT_NAME:
      g_string_append (sql.sql, " ORDER BY fold, name, id");
      break;
    case CHRONICLE_ENTITY_SORT_RECENT:
      g_string_append (sql.sql, " ORDER BY last_mention DESC, article_count DESC, fold, id");
      break;
    case CHRONICLE_ENTITY_SORT_MENTIONS:
    default:
      g_string_append (sql.sql, " ORDER BY article_count DESC, fold, id");
      break;
    }
  g_string_append (sql.sql, " LIMIT ? OFFSET ?");
  _chronicle_sql_int (&sql, data->limit > 0 ? (gint64) data->limit : -1);
  _chronicle_sql_int (&sql, data->offset);
  stmt = _chronicle_sql_prepare (db, &sql, error);
  if (stmt == NULL)
    goto out;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ChronicleEntitySummary *row = g_new0 (ChronicleEntitySummary, 1);

      row->entity = _chronicle_entity_from_row (stmt, 0);
      row->last_mention = sqlite3_column_int64 (stmt, 5);
      row->followed = sqlite3_column_int (stmt, 6) != 0;
      row->series = g_array_new (FALSE, TRUE, sizeof (guint));
      g_array_set_size (row->series, data->n_months);
      g_ptr_array_add (list->rows, row);
    }
  if (!_chronicle_db_finish_rows (db, stmt, rc, error))
    goto out;

  ok = count_series (db, list, error);

out:
  _chronicle_db_end_read (db);
  if (!ok)
    return FALSE;

  job->result = g_steal_pointer (&list);
  job->result_free = (GDestroyNotify) chronicle_entity_list_free;
  return TRUE;
}

gboolean
_chronicle_store_read_facet_entities (StoreJob     *job,
                                      ChronicleDb  *db,
                                      GError      **error)
{
  ReadData *data = job->data;
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(Sql) sql = { NULL, NULL };
  sqlite3_stmt *stmt;

  if (!chronicle_query_is_all (data->query))
    {
      g_autoptr(ChronicleFacetCounts) counts = NULL;
      g_autoptr(GHashTable) allowed = NULL;
      int rc;

      if (!_chronicle_store_index_counts (job->store, db, data->query, &counts, error))
        return FALSE;
      if (counts != NULL)
        {
          /* Counted in memory; a name search only narrows the candidates. */
          if (data->name != NULL && *data->name != '\0')
            {
              _chronicle_sql_init (&sql);
              g_string_append (sql.sql, "SELECT id FROM entities");
              append_entity_filter (&sql, "", data->kind, data->name);
              stmt = _chronicle_sql_prepare (db, &sql, error);
              if (stmt == NULL)
                return FALSE;
              allowed = g_hash_table_new (g_direct_hash, g_direct_equal);
              while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
                g_hash_table_add (allowed,
                                  GUINT_TO_POINTER ((guint) sqlite3_column_int64 (stmt, 0)));
              if (!_chronicle_db_finish_rows (db, stmt, rc, error))
                return FALSE;
            }
          if (!_chronicle_store_index_top_entities (db, counts, data->kind, data->limit, allowed,
                                                    entities, error))
            return FALSE;
          job->result = g_steal_pointer (&entities);
          job->result_free = (GDestroyNotify) g_ptr_array_unref;
          return TRUE;
        }
    }

  _chronicle_sql_init (&sql);
  if (chronicle_query_is_all (data->query))
    {
      g_string_append (sql.sql, "SELECT " ENTITY_COLUMNS " FROM entities");
      append_entity_filter (&sql, "", data->kind, data->name);
      g_string_append (sql.sql, " AND " LIVE_ENTITY " ORDER BY article_count DESC, id LIMIT ?");
      _chronicle_sql_int (&sql, data->limit);
    }
  else
    {
      if (!_chronicle_sql_resolve_facets (&sql, db, data->query, error))
        return FALSE;
      g_string_append (sql.sql, "WITH m AS (");
      _chronicle_sql_build_ids (&sql, data->query);
      g_string_append (sql.sql,
                       ") SELECT e.id, e.kind, e.name, e.country_code, c.n FROM"
                       " (SELECT ae.entity_id AS eid, count (*) AS n"
                       " FROM m JOIN article_entities ae ON ae.article_id = m.id"
                       " GROUP BY ae.entity_id) c JOIN entities e ON e.id = c.eid");
      append_entity_filter (&sql, "e.", data->kind, data->name);
      g_string_append (sql.sql, " ORDER BY c.n DESC, e.id LIMIT ?");
      _chronicle_sql_int (&sql, data->limit);
    }

  stmt = _chronicle_sql_prepare (db, &sql, error);
  if (stmt == NULL || !_chronicle_collect_entities (db, stmt, entities, error))
    return FALSE;

  job->result = g_steal_pointer (&entities);
  job->result_free = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}

gboolean
_chronicle_store_read_entity_aliases (ChronicleDb      *db,
                                      ChronicleEntity  *entity,
                                      GError          **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) aliases = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _chronicle_db_prepare (db,
                                "SELECT alias FROM entity_aliases WHERE entity_id = ?"
                                " ORDER BY alias",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, chronicle_entity_get_id (entity));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, _chronicle_db_column_text (stmt, 0));
  if (!_chronicle_db_finish_rows (db, stmt, rc, error))
    return FALSE;

  aliases = g_strv_builder_end (builder);
  chronicle_entity_set_aliases (entity, (const char * const *) aliases);
  return TRUE;
}

gboolean
_chronicle_store_read_get_entity (StoreJob     *job,
                                  ChronicleDb  *db,
                                  GError      **error)
{
  ReadData *data = job->data;
  g_autoptr(ChronicleEntity) entity = NULL;
  sqlite3_stmt *stmt;
  int rc;

  /* A merged or renamed id answers with the entity that carries its mentions now. */
  stmt = _chronicle_db_prepare (db,
                                "WITH RECURSIVE chain (id, next, depth) AS ("
                                " SELECT id, merged_into, 0 FROM entities WHERE id = ?"
                                " UNION ALL SELECT e.id, e.merged_into, depth + 1"
                                " FROM chain JOIN entities e ON e.id = chain.next"
                                " WHERE depth < 64)"
                                " SELECT e.id, e.kind, e.name, e.country_code, e.article_count"
                                " FROM chain JOIN entities e ON e.id = chain.id"
                                " WHERE chain.next IS NULL",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    entity = _chronicle_entity_from_row (stmt, 0);
  if (!_chronicle_db_finish_rows (db, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error))
    return FALSE;
  if (entity == NULL)
    {
      g_set_error_literal (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_NOT_FOUND,
                           _("No such person, country, place or organisation is stored"));
      return FALSE;
    }
  if (!_chronicle_store_read_entity_aliases (db, entity, error))
    return FALSE;

  job->result = g_steal_pointer (&entity);
  job->result_free = g_object_unref;
  return TRUE;
}

gboolean
_chronicle_store_read_followed (StoreJob     *job,
                                ChronicleDb  *db,
                                GError      **error)
{
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  stmt = _chronicle_db_prepare (db,
                                "SELECT " ENTITY_COLUMNS " FROM entities"
                                " WHERE followed = 1 AND merged_into IS NULL"
                                " ORDER BY kind, fold, id",
                                error);
  if (stmt == NULL || !_chronicle_collect_entities (db, stmt, entities, error))
    return FALSE;

  job->result = g_steal_pointer (&entities);
  job->result_free = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}

gboolean
_chronicle_store_read_followed_news (StoreJob     *job,
                                     ChronicleDb  *db,
                                     GError      **error)
{
  ReadData *data = job->data;
  g_autoptr(ChronicleFollowedNews) news = g_new0 (ChronicleFollowedNews, 1);
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  int rc;

  news->article_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  news->entities = g_ptr_array_new_with_free_func (g_object_unref);

  if (!_chronicle_db_begin_read (db, error))
    return FALSE;

  news->last_article_id = _chronicle_db_get_int (db, "SELECT coalesce (max (id), 0) FROM articles",
                                                 error);
  if (news->last_article_id < 0)
    goto out;

  /* Article ids only grow, so "new since the mark" is id > mark, whatever the
   * articles' publication dates. Each followed entity's mentions are read from its
   * (entity_id, published) index; the article id is part of that index. A negative
   * mark (CHRONICLE_FOLLOWED_NEWS_SINCE_MARK) means each entity's stored mark. */
  stmt = _chronicle_db_prepare (db,
                                "SELECT DISTINCT ae.article_id FROM entities e"
                                " JOIN article_entities ae ON ae.entity_id = e.id"
                                " WHERE e.followed = 1 AND e.merged_into IS NULL"
                                " AND ae.article_id > iif (?1 < 0, e.follow_mark, ?1)"
                                " ORDER BY ae.article_id DESC",
                                error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, data->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (data->limit == 0 || news->article_ids->len < data->limit)
        g_array_append_val (news->article_ids, id);
      news->n_articles++;
    }
  if (!_chronicle_db_finish_rows (db, stmt, rc, error))
    goto out;

  stmt = _chronicle_db_prepare (db,
                                "SELECT e.id, e.kind, e.name, e.country_code, count (*) AS n"
                                " FROM entities e JOIN article_entities ae ON ae.entity_id = e.id"
                                " WHERE e.followed = 1 AND e.merged_into IS NULL"
                                " AND ae.article_id > iif (?1 < 0, e.follow_mark, ?1)"
                                " GROUP BY e.id ORDER BY n DESC, e.id",
                                error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, data->id);
  ok = _chronicle_collect_entities (db, stmt, news->entities, error);

out:
  _chronicle_db_end_read (db);
  if (!ok)
    return FALSE;

  job->result = g_steal_pointer (&news);
  job->result_free = (GDestroyNotify) chronicle_followed_news_free;
  return TRUE;
}

gboolean
_chronicle_store_read_stopped (StoreJob     *job,
                               ChronicleDb  *db,
                               GError      **error)
{
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _chronicle_db_prepare (db, "SELECT kind, name FROM entity_stoplist ORDER BY kind, name",
                                error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entities, chronicle_entity_new (sqlite3_column_int (stmt, 0),
                                                     _chronicle_db_column_text (stmt, 1)));
  if (!_chronicle_db_finish_rows (db, stmt, rc, error))
    return FALSE;

  job->result = g_steal_pointer (&entities);
  job->result_free = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}

/* Public calls */

/**
 * chronicle_store_list_entities_async:
 * @self: a #ChronicleStore
 * @kind: which kind of entity
 * @sort: the order
 * @search: (nullable): only names containing this, ignoring case and accents
 * @offset: rows to skip (paging)
 * @limit: rows to return; 0 for all
 * @n_months: months of sparkline per row (0 for none)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Lists the entities of a kind for the entity browser. Entities merged or renamed
 * away are not listed. Each row's sparkline counts its articles per calendar month
 * (UTC) over the @n_months months ending with the month of the newest stored article,
 * read from the (entity, published) index for the rows of the page only.
 */
void
chronicle_store_list_entities_async (ChronicleStore       *self,
                                     ChronicleEntityKind   kind,
                                     ChronicleEntitySort   sort,
                                     const char           *search,
                                     guint                 offset,
                                     guint                 limit,
                                     guint                 n_months,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  ReadData *data;

  g_return_if_fail (CHRONICLE_IS_STORE (self));
  g_return_if_fail ((guint) kind < CHRONICLE_N_ENTITY_KINDS);

  data = _read_data_new ();
  data->kind = kind;
  data->sort = sort;
  data->name = g_strdup (search);
  data->offset = offset;
  data->limit = limit;
  data->n_months = MIN (n_months, 1200);
  _chronicle_store_run_read (self, chronicle_store_list_entities_async,
                             _chronicle_store_read_list_entities, NULL, data, cancellable,
                             callback, user_data);
}

/**
 * chronicle_store_list_entities_finish:
 * @self: a #ChronicleStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the page; free with chronicle_entity_list_free()
 */
ChronicleEntityList *
chronicle_store_list_entities_finish (ChronicleStore  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_list_entities_async, error);
}

/**
 * chronicle_store_facet_entities_async:
 * @self: a #ChronicleStore
 * @query: the current filter
 * @kind: the facet
 * @search: (nullable): only names containing this, ignoring case and accents
 * @limit: how many
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * The sidebar's one facet: the @limit entities of @kind named in the most articles
 * matching @query (a facet's "show all" and its search field), with their counts.
 */
void
chronicle_store_facet_entities_async (ChronicleStore       *self,
                                      ChronicleQuery       *query,
                                      ChronicleEntityKind   kind,
                                      const char           *search,
                                      guint                 limit,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  ReadData *data;

  g_return_if_fail (CHRONICLE_IS_STORE (self));
  g_return_if_fail (CHRONICLE_IS_QUERY (query));
  g_return_if_fail ((guint) kind < CHRONICLE_N_ENTITY_KINDS);

  data = _read_data_new ();
  data->query = g_object_ref (query);
  data->kind = kind;
  data->name = g_strdup (search);
  data->limit = limit;
  _chronicle_store_run_facet_read (self, chronicle_store_facet_entities_async,
                                   _chronicle_store_read_facet_entities, data, cancellable,
                                   callback, user_data);
}

/**
 * chronicle_store_facet_entities_finish:
 * @self: a #ChronicleStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type ChronicleEntity): most articles first;
 *   each one's #ChronicleEntity:mention-count is its number of articles under the query
 */
GPtrArray *
chronicle_store_facet_entities_finish (ChronicleStore  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_facet_entities_async, error);
}

/**
 * chronicle_store_get_entity_async:
 * @self: a #ChronicleStore
 * @entity_id: an entity id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Reads one entity with its aliases and article count. The id of an entity merged or
 * renamed away answers with the entity that carries its mentions now.
 * %CHRONICLE_STORE_ERROR_NOT_FOUND for an unknown id.
 */
void
chronicle_store_get_entity_async (ChronicleStore       *self,
                                  gint64                entity_id,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data)
{
  ReadData *data;

  g_return_if_fail (CHRONICLE_IS_STORE (self));

  data = _read_data_new ();
  data->id = entity_id;
  _chronicle_store_run_read (self, chronicle_store_get_entity_async,
                             _chronicle_store_read_get_entity, NULL, data, cancellable,
                             callback, user_data);
}

/**
 * chronicle_store_get_entity_finish:
 * @self: a #ChronicleStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the entity
 */
ChronicleEntity *
chronicle_store_get_entity_finish (ChronicleStore  *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_get_entity_async, error);
}

/**
 * chronicle_store_list_followed_async:
 * @self: a #ChronicleStore
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Lists the followed entities (by kind, then name).
 */
void
chronicle_store_list_followed_async (ChronicleStore       *self,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  g_return_if_fail (CHRONICLE_IS_STORE (self));

  _chronicle_store_run_read (self, chronicle_store_list_followed_async,
                             _chronicle_store_read_followed, NULL, _read_data_new (),
                             cancellable, callback, user_data);
}

/**
 * chronicle_store_list_followed_finish:
 * @self: a #ChronicleStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type ChronicleEntity): the followed entities
 */
GPtrArray *
chronicle_store_list_followed_finish (ChronicleStore  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_list_followed_async, error);
}

/**
 * chronicle_store_followed_news_async:
 * @self: a #ChronicleStore
 * @since_article_id: the mark: the #ChronicleFollowedNews:last_article_id of the
 *   previous call (0 for everything), or %CHRONICLE_FOLLOWED_NEWS_SINCE_MARK for each
 *   followed entity's stored mark (set when it was followed, advanced by
 *   chronicle_store_mark_followed_news_async()), which survives restarts
 * @limit: at most this many article ids in the result (0 for all)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * After a sync: the articles stored after the mark that name a followed entity, for
 * one notification. Article ids only grow, so this finds articles new to the store
 * whatever their publication dates.
 */
void
chronicle_store_followed_news_async (ChronicleStore       *self,
                                     gint64                since_article_id,
                                     guint                 limit,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  ReadData *data;

  g_return_if_fail (CHRONICLE_IS_STORE (self));

  data = _read_data_new ();
  data->id = since_article_id;
  data->limit = limit;
  _chronicle_store_run_read (self, chronicle_store_followed_news_async,
                             _chronicle_store_read_followed_news, NULL, data, cancellable,
                             callback, user_data);
}

/**
 * chronicle_store_followed_news_finish:
 * @self: a #ChronicleStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the news; free with chronicle_followed_news_free()
 */
ChronicleFollowedNews *
chronicle_store_followed_news_finish (ChronicleStore  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_followed_news_async, error);
}

/**
 * chronicle_store_list_stopped_async:
 * @self: a #ChronicleStore
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Lists the stop list: names that are not entities of their kind.
 */
void
chronicle_store_list_stopped_async (ChronicleStore       *self,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  g_return_if_fail (CHRONICLE_IS_STORE (self));

  _chronicle_store_run_read (self, chronicle_store_list_stopped_async,
                             _chronicle_store_read_stopped, NULL, _read_data_new (),
                             cancellable, callback, user_data);
}

/**
 * chronicle_store_list_stopped_finish:
 * @self: a #ChronicleStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type ChronicleEntity): kind and name of each
 *   stopped name (no id)
 */
GPtrArray *
chronicle_store_list_stopped_finish (ChronicleStore  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_list_stopped_async, error);
}
