/* chronicle-store-schema.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chronicle-store-error.h"
#include "chronicle-store-schema.h"

/*
 * The schema, as migrations. migrations[i] takes a database from
 * `PRAGMA user_version` i to i + 1, in one transaction. Never edit a released
 * migration: append a new one.
 *
 * Layout, for speed at a million articles:
 * - `articles` holds the small columns a timeline row needs; the big text (summary,
 *   body) lives in `article_text`, which is also the external content of the FTS5
 *   index `article_fts`. Since version 4 the upsert feeds `article_fts` itself, once
 *   per batch, in one INSERT … SELECT over the batch's ids (and one 'delete' for the
 *   old text of updated articles, kept in the writer's TEMP table `fts_old` until
 *   then); only deletions still go through a trigger (`article_text_ad`). Per-row
 *   triggers were most of the upsert's cost: once FTS5 is part of a transaction it
 *   flushes its pending terms into a new segment at every statement savepoint, i.e.
 *   one tiny segment per article, and then merges them. FTS5 merges 8 segments at a
 *   time (`automerge` 8, `crisismerge` 32; defaults 4 and 16): less merging while
 *   writing, a few more segments for a query to read; `optimize` (vacuum) merges all.
 * - Article identity: (source_id, guid) and the normalised URL, looked up through
 *   64-bit hashes (`guid_hash`, `url_hash`) so the indexes stay small.
 * - `article_entities` has one row per (article, entity) with the publication date
 *   copied in, so "articles about X, newest first" is one index range
 *   (entity_id, published). The character offsets of every mention of the entity
 *   in the article are packed into `offsets` ("start-end,start-end").
 * - Aggregates: `sources.article_count` and `day_counts` (articles per UTC day,
 *   which makes the unfiltered histogram cheap) are kept by triggers;
 *   `entities.article_count` is decremented by a trigger but incremented by the
 *   upsert once per entity and batch (a popular entity is named by hundreds of
 *   articles of a batch: one UPDATE instead of hundreds).
 * - The write connection (chronicle-store-db.c): WAL with `synchronous = NORMAL` (a
 *   crash or SIGKILL never damages the file and loses no committed batch; a power cut
 *   can lose the last batches committed since the previous checkpoint, never
 *   consistency), a 64 MB page cache, a checkpoint every 16,000 pages (64 MB of WAL:
 *   fewer checkpoints and fsyncs; the WAL is truncated back to 64 MB after one).
 *   Statements are prepared once and reused; entity ids are cached on the write
 *   thread (dropped on any rollback).
 */
static const char *const migrations[] = {
  /* 0 -> 1: sources, articles, text and full-text index, entities, mentions. */
  "CREATE TABLE sources ("
  "  id INTEGER PRIMARY KEY,"
  "  kind INTEGER NOT NULL,"
  "  url TEXT NOT NULL UNIQUE,"
  "  title TEXT,"
  "  site_url TEXT,"
  "  enabled INTEGER NOT NULL DEFAULT 1,"
  "  sync_interval INTEGER NOT NULL DEFAULT 3600,"
  "  etag TEXT,"
  "  last_modified TEXT,"
  "  last_success INTEGER NOT NULL DEFAULT 0,"
  "  last_error TEXT,"
  "  article_count INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE articles ("
  "  id INTEGER PRIMARY KEY,"
  "  source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,"
  "  guid TEXT NOT NULL,"
  "  guid_hash INTEGER NOT NULL,"
  "  url TEXT,"
  "  url_hash INTEGER,"
  "  title TEXT,"
  "  author TEXT,"
  "  published INTEGER NOT NULL,"
  "  published_inferred INTEGER NOT NULL DEFAULT 0,"
  "  updated INTEGER NOT NULL DEFAULT 0,"
  "  language TEXT,"
  "  image_url TEXT,"
  "  read INTEGER NOT NULL DEFAULT 0,"
  "  starred INTEGER NOT NULL DEFAULT 0,"
  "  content_hash INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX articles_source_guid ON articles (source_id, guid_hash);"
  "CREATE INDEX articles_url ON articles (url_hash) WHERE url_hash IS NOT NULL;"
  "CREATE INDEX articles_published ON articles (published);"
  "CREATE INDEX articles_unread ON articles (published) WHERE read = 0;"
  "CREATE INDEX articles_starred ON articles (published) WHERE starred = 1;"
  "CREATE TABLE article_text ("
  "  id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,"
  "  title TEXT,"
  "  summary TEXT,"
  "  body TEXT"
  ");"
  "CREATE VIRTUAL TABLE article_fts USING fts5 ("
  "  title, summary, body,"
  "  content = 'article_text', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "CREATE TRIGGER article_text_ai AFTER INSERT ON article_text BEGIN"
  "  INSERT INTO article_fts (rowid, title, summary, body)"
  "    VALUES (new.id, new.title, new.summary, new.body);"
  "END;"
  "CREATE TRIGGER article_text_ad AFTER DELETE ON article_text BEGIN"
  "  INSERT INTO article_fts (article_fts, rowid, title, summary, body)"
  "    VALUES ('delete', old.id, old.title, old.summary, old.body);"
  "END;"
  "CREATE TRIGGER article_text_au AFTER UPDATE ON article_text BEGIN"
  "  INSERT INTO article_fts (article_fts, rowid, title, summary, body)"
  "    VALUES ('delete', old.id, old.title, old.summary, old.body);"
  "  INSERT INTO article_fts (rowid, title, summary, body)"
  "    VALUES (new.id, new.title, new.summary, new.body);"
  "END;"
  "CREATE TRIGGER articles_ai_source AFTER INSERT ON articles BEGIN"
  "  UPDATE sources SET article_count = article_count + 1 WHERE id = new.source_id;"
  "END;"
  "CREATE TRIGGER articles_ad_source AFTER DELETE ON articles BEGIN"
  "  UPDATE sources SET article_count = article_count - 1 WHERE id = old.source_id;"
  "END;"
  "CREATE TABLE entities ("
  "  id INTEGER PRIMARY KEY,"
  "  kind INTEGER NOT NULL,"
  "  name TEXT NOT NULL,"
  "  country_code TEXT,"
  "  article_count INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (kind, name)"
  ");"
  "CREATE TABLE entity_aliases ("
  "  entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,"
  "  alias TEXT NOT NULL,"
  "  PRIMARY KEY (entity_id, alias)"
  ") WITHOUT ROWID;"
  "CREATE TABLE article_entities ("
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  entity_id INTEGER NOT NULL REFERENCES entities (id),"
  "  published INTEGER NOT NULL,"
  "  offsets TEXT NOT NULL,"
  "  PRIMARY KEY (article_id, entity_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX article_entities_entity ON article_entities (entity_id, published);"
  "CREATE TRIGGER article_entities_ad AFTER DELETE ON article_entities BEGIN"
  "  UPDATE entities SET article_count = article_count - 1 WHERE id = old.entity_id;"
  "END;",

  /* 1 -> 2: time mentions, events, the event date, per-day counts, metadata. */
  "ALTER TABLE articles ADD COLUMN event_date INTEGER NOT NULL DEFAULT 0;"
  "UPDATE articles SET event_date = published;"
  "CREATE INDEX articles_event_date ON articles (event_date);"
  "CREATE TABLE time_mentions ("
  "  id INTEGER PRIMARY KEY,"
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  period_start INTEGER NOT NULL,"
  "  period_end INTEGER NOT NULL,"
  "  granularity INTEGER NOT NULL,"
  "  relation INTEGER NOT NULL,"
  "  text TEXT,"
  "  offset_start INTEGER NOT NULL DEFAULT 0,"
  "  offset_end INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX time_mentions_article ON time_mentions (article_id);"
  "CREATE INDEX time_mentions_start ON time_mentions (period_start);"
  "CREATE TABLE events ("
  "  id INTEGER PRIMARY KEY,"
  "  key TEXT NOT NULL UNIQUE,"
  "  label TEXT,"
  "  start_time INTEGER NOT NULL,"
  "  end_time INTEGER NOT NULL"
  ");"
  "CREATE INDEX events_start ON events (start_time);"
  "CREATE TABLE event_articles ("
  "  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,"
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (event_id, article_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX event_articles_article ON event_articles (article_id);"
  "CREATE TABLE event_entities ("
  "  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,"
  "  entity_id INTEGER NOT NULL REFERENCES entities (id),"
  "  PRIMARY KEY (event_id, entity_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE day_counts ("
  "  day INTEGER PRIMARY KEY,"
  "  count INTEGER NOT NULL"
  ");"
  "INSERT INTO day_counts (day, count)"
  "  SELECT (published - ((published % 86400) + 86400) % 86400) / 86400, count (*)"
  "  FROM articles GROUP BY 1;"
  "CREATE TRIGGER articles_ai_day AFTER INSERT ON articles BEGIN"
  "  INSERT INTO day_counts (day, count)"
  "    VALUES ((new.published - ((new.published % 86400) + 86400) % 86400) / 86400, 1)"
  "    ON CONFLICT (day) DO UPDATE SET count = count + 1;"
  "END;"
  "CREATE TRIGGER articles_ad_day AFTER DELETE ON articles BEGIN"
  "  UPDATE day_counts SET count = count - 1"
  "    WHERE day = (old.published - ((old.published % 86400) + 86400) % 86400) / 86400;"
  "END;"
  "CREATE TRIGGER articles_au_day AFTER UPDATE OF published ON articles"
  "  WHEN old.published != new.published BEGIN"
  "  UPDATE day_counts SET count = count - 1"
  "    WHERE day = (old.published - ((old.published % 86400) + 86400) % 86400) / 86400;"
  "  INSERT INTO day_counts (day, count)"
  "    VALUES ((new.published - ((new.published % 86400) + 86400) % 86400) / 86400, 1)"
  "    ON CONFLICT (day) DO UPDATE SET count = count + 1;"
  "END;"
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY,"
  "  value"
  ") WITHOUT ROWID;"
  "INSERT INTO meta (key, value) VALUES ('time_mention_max_span', 0);",

  /* 2 -> 3: a source's timeline from an index; guid lookups need no source prefix. */
  "DROP INDEX articles_source_guid;"
  "CREATE INDEX articles_guid ON articles (guid_hash);"
  "CREATE INDEX articles_source ON articles (source_id, published);",

  /* 3 -> 4: the entity browser, corrections and Follow.
   * - `fold`: the name case-folded without accents, for searching and sorting;
   *   `last_mention`: the newest article's publication time (raised by the upsert,
   *   kept through retention: it only goes stale towards the future when the newest
   *   article is removed); `followed`.
   * - `merged_into`: a row whose name now means another entity (a merge or a rename).
   *   It keeps its id and name, so the upsert and queries follow it, and an undo
   *   gets the same id back. It has no mentions (article_count 0).
   * - `entity_merge_mentions`: per merged entity, the mentions it brought into the
   *   target (its offsets, and the target's offsets before, NULL if the target was
   *   not named in that article), so a merge splits back exactly;
   *   `entity_merge_aliases`: the aliases a merge added to the target.
   * - `entity_stoplist`: names of a kind that are not entities ("not a person"). */
  "ALTER TABLE entities ADD COLUMN fold TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE entities ADD COLUMN last_mention INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE entities ADD COLUMN followed INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE entities ADD COLUMN merged_into INTEGER;"
  "UPDATE entities SET fold = chronicle_fold (name),"
  "  last_mention = coalesce ((SELECT max (published) FROM article_entities"
  "                            WHERE entity_id = entities.id), 0);"
  "CREATE INDEX entities_kind_count ON entities (kind, article_count);"
  "CREATE INDEX entities_kind_recent ON entities (kind, last_mention);"
  "CREATE INDEX entities_kind_fold ON entities (kind, fold);"
  "CREATE INDEX entities_followed ON entities (followed) WHERE followed = 1;"
  "CREATE INDEX entities_merged ON entities (merged_into) WHERE merged_into IS NOT NULL;"
  "CREATE TABLE entity_merge_mentions ("
  "  entity_id INTEGER NOT NULL,"
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  published INTEGER NOT NULL,"
  "  offsets TEXT NOT NULL,"
  "  into_offsets TEXT,"
  "  PRIMARY KEY (entity_id, article_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX entity_merge_mentions_article ON entity_merge_mentions (article_id);"
  "CREATE TABLE entity_merge_aliases ("
  "  entity_id INTEGER NOT NULL,"
  "  alias TEXT NOT NULL,"
  "  PRIMARY KEY (entity_id, alias)"
  ") WITHOUT ROWID;"
  "CREATE TABLE entity_stoplist ("
  "  kind INTEGER NOT NULL,"
  "  name TEXT NOT NULL,"
  "  PRIMARY KEY (kind, name)"
  ") WITHOUT ROWID;",
  /* 4 -> 5: the upsert feeds article_fts once per batch instead of per row; FTS5
   * merges its segments 8 at a time (was 4). */
  "DROP TRIGGER article_text_ai;"
  "DROP TRIGGER article_text_au;"
  "INSERT INTO article_fts (article_fts, rank) VALUES ('automerge', 8);"
  "INSERT INTO article_fts (article_fts, rank) VALUES ('crisismerge', 32);",
  /* What a source says beside the text, and repair warnings:
   * - `article_tags`: an article's keyword tags and categories in the source's order;
   * - `articles.license`, `articles.attribution`: the licence or rights statement and
   *   the credit line it asks for (NULL when the source gives none);
   * - `sources.last_warning`: what the last successful sync had to repair. */
  "ALTER TABLE articles ADD COLUMN license TEXT;"
  "ALTER TABLE articles ADD COLUMN attribution TEXT;"
  "ALTER TABLE sources ADD COLUMN last_warning TEXT;"
  "CREATE TABLE article_tags ("
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  tag TEXT NOT NULL,"
  "  PRIMARY KEY (article_id, position)"
  ") WITHOUT ROWID;",
  /* Follow survives restarts: `follow_mark` is the largest article id already
   * notified about for a followed entity. Following an entity (0 -> 1, by
   * chronicle_store_set_followed_async() or a merge) starts its mark at the newest
   * stored article, so old news never notifies; the follow notifier advances the
   * marks after each notification (chronicle_store_mark_followed_news_async()).
   * Entities followed before this migration start at the newest article too. */
  "ALTER TABLE entities ADD COLUMN follow_mark INTEGER NOT NULL DEFAULT 0;"
  "UPDATE entities SET follow_mark = (SELECT coalesce (max (id), 0) FROM articles)"
  "  WHERE followed = 1;"
  "CREATE TRIGGER entities_follow_mark AFTER UPDATE OF followed ON entities"
  "  WHEN new.followed = 1 AND old.followed = 0 BEGIN"
  "  UPDATE entities SET follow_mark = (SELECT coalesce (max (id), 0) FROM articles)"
  "    WHERE id = new.id;"
  "END;",
};

guint
_chronicle_store_schema_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

gint64
_chronicle_store_schema_get_version (ChronicleDb  *db,
                                     GError      **error)
{
  return _chronicle_db_get_int (db, "PRAGMA user_version", error);
}

/**
 * _chronicle_store_schema_migrate:
 * @db: the write connection
 * @target_version: the version to reach (tests stop early to test each step)
 * @error: return location for a #GError
 *
 * Runs each missing migration in its own transaction. A database newer than this
 * program is refused rather than damaged.
 *
 * Returns: %TRUE if the database is at @target_version
 */
gboolean
_chronicle_store_schema_migrate (ChronicleDb  *db,
                                 guint         target_version,
                                 GError      **error)
{
  gint64 version = _chronicle_store_schema_get_version (db, error);

  g_return_val_if_fail (target_version <= G_N_ELEMENTS (migrations), FALSE);

  if (version < 0)
    return FALSE;

  if (version > (gint64) G_N_ELEMENTS (migrations))
    {
      g_set_error (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_FAILED,
                   _("The cache was written by a newer version of Chronicle (format %d); "
                     "this version reads format %u"),
                   (int) version, (guint) G_N_ELEMENTS (migrations));
      return FALSE;
    }

  for (guint v = (guint) version; v < target_version; v++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %u", v + 1);

      if (!_chronicle_db_begin (db, error))
        return FALSE;

      if (!_chronicle_db_exec (db, migrations[v], error)
          || !_chronicle_db_exec (db, bump, error)
          || !_chronicle_db_commit (db, error))
        {
          _chronicle_db_rollback (db);
          return FALSE;
        }

      g_debug ("Migrated the cache to format %u", v + 1);
    }

  return TRUE;
}
