/* chronicle-store-db.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-store"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "chronicle-entity-fold.h"
#include "chronicle-fts-rank.h"
#include "chronicle-store-db.h"
#include "chronicle-store-error.h"

struct _ChronicleDb
{
  char *path;
  sqlite3 *handle;
  /* SQL text -> sqlite3_stmt, prepared once with SQLITE_PREPARE_PERSISTENT. */
  GHashTable *statements;
};

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

/**
 * _chronicle_db_is_corrupt_rc:
 * @rc: an SQLite result code
 *
 * Returns: %TRUE if @rc says the file is damaged or is not a database
 */
gboolean
_chronicle_db_is_corrupt_rc (int rc)
{
  rc &= 0xff;
  return rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB;
}

static char *
marker_path (const char *path)
{
  return g_strconcat (path, "-damaged", NULL);
}

/**
 * _chronicle_db_mark_damaged:
 * @path: a database file
 *
 * Leaves a note beside @path that SQLite found it damaged, so the next open moves it
 * aside and starts a fresh cache (a big file is not fully checked at every start).
 */
void
_chronicle_db_mark_damaged (const char *path)
{
  g_autofree char *marker = marker_path (path);

  if (!g_file_set_contents (marker, "", 0, NULL))
    g_debug ("Could not mark %s as damaged", path);
}

/**
 * _chronicle_db_take_damaged_mark:
 * @path: a database file
 *
 * Returns: %TRUE if @path was marked damaged (the mark is removed)
 */
gboolean
_chronicle_db_take_damaged_mark (const char *path)
{
  g_autofree char *marker = marker_path (path);

  return g_unlink (marker) == 0;
}

/**
 * _chronicle_db_set_error:
 * @db: (nullable): the connection, for its message
 * @rc: an SQLite result code
 * @error: return location for a #GError
 *
 * Maps @rc to a #ChronicleStoreError with a sentence a person understands.
 *
 * Returns: %FALSE, always, to return it directly
 */
gboolean
_chronicle_db_set_error (ChronicleDb  *db,
                         int           rc,
                         GError      **error)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db->handle) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_FULL,
                   _("The disk is full: Chronicle could not save to its cache. Nothing was "
                     "saved from this change; free some space and try again."));
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_READ_ONLY,
                   _("Chronicle cannot write its cache (%s). Check that the folder is "
                     "writable."), detail);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      if (db != NULL)
        _chronicle_db_mark_damaged (db->path);
      g_set_error (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_CORRUPT,
                   _("Chronicle's cache is damaged (%s). It will be rebuilt the next time "
                     "Chronicle starts."), detail);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_INVALID,
                   _("The data was refused by the cache: %s"), detail);
      break;
    case SQLITE_INTERRUPT:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("The operation was cancelled"));
      break;
    default:
      g_set_error (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_FAILED,
                   _("The cache failed: %s"), detail);
      break;
    }

  return FALSE;
}

/**
 * _chronicle_db_open:
 * @path: the database file
 * @writer: %TRUE for the one connection that writes
 * @error: return location for a #GError
 *
 * Opens a connection with Chronicle's settings: WAL, foreign keys, a page cache
 * sized for its role, a busy timeout.
 *
 * Returns: (transfer full) (nullable): the connection
 */
ChronicleDb *
_chronicle_db_open (const char  *path,
                    gboolean     writer,
                    GError     **error)
{
  g_autoptr(ChronicleDb) db = g_new0 (ChronicleDb, 1);
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  int rc;

  db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  db->path = g_strdup (path);

  if (writer)
    flags |= SQLITE_OPEN_CREATE;

  rc = sqlite3_open_v2 (path, &db->handle, flags, NULL);
  if (rc != SQLITE_OK)
    {
      _chronicle_db_set_error (db->handle != NULL ? db : NULL, rc, error);
      return NULL;
    }

  sqlite3_extended_result_codes (db->handle, 1);
  sqlite3_busy_timeout (db->handle, 10000);

  if (!_chronicle_fts_rank_register (db->handle))
    {
      g_set_error_literal (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_FAILED,
                           _("SQLite was built without full-text search (FTS5)"));
      return NULL;
    }

  if (!_chronicle_entity_fold_register (db->handle))
    {
      _chronicle_db_set_error (db, sqlite3_errcode (db->handle), error);
      return NULL;
    }

  if (!_chronicle_db_exec (db,
                           "PRAGMA foreign_keys = ON;"
                           "PRAGMA temp_store = MEMORY;"
                           "PRAGMA synchronous = NORMAL;",
                           error))
    return NULL;

  if (writer)
    {
      sqlite3_stmt *stmt;

      /* Reading the schema is where a garbage file shows itself. */
      if (_chronicle_db_get_int (db, "SELECT count(*) FROM sqlite_master", error) < 0)
        return NULL;

      stmt = _chronicle_db_prepare (db, "PRAGMA journal_mode = WAL", error);
      if (stmt == NULL)
        return NULL;
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          _chronicle_db_set_error (db, rc, error);
          return NULL;
        }
      sqlite3_reset (stmt);

      if (!_chronicle_db_exec (db,
                               "PRAGMA cache_size = -65536;"
                               "PRAGMA wal_autocheckpoint = 16000;"
                               "PRAGMA journal_size_limit = 67108864;",
                               error))
        return NULL;
    }
  else
    {
      if (!_chronicle_db_exec (db, "PRAGMA cache_size = -4096; PRAGMA query_only = ON;", error))
        return NULL;
    }

  return g_steal_pointer (&db);
}

void
_chronicle_db_close (ChronicleDb *db)
{
  if (db == NULL)
    return;

  g_clear_pointer (&db->statements, g_hash_table_unref);
  if (db->handle != NULL)
    sqlite3_close (db->handle);
  g_free (db->path);
  g_free (db);
}

sqlite3 *
_chronicle_db_handle (ChronicleDb *db)
{
  return db->handle;
}

/**
 * _chronicle_db_prepare:
 * @db: a connection
 * @sql: one SQL statement
 * @error: return location for a #GError
 *
 * Returns the statement for @sql, prepared on first use and kept. It is reset and its
 * bindings cleared; reset it again when done so it holds no read transaction.
 *
 * Returns: (transfer none) (nullable): the statement
 */
sqlite3_stmt *
_chronicle_db_prepare (ChronicleDb  *db,
                       const char   *sql,
                       GError      **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (db->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _chronicle_db_set_error (db, rc, error);
      return NULL;
    }

  g_hash_table_insert (db->statements, g_strdup (sql), stmt);
  return stmt;
}

/**
 * _chronicle_db_exec:
 * @db: a connection
 * @sql: statements without parameters (schema, pragmas)
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
_chronicle_db_exec (ChronicleDb  *db,
                    const char   *sql,
                    GError      **error)
{
  int rc = sqlite3_exec (db->handle, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _chronicle_db_set_error (db, rc, error);

  return TRUE;
}

/**
 * _chronicle_db_step_done:
 * @db: a connection
 * @stmt: a statement that returns no rows (or whose rows are ignored)
 * @error: return location for a #GError
 *
 * Steps @stmt to completion and resets it.
 *
 * Returns: %TRUE on success
 */
gboolean
_chronicle_db_step_done (ChronicleDb   *db,
                         sqlite3_stmt  *stmt,
                         GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _chronicle_db_set_error (db, rc, error);

  return TRUE;
}

gboolean
_chronicle_db_begin (ChronicleDb  *db,
                     GError      **error)
{
  sqlite3_stmt *stmt = _chronicle_db_prepare (db, "BEGIN IMMEDIATE", error);

  return stmt != NULL && _chronicle_db_step_done (db, stmt, error);
}

gboolean
_chronicle_db_commit (ChronicleDb  *db,
                      GError      **error)
{
  sqlite3_stmt *stmt = _chronicle_db_prepare (db, "COMMIT", error);

  if (stmt == NULL || !_chronicle_db_step_done (db, stmt, error))
    {
      _chronicle_db_rollback (db);
      return FALSE;
    }

  return TRUE;
}

void
_chronicle_db_rollback (ChronicleDb *db)
{
  if (!sqlite3_get_autocommit (db->handle))
    sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
}

/**
 * _chronicle_db_get_int:
 * @db: a connection
 * @sql: a statement returning one integer
 * @error: return location for a #GError
 *
 * Returns: the integer (0 if there is no row), or -1 on error
 */
gint64
_chronicle_db_get_int (ChronicleDb  *db,
                       const char   *sql,
                       GError      **error)
{
  sqlite3_stmt *stmt = _chronicle_db_prepare (db, sql, error);
  gint64 value = 0;
  int rc;

  if (stmt == NULL)
    return -1;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _chronicle_db_set_error (db, rc, error);
      return -1;
    }

  return value;
}

/* Binds @text (or NULL) without copying it: @text must stay valid until @stmt is
 * stepped and reset, which every caller does before its strings go away. (Copying
 * the 1.5 KB of an article's text costs measurably at ingest.) */
void
_chronicle_db_bind_text (sqlite3_stmt *stmt,
                         int           index,
                         const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

const char *
_chronicle_db_column_text (sqlite3_stmt *stmt,
                           int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* A read transaction, so several statements see one snapshot. */
gboolean
_chronicle_db_begin_read (ChronicleDb  *db,
                          GError      **error)
{
  sqlite3_stmt *stmt = _chronicle_db_prepare (db, "BEGIN", error);

  return stmt != NULL && _chronicle_db_step_done (db, stmt, error);
}

void
_chronicle_db_end_read (ChronicleDb *db)
{
  if (!sqlite3_get_autocommit (db->handle))
    sqlite3_exec (db->handle, "COMMIT", NULL, NULL, NULL);
}
