/* test-cli-sync.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sys/wait.h>

#include <sqlite3.h>

#include "chronicle-test-server.h"
#include "chronicle-test-utils.h"

/* chronicle-cli parse, sources, sync and import as scripts use them, against a
 * loopback server; and a sync killed with SIGKILL. */

typedef struct {
  ChronicleTestServer *server;
  char                *dir;
  char                *db;
} Fixture;

static const char *
cli_path (void)
{
  const char *path = g_getenv ("CHRONICLE_CLI");

  g_assert_nonnull (path);
  return path;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->server = chronicle_test_server_new ();
  fixture->dir = chronicle_test_make_tmpdir ();
  fixture->db = g_build_filename (fixture->dir, "chronicle.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->server, chronicle_test_server_free);
  chronicle_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

/* Runs chronicle-cli --db DB ARGS… (NULL-terminated). */
static int
run (Fixture  *fixture,
     char    **out,
     char    **err,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list args;
  int status;

  g_ptr_array_add (argv, (gpointer) cli_path ());
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, fixture->db);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  status = chronicle_test_spawn ((const char *const *) argv->pdata, NULL, out, err);
  g_test_message ("chronicle-cli %s → %d\n%s%s", (char *) argv->pdata[3], status,
                  out != NULL && *out != NULL ? *out : "", err != NULL && *err != NULL ? *err : "");
  return status;
}

static char *
data_path (const char *dir,
           const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "sync", dir, name, NULL);
}

static void
test_parse (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *feed = data_path ("feeds", "rss-2.0.xml");
  g_autofree char *expected_path = data_path ("feeds", "rss-2.0.expected.json");
  g_autofree char *html = data_path ("feeds", "web-page.html");
  g_autofree char *expected = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
  g_assert_cmpint (run (fixture, &out, &err, "parse", "--base-url",
                        "https://news.example.org/feeds/world.rss", feed, NULL), ==, 0);
  g_assert_cmpstr (out, ==, expected);
  /* The undated notice's "sometime soon" is reported as a repair, not an error. */
  g_assert_true (g_str_has_suffix (err, ": 1 entry has a date Chronicle cannot read "
                                        "(“sometime soon”); the time it was first seen is used.\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Not a feed: exit status 1 and a sentence. */
  g_assert_cmpint (run (fixture, &out, &err, "parse", html, NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "This is a web page, not a feed."));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (fixture, &out, &err, "parse", NULL), ==, 2);
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

static void
test_sources (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *url = chronicle_test_server_url (fixture->server, "/feed.xml");
  g_autofree char *seed = data_path ("local", "seed-article.txt");
  g_autofree char *opml = g_build_filename (fixture->dir, "out.opml", NULL);
  g_autofree char *other_db = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *exported = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run (fixture, &out, &err, "sources", "add", url, "--title", "Loopback", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Added source 1: "));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (fixture, &out, &err, "sources", "add", "gdelt:sourcecountry:ukraine", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (fixture, &out, &err, "sources", "add", "guardian:Lavrov Kerry", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (fixture, &out, &err, "sources", "add", seed, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The same address twice; an address that is nothing. */
  g_assert_cmpint (run (fixture, &out, &err, "sources", "add", url, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "already source 1"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (fixture, &out, &err, "sources", "add", "ftp://example.com/x", NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (fixture, &out, &err, "sources", "list", NULL), ==, 0);
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[0], "1\trss\tLoopback\thttp://127.0.0.1:"));
  g_assert_true (g_str_has_prefix (lines[1], "2\tgdelt\tGDELT: sourcecountry:ukraine\thttps://api.gdeltproject.org/api/v2/doc/doc?query=sourcecountry%3Aukraine&mode=ArtList&format=json"));
  g_assert_true (g_str_has_prefix (lines[2], "3\tguardian\tThe Guardian: Lavrov Kerry\thttps://content.guardianapis.com/search?q=Lavrov%20Kerry&show-fields=bodyText%2Cbyline%2Cthumbnail") ||
                 g_str_has_prefix (lines[2], "3\tguardian\tThe Guardian: Lavrov Kerry\thttps://content.guardianapis.com/search?q=Lavrov%20Kerry&show-fields=bodyText,byline,thumbnail"));
  /* The stored address carries no key: it is added when the source is fetched. */
  g_assert_null (strstr (lines[2], "api-key"));
  g_assert_true (g_str_has_prefix (lines[3], "4\tfile\tseed-article.txt\tfile://"));
  g_assert_nonnull (strstr (lines[0], "\tnever\t"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run (fixture, &out, &err, "sources", "export-opml", opml, NULL), ==, 0);
  g_assert_true (g_file_get_contents (opml, &exported, NULL, NULL));
  g_assert_nonnull (strstr (exported, "xmlUrl=\"http://127.0.0.1:"));
  g_assert_nonnull (strstr (exported, "title=\"Loopback\""));
  /* Local files stay out of OPML. */
  g_assert_null (strstr (exported, "file://"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run (fixture, &out, &err, "sources", "remove", "1", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (fixture, &out, &err, "sources", "list", NULL), ==, 0);
  g_assert_null (strstr (out, "Loopback"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Import the export into another database. */
  {
    const char *argv[] = { cli_path (), "--db", other_db, "sources", "import-opml", opml, NULL };

    g_assert_cmpint (chronicle_test_spawn (argv, NULL, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "Imported 3 sources"));
  }
}

/* A feed that needed repair: "ok" with the warning on its line, exit status 0, and the
 * warning kept in the source list. */
static void
test_sync_warning (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *url = chronicle_test_server_url (fixture->server, "/bad-bytes.xml");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *warning = "The feed contains bytes that are not valid UTF-8; they were replaced.";
  g_autofree char *line = NULL;

  chronicle_test_server_route_file (fixture->server, "/bad-bytes.xml", "application/rss+xml",
                                    "feeds/invalid-utf8.xml", TEST_ROUTE_NONE);
  g_assert_cmpint (run (fixture, &out, &err, "sources", "add", url, "--title", "Bad Bytes",
                        NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (fixture, &out, &err, "sync", NULL), ==, 0);
  line = g_strdup_printf ("ok     Bad Bytes: 1 new, 0 updated, 0 unchanged, 0 duplicates "
                          "(warning: %s)\n", warning);
  g_assert_nonnull (strstr (out, line));
  g_assert_nonnull (strstr (out, "Synced 1 sources: 0 failed,"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (fixture, &out, &err, "sources", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\twarning: The feed contains bytes that are not valid UTF-8"));
}

/* --api-key with no keyring to put it in: a clear refusal, and nothing stored. */
static void
test_api_key_no_keyring (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/chronicle-test-bus", TRUE);
  g_assert_cmpint (run (fixture, &out, &err, "sources", "add", "guardian:Kerry", "--api-key",
                        "s3cret-key", NULL), ==, 1);
  g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
  g_assert_true (g_str_has_prefix (err, "chronicle-cli sources add: The API key could not be "
                                        "stored in the keyring ("));
  g_assert_nonnull (strstr (err, "(no session bus to reach it through: "));
  g_assert_nonnull (strstr (err, "Chronicle never keeps the key in its database, so the source "
                                 "was not added."));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (fixture, &out, &err, "sources", "list", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Only Guardian sources take a key. */
  g_assert_cmpint (run (fixture, &out, &err, "sources", "add", "gdelt:ukraine", "--api-key",
                        "s3cret-key", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--api-key is only for guardian: sources."));
}

static void
test_sync (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *good = chronicle_test_server_url (fixture->server, "/good.xml");
  g_autofree char *missing = chronicle_test_server_url (fixture->server, "/missing.xml");
  g_autoptr(GBytes) nothing = g_bytes_new_static ("gone", 4);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  chronicle_test_server_route_file (fixture->server, "/good.xml", "application/atom+xml",
                                    "feeds/atom-1.0.xml", TEST_ROUTE_VALIDATORS);
  chronicle_test_server_route (fixture->server, "/missing.xml", 404, "text/plain", nothing, 0, NULL);
  g_assert_cmpint (run (fixture, &out, &err, "sources", "add", good, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (fixture, &out, &err, "sources", "add", missing, "--title", "Gone", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A line per source, a summary, exit status 1 with the reason. */
  g_assert_cmpint (run (fixture, &out, &err, "sync", NULL), ==, 1);
  g_assert_nonnull (strstr (out, "ok     Atom Example: 2 new, 0 updated, 0 unchanged, 0 duplicates\n"));
  g_assert_nonnull (strstr (out, "FAILED Gone ("));
  g_assert_nonnull (strstr (out, "HTTP 404"));
  g_assert_nonnull (strstr (out, "Synced 2 sources: 1 failed, 0 not modified; 2 new articles, 0 updated.\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The failure is remembered. */
  g_assert_cmpint (run (fixture, &out, &err, "sources", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "The feed is not at this address any more (HTTP 404 Not Found)."));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* One source, unchanged since: 304. */
  g_assert_cmpint (run (fixture, &out, &err, "sync", "--source", "1", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "ok     Atom Example: not modified\n"));
  g_assert_nonnull (strstr (out, "Synced 1 sources: 0 failed, 1 not modified;"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (fixture, &out, &err, "sync", "--source", "99", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "There is no source with the id 99."));
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *seed = data_path ("local", "seed-article.txt");
  g_autofree char *jsonl = data_path ("local", "sample.jsonl");
  g_autofree char *page = data_path ("local", "page.html");
  g_autofree char *opml = data_path ("local", "sources.opml");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (fixture, &out, &err, "import", seed, jsonl, page, opml, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "ok     Kerry, Lavrov to Agree List of Terrorist Organizations During Moscow Talks: 1 new"));
  g_assert_nonnull (strstr (out, "ok     Wikinews: 4 new"));
  g_assert_nonnull (strstr (out, "ok     Ceasefire holds in the east: 1 new"));
  g_assert_nonnull (strstr (out, "Imported 3 sources from"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Again: nothing new, the same sources. */
  g_assert_cmpint (run (fixture, &out, &err, "import", seed, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "0 new, 0 updated, 1 unchanged"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (fixture, &out, &err, "import", "/no/such/file.txt", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "neither a web address nor an existing file"));
}

static GBytes *
make_feed (guint feed,
           guint items)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>");

  g_string_append_printf (xml, "<title>Feed %u</title><link>https://f%u.example/</link>", feed, feed);
  for (guint i = 0; i < items; i++)
    g_string_append_printf (xml, "<item><title>Story %u of feed %u</title>"
                                 "<link>https://f%u.example/story/%u</link>"
                                 "<description>&lt;p&gt;Paragraph about story %u.&lt;/p&gt;</description>"
                                 "<pubDate>Tue, 15 Dec 2015 %02u:%02u:00 GMT</pubDate></item>",
                            i, feed, feed, i, i, i % 24, feed % 60);
  g_string_append (xml, "</channel></rss>");
  return g_string_free_to_bytes (xml);
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* A sync killed with SIGKILL in the middle leaves a consistent database, and the
 * next sync completes. */
static void
test_sigkill (Fixture       *fixture,
              gconstpointer  data)
{
  enum { FEEDS = 40, ITEMS = 30 };
  g_autofree char *opml_path = g_build_filename (fixture->dir, "feeds.opml", NULL);
  GString *opml = g_string_new ("<?xml version=\"1.0\"?><opml version=\"2.0\"><body>");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { cli_path (), "--db", fixture->db, "sync", "--quiet", NULL };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GPid pid;
  int wait_status = 0;
  guint hits = 0;

  for (guint f = 0; f < FEEDS; f++)
    {
      g_autofree char *path = g_strdup_printf ("/feed/%u.xml", f);
      g_autofree char *url = chronicle_test_server_url (fixture->server, path);
      g_autoptr(GBytes) body = make_feed (f, ITEMS);

      chronicle_test_server_route (fixture->server, path, 200, "application/rss+xml", body,
                                   TEST_ROUTE_SLOW, NULL);
      g_string_append_printf (opml, "<outline type=\"rss\" text=\"F%u\" xmlUrl=\"%s\"/>", f, url);
    }
  g_string_append (opml, "</body></opml>");
  g_assert_true (g_file_set_contents (opml_path, opml->str, -1, NULL));
  g_string_free (opml, TRUE);
  g_assert_cmpint (run (fixture, &out, &err, "sources", "import-opml", opml_path, NULL), ==, 0);

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD
                                | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  /* Kill it while it is busy: some feeds stored, some in flight, most waiting. */
  while (hits < FEEDS / 3)
    {
      hits = 0;
      for (guint f = 0; f < FEEDS; f++)
        {
          g_autofree char *path = g_strdup_printf ("/feed/%u.xml", f);
          hits += chronicle_test_server_hits (fixture->server, path);
        }
      g_usleep (5000);
    }
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (wait_status));
  g_spawn_close_pid (pid);
  g_assert_cmpuint (hits, <, FEEDS);

  /* The database is consistent as it is. */
  g_assert_cmpint (sqlite3_open_v2 (fixture->db, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM articles"), <, FEEDS * ITEMS);
  sqlite3_close (db);

  /* The next sync completes and everything is there, once. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (fixture, &out, &err, "sync", "--quiet", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Synced 40 sources: 0 failed"));

  g_assert_cmpint (sqlite3_open_v2 (fixture->db, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM articles"), ==, FEEDS * ITEMS);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sources WHERE last_success > 0"), ==, FEEDS);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM articles a LEFT JOIN sources s ON a.source_id = s.id WHERE s.id IS NULL"), ==, 0);
  sqlite3_close (db);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/cli/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("parse", test_parse);
  ADD ("sources", test_sources);
  ADD ("sync", test_sync);
  ADD ("sync-warning", test_sync_warning);
  ADD ("api-key-no-keyring", test_api_key_no_keyring);
  ADD ("import", test_import);
  ADD ("sync-sigkill", test_sigkill);
#undef ADD

  return g_test_run ();
}
