/* test-store-faults.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "chronicle-store-db.h"
#include "chronicle-store-schema.h"
#include "store-test-utils.h"

/* Damaged files, a full disk, a read-only folder, a killed writer; and migrations. */

#define KILL_BATCH 200

static GPtrArray *
make_batch (gint64 source,
            guint  batch_no,
            guint  size)
{
  GPtrArray *batch = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < size; i++)
    {
      g_autofree char *guid = g_strdup_printf ("b%u-%u", batch_no, i);
      ChronicleArticle *a = make_article (source, guid, "Budget talks resume in the capital",
                                          T0 + batch_no * 3600 + i);

      chronicle_article_set_body (a, "Negotiators returned to the table on Monday after a week "
                                     "of silence, officials said, as the deadline approached.");
      add_mention (a, CHRONICLE_ENTITY_KIND_COUNTRY, "France", 0);
      add_mention (a, CHRONICLE_ENTITY_KIND_PERSON, "Élisabeth Borne", 10);
      g_ptr_array_add (batch, a);
    }

  return batch;
}

static void
fill_store (ChronicleStore *store,
            guint           n_batches)
{
  gint64 source = add_source (store, "https://one.example/rss", "One");

  for (guint b = 0; b < n_batches; b++)
    {
      g_autoptr(GPtrArray) batch = make_batch (source, b, 100);
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = upsert (store, batch, NULL, NULL, &error);

      g_assert_no_error (error);
    }
}

static void
check_recovered (const char *path,
                 const char *damaged_contents,
                 gsize       damaged_len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleStore) store = chronicle_store_open_sync (path, NULL, &error);
  const GError *recovery;
  const char *moved;
  g_autofree char *moved_path = NULL;
  g_autofree char *moved_contents = NULL;
  gsize moved_len = 0;

  g_assert_no_error (error);
  g_assert_nonnull (store);

  recovery = chronicle_store_get_recovery_error (store);
  g_assert_nonnull (recovery);
  g_assert_true (g_error_matches (recovery, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_CORRUPT));
  g_test_message ("%s", recovery->message);
  g_assert_nonnull (strstr (recovery->message, "rebuilt"));

  /* The message names the old file, moved aside under a timestamped name. */
  moved = strstr (recovery->message, path);
  g_assert_nonnull (moved);
  moved_path = g_strdup (moved);
  g_assert_nonnull (strstr (moved_path, ".damaged-"));
  g_assert_true (g_file_get_contents (moved_path, &moved_contents, &moved_len, NULL));
  g_assert_cmpmem (moved_contents, moved_len, damaged_contents, damaged_len);

  /* And the fresh cache works. */
  add_source (store, "https://fresh.example/rss", "Fresh");
  g_assert_cmpint (scalar (path, "PRAGMA user_version"), ==,
                   _chronicle_store_schema_latest_version ());
}

static void
test_garbage_file (void)
{
  g_autofree char *dir = chronicle_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "garbage.db", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  char garbage[16384];

  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (char) g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (path, garbage, sizeof garbage, NULL));

  check_recovered (path, garbage, sizeof garbage);
  chronicle_test_rm_rf (dir);
}

static void
test_text_file (void)
{
  g_autofree char *dir = chronicle_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "notes.db", NULL);
  const char *text = "These are my notes, not a database.\n";

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  check_recovered (path, text, strlen (text));
  chronicle_test_rm_rf (dir);
}

static void
test_truncated_file (void)
{
  g_autofree char *dir = chronicle_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "truncated.db", NULL);
  g_autofree char *contents = NULL;
  gsize len = 0;

  {
    g_autoptr(ChronicleStore) store = open_store (path);

    fill_store (store, 5);
  }
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 64 * 1024);
  len /= 2;
  g_assert_true (g_file_set_contents (path, contents, len, NULL));

  check_recovered (path, contents, len);
  chronicle_test_rm_rf (dir);
}

static void
test_damaged_pages (void)
{
  g_autofree char *dir = chronicle_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "pages.db", NULL);
  g_autofree char *contents = NULL;
  gsize len = 0;

  {
    g_autoptr(ChronicleStore) store = open_store (path);

    fill_store (store, 5);
  }

  /* A valid header and first page, the right length, garbage after. */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  for (gsize i = 4096; i < len; i++)
    contents[i] = (char) (i * 7919 % 251);
  g_assert_true (g_file_set_contents (path, contents, len, NULL));

  check_recovered (path, contents, len);
  chronicle_test_rm_rf (dir);
}

static void
test_disk_full (void)
{
  g_autofree char *dir = chronicle_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "full.db", NULL);
  g_autoptr(ChronicleStore) store = open_store (path);
  g_autoptr(GAsyncResult) r1 = NULL, r2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) big = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) ids_after = NULL;
  gint64 source, pages;
  ChronicleUpsertStats stats;

  fill_store (store, 1);
  source = scalar (path, "SELECT id FROM sources");
  pages = scalar (path, "PRAGMA page_count");

  /* Leave room for a few pages only: the batch cannot fit. */
  r1 = AWAIT_CALL (_chronicle_store_set_max_page_count_async, store, pages + 3);
  g_assert_true (_chronicle_store_set_max_page_count_finish (store, r1, &error));
  g_assert_no_error (error);

  big = make_batch (source, 1, 2000);
  ids = upsert (store, big, NULL, &stats, &error);
  g_assert_null (ids);
  g_assert_error (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_FULL);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  /* Nothing of the batch was kept. */
  g_assert_cmpint (scalar (path, "SELECT count(*) FROM articles"), ==, 100);
  g_assert_cmpint (scalar (path, "SELECT count(*) FROM article_text"), ==, 100);
  g_assert_cmpint (scalar (path, "SELECT sum(article_count) FROM entities"), ==, 200);

  /* With room again, the same batch goes in, entity cache and all. */
  r2 = AWAIT_CALL (_chronicle_store_set_max_page_count_async, store, G_GINT64_CONSTANT (1) << 30);
  g_assert_true (_chronicle_store_set_max_page_count_finish (store, r2, &error));
  ids_after = upsert (store, big, NULL, &stats, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.inserted, ==, 2000);
  g_assert_cmpint (scalar (path, "SELECT count(*) FROM article_entities"), ==, 4200);

  g_clear_object (&store);
  chronicle_test_rm_rf (dir);
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = chronicle_test_make_tmpdir ();
  g_autofree char *locked = g_build_filename (dir, "locked", NULL);
  g_autofree char *path = g_build_filename (locked, "cache.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleStore) store = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root ignores folder permissions");
      chronicle_test_rm_rf (dir);
      return;
    }

  g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
  store = chronicle_store_open_sync (path, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_READ_ONLY);

  g_chmod (locked, 0700);
  chronicle_test_rm_rf (dir);
}

static void
test_newer_format_refused (void)
{
  g_autofree char *dir = chronicle_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "future.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleStore) store = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE x (y); PRAGMA user_version = 99;", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  /* Not damaged: refused, and left where it is. */
  store = chronicle_store_open_sync (path, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_FAILED);
  g_assert_cmpint (scalar (path, "PRAGMA user_version"), ==, 99);
  chronicle_test_rm_rf (dir);
}

static void
test_migrations (void)
{
  g_autofree char *dir = chronicle_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleDb) db = _chronicle_db_open (path, TRUE, &error);
  g_autoptr(ChronicleStore) store = NULL;
  g_autoptr(ChronicleQuery) all = NULL;
  g_autoptr(GArray) ids = NULL;

  g_assert_no_error (error);

  /* Version 1, with data written the way version 1 wrote it. */
  g_assert_true (_chronicle_store_schema_migrate (db, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (_chronicle_store_schema_get_version (db, NULL), ==, 1);
  g_assert_true (_chronicle_db_exec (db,
                                     "INSERT INTO sources (kind, url, title) VALUES (0, 'u', 'S');"
                                     "INSERT INTO articles (source_id, guid, guid_hash, title,"
                                     " published) VALUES (1, 'g', 1, 'Old', 1700000000);"
                                     "INSERT INTO article_text (id, title, body)"
                                     " VALUES (1, 'Old', 'kept');",
                                     &error));
  g_assert_no_error (error);
  g_clear_pointer (&db, _chronicle_db_close);

  /* Opening migrates 1 -> 2 -> … -> latest and keeps the data. */
  store = open_store (path);
  g_assert_cmpint (scalar (path, "PRAGMA user_version"), ==,
                   _chronicle_store_schema_latest_version ());
  g_assert_cmpint (scalar (path, "SELECT count(*) FROM sqlite_master WHERE name IN"
                                 " ('articles_source', 'articles_guid', 'articles_event_date')"),
                   ==, 3);
  g_assert_cmpint (scalar (path, "SELECT count(*) FROM sqlite_master"
                                 " WHERE name = 'articles_source_guid'"), ==, 0);
  g_assert_cmpint (scalar (path, "SELECT event_date FROM articles WHERE id = 1"), ==, 1700000000);
  g_assert_cmpint (scalar (path, "SELECT count FROM day_counts"), ==, 1);
  g_assert_cmpint (scalar (path, "SELECT article_count FROM sources"), ==, 1);
  all = chronicle_query_new ();
  ids = timeline (store, all, 0);
  g_assert_cmpuint (ids->len, ==, 1);

  g_clear_object (&store);
  chronicle_test_rm_rf (dir);
}

/* FTS5's own check of article_fts against its content table, article_text. */
static void
assert_fts_consistent (const char *path)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, "INSERT INTO article_fts (article_fts) VALUES ('integrity-check')",
                    NULL, NULL, &message) != SQLITE_OK)
    g_error ("article_fts is not consistent: %s", message);
  sqlite3_close (db);
}

static gint64
fts_count (const char *path,
           const char *word)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM article_fts"
                                          " WHERE article_fts MATCH '%s'", word);

  return scalar (path, sql);
}

/* The store's guid hash: 64-bit FNV-1a over the bytes and a 0xff separator. */
static gint64
guid_hash (const char *guid)
{
  guint64 h = G_GUINT64_CONSTANT (14695981039346656037);

  for (const guint8 *p = (const guint8 *) guid; *p != '\0'; p++)
    h = (h ^ *p) * G_GUINT64_CONSTANT (1099511628211);
  h = (h ^ 0xff) * G_GUINT64_CONSTANT (1099511628211);
  return (gint64) h;
}

/* Version 3 indexed text by triggers; version 4 indexes it once per batch. */
static void
test_migration_fts_per_batch (void)
{
  g_autofree char *dir = chronicle_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v3.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleDb) db = _chronicle_db_open (path, TRUE, &error);
  g_autofree char *v3_rows = NULL;
  g_autoptr(ChronicleStore) store = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = NULL;
  ChronicleUpsertStats stats;
  ChronicleArticle *a;

  g_assert_no_error (error);
  g_assert_true (_chronicle_store_schema_migrate (db, 3, &error));
  g_assert_no_error (error);
  v3_rows = g_strdup_printf ("INSERT INTO sources (kind, url, title) VALUES (0, 'u', 'S');"
                             "INSERT INTO articles (source_id, guid, guid_hash, title,"
                             " published, content_hash)"
                             " VALUES (1, 'old', %" G_GINT64_FORMAT ", 'Old', 1700000000, 1);"
                             "INSERT INTO article_text (id, title, body)"
                             " VALUES (1, 'Old', 'walrus');",
                             guid_hash ("old"));
  g_assert_true (_chronicle_db_exec (db, v3_rows, &error));
  g_assert_no_error (error);
  g_clear_pointer (&db, _chronicle_db_close);
  g_assert_cmpint (fts_count (path, "walrus"), ==, 1);

  store = open_store (path);
  g_assert_cmpint (scalar (path, "PRAGMA user_version"), ==,
                   _chronicle_store_schema_latest_version ());
  g_assert_cmpint (scalar (path, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
                                 " AND tbl_name = 'article_text'"), ==, 1);
  g_assert_cmpint (scalar (path, "SELECT v FROM article_fts_config WHERE k = 'automerge'"), ==, 8);
  /* What version 3 indexed is still found. */
  g_assert_cmpint (fts_count (path, "walrus"), ==, 1);

  /* One batch: a new article, the same article again with new text, and a new version
   * of the migrated one (same source and guid). */
  a = make_article (1, "new", "Heron sighted", T0);
  chronicle_article_set_body (a, "pelican");
  g_ptr_array_add (batch, a);
  a = make_article (1, "new", "Heron sighted again", T0);
  chronicle_article_set_body (a, "flamingo");
  g_ptr_array_add (batch, a);
  a = make_article (1, "old", "Old, revised", 1700000000);
  chronicle_article_set_body (a, "narwhal");
  g_ptr_array_add (batch, a);
  ids = upsert (store, batch, NULL, &stats, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.inserted, ==, 1);
  g_assert_cmpuint (stats.updated, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 2), ==, 1);
  g_clear_object (&store);

  g_assert_cmpint (fts_count (path, "walrus"), ==, 0);
  g_assert_cmpint (fts_count (path, "narwhal"), ==, 1);
  g_assert_cmpint (fts_count (path, "pelican"), ==, 0);
  g_assert_cmpint (fts_count (path, "flamingo"), ==, 1);
  g_assert_cmpint (fts_count (path, "heron"), ==, 1);
  assert_fts_consistent (path);

  chronicle_test_rm_rf (dir);
}

/* The killed writer: a child process writes batches until it is killed. */
static int
run_writer (const char *path)
{
  g_autoptr(ChronicleStore) store = open_store (path);
  gint64 source = add_source (store, "https://one.example/rss", "One");

  for (guint b = 0;; b++)
    {
      g_autoptr(GPtrArray) batch = make_batch (source, b, KILL_BATCH);
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = upsert (store, batch, NULL, NULL, &error);

      g_assert_no_error (error);
      printf ("batch %u\n", b);
      fflush (stdout);
    }

  return 0;
}

static void
test_killed_writer (void)
{
  g_autofree char *dir = chronicle_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "killed.db", NULL);
  g_autofree char *self = g_test_build_filename (G_TEST_BUILT, "test-store-faults", NULL);
  const char *argv[] = { self, "--writer", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) out = NULL;
  g_autofree char *check = NULL;
  g_autoptr(ChronicleStore) store = NULL;
  GPid pid;
  int out_fd, status;
  guint batches_seen = 0;
  gint64 n;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);

  out = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (out, TRUE);
  while (batches_seen < 4)
    {
      g_autofree char *line = NULL;

      g_assert_cmpint (g_io_channel_read_line (out, &line, NULL, NULL, NULL), ==,
                       G_IO_STATUS_NORMAL);
      batches_seen++;
    }

  /* A batch takes some milliseconds: 3 ms in, the child is inside one. */
  g_usleep (3000);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_spawn_close_pid (pid);

  store = open_store (path);
  g_assert_null (chronicle_store_get_recovery_error (store));
  check = scalar_text (path, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");

  /* Whole batches only, with everything that belongs to them. */
  n = scalar (path, "SELECT count(*) FROM articles");
  g_test_message ("%" G_GINT64_FORMAT " articles survived", n);
  g_assert_cmpint (n, >=, 4 * KILL_BATCH);
  g_assert_cmpint (n % KILL_BATCH, ==, 0);
  g_assert_cmpint (scalar (path, "SELECT count(*) FROM article_text"), ==, n);
  g_assert_cmpint (scalar (path, "SELECT count(*) FROM article_entities"), ==, 2 * n);
  g_assert_cmpint (scalar (path, "SELECT article_count FROM entities WHERE name = 'France'"), ==, n);
  g_assert_cmpint (scalar (path, "SELECT count(*) FROM article_fts WHERE article_fts MATCH 'budget'"),
                   ==, n);
  g_assert_cmpint (scalar (path, "SELECT sum(count) FROM day_counts"), ==, n);

  g_clear_object (&store);
  assert_fts_consistent (path);
  chronicle_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  if (argc == 3 && g_str_equal (argv[1], "--writer"))
    return run_writer (argv[2]);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/faults/garbage-file", test_garbage_file);
  g_test_add_func ("/store/faults/text-file", test_text_file);
  g_test_add_func ("/store/faults/truncated-file", test_truncated_file);
  g_test_add_func ("/store/faults/damaged-pages", test_damaged_pages);
  g_test_add_func ("/store/faults/disk-full", test_disk_full);
  g_test_add_func ("/store/faults/read-only-folder", test_read_only_folder);
  g_test_add_func ("/store/faults/newer-format-refused", test_newer_format_refused);
  g_test_add_func ("/store/faults/migrations", test_migrations);
  g_test_add_func ("/store/faults/migration-fts-per-batch", test_migration_fts_per_batch);
  g_test_add_func ("/store/faults/killed-writer", test_killed_writer);

  return g_test_run ();
}
