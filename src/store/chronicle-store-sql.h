/* chronicle-store-sql.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-entity.h"
#include "chronicle-query.h"
#include "chronicle-store-db.h"

G_BEGIN_DECLS

/* Internal to src/store: SQL text plus its bound values. */

#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)
/* The UTC day number of a Unix time column, flooring for times before 1970. */
#define DAY_OF(col) "((" col " - ((" col " % 86400) + 86400) % 86400) / 86400)"

typedef struct {
  gboolean is_text;
  gint64 number;
  char *text;
} Bind;

/* A query's entity facets, resolved to stored entity ids. */
typedef struct {
  gboolean resolved;
  /* A facet names no stored entity: nothing matches. */
  gboolean empty;
  guint n_facets;
  GArray *ids[CHRONICLE_N_ENTITY_KINDS];
  gint64 weight[CHRONICLE_N_ENTITY_KINDS];
  /* The facet with the fewest articles, which drives the query; -1 for none. */
  int driver;
} Facets;

typedef struct {
  GString *sql;
  GArray *binds;
  Facets facets;
  /* Test each candidate article against the full-text index (fast when a first page
   * of a common term is wanted) instead of collecting every match first. */
  gboolean probe_text;
} Sql;

void          _chronicle_sql_init            (Sql                  *sql);
void          _chronicle_sql_clear           (Sql                  *sql);
void          _chronicle_sql_int             (Sql                  *sql,
                                              gint64                value);
void          _chronicle_sql_text            (Sql                  *sql,
                                              const char           *value);
sqlite3_stmt *_chronicle_sql_prepare         (ChronicleDb          *db,
                                              Sql                  *sql,
                                              GError              **error);
void          _chronicle_sql_append_filter   (Sql                  *sql,
                                              ChronicleQuery       *query,
                                              gboolean              with_text);
gboolean      _chronicle_sql_resolve_facets  (Sql                  *sql,
                                              ChronicleDb          *db,
                                              ChronicleQuery       *query,
                                              GError              **error);
void          _chronicle_sql_build_ids       (Sql                  *sql,
                                              ChronicleQuery       *query);
gboolean      _chronicle_sql_ids_ordered_by_index (Sql             *sql,
                                                   ChronicleQuery  *query);
gboolean      _chronicle_db_finish_rows      (ChronicleDb          *db,
                                              sqlite3_stmt         *stmt,
                                              int                   rc,
                                              GError              **error);
ChronicleEntity *_chronicle_entity_from_row  (sqlite3_stmt         *stmt,
                                              int                   first);
gboolean      _chronicle_collect_entities    (ChronicleDb          *db,
                                              sqlite3_stmt         *stmt,
                                              GPtrArray            *out,
                                              GError              **error);

gboolean      _chronicle_sql_text_is_common  (ChronicleDb          *db,
                                              ChronicleQuery       *query);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Sql, _chronicle_sql_clear)

G_END_DECLS
