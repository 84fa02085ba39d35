/* chronicle-store-db.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Internal to src/store: one SQLite connection and its prepared statements.
 * A ChronicleDb is used by one thread at a time. */
typedef struct _ChronicleDb ChronicleDb;

ChronicleDb  *_chronicle_db_open          (const char   *path,
                                           gboolean      writer,
                                           GError      **error);
void          _chronicle_db_close         (ChronicleDb  *db);
sqlite3      *_chronicle_db_handle        (ChronicleDb  *db);
sqlite3_stmt *_chronicle_db_prepare       (ChronicleDb  *db,
                                           const char   *sql,
                                           GError      **error);
gboolean      _chronicle_db_exec          (ChronicleDb  *db,
                                           const char   *sql,
                                           GError      **error);
gboolean      _chronicle_db_step_done     (ChronicleDb  *db,
                                           sqlite3_stmt *stmt,
                                           GError      **error);
gboolean      _chronicle_db_begin         (ChronicleDb  *db,
                                           GError      **error);
gboolean      _chronicle_db_commit        (ChronicleDb  *db,
                                           GError      **error);
void          _chronicle_db_rollback      (ChronicleDb  *db);
gboolean      _chronicle_db_begin_read    (ChronicleDb  *db,
                                           GError      **error);
void          _chronicle_db_end_read      (ChronicleDb  *db);
gboolean      _chronicle_db_set_error     (ChronicleDb  *db,
                                           int           rc,
                                           GError      **error);
gboolean      _chronicle_db_is_corrupt_rc (int           rc);
void          _chronicle_db_mark_damaged  (const char   *path);
gboolean      _chronicle_db_take_damaged_mark (const char *path);
gint64        _chronicle_db_get_int       (ChronicleDb  *db,
                                           const char   *sql,
                                           GError      **error);
void          _chronicle_db_bind_text     (sqlite3_stmt *stmt,
                                           int           index,
                                           const char   *text);
const char   *_chronicle_db_column_text   (sqlite3_stmt *stmt,
                                           int           column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronicleDb, _chronicle_db_close)

G_END_DECLS
