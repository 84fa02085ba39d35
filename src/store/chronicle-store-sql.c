/* chronicle-store-sql.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-store"

#include "config.h"

#include "chronicle-fts-query.h"
#include <math.h>
#include <string.h>

#include "chronicle-store-sql.h"

/* Probing one article costs about 30 times collecting one match, so for a first
 * page of 100 probing wins above sqrt (100 * 30 * articles) matches (55,000 at a
 * million articles). */
#define PROBE_COST_RATIO 3000.0

/* Building SQL for a ChronicleQuery. The text depends only on the shape of the
 * query (which filters are set), never on values, which are always bound; so each
 * shape is prepared once per connection and reused. */

static void
bind_clear (gpointer data)
{
  Bind *bind = data;

  g_free (bind->text);
}

void
_chronicle_sql_init (Sql *sql)
{
  sql->sql = g_string_new (NULL);
  sql->binds = g_array_new (FALSE, TRUE, sizeof (Bind));
  g_array_set_clear_func (sql->binds, bind_clear);
}

void
_chronicle_sql_clear (Sql *sql)
{
  if (sql->sql != NULL)
    g_string_free (sql->sql, TRUE);
  sql->sql = NULL;
  g_clear_pointer (&sql->binds, g_array_unref);
  for (guint k = 0; k < CHRONICLE_N_ENTITY_KINDS; k++)
    g_clear_pointer (&sql->facets.ids[k], g_array_unref);
}

void
_chronicle_sql_int (Sql    *sql,
                    gint64  value)
{
  Bind bind = { FALSE, value, NULL };

  g_array_append_val (sql->binds, bind);
}

void
_chronicle_sql_text (Sql        *sql,
                     const char *value)
{
  Bind bind = { TRUE, 0, g_strdup (value) };

  g_array_append_val (sql->binds, bind);
}

sqlite3_stmt *
_chronicle_sql_prepare (ChronicleDb  *db,
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
/* Appends " AND …" conditions on `articles a` for @query, which has no entity facets. */
void
_chronicle_sql_append_filter (Sql            *sql,
                              ChronicleQuery *query,
                              gboolean        with_text)
{
  const gint64 *sources;
  guint n_sources = 0;

  if (chronicle_query_get_from (query) != 0)
    {
      g_string_append (sql->sql, " AND a.published >= ?");
      _chronicle_sql_int (sql, chronicle_query_get_from (query));
    }
  if (chronicle_query_get_to (query) != 0)
    {
      g_string_append (sql->sql, " AND a.published < ?");
      _chronicle_sql_int (sql, chronicle_query_get_to (query));
    }

  sources = chronicle_query_get_sources (query, &n_sources);
  if (n_sources == 1)
    {
      /* Equality lets the (source_id, published) index give the order. */
      g_string_append (sql->sql, " AND a.source_id = ?");
      _chronicle_sql_int (sql, sources[0]);
    }
  else if (n_sources > 1)
    {
      g_autofree char *json = json_array_of_ints (sources, n_sources);

      g_string_append (sql->sql, " AND a.source_id IN (SELECT value FROM json_each (?))");
      _chronicle_sql_text (sql, json);
    }

  if (chronicle_query_get_unread_only (query))
    g_string_append (sql->sql, " AND a.read = 0");
  if (chronicle_query_get_starred_only (query))
    g_string_append (sql->sql, " AND a.starred = 1");

  /* Entity facets are not filters on `articles`: see _chronicle_sql_build_ids(). */
  g_assert (chronicle_query_get_n_entity_facets (query) == 0);

  if (with_text && chronicle_query_get_text (query) != NULL)
    {
      g_autofree char *match = chronicle_fts_query_from_user (chronicle_query_get_text (query));

      if (match != NULL && sql->probe_text)
        {
          g_string_append (sql->sql,
                           " AND EXISTS (SELECT 1 FROM article_fts"
                           " WHERE article_fts MATCH ? AND rowid = a.id)");
          _chronicle_sql_text (sql, match);
        }
      else if (match != NULL)
        {
          g_string_append (sql->sql,
                           " AND a.id IN (SELECT rowid FROM article_fts"
                           " WHERE article_fts MATCH ?)");
          _chronicle_sql_text (sql, match);
        }
    }
}

/**
 * _chronicle_sql_resolve_facets:
 * @sql: the SQL being built
 * @db: a connection
 * @query: the query
 * @error: return location for a #GError
 *
 * Looks up the ids and article counts of the query's entities, so the SQL can start
 * from the smallest facet and only probe the others.
 *
 * Returns: %TRUE on success
 */
gboolean
_chronicle_sql_resolve_facets (Sql             *sql,
                               ChronicleDb     *db,
                               ChronicleQuery  *query,
                               GError         **error)
{
  Facets *facets = &sql->facets;
  sqlite3_stmt *stmt;

  facets->resolved = TRUE;
  facets->driver = -1;

  /* A name merged or renamed into another entity means that entity. */
  stmt = _chronicle_db_prepare (db,
                                "WITH RECURSIVE chain (id, next, depth) AS ("
                                " SELECT id, merged_into, 0 FROM entities WHERE kind = ?"
                                " AND name IN (SELECT value FROM json_each (?))"
                                " UNION SELECT e.id, e.merged_into, depth + 1"
                                " FROM chain JOIN entities e ON e.id = chain.next"
                                " WHERE depth < 64)"
                                " SELECT DISTINCT e.id, e.article_count"
                                " FROM chain JOIN entities e ON e.id = chain.id"
                                " WHERE chain.next IS NULL",
                                error);
  if (stmt == NULL)
    return FALSE;

  for (guint k = 0; k < CHRONICLE_N_ENTITY_KINDS; k++)
    {
      const char * const *names = chronicle_query_get_entities (query, k);
      g_autofree char *json = NULL;
      int rc;

      if (names[0] == NULL)
        continue;

      facets->n_facets++;
      facets->ids[k] = g_array_new (FALSE, FALSE, sizeof (gint64));
      json = json_array_of_strings (names);
      sqlite3_bind_int (stmt, 1, k);
      _chronicle_db_bind_text (stmt, 2, json);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (facets->ids[k], id);
          facets->weight[k] += sqlite3_column_int64 (stmt, 1);
        }
      if (!_chronicle_db_finish_rows (db, stmt, rc, error))
        return FALSE;

      if (facets->ids[k]->len == 0)
        facets->empty = TRUE;
      if (facets->driver < 0 || facets->weight[k] < facets->weight[facets->driver])
        facets->driver = (int) k;
    }

  return TRUE;
}

static void
append_entity_match (Sql        *sql,
                     const char *column,
                     GArray     *ids)
{
  if (ids->len == 1)
    {
      g_string_append_printf (sql->sql, "%s = ?", column);
      _chronicle_sql_int (sql, g_array_index (ids, gint64, 0));
    }
  else
    {
      g_autofree char *json = json_array_of_ints ((const gint64 *) (gpointer) ids->data,
                                                  ids->len);

      g_string_append_printf (sql->sql, "%s IN (SELECT value FROM json_each (?))", column);
      _chronicle_sql_text (sql, json);
    }
}

/* Whether the query filters on something only `articles` knows. */
static gboolean
needs_articles (ChronicleQuery *query)
{
  guint n_sources = 0;

  chronicle_query_get_sources (query, &n_sources);
  return n_sources > 0 || chronicle_query_get_text (query) != NULL
         || chronicle_query_get_unread_only (query) || chronicle_query_get_starred_only (query)
         || chronicle_query_get_sort (query) == CHRONICLE_QUERY_SORT_EVENT_DATE;
}

/* Appends the filters other than dates and entities on `articles a`. */
static void
append_article_filter (Sql            *sql,
                       ChronicleQuery *query)
{
  g_autoptr(ChronicleQuery) rest = chronicle_query_with_date_range (query, 0, 0);

  for (guint k = 0; k < CHRONICLE_N_ENTITY_KINDS; k++)
    {
      g_autoptr(ChronicleQuery) without = chronicle_query_with_entities (rest, k, NULL);

      g_set_object (&rest, without);
    }
  _chronicle_sql_append_filter (sql, rest, TRUE);
}

/**
 * _chronicle_sql_build_ids:
 * @sql: the SQL being built; facets resolved when the query has any
 * @query: the query
 *
 * Appends "SELECT id, published FROM …" for the articles matching @query, unordered,
 * one row per article. With entity facets the rows come from the (entity_id,
 * published) index of the smallest facet (ordered by publication when it has a single
 * entity) and the other facets are probes on the (article_id, entity_id) key.
 */
void
_chronicle_sql_build_ids (Sql            *sql,
                          ChronicleQuery *query)
{
  Facets *facets = &sql->facets;
  GArray *driver_ids;

  g_assert (facets->resolved || chronicle_query_get_n_entity_facets (query) == 0);

  if (facets->n_facets == 0)
    {
      g_string_append (sql->sql, "SELECT a.id AS id, a.published AS published FROM articles a"
                                 " WHERE 1");
      _chronicle_sql_append_filter (sql, query, TRUE);
      return;
    }

  if (facets->empty)
    {
      g_string_append (sql->sql, "SELECT NULL AS id, NULL AS published WHERE 0");
      return;
    }

  driver_ids = facets->ids[facets->driver];
  g_string_append (sql->sql,
                   "SELECT ae.article_id AS id, ae.published AS published"
                   " FROM article_entities ae");
  if (needs_articles (query))
    g_string_append (sql->sql, " JOIN articles a ON a.id = ae.article_id");
  g_string_append (sql->sql, " WHERE ");
  append_entity_match (sql, "ae.entity_id", driver_ids);

  if (chronicle_query_get_from (query) != 0)
    {
      g_string_append (sql->sql, " AND ae.published >= ?");
      _chronicle_sql_int (sql, chronicle_query_get_from (query));
    }
  if (chronicle_query_get_to (query) != 0)
    {
      g_string_append (sql->sql, " AND ae.published < ?");
      _chronicle_sql_int (sql, chronicle_query_get_to (query));
    }

  for (guint k = 0; k < CHRONICLE_N_ENTITY_KINDS; k++)
    {
      if (facets->ids[k] == NULL || (int) k == facets->driver)
        continue;
      g_string_append (sql->sql, " AND EXISTS (SELECT 1 FROM article_entities x"
                                 " WHERE x.article_id = ae.article_id AND ");
      append_entity_match (sql, "x.entity_id", facets->ids[k]);
      g_string_append (sql->sql, ")");
    }

  if (needs_articles (query))
    append_article_filter (sql, query);

  if (driver_ids->len > 1)
    g_string_append (sql->sql, " GROUP BY ae.article_id");
}

/**
 * _chronicle_sql_ids_ordered_by_index:
 * @sql: the SQL being built, facets resolved
 * @query: the query
 *
 * Returns: %TRUE when _chronicle_sql_build_ids() reads one entity's index range, so
 *   "ORDER BY published DESC, id DESC" needs no sort
 */
gboolean
_chronicle_sql_ids_ordered_by_index (Sql            *sql,
                                     ChronicleQuery *query)
{
  return sql->facets.n_facets > 0 && !sql->facets.empty
         && sql->facets.ids[sql->facets.driver]->len == 1;
}

gboolean
_chronicle_db_finish_rows (ChronicleDb   *db,
                           sqlite3_stmt  *stmt,
                           int            rc,
                           GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _chronicle_db_set_error (db, rc, error);
  return TRUE;
}

ChronicleEntity *
_chronicle_entity_from_row (sqlite3_stmt *stmt,
                            int           first)
{
  ChronicleEntity *entity = chronicle_entity_new (sqlite3_column_int (stmt, first + 1),
                                                  _chronicle_db_column_text (stmt, first + 2));

  chronicle_entity_set_id (entity, sqlite3_column_int64 (stmt, first));
  chronicle_entity_set_country_code (entity, _chronicle_db_column_text (stmt, first + 3));
  chronicle_entity_set_mention_count (entity, (guint) sqlite3_column_int64 (stmt, first + 4));

  return entity;
}

gboolean
_chronicle_collect_entities (ChronicleDb   *db,
                             sqlite3_stmt  *stmt,
                             GPtrArray     *out,
                             GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, _chronicle_entity_from_row (stmt, 0));

  return _chronicle_db_finish_rows (db, stmt, rc, error);
}

/**
 * _chronicle_sql_text_is_common:
 * @db: a connection
 * @query: a query
 *
 * Whether the query's text matches many articles (see PROBE_COST_RATIO);
 * then a first page is found faster by walking the timeline and probing the index
 * than by collecting every match. Counting stops at the threshold, so this is cheap.
 *
 * Returns: %TRUE for a common term
 */
gboolean
_chronicle_sql_text_is_common (ChronicleDb    *db,
                               ChronicleQuery *query)
{
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt;
  gint64 count = 0;
  gint64 threshold;

  if (chronicle_query_get_text (query) == NULL)
    return FALSE;
  match = chronicle_fts_query_from_user (chronicle_query_get_text (query));
  if (match == NULL)
    return FALSE;

  threshold = (gint64) sqrt (PROBE_COST_RATIO
                             * MAX (0, _chronicle_db_get_int (db, "SELECT max (id) FROM articles",
                                                              NULL)));

  stmt = _chronicle_db_prepare (db,
                                "SELECT count (*) FROM (SELECT rowid FROM article_fts"
                                " WHERE article_fts MATCH ? LIMIT ?)",
                                NULL);
  if (stmt == NULL)
    return FALSE;
  _chronicle_db_bind_text (stmt, 1, match);
  sqlite3_bind_int64 (stmt, 2, threshold + 1);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return count > threshold;
}
