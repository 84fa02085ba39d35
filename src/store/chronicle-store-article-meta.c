/* chronicle-store-article-meta.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-store"

#include "config.h"

#include "chronicle-store-private.h"
#include "chronicle-store-sql.h"

/* What a source says about an article beside its text: keyword tags and categories
 * (`article_tags`, one row per tag in the source's order), the licence or rights
 * statement and the attribution (`articles.license`, `articles.attribution`). The
 * upsert writes them after the article's row (an UPDATE only when there is a licence or
 * attribution to write or a revised article may have had one; the tag rows with one
 * prepared INSERT each); the full read of one article reads them back. Page reads
 * leave them out, as they leave out the body. */

static gboolean
has_meta (ChronicleArticle *article)
{
  const char * const *tags = chronicle_article_get_tags (article);

  return (tags != NULL && tags[0] != NULL) || chronicle_article_get_license (article) != NULL
         || chronicle_article_get_attribution (article) != NULL;
}

/*< private >
 * _chronicle_store_write_article_meta:
 * @db: the write connection, in the upsert's transaction
 * @article: the article as the source gave it
 * @id: its row id
 * @stored: %TRUE when the row existed before (a revision): old tags are replaced
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
_chronicle_store_write_article_meta (ChronicleDb       *db,
                                     ChronicleArticle  *article,
                                     gint64             id,
                                     gboolean           stored,
                                     GError           **error)
{
  const char * const *tags = chronicle_article_get_tags (article);
  sqlite3_stmt *stmt;

  if (!stored && !has_meta (article))
    return TRUE;

  /* A new row has NULLs already; a revision may clear what it had. */
  if (stored || chronicle_article_get_license (article) != NULL
      || chronicle_article_get_attribution (article) != NULL)
    {
      stmt = _chronicle_db_prepare (db, "UPDATE articles SET license = ?, attribution = ?"
                                        " WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      _chronicle_db_bind_text (stmt, 1, chronicle_article_get_license (article));
      _chronicle_db_bind_text (stmt, 2, chronicle_article_get_attribution (article));
      sqlite3_bind_int64 (stmt, 3, id);
      if (!_chronicle_db_step_done (db, stmt, error))
        return FALSE;
    }

  if (stored)
    {
      stmt = _chronicle_db_prepare (db, "DELETE FROM article_tags WHERE article_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!_chronicle_db_step_done (db, stmt, error))
        return FALSE;
    }

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      stmt = _chronicle_db_prepare (db, "INSERT OR IGNORE INTO article_tags"
                                        " (article_id, position, tag) VALUES (?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int) i);
      _chronicle_db_bind_text (stmt, 3, tags[i]);
      if (!_chronicle_db_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/*< private >
 * _chronicle_store_read_article_meta:
 * @db: a connection, inside a read transaction
 * @article: a stored article (by its id)
 * @error: return location for a #GError
 *
 * Sets the article's tags (an empty array when it has none), licence and attribution.
 *
 * Returns: %TRUE on success
 */
gboolean
_chronicle_store_read_article_meta (ChronicleDb       *db,
                                    ChronicleArticle  *article,
                                    GError           **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) tags = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _chronicle_db_prepare (db, "SELECT license, attribution FROM articles WHERE id = ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, chronicle_article_get_id (article));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      chronicle_article_set_license (article, _chronicle_db_column_text (stmt, 0));
      chronicle_article_set_attribution (article, _chronicle_db_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _chronicle_db_set_error (db, rc, error);

  stmt = _chronicle_db_prepare (db, "SELECT tag FROM article_tags WHERE article_id = ?"
                                    " ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, chronicle_article_get_id (article));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, _chronicle_db_column_text (stmt, 0));
  if (!_chronicle_db_finish_rows (db, stmt, rc, error))
    return FALSE;

  tags = g_strv_builder_end (builder);
  chronicle_article_set_tags (article, (const char * const *) tags);
  return TRUE;
}
