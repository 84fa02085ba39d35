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

/* Read jobs. Each runs on a reader thread with its own connection. SQL is built
 * from the shape of the query only (values are always bound), so each shape is
 * prepared once per connection and reused. */

#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)
#define DAY_OF(col) "((" col " - ((" col " % 86400) + 86400) % 86400) / 86400)"
#define RELATED_WINDOW 20000

typedef struct {
  gboolean is_text;
  gint64 number;
  char *text;
} Bind;

typedef struct {
  GString *sql;
  GArray *binds;
} Sql;

static void
bind_clear (gpointer data)
{
  Bind *bind = data;

  g_free (bind->text);
}

static void
sql_init (Sql *sql)
{
  sql->sql = g_string_new (NULL);
  sql->binds = g_array_new (FALSE, TRUE, sizeof (Bind));
  g_array_set_clear_func (sql->binds, bind_clear);
}

static void
sql_clear (Sql *sql)
{
  if (sql->sql != NULL)
    g_string_free (sql->sql, TRUE);
  g_clear_pointer (&sql->binds, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Sql, sql_clear)

static void
sql_int (Sql    *sql,
         gint64  value)
{
  Bind bind = { FALSE, value, NULL };

  g_array_append_val (sql->binds, bind);
}

static void
sql_text (Sql        *sql,
          const char *value)
{
  Bind bind = { TRUE, 0, g_strdup (value) };

  g_array_append_val (sql->binds, bind);
}

static sqlite3_stmt *
sql_prepare (ChronicleDb  *db,
             Sql          *sql,
             GError      **error)
{
  sqlite3_stmt *stmt = _chronicle_db_prepare (db, sql->sql->str, error);

  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < sql->binds->len; i++)
    {
      Bind *bind = &g_array_index (sql->binds, Bind, i);

      if (bind->is_text)
        _chronicle_db_bind_text (stmt, i + 1, bind->text);
      else
        sqlite3_bind_int64 (stmt, i + 1, bind->number);
    }

  return stmt;
}

static char *
json_array_of_strings (const char * const *strv)
{
  GString *out = g_string_new ("[");

  for (guint i = 0; strv[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '"');
      for (const char *p = strv[i]; *p != '\0'; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_printf (out, "\\%c", *p);
          else if ((guchar) *p < 0x20)
            g_string_append_printf (out, "\\u%04x", (guchar) *p);
          else
            g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  g_string_append_c (out, ']');

  return g_string_free (out, FALSE);
}

static char *
json_array_of_ints (const gint64 *values,
                    guint         n)
{
  GString *out = g_string_new ("[");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", values[i]);
  g_string_append_c (out, ']');

  return g_string_free (out, FALSE);
}

/* The only entity facet with a single name, when nothing else but a date range
 * filters: then the (entity_id, published) index answers alone. */
static gboolean
single_entity_query (ChronicleQuery      *query,
                     ChronicleEntityKind *kind,
                     const char         **name)
{
  guint n_sources = 0;

  chronicle_query_get_sources (query, &n_sources);
  if (chronicle_query_get_n_entity_facets (query) != 1 || n_sources > 0
      || chronicle_query_get_text (query) != NULL || chronicle_query_get_unread_only (query)
      || chronicle_query_get_starred_only (query))
    return FALSE;

  for (guint k = 0; k < CHRONICLE_N_ENTITY_KINDS; k++)
    {
      const char * const *names = chronicle_query_get_entities (query, k);

      if (names[0] == NULL)
        continue;
      if (names[1] != NULL)
        return FALSE;
      *kind = k;
      *name = names[0];
      return TRUE;
    }

  return FALSE;
}

/* Appends " AND …" conditions on `articles a` for @query. */
static void
append_filter (Sql            *sql,
               ChronicleQuery *query,
               gboolean        with_text)
{
  const gint64 *sources;
  guint n_sources = 0;

  if (chronicle_query_get_from (query) != 0)
    {
      g_string_append (sql->sql, " AND a.published >= ?");
      sql_int (sql, chronicle_query_get_from (query));
    }
  if (chronicle_query_get_to (query) != 0)
    {
      g_string_append (sql->sql, " AND a.published < ?");
      sql_int (sql, chronicle_query_get_to (query));
    }

  sources = chronicle_query_get_sources (query, &n_sources);
  if (n_sources > 0)
    {
      g_autofree char *json = json_array_of_ints (sources, n_sources);

      g_string_append (sql->sql, " AND a.source_id IN (SELECT value FROM json_each (?))");
      sql_text (sql, json);
    }

  if (chronicle_query_get_unread_only (query))
    g_string_append (sql->sql, " AND a.read = 0");
  if (chronicle_query_get_starred_only (query))
    g_string_append (sql->sql, " AND a.starred = 1");

  for (guint k = 0; k < CHRONICLE_N_ENTITY_KINDS; k++)
    {
      const char * const *names = chronicle_query_get_entities (query, k);
      g_autofree char *json = NULL;

      if (names[0] == NULL)
        continue;

      json = json_array_of_strings (names);
      g_string_append (sql->sql,
                       " AND a.id IN (SELECT ae.article_id FROM article_entities ae"
                       " WHERE ae.entity_id IN (SELECT e.id FROM entities e"
                       " WHERE e.kind = ? AND e.name IN (SELECT value FROM json_each (?))))");
      sql_int (sql, k);
      sql_text (sql, json);
    }

  if (with_text && chronicle_query_get_text (query) != NULL)
    {
      g_autofree char *match = chronicle_fts_query_from_user (chronicle_query_get_text (query));

      if (match != NULL)
        {
          g_string_append (sql->sql,
                           " AND a.id IN (SELECT rowid FROM article_fts"
                           " WHERE article_fts MATCH ?)");
          sql_text (sql, match);
        }
    }
}

/* "SELECT <id> FROM …" for the articles matching @query, unordered. */
static void
build_ids_sql (Sql            *sql,
               ChronicleQuery *query)
{
  ChronicleEntityKind kind;
  const char *name;

  if (single_entity_query (query, &kind, &name))
    {
      g_string_append (sql->sql,
                       "SELECT ae.article_id AS id FROM article_entities ae"
                       " WHERE ae.entity_id = (SELECT id FROM entities WHERE kind = ? AND name = ?)");
      sql_int (sql, kind);
      sql_text (sql, name);
      if (chronicle_query_get_from (query) != 0)
        {
          g_string_append (sql->sql, " AND ae.published >= ?");
          sql_int (sql, chronicle_query_get_from (query));
        }
      if (chronicle_query_get_to (query) != 0)
        {
          g_string_append (sql->sql, " AND ae.published < ?");
          sql_int (sql, chronicle_query_get_to (query));
        }
      return;
    }

  g_string_append (sql->sql, "SELECT a.id AS id FROM articles a WHERE 1");
  append_filter (sql, query, TRUE);
}

static void
build_timeline_sql (Sql            *sql,
                    ChronicleQuery *query,
                    guint           limit)
{
  ChronicleEntityKind kind;
  const char *name;

  if (chronicle_query_get_sort (query) == CHRONICLE_QUERY_SORT_PUBLISHED
      && single_entity_query (query, &kind, &name))
    {
      build_ids_sql (sql, query);
      g_string_append (sql->sql, " ORDER BY ae.published DESC, ae.article_id DESC");
    }
  else
    {
      g_string_append (sql->sql, "SELECT a.id FROM articles a WHERE 1");
      append_filter (sql, query, TRUE);
      if (chronicle_query_get_sort (query) == CHRONICLE_QUERY_SORT_EVENT_DATE)
        g_string_append (sql->sql, " ORDER BY a.event_date DESC, a.id DESC");
      else
        g_string_append (sql->sql, " ORDER BY a.published DESC, a.id DESC");
    }

  if (limit > 0)
    {
      g_string_append (sql->sql, " LIMIT ?");
      sql_int (sql, limit);
    }
}

static gboolean
finish_rows (ChronicleDb   *db,
             sqlite3_stmt  *stmt,
             int            rc,
             GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _chronicle_db_set_error (db, rc, error);
  return TRUE;
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

  sql_init (&sql);
  build_timeline_sql (&sql, data->query, data->limit);
  stmt = sql_prepare (db, &sql, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (!finish_rows (db, stmt, rc, error))
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

  return finish_rows (db, stmt, rc, error);
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

  return finish_rows (db, stmt, rc, error);
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
                   _("No article with id %" G_GINT64_FORMAT), data->id);
      return FALSE;
    }

  ok = read_mentions (db, article, error) && read_time_mentions (db, article, error);
  _chronicle_db_end_read (db);
  if (!ok)
    return FALSE;

  job->result = g_steal_pointer (&article);
  job->result_free = g_object_unref;
  return TRUE;
}

/* Sources */

gboolean
_chronicle_store_read_list_sources (StoreJob     *job,
                                    ChronicleDb  *db,
                                    GError      **error)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _chronicle_db_prepare (db,
                                "SELECT id, kind, url, title, site_url, enabled, sync_interval,"
                                " etag, last_modified, last_success, last_error, article_count"
                                " FROM sources ORDER BY title COLLATE NOCASE, id",
                                error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ChronicleSource *source = chronicle_source_new (sqlite3_column_int (stmt, 1),
                                                      _chronicle_db_column_text (stmt, 2));

      g_object_set (source,
                    "id", sqlite3_column_int64 (stmt, 0),
                    "title", _chronicle_db_column_text (stmt, 3),
                    "site-url", _chronicle_db_column_text (stmt, 4),
                    "enabled", sqlite3_column_int (stmt, 5) != 0,
                    "sync-interval", (guint) sqlite3_column_int64 (stmt, 6),
                    "etag", _chronicle_db_column_text (stmt, 7),
                    "last-modified", _chronicle_db_column_text (stmt, 8),
                    "last-success", sqlite3_column_int64 (stmt, 9),
                    "last-error", _chronicle_db_column_text (stmt, 10),
                    "article-count", (guint) sqlite3_column_int64 (stmt, 11),
                    NULL);
      g_ptr_array_add (sources, source);
    }
  if (!finish_rows (db, stmt, rc, error))
    return FALSE;

  job->result = g_steal_pointer (&sources);
  job->result_free = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}

/* Facets, histogram, entities */

static ChronicleEntity *
entity_from_row (sqlite3_stmt *stmt,
                 int           first)
{
  ChronicleEntity *entity = chronicle_entity_new (sqlite3_column_int (stmt, first + 1),
                                                  _chronicle_db_column_text (stmt, first + 2));

  chronicle_entity_set_id (entity, sqlite3_column_int64 (stmt, first));
  chronicle_entity_set_country_code (entity, _chronicle_db_column_text (stmt, first + 3));
  chronicle_entity_set_mention_count (entity, (guint) sqlite3_column_int64 (stmt, first + 4));

  return entity;
}

static gboolean
collect_entities (ChronicleDb   *db,
                  sqlite3_stmt  *stmt,
                  GPtrArray     *out,
                  GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, entity_from_row (stmt, 0));

  return finish_rows (db, stmt, rc, error);
}

gboolean
_chronicle_store_read_facets (StoreJob     *job,
                              ChronicleDb  *db,
                              GError      **error)
{
  ReadData *data = job->data;
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(Sql) sql = { NULL, NULL };
  sqlite3_stmt *stmt;

  if (chronicle_query_is_all (data->query))
    {
      /* The maintained counts answer directly. */
      stmt = _chronicle_db_prepare (db,
                                    "SELECT id, kind, name, country_code, article_count"
                                    " FROM entities WHERE kind = ? AND article_count > 0"
                                    " ORDER BY article_count DESC, id LIMIT ?",
                                    error);
      if (stmt == NULL)
        return FALSE;
      for (guint k = 0; k < CHRONICLE_N_ENTITY_KINDS; k++)
        {
          sqlite3_bind_int (stmt, 1, k);
          sqlite3_bind_int64 (stmt, 2, data->limit);
          if (!collect_entities (db, stmt, entities, error))
            return FALSE;
        }
    }
  else
    {
      sql_init (&sql);
      g_string_append (sql.sql, "WITH m (id) AS (");
      build_ids_sql (&sql, data->query);
      g_string_append (sql.sql,
                       ") SELECT id, kind, name, country_code, n FROM ("
                       " SELECT e.id, e.kind, e.name, e.country_code, c.n,"
                       " row_number () OVER (PARTITION BY e.kind ORDER BY c.n DESC, e.id) AS rn"
                       " FROM (SELECT ae.entity_id AS eid, count (*) AS n"
                       " FROM m JOIN article_entities ae ON ae.article_id = m.id"
                       " GROUP BY ae.entity_id) c"
                       " JOIN entities e ON e.id = c.eid)"
                       " WHERE rn <= ? ORDER BY kind, n DESC, id");
      sql_int (&sql, data->limit);
      stmt = sql_prepare (db, &sql, error);
      if (stmt == NULL || !collect_entities (db, stmt, entities, error))
        return FALSE;
    }

  job->result = g_steal_pointer (&entities);
  job->result_free = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}

/* Rolls (day, count) rows, in day order, up into buckets. */
static GArray *
collect_histogram (ChronicleDb           *db,
                   sqlite3_stmt          *stmt,
                   ChronicleGranularity   bucket,
                   GError               **error)
{
  g_autoptr(GArray) bins = g_array_new (FALSE, FALSE, sizeof (ChronicleHistogramBin));
  ChronicleHistogramBin *last = NULL;
  gint64 last_next = G_MININT64;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 day_start = sqlite3_column_int64 (stmt, 0) * SECONDS_PER_DAY;
      guint count = (guint) sqlite3_column_int64 (stmt, 1);

      if (count == 0)
        continue;

      if (last != NULL && day_start < last_next)
        {
          last->count += count;
        }
      else
        {
          ChronicleHistogramBin bin = {
            chronicle_granularity_floor (bucket, day_start), count
          };

          g_array_append_val (bins, bin);
          last = &g_array_index (bins, ChronicleHistogramBin, bins->len - 1);
          last_next = chronicle_granularity_next (bucket, day_start);
        }
    }

  if (!finish_rows (db, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&bins);
}

static gboolean
day_aligned (gint64 t)
{
  return t % SECONDS_PER_DAY == 0;
}

static void
build_histogram_sql (Sql            *sql,
                     ChronicleQuery *query)
{
  ChronicleEntityKind kind;
  const char *name;
  gint64 from = chronicle_query_get_from (query);
  gint64 to = chronicle_query_get_to (query);
  g_autoptr(ChronicleQuery) without_dates = chronicle_query_with_date_range (query, 0, 0);

  if (chronicle_query_is_all (without_dates) && day_aligned (from) && day_aligned (to))
    {
      g_string_append (sql->sql, "SELECT day, count FROM day_counts WHERE count > 0");
      if (from != 0)
        {
          g_string_append (sql->sql, " AND day >= ?");
          sql_int (sql, from / SECONDS_PER_DAY);
        }
      if (to != 0)
        {
          g_string_append (sql->sql, " AND day < ?");
          sql_int (sql, to / SECONDS_PER_DAY);
        }
      g_string_append (sql->sql, " ORDER BY day");
    }
  else if (single_entity_query (query, &kind, &name))
    {
      g_string_append (sql->sql,
                       "SELECT " DAY_OF ("ae.published") " AS d, count (*)"
                       " FROM article_entities ae"
                       " WHERE ae.entity_id = (SELECT id FROM entities WHERE kind = ? AND name = ?)");
      sql_int (sql, kind);
      sql_text (sql, name);
      if (from != 0)
        {
          g_string_append (sql->sql, " AND ae.published >= ?");
          sql_int (sql, from);
        }
      if (to != 0)
        {
          g_string_append (sql->sql, " AND ae.published < ?");
          sql_int (sql, to);
        }
      g_string_append (sql->sql, " GROUP BY d ORDER BY d");
    }
  else
    {
      g_string_append (sql->sql,
                       "SELECT " DAY_OF ("a.published") " AS d, count (*)"
                       " FROM articles a WHERE 1");
      append_filter (sql, query, TRUE);
      g_string_append (sql->sql, " GROUP BY d ORDER BY d");
    }
}

gboolean
_chronicle_store_read_histogram (StoreJob     *job,
                                 ChronicleDb  *db,
                                 GError      **error)
{
  ReadData *data = job->data;
  g_auto(Sql) sql = { NULL, NULL };
  sqlite3_stmt *stmt;
  GArray *bins;

  sql_init (&sql);
  build_histogram_sql (&sql, data->query);
  stmt = sql_prepare (db, &sql, error);
  if (stmt == NULL)
    return FALSE;

  bins = collect_histogram (db, stmt, data->bucket, error);
  if (bins == NULL)
    return FALSE;

  job->result = bins;
  job->result_free = (GDestroyNotify) g_array_unref;
  return TRUE;
}

static gboolean
read_aliases (ChronicleDb      *db,
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
  if (!finish_rows (db, stmt, rc, error))
    return FALSE;

  aliases = g_strv_builder_end (builder);
  chronicle_entity_set_aliases (entity, (const char * const *) aliases);
  return TRUE;
}

static ChronicleEntity *
read_entity (ChronicleDb  *db,
             const char   *sql,
             gint64        id,
             int           kind,
             const char   *name,
             GError      **error)
{
  g_autoptr(ChronicleEntity) entity = NULL;
  sqlite3_stmt *stmt = _chronicle_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (name != NULL)
    {
      sqlite3_bind_int (stmt, 1, kind);
      _chronicle_db_bind_text (stmt, 2, name);
    }
  else
    sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    entity = entity_from_row (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _chronicle_db_set_error (db, rc, error);
      return NULL;
    }
  if (entity == NULL)
    {
      g_set_error_literal (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_NOT_FOUND,
                           _("No such person, country, place or organisation is stored"));
      return NULL;
    }
  if (!read_aliases (db, entity, error))
    return NULL;

  return g_steal_pointer (&entity);
}

gboolean
_chronicle_store_read_lookup_entity (StoreJob     *job,
                                     ChronicleDb  *db,
                                     GError      **error)
{
  ReadData *data = job->data;
  ChronicleEntity *entity;

  entity = read_entity (db,
                        "SELECT id, kind, name, country_code, article_count FROM entities"
                        " WHERE kind = ? AND name = ?",
                        0, data->kind, data->name, error);
  if (entity == NULL)
    return FALSE;

  job->result = entity;
  job->result_free = g_object_unref;
  return TRUE;
}

gboolean
_chronicle_store_read_entity_detail (StoreJob     *job,
                                     ChronicleDb  *db,
                                     GError      **error)
{
  ReadData *data = job->data;
  g_autoptr(ChronicleEntityDetail) detail = g_new0 (ChronicleEntityDetail, 1);
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  if (!_chronicle_db_begin_read (db, error))
    return FALSE;

  detail->entity = read_entity (db,
                                "SELECT id, kind, name, country_code, article_count FROM entities"
                                " WHERE id = ?",
                                data->id, 0, NULL, error);
  if (detail->entity == NULL)
    goto out;

  stmt = _chronicle_db_prepare (db,
                                "SELECT " DAY_OF ("published") " AS d, count (*)"
                                " FROM article_entities WHERE entity_id = ?"
                                " GROUP BY d ORDER BY d",
                                error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, data->id);
  detail->histogram = collect_histogram (db, stmt, data->bucket, error);
  if (detail->histogram == NULL)
    goto out;

  stmt = _chronicle_db_prepare (db,
                                "SELECT e.id, e.kind, e.name, e.country_code, c.n FROM ("
                                " SELECT ae.entity_id AS eid, count (*) AS n FROM ("
                                "  SELECT article_id FROM article_entities WHERE entity_id = ?1"
                                "  ORDER BY published DESC LIMIT ?3) r"
                                " JOIN article_entities ae ON ae.article_id = r.article_id"
                                " WHERE ae.entity_id != ?1 GROUP BY ae.entity_id"
                                " ORDER BY n DESC, ae.entity_id LIMIT ?2) c"
                                " JOIN entities e ON e.id = c.eid ORDER BY c.n DESC, e.id",
                                error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, data->id);
  sqlite3_bind_int64 (stmt, 2, data->limit);
  sqlite3_bind_int64 (stmt, 3, RELATED_WINDOW);
  detail->related = g_ptr_array_new_with_free_func (g_object_unref);
  ok = collect_entities (db, stmt, detail->related, error);

out:
  _chronicle_db_end_read (db);
  if (!ok)
    return FALSE;

  job->result = g_steal_pointer (&detail);
  job->result_free = (GDestroyNotify) chronicle_entity_detail_free;
  return TRUE;
}

/* Full text */

gboolean
_chronicle_store_read_search (StoreJob     *job,
                              ChronicleDb  *db,
                              GError      **error)
{
  ReadData *data = job->data;
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) chronicle_search_hit_free);
  g_autofree char *match = chronicle_fts_query_from_user (chronicle_query_get_text (data->query));
  g_autoptr(ChronicleQuery) rest = chronicle_query_with_text (data->query, NULL);
  g_auto(Sql) sql = { NULL, NULL };
  sqlite3_stmt *stmt;
  int rc;

  if (match != NULL)
    {
      sql_init (&sql);
      g_string_append (sql.sql,
                       "SELECT f.rowid,"
                       " snippet (article_fts, 0, '" CHRONICLE_SNIPPET_START "', '"
                       CHRONICLE_SNIPPET_END "', '…', 64),"
                       " snippet (article_fts, -1, '" CHRONICLE_SNIPPET_START "', '"
                       CHRONICLE_SNIPPET_END "', '…', 24),"
                       " bm25 (article_fts, 10.0, 3.0, 1.0) AS score"
                       " FROM article_fts f WHERE article_fts MATCH ?");
      sql_text (&sql, match);
      if (!chronicle_query_is_all (rest))
        {
          g_string_append (sql.sql, " AND f.rowid IN (SELECT a.id FROM articles a WHERE 1");
          append_filter (&sql, rest, FALSE);
          g_string_append (sql.sql, ")");
        }
      g_string_append (sql.sql, " ORDER BY score LIMIT ?");
      sql_int (&sql, data->limit > 0 ? (gint64) data->limit : -1);

      stmt = sql_prepare (db, &sql, error);
      if (stmt == NULL)
        return FALSE;

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          ChronicleSearchHit *hit = g_new0 (ChronicleSearchHit, 1);

          hit->article_id = sqlite3_column_int64 (stmt, 0);
          hit->title = g_strdup (_chronicle_db_column_text (stmt, 1));
          hit->snippet = g_strdup (_chronicle_db_column_text (stmt, 2));
          hit->rank = sqlite3_column_double (stmt, 3);
          g_ptr_array_add (hits, hit);
        }
      if (!finish_rows (db, stmt, rc, error))
        return FALSE;
    }

  job->result = g_steal_pointer (&hits);
  job->result_free = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}

/* Time mentions and events */

gboolean
_chronicle_store_read_time_mentions (StoreJob     *job,
                                     ChronicleDb  *db,
                                     GError      **error)
{
  ReadData *data = job->data;
  g_autoptr(GPtrArray) mentions =
    g_ptr_array_new_with_free_func ((GDestroyNotify) chronicle_time_mention_free);
  sqlite3_stmt *stmt;
  int rc;

  /* Periods that start before @from still overlap it when they are long enough; the
   * longest span stored bounds how far back to look, keeping the index range short. */
  stmt = _chronicle_db_prepare (db,
                                "SELECT article_id, period_start, period_end, granularity,"
                                " relation, text, offset_start, offset_end FROM time_mentions"
                                " WHERE period_start < ?2"
                                " AND period_start > ?1 - (SELECT value FROM meta"
                                "  WHERE key = 'time_mention_max_span')"
                                " AND period_end > ?1"
                                " ORDER BY period_start, article_id, offset_start LIMIT ?3",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->from);
  sqlite3_bind_int64 (stmt, 2, data->to);
  sqlite3_bind_int64 (stmt, 3, data->limit > 0 ? (gint64) data->limit : -1);

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
      g_ptr_array_add (mentions, t);
    }
  if (!finish_rows (db, stmt, rc, error))
    return FALSE;

  job->result = g_steal_pointer (&mentions);
  job->result_free = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}

gboolean
_chronicle_store_read_article_events (StoreJob     *job,
                                      ChronicleDb  *db,
                                      GError      **error)
{
  ReadData *data = job->data;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _chronicle_db_prepare (db,
                                "SELECT e.id, e.key, e.label, e.start_time, e.end_time"
                                " FROM event_articles ea JOIN events e ON e.id = ea.event_id"
                                " WHERE ea.article_id = ? ORDER BY e.start_time, e.id",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ChronicleEvent *event = chronicle_event_new (_chronicle_db_column_text (stmt, 1),
                                                   _chronicle_db_column_text (stmt, 2),
                                                   sqlite3_column_int64 (stmt, 3),
                                                   sqlite3_column_int64 (stmt, 4));

      chronicle_event_set_id (event, sqlite3_column_int64 (stmt, 0));
      g_ptr_array_add (events, event);
    }
  if (!finish_rows (db, stmt, rc, error))
    return FALSE;

  for (guint i = 0; i < events->len; i++)
    {
      ChronicleEvent *event = g_ptr_array_index (events, i);
      GArray *ids = chronicle_event_get_article_ids (event);
      g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);

      stmt = _chronicle_db_prepare (db,
                                    "SELECT article_id FROM event_articles WHERE event_id = ?"
                                    " ORDER BY article_id",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, chronicle_event_get_id (event));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (ids, id);
        }
      if (!finish_rows (db, stmt, rc, error))
        return FALSE;

      stmt = _chronicle_db_prepare (db,
                                    "SELECT e.id, e.kind, e.name, e.country_code, e.article_count"
                                    " FROM event_entities ee JOIN entities e ON e.id = ee.entity_id"
                                    " WHERE ee.event_id = ? ORDER BY e.kind, e.name",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, chronicle_event_get_id (event));
      if (!collect_entities (db, stmt, entities, error))
        return FALSE;
      for (guint j = 0; j < entities->len; j++)
        chronicle_event_add_entity (event, g_ptr_array_index (entities, j));
    }

  job->result = g_steal_pointer (&events);
  job->result_free = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}
