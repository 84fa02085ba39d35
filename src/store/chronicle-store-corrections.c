/* chronicle-store-corrections.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-store"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "chronicle-store-error.h"
#include "chronicle-store-private.h"
#include "chronicle-store-sql.h"

/* Corrections (rename, merge, undo a merge, the stop list) and Follow: write jobs on
 * the write thread, each in one transaction.
 *
 * A merge keeps the merged entity's row, with `merged_into` set: its name then leads
 * the upsert and queries to the target, and its id comes back on an undo. The
 * mentions it brought are kept in `entity_merge_mentions` (and the upsert adds the
 * ones that arrive later through its name), so an undo takes exactly those offsets
 * back out of the target. A rename leaves such a row for the old name. */

#define MAX_CHAIN 64

typedef struct {
  gint64 id;
  int kind;
  char *name;
  gint64 merged_into;
} EntityRow;

static void
entity_row_clear (EntityRow *row)
{
  g_clear_pointer (&row->name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EntityRow, entity_row_clear)

static gboolean
not_found (GError **error)
{
  g_set_error_literal (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_NOT_FOUND,
                       _("No such person, country, place or organisation is stored"));
  return FALSE;
}

/* Reads a row by id (kind < 0) or by kind and name. Returns FALSE on error; row->id
 * is 0 if there is no such row. */
static gboolean
read_row (ChronicleDb  *db,
          gint64        id,
          int           kind,
          const char   *name,
          EntityRow    *row,
          GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (kind < 0)
    {
      stmt = _chronicle_db_prepare (db,
                                    "SELECT id, kind, name, coalesce (merged_into, 0)"
                                    " FROM entities WHERE id = ?",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
    }
  else
    {
      stmt = _chronicle_db_prepare (db,
                                    "SELECT id, kind, name, coalesce (merged_into, 0)"
                                    " FROM entities WHERE kind = ? AND name = ?",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 1, kind);
      _chronicle_db_bind_text (stmt, 2, name);
    }

  row->id = 0;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      row->id = sqlite3_column_int64 (stmt, 0);
      row->kind = sqlite3_column_int (stmt, 1);
      g_free (row->name);
      row->name = g_strdup (_chronicle_db_column_text (stmt, 2));
      row->merged_into = sqlite3_column_int64 (stmt, 3);
    }
  return _chronicle_db_finish_rows (db, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error);
}

static gboolean
exec_ids (ChronicleDb  *db,
          const char   *sql,
          gint64        a,
          gint64        b,
          GError      **error)
{
  sqlite3_stmt *stmt = _chronicle_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, b);
  return _chronicle_db_step_done (db, stmt, error);
}

static gboolean
collect_ids (ChronicleDb  *db,
             const char   *sql,
             gint64        entity_id,
             GArray       *ids,
             GError      **error)
{
  sqlite3_stmt *stmt = _chronicle_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entity_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  return _chronicle_db_finish_rows (db, stmt, rc, error);
}

static gboolean
collect_articles (ChronicleDb  *db,
                  gint64        entity_id,
                  GArray       *ids,
                  GError      **error)
{
  return collect_ids (db, "SELECT article_id FROM article_entities WHERE entity_id = ?",
                      entity_id, ids, error);
}

static gboolean
recount (ChronicleDb  *db,
         gint64        a,
         gint64        b,
         GError      **error)
{
  return exec_ids (db,
                   "UPDATE entities SET"
                   " article_count = (SELECT count (*) FROM article_entities"
                   "                  WHERE entity_id = entities.id),"
                   " last_mention = coalesce ((SELECT max (published) FROM article_entities"
                   "                           WHERE entity_id = entities.id), 0)"
                   " WHERE id IN (?1, ?2)",
                   a, b, error);
}

/* Offsets lists ("start-end,start-end") as sets. */

typedef struct {
  guint start;
  guint end;
} Span;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a;
  const Span *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

static void
parse_spans (const char *offsets,
             GArray     *spans)
{
  g_auto(GStrv) parts = g_strsplit (offsets != NULL ? offsets : "", ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *end = NULL;
      Span span;

      if (*parts[i] == '\0')
        continue;
      span.start = (guint) strtoul (parts[i], &end, 10);
      span.end = end != NULL && *end == '-' ? (guint) strtoul (end + 1, NULL, 10) : span.start;
      g_array_append_val (spans, span);
    }
}

static gboolean
span_in (const Span *span,
         GArray     *spans)
{
  for (guint i = 0; i < spans->len; i++)
    if (compare_spans (span, &g_array_index (spans, Span, i)) == 0)
      return TRUE;
  return FALSE;
}

/* The union (@subtract FALSE) or difference of two offsets lists, sorted; "" if empty. */
static char *
combine_offsets (const char *a,
                 const char *b,
                 gboolean    subtract)
{
  g_autoptr(GArray) left = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GArray) right = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (Span));
  GString *str = g_string_new (NULL);

  parse_spans (a, left);
  parse_spans (b, right);

  for (guint i = 0; i < left->len; i++)
    {
      Span *span = &g_array_index (left, Span, i);

      if (!subtract || !span_in (span, right))
        g_array_append_val (out, *span);
    }
  for (guint i = 0; !subtract && i < right->len; i++)
    {
      Span *span = &g_array_index (right, Span, i);

      if (!span_in (span, left))
        g_array_append_val (out, *span);
    }

  g_array_sort (out, compare_spans);
  for (guint i = 0; i < out->len; i++)
    g_string_append_printf (str, "%s%u-%u", i > 0 ? "," : "",
                            g_array_index (out, Span, i).start, g_array_index (out, Span, i).end);

  return g_string_free (str, FALSE);
}

/* The target's offsets in an article (NULL if it is not named there). */
static gboolean
read_offsets (ChronicleDb  *db,
              gint64        article_id,
              gint64        entity_id,
              char        **offsets,
              GError      **error)
{
  sqlite3_stmt *stmt = _chronicle_db_prepare (db,
                                              "SELECT offsets FROM article_entities"
                                              " WHERE article_id = ? AND entity_id = ?",
                                              error);
  int rc;

  *offsets = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  sqlite3_bind_int64 (stmt, 2, entity_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *offsets = g_strdup (_chronicle_db_column_text (stmt, 0));
  return _chronicle_db_finish_rows (db, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error);
}

static gboolean
write_offsets (ChronicleDb  *db,
               gint64        article_id,
               gint64        entity_id,
               gint64        published,
               const char   *offsets,
               GError      **error)
{
  sqlite3_stmt *stmt;

  if (*offsets == '\0')
    return exec_ids (db, "DELETE FROM article_entities WHERE article_id = ? AND entity_id = ?",
                     article_id, entity_id, error);

  stmt = _chronicle_db_prepare (db,
                                "INSERT INTO article_entities (article_id, entity_id, published,"
                                " offsets) VALUES (?, ?, ?, ?) ON CONFLICT (article_id, entity_id)"
                                " DO UPDATE SET offsets = excluded.offsets",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  sqlite3_bind_int64 (stmt, 2, entity_id);
  sqlite3_bind_int64 (stmt, 3, published);
  _chronicle_db_bind_text (stmt, 4, offsets);
  return _chronicle_db_step_done (db, stmt, error);
}

typedef struct {
  gint64 article_id;
  gint64 published;
  char *offsets;
} MentionRow;

static void
mention_row_clear (gpointer data)
{
  g_free (((MentionRow *) data)->offsets);
}

static GArray *
read_mention_rows (ChronicleDb  *db,
                   const char   *sql,
                   gint64        entity_id,
                   GError      **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (MentionRow));
  sqlite3_stmt *stmt = _chronicle_db_prepare (db, sql, error);
  int rc;

  g_array_set_clear_func (rows, mention_row_clear);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, entity_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MentionRow row = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_int64 (stmt, 1),
        g_strdup (_chronicle_db_column_text (stmt, 2)),
      };

      g_array_append_val (rows, row);
    }
  if (!_chronicle_db_finish_rows (db, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&rows);
}

/* Merge */

static gboolean
merge (ChronicleDb  *db,
       EntityRow    *from,
       EntityRow    *into,
       GArray       *changed,
       GError      **error)
{
  g_autoptr(GArray) rows = NULL;
  sqlite3_stmt *stmt;

  rows = read_mention_rows (db,
                            "SELECT article_id, published, offsets FROM article_entities"
                            " WHERE entity_id = ?",
                            from->id, error);
  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      MentionRow *row = &g_array_index (rows, MentionRow, i);
      g_autofree char *offsets = NULL;
      g_autofree char *combined = NULL;

      stmt = _chronicle_db_prepare (db,
                                    "INSERT OR REPLACE INTO entity_merge_mentions"
                                    " (entity_id, article_id, published, offsets)"
                                    " VALUES (?, ?, ?, ?)",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, from->id);
      sqlite3_bind_int64 (stmt, 2, row->article_id);
      sqlite3_bind_int64 (stmt, 3, row->published);
      _chronicle_db_bind_text (stmt, 4, row->offsets);
      if (!_chronicle_db_step_done (db, stmt, error))
        return FALSE;

      if (!read_offsets (db, row->article_id, into->id, &offsets, error))
        return FALSE;
      combined = combine_offsets (offsets, row->offsets, FALSE);
      if (!write_offsets (db, row->article_id, into->id, row->published, combined, error))
        return FALSE;
      g_array_append_val (changed, row->article_id);
    }

  /* Aliases: the merged name and its aliases become the target's (remembered, so an
   * undo removes the ones the target did not have). */
  if (!exec_ids (db,
                 "INSERT OR IGNORE INTO entity_merge_aliases (entity_id, alias)"
                 " SELECT ?1, a FROM (SELECT name AS a FROM entities WHERE id = ?1"
                 "  UNION SELECT alias FROM entity_aliases WHERE entity_id = ?1)"
                 " WHERE a != (SELECT name FROM entities WHERE id = ?2)"
                 " AND a NOT IN (SELECT alias FROM entity_aliases WHERE entity_id = ?2)",
                 from->id, into->id, error)
      || !exec_ids (db,
                    "INSERT OR IGNORE INTO entity_aliases (entity_id, alias)"
                    " SELECT ?2, alias FROM entity_merge_aliases WHERE entity_id = ?1",
                    from->id, into->id, error)
      || !exec_ids (db,
                    "INSERT OR IGNORE INTO event_entities (event_id, entity_id)"
                    " SELECT event_id, ?2 FROM event_entities WHERE entity_id = ?1",
                    from->id, into->id, error)
      || !exec_ids (db, "DELETE FROM event_entities WHERE entity_id = ?", from->id, 0, error)
      || !exec_ids (db, "DELETE FROM article_entities WHERE entity_id = ?", from->id, 0, error)
      || !exec_ids (db,
                    "UPDATE entities SET followed = max (followed,"
                    " (SELECT followed FROM entities WHERE id = ?1)) WHERE id = ?2",
                    from->id, into->id, error)
      || !exec_ids (db,
                    "UPDATE entities SET merged_into = ?2, followed = 0, article_count = 0"
                    " WHERE id = ?1",
                    from->id, into->id, error))
    return FALSE;

  return recount (db, from->id, into->id, error);
}

/* Commits a correction and tells the views and the facet index what changed: the
 * entities always, plus @change, with the articles in *@changed. */
static gboolean
commit_correction (StoreJob              *job,
                   ChronicleDb           *db,
                   ChronicleStoreChange   change,
                   GArray               **changed,
                   GError               **error)
{
  if (!_chronicle_db_commit (db, error))
    return _chronicle_store_fail (job->store, db, error);

  _chronicle_store_reset_caches (job->store);
  _chronicle_job_set_true (job);
  job->change = CHRONICLE_STORE_CHANGE_ENTITIES | change;
  job->changed_ids = g_steal_pointer (changed);
  return TRUE;
}

static gboolean
write_merge (StoreJob     *job,
             ChronicleDb  *db,
             GError      **error)
{
  ReadData *data = job->data;
  g_auto(EntityRow) from = { 0, };
  g_auto(EntityRow) into = { 0, };
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!_chronicle_db_begin (db, error))
    return FALSE;

  if (!read_row (db, data->id, -1, NULL, &from, error)
      || !read_row (db, data->other_id, -1, NULL, &into, error))
    return _chronicle_store_fail (job->store, db, error);

  if (from.id == 0 || into.id == 0)
    {
      not_found (error);
      return _chronicle_store_fail (job->store, db, error);
    }
  if (from.id == into.id || from.kind != into.kind || from.merged_into != 0
      || into.merged_into != 0)
    {
      g_set_error_literal (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_INVALID,
                           _("Only two different entities of the same kind can be merged"));
      return _chronicle_store_fail (job->store, db, error);
    }

  if (!merge (db, &from, &into, changed, error))
    return _chronicle_store_fail (job->store, db, error);
  return commit_correction (job, db, CHRONICLE_STORE_CHANGE_ARTICLES_UPDATED, &changed, error);
}

/* Undo a merge */

/* Takes a mention's offsets out of another merged entity's record for its article. */
static gboolean
subtract_from_record (ChronicleDb  *db,
                      gint64        entity_id,
                      MentionRow   *mention,
                      GError      **error)
{
  g_autofree char *recorded = NULL;
  g_autofree char *rest = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _chronicle_db_prepare (db,
                                "SELECT offsets FROM entity_merge_mentions"
                                " WHERE entity_id = ? AND article_id = ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entity_id);
  sqlite3_bind_int64 (stmt, 2, mention->article_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    recorded = g_strdup (_chronicle_db_column_text (stmt, 0));
  if (!_chronicle_db_finish_rows (db, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error))
    return FALSE;
  if (recorded == NULL)
    return TRUE;

  rest = combine_offsets (recorded, mention->offsets, TRUE);
  if (*rest == '\0')
    return exec_ids (db, "DELETE FROM entity_merge_mentions WHERE entity_id = ? AND article_id = ?",
                     entity_id, mention->article_id, error);

  stmt = _chronicle_db_prepare (db,
                                "UPDATE entity_merge_mentions SET offsets = ?"
                                " WHERE entity_id = ? AND article_id = ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  _chronicle_db_bind_text (stmt, 1, rest);
  sqlite3_bind_int64 (stmt, 2, entity_id);
  sqlite3_bind_int64 (stmt, 3, mention->article_id);
  return _chronicle_db_step_done (db, stmt, error);
}

static gboolean
unmerge (ChronicleDb  *db,
         EntityRow    *row,
         GArray       *changed,
         GError      **error)
{
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) between = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 root = row->merged_into;

  /* The mentions went wherever the target went since; the entities in between
   * carried them in their own merge records. */
  for (guint hops = 0; hops < MAX_CHAIN; hops++)
    {
      g_auto(EntityRow) next = { 0, };

      if (!read_row (db, root, -1, NULL, &next, error))
        return FALSE;
      if (next.id == 0 || next.merged_into == 0)
        break;
      g_array_append_val (between, root);
      root = next.merged_into;
    }

  rows = read_mention_rows (db,
                            "SELECT article_id, published, offsets FROM entity_merge_mentions"
                            " WHERE entity_id = ?",
                            row->id, error);
  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      MentionRow *mention = &g_array_index (rows, MentionRow, i);
      g_autofree char *offsets = NULL;
      g_autofree char *rest = NULL;

      if (!read_offsets (db, mention->article_id, root, &offsets, error))
        return FALSE;
      if (offsets != NULL)
        {
          rest = combine_offsets (offsets, mention->offsets, TRUE);
          if (!write_offsets (db, mention->article_id, root, mention->published, rest, error))
            return FALSE;
        }
      if (!write_offsets (db, mention->article_id, row->id, mention->published,
                          mention->offsets, error))
        return FALSE;
      for (guint b = 0; b < between->len; b++)
        if (!subtract_from_record (db, g_array_index (between, gint64, b), mention, error))
          return FALSE;
      g_array_append_val (changed, mention->article_id);
    }

  return exec_ids (db, "DELETE FROM entity_merge_mentions WHERE entity_id = ?", row->id, 0, error)
         && exec_ids (db,
                      "DELETE FROM entity_aliases WHERE entity_id = ?2 AND alias IN"
                      " (SELECT alias FROM entity_merge_aliases WHERE entity_id = ?1)",
                      row->id, row->merged_into, error)
         && exec_ids (db, "DELETE FROM entity_merge_aliases WHERE entity_id = ?", row->id, 0, error)
         && exec_ids (db, "UPDATE entities SET merged_into = NULL WHERE id = ?", row->id, 0, error)
         && recount (db, row->id, root, error);
}

static gboolean
write_unmerge (StoreJob     *job,
               ChronicleDb  *db,
               GError      **error)
{
  ReadData *data = job->data;
  g_auto(EntityRow) row = { 0, };
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!_chronicle_db_begin (db, error))
    return FALSE;

  if (!read_row (db, data->id, -1, NULL, &row, error))
    return _chronicle_store_fail (job->store, db, error);
  if (row.id == 0)
    {
      not_found (error);
      return _chronicle_store_fail (job->store, db, error);
    }
  if (row.merged_into == 0)
    {
      g_set_error_literal (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_INVALID,
                           _("This entity was not merged into another"));
      return _chronicle_store_fail (job->store, db, error);
    }

  if (!unmerge (db, &row, changed, error)
      || !_chronicle_store_remove_orphans (db, error))
    return _chronicle_store_fail (job->store, db, error);
  return commit_correction (job, db, CHRONICLE_STORE_CHANGE_ARTICLES_UPDATED, &changed, error);
}

/* Rename */

static gboolean
write_rename (StoreJob     *job,
              ChronicleDb  *db,
              GError      **error)
{
  ReadData *data = job->data;
  g_auto(EntityRow) row = { 0, };
  g_auto(EntityRow) existing = { 0, };
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  if (!_chronicle_db_begin (db, error))
    return FALSE;

  if (!read_row (db, data->id, -1, NULL, &row, error))
    return _chronicle_store_fail (job->store, db, error);
  if (row.id == 0)
    {
      not_found (error);
      return _chronicle_store_fail (job->store, db, error);
    }
  if (row.merged_into != 0)
    {
      g_set_error_literal (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_INVALID,
                           _("This entity was merged into another; rename that one"));
      return _chronicle_store_fail (job->store, db, error);
    }
  if (g_strcmp0 (row.name, data->name) == 0)
    {
      _chronicle_db_rollback (db);
      _chronicle_job_set_true (job);
      return TRUE;
    }

  if (!read_row (db, 0, row.kind, data->name, &existing, error))
    return _chronicle_store_fail (job->store, db, error);
  if (existing.id != 0)
    {
      if (existing.merged_into != row.id)
        {
          g_set_error (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_EXISTS,
                       _("“%s” is already stored; merge the two instead"), data->name);
          return _chronicle_store_fail (job->store, db, error);
        }
      /* Back to a name that leads to it (an earlier rename or merge): the name is its
       * own again, and what came through it stays. */
      if (!exec_ids (db, "DELETE FROM entity_merge_aliases WHERE entity_id = ?", existing.id, 0,
                     error)
          || !exec_ids (db, "DELETE FROM entity_merge_mentions WHERE entity_id = ?", existing.id, 0,
                        error)
          || !exec_ids (db, "DELETE FROM entities WHERE id = ?", existing.id, 0, error))
        return _chronicle_store_fail (job->store, db, error);
    }

  stmt = _chronicle_db_prepare (db,
                                "UPDATE entities SET name = ?2, fold = chronicle_fold (?2)"
                                " WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return _chronicle_store_fail (job->store, db, error);
  sqlite3_bind_int64 (stmt, 1, row.id);
  _chronicle_db_bind_text (stmt, 2, data->name);
  if (!_chronicle_db_step_done (db, stmt, error))
    return _chronicle_store_fail (job->store, db, error);

  /* The old name keeps leading to it, for what is extracted later. */
  stmt = _chronicle_db_prepare (db,
                                "INSERT INTO entities (kind, name, fold, merged_into)"
                                " VALUES (?1, ?2, chronicle_fold (?2), ?3)",
                                error);
  if (stmt == NULL)
    return _chronicle_store_fail (job->store, db, error);
  sqlite3_bind_int (stmt, 1, row.kind);
  _chronicle_db_bind_text (stmt, 2, row.name);
  sqlite3_bind_int64 (stmt, 3, row.id);
  if (!_chronicle_db_step_done (db, stmt, error))
    return _chronicle_store_fail (job->store, db, error);

  stmt = _chronicle_db_prepare (db,
                                "INSERT OR IGNORE INTO entity_aliases (entity_id, alias)"
                                " VALUES (?, ?)",
                                error);
  if (stmt == NULL)
    return _chronicle_store_fail (job->store, db, error);
  sqlite3_bind_int64 (stmt, 1, row.id);
  _chronicle_db_bind_text (stmt, 2, row.name);
  if (!_chronicle_db_step_done (db, stmt, error))
    return _chronicle_store_fail (job->store, db, error);

  stmt = _chronicle_db_prepare (db, "DELETE FROM entity_aliases WHERE entity_id = ? AND alias = ?",
                                error);
  if (stmt == NULL)
    return _chronicle_store_fail (job->store, db, error);
  sqlite3_bind_int64 (stmt, 1, row.id);
  _chronicle_db_bind_text (stmt, 2, data->name);
  if (!_chronicle_db_step_done (db, stmt, error)
      || !collect_articles (db, row.id, changed, error))
    return _chronicle_store_fail (job->store, db, error);
  return commit_correction (job, db, CHRONICLE_STORE_CHANGE_ARTICLES_UPDATED, &changed, error);
}

/* The stop list */

static gboolean
write_stop (StoreJob     *job,
            ChronicleDb  *db,
            GError      **error)
{
  ReadData *data = job->data;
  g_auto(EntityRow) row = { 0, };
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  if (!_chronicle_db_begin (db, error))
    return FALSE;

  stmt = _chronicle_db_prepare (db,
                                data->flag
                                ? "INSERT OR IGNORE INTO entity_stoplist (kind, name) VALUES (?, ?)"
                                : "DELETE FROM entity_stoplist WHERE kind = ? AND name = ?",
                                error);
  if (stmt == NULL)
    return _chronicle_store_fail (job->store, db, error);
  sqlite3_bind_int (stmt, 1, data->kind);
  _chronicle_db_bind_text (stmt, 2, data->name);
  if (!_chronicle_db_step_done (db, stmt, error))
    return _chronicle_store_fail (job->store, db, error);

  if (data->flag)
    {
      if (!read_row (db, 0, data->kind, data->name, &row, error))
        return _chronicle_store_fail (job->store, db, error);

      /* A merged name first takes its mentions back, then loses them. */
      if (row.id != 0 && row.merged_into != 0 && !unmerge (db, &row, changed, error))
        return _chronicle_store_fail (job->store, db, error);

      if (row.id != 0
          && (!collect_articles (db, row.id, changed, error)
              || !exec_ids (db,
                            "DELETE FROM entity_merge_mentions WHERE entity_id IN"
                            " (SELECT id FROM entities WHERE merged_into = ?)",
                            row.id, 0, error)
              || !exec_ids (db, "UPDATE entities SET merged_into = NULL WHERE merged_into = ?",
                            row.id, 0, error)
              || !exec_ids (db, "DELETE FROM article_entities WHERE entity_id = ?", row.id, 0, error)
              || !exec_ids (db, "DELETE FROM event_entities WHERE entity_id = ?", row.id, 0, error)
              || !exec_ids (db, "DELETE FROM entity_aliases WHERE entity_id = ?", row.id, 0, error)
              || !exec_ids (db, "UPDATE entities SET followed = 0, article_count = 0 WHERE id = ?",
                            row.id, 0, error)
              || !_chronicle_store_remove_orphans (db, error)))
        return _chronicle_store_fail (job->store, db, error);
    }

  return commit_correction (job, db,
                            changed->len > 0 ? CHRONICLE_STORE_CHANGE_ARTICLES_UPDATED : 0,
                            &changed, error);
}

/* Follow */

static gboolean
write_followed (StoreJob     *job,
                ChronicleDb  *db,
                GError      **error)
{
  ReadData *data = job->data;
  sqlite3_stmt *stmt;

  stmt = _chronicle_db_prepare (db,
                                "UPDATE entities SET followed = ? WHERE id = ?"
                                " AND merged_into IS NULL",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, data->flag ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, data->id);
  if (!_chronicle_db_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (_chronicle_db_handle (db)) == 0)
    return not_found (error);

  _chronicle_job_set_true (job);
  job->change = CHRONICLE_STORE_CHANGE_ENTITIES;
  return TRUE;
}

static gboolean
write_follow_mark (StoreJob     *job,
                   ChronicleDb  *db,
                   GError      **error)
{
  ReadData *data = job->data;
  sqlite3_stmt *stmt;

  /* Only raises marks, so a late answer never brings back notified news. */
  stmt = _chronicle_db_prepare (db,
                                "UPDATE entities SET follow_mark = ?1"
                                " WHERE followed = 1 AND follow_mark < ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->id);
  if (!_chronicle_db_step_done (db, stmt, error))
    return FALSE;

  /* Nothing the user sees changed: no `changed` signal. */
  _chronicle_job_set_true (job);
  return TRUE;
}

/* Public calls */

static void
run_write (ChronicleStore       *self,
           gpointer              tag,
           StoreJobFunc          func,
           ReadData             *data,
           GCancellable         *cancellable,
           GAsyncReadyCallback   callback,
           gpointer              user_data)
{
  GTask *task = _chronicle_store_new_task (self, tag, cancellable, callback, user_data);

  _chronicle_store_run_job (self, TRUE, task, func, NULL, data, _read_data_free);
}

/**
 * chronicle_store_rename_entity_async:
 * @self: a #ChronicleStore
 * @entity_id: the entity
 * @name: its new name
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Renames an entity. The old name becomes an alias and keeps leading to it: a later
 * mention under the old name lands on the entity (an undo with
 * chronicle_store_unmerge_entity_async() on the old name's row splits those off
 * again). %CHRONICLE_STORE_ERROR_EXISTS if another entity of the kind has @name
 * (merge them instead). `changed` (ENTITIES | ARTICLES_UPDATED) names the articles
 * that mention it.
 */
void
chronicle_store_rename_entity_async (ChronicleStore       *self,
                                     gint64                entity_id,
                                     const char           *name,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  ReadData *data;

  g_return_if_fail (CHRONICLE_IS_STORE (self));
  g_return_if_fail (name != NULL);

  data = _read_data_new ();
  data->id = entity_id;
  data->name = g_strstrip (g_strdup (name));
  if (*data->name == '\0' || !g_utf8_validate (data->name, -1, NULL))
    {
      GTask *task = _chronicle_store_new_task (self, chronicle_store_rename_entity_async,
                                               cancellable, callback, user_data);

      _read_data_free (data);
      g_task_return_new_error (task, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_INVALID,
                               "%s", _("A name cannot be empty"));
      g_object_unref (task);
      return;
    }
  run_write (self, chronicle_store_rename_entity_async, write_rename, data, cancellable,
             callback, user_data);
}

gboolean
chronicle_store_rename_entity_finish (ChronicleStore  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_rename_entity_async, error) != NULL;
}

/**
 * chronicle_store_merge_entities_async:
 * @self: a #ChronicleStore
 * @from_id: the entity merged away ("Putin")
 * @into_id: the entity that stays ("Vladimir Putin")
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Merges two entities of the same kind: the mentions of @from_id move to @into_id,
 * its name and aliases become aliases of @into_id, counts are updated, and later
 * mentions under its name land on @into_id. Followed if either was. The merged
 * entity keeps its id for chronicle_store_unmerge_entity_async().
 * %CHRONICLE_STORE_ERROR_INVALID for two kinds, the same id or an entity already
 * merged. `changed` (ENTITIES | ARTICLES_UPDATED) names the articles that moved.
 */
void
chronicle_store_merge_entities_async (ChronicleStore       *self,
                                      gint64                from_id,
                                      gint64                into_id,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  ReadData *data;

  g_return_if_fail (CHRONICLE_IS_STORE (self));

  data = _read_data_new ();
  data->id = from_id;
  data->other_id = into_id;
  run_write (self, chronicle_store_merge_entities_async, write_merge, data, cancellable,
             callback, user_data);
}

gboolean
chronicle_store_merge_entities_finish (ChronicleStore  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_merge_entities_async, error) != NULL;
}

/**
 * chronicle_store_unmerge_entity_async:
 * @self: a #ChronicleStore
 * @merged_id: an entity merged into another (see #ChronicleEntityDetail:merged)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Undoes a merge: exactly the mentions that came with @merged_id (at the merge, and
 * those stored since under its name) go back to it, with the aliases it brought.
 * Also undoes a rename when given the old name's row. Events moved by the merge stay
 * with the target. %CHRONICLE_STORE_ERROR_INVALID if it is not merged.
 */
void
chronicle_store_unmerge_entity_async (ChronicleStore       *self,
                                      gint64                merged_id,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  ReadData *data;

  g_return_if_fail (CHRONICLE_IS_STORE (self));

  data = _read_data_new ();
  data->id = merged_id;
  run_write (self, chronicle_store_unmerge_entity_async, write_unmerge, data, cancellable,
             callback, user_data);
}

gboolean
chronicle_store_unmerge_entity_finish (ChronicleStore  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_unmerge_entity_async, error) != NULL;
}

/**
 * chronicle_store_stop_entity_async:
 * @self: a #ChronicleStore
 * @kind: the kind the name is not ("not a person")
 * @name: the name as extracted (an entity's canonical name)
 * @stopped: %TRUE to add it to the stop list, %FALSE to take it off
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * The stop list. Adding removes the stored mentions of that name and kind now and
 * drops them from everything stored later. Taking a name off only affects later
 * extraction (articles stored before get it back when they are stored again).
 */
void
chronicle_store_stop_entity_async (ChronicleStore       *self,
                                   ChronicleEntityKind   kind,
                                   const char           *name,
                                   gboolean              stopped,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  ReadData *data;

  g_return_if_fail (CHRONICLE_IS_STORE (self));
  g_return_if_fail ((guint) kind < CHRONICLE_N_ENTITY_KINDS);
  g_return_if_fail (name != NULL);

  data = _read_data_new ();
  data->kind = kind;
  data->name = g_strdup (name);
  data->flag = !!stopped;
  run_write (self, chronicle_store_stop_entity_async, write_stop, data, cancellable,
             callback, user_data);
}

gboolean
chronicle_store_stop_entity_finish (ChronicleStore  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_stop_entity_async, error) != NULL;
}

/**
 * chronicle_store_set_followed_async:
 * @self: a #ChronicleStore
 * @entity_id: the entity
 * @followed: whether to follow it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Follows or unfollows an entity (persisted; a followed entity is kept even when
 * retention removes all its articles). `changed` (ENTITIES).
 */
void
chronicle_store_set_followed_async (ChronicleStore       *self,
                                    gint64                entity_id,
                                    gboolean              followed,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  ReadData *data;

  g_return_if_fail (CHRONICLE_IS_STORE (self));

  data = _read_data_new ();
  data->id = entity_id;
  data->flag = !!followed;
  run_write (self, chronicle_store_set_followed_async, write_followed, data, cancellable,
             callback, user_data);
}

gboolean
chronicle_store_set_followed_finish (ChronicleStore  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_set_followed_async, error) != NULL;
}

/**
 * chronicle_store_mark_followed_news_async:
 * @self: a #ChronicleStore
 * @up_to_article_id: the #ChronicleFollowedNews:last_article_id that was notified
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Advances every followed entity's stored mark to @up_to_article_id (never back):
 * chronicle_store_followed_news_async() with %CHRONICLE_FOLLOWED_NEWS_SINCE_MARK
 * then finds only articles stored after it, also after a restart. No `changed`.
 */
void
chronicle_store_mark_followed_news_async (ChronicleStore       *self,
                                          gint64                up_to_article_id,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data)
{
  ReadData *data;

  g_return_if_fail (CHRONICLE_IS_STORE (self));
  g_return_if_fail (up_to_article_id >= 0);

  data = _read_data_new ();
  data->id = up_to_article_id;
  run_write (self, chronicle_store_mark_followed_news_async, write_follow_mark, data,
             cancellable, callback, user_data);
}

gboolean
chronicle_store_mark_followed_news_finish (ChronicleStore  *self,
                                           GAsyncResult    *result,
                                           GError         **error)
{
  return _chronicle_store_finish_pointer (self, result, chronicle_store_mark_followed_news_async,
                                          error) != NULL;
}
