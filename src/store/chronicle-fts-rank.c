/* chronicle-fts-rank.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-store"

#include "config.h"

#include "chronicle-fts-rank.h"

/* chronicle_rank(article_fts): a BM25-style score without the IDF factor.
 *
 * FTS5's bm25() needs, for each phrase, the number of rows it matches, which it gets
 * by walking the phrase's whole doclist: for a common word in a million articles that
 * alone takes tens of milliseconds. Without IDF, a score only needs the current row's
 * term frequencies and column lengths and the stored averages, so ranking a window
 * of matches costs what the window costs. For a one-word query the order is the same
 * as bm25(); for several words each counts equally.
 *
 * Columns are weighted title 10, summary 3, body 1. Smaller is better, like bm25(). */

#define K1 1.2
#define B 0.75

static const double column_weights[] = { 10.0, 3.0, 1.0 };

static void
rank_function (const Fts5ExtensionApi  *api,
               Fts5Context             *fts,
               sqlite3_context         *ctx,
               int                      n_args,
               sqlite3_value          **args)
{
  int n_phrases = api->xPhraseCount (fts);
  int n_columns = api->xColumnCount (fts);
  sqlite3_int64 n_rows = 0;
  int n_inst = 0;
  double score = 0;
  g_autofree int *counts = NULL;
  int rc;

  rc = api->xRowCount (fts, &n_rows);
  if (rc == SQLITE_OK)
    rc = api->xInstCount (fts, &n_inst);
  if (rc != SQLITE_OK)
    {
      sqlite3_result_error_code (ctx, rc);
      return;
    }

  counts = g_new0 (int, (gsize) MAX (1, n_phrases * n_columns));
  for (int i = 0; i < n_inst; i++)
    {
      int phrase, column, offset;

      if (api->xInst (fts, i, &phrase, &column, &offset) == SQLITE_OK
          && phrase < n_phrases && column < n_columns)
        counts[phrase * n_columns + column]++;
    }

  for (int c = 0; c < n_columns; c++)
    {
      sqlite3_int64 total = 0;
      int length = 0;
      double average, norm, weight;

      if (api->xColumnTotalSize (fts, c, &total) != SQLITE_OK
          || api->xColumnSize (fts, c, &length) != SQLITE_OK)
        continue;

      average = n_rows > 0 ? (double) total / n_rows : 1.0;
      norm = K1 * (1 - B + B * length / MAX (average, 1.0));
      weight = c < (int) G_N_ELEMENTS (column_weights) ? column_weights[c] : 1.0;

      for (int p = 0; p < n_phrases; p++)
        {
          int tf = counts[p * n_columns + c];

          if (tf > 0)
            score += weight * tf * (K1 + 1) / (tf + norm);
        }
    }

  sqlite3_result_double (ctx, -score);
}

static fts5_api *
get_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5 (?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  return api;
}

/**
 * _chronicle_fts_rank_register:
 * @db: a connection
 *
 * Makes chronicle_rank() available on @db.
 *
 * Returns: %TRUE on success
 */
gboolean
_chronicle_fts_rank_register (sqlite3 *db)
{
  fts5_api *api = get_fts5_api (db);

  if (api == NULL || api->iVersion < 2)
    return FALSE;

  return api->xCreateFunction (api, "chronicle_rank", NULL, rank_function, NULL) == SQLITE_OK;
}
