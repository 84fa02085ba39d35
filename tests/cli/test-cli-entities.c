/* test-cli-entities.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chronicle-store.h"
#include "chronicle-test-utils.h"

/* chronicle-cli entities: a store written through the store API, then read and
 * corrected through the command line. Expected listings are in
 * tests/data/cli-entities/. */

typedef struct {
  char *dir;
  char *db;
} CliFixture;

static const char *
cli_path (void)
{
  const char *path = g_getenv ("CHRONICLE_CLI");

  g_assert_nonnull (path);
  return path;
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
mention (ChronicleArticle    *article,
         ChronicleEntityKind  kind,
         const char          *name,
         guint                start)
{
  chronicle_article_add_mention (article, chronicle_mention_new (kind, name, start,
                                                                 start + (guint) strlen (name)));
}

/* Three articles in January and February 2024: "Vladimir Putin" twice, "Putin"
 * once (with him in one article), "Kremlin" once as a person (wrongly). */
static void
fixture_setup (CliFixture    *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleStore) store = NULL;
  g_autoptr(ChronicleSource) source = chronicle_source_new (CHRONICLE_SOURCE_KIND_RSS,
                                                            "https://one.example/rss");
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GAsyncResult) r1 = NULL, r2 = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 source_id;

  fixture->dir = chronicle_test_make_tmpdir ();
  fixture->db = g_build_filename (fixture->dir, "chronicle.db", NULL);
  store = chronicle_store_open_sync (fixture->db, NULL, &error);
  g_assert_no_error (error);

  chronicle_store_add_source_async (store, source, NULL, result_cb, &r1);
  wait_for (&r1);
  source_id = chronicle_store_add_source_finish (store, r1, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 3; i++)
    {
      ChronicleArticle *a = chronicle_article_new ();
      g_autofree char *guid = g_strdup_printf ("a%u", i + 1);

      chronicle_article_set_source_id (a, source_id);
      chronicle_article_set_guid (a, guid);
      chronicle_article_set_title (a, guid);
      chronicle_article_set_published (a, 1704067200 + (gint64) i * 20 * 86400);
      if (i != 1)
        mention (a, CHRONICLE_ENTITY_KIND_PERSON, "Vladimir Putin", 0);
      if (i >= 1)
        mention (a, CHRONICLE_ENTITY_KIND_PERSON, "Putin", 30);
      if (i == 2)
        mention (a, CHRONICLE_ENTITY_KIND_PERSON, "Kremlin", 50);
      g_ptr_array_add (batch, a);
    }

  chronicle_store_upsert_articles_async (store, batch, NULL, NULL, result_cb, &r2);
  wait_for (&r2);
  ids = chronicle_store_upsert_articles_finish (store, r2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 3);
}

static void
fixture_teardown (CliFixture    *fixture,
                  gconstpointer  data)
{
  chronicle_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

/* Runs chronicle-cli --db DB entities ARGS… and returns its status. */
static int
run (CliFixture  *fixture,
     char       **out,
     char       **err,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *envp[] = { "LC_ALL=C.UTF-8", NULL };
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) cli_path ());
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, fixture->db);
  g_ptr_array_add (argv, (gpointer) "entities");
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  return chronicle_test_spawn ((const char *const *) argv->pdata, envp, out, err);
}

static void
assert_golden (const char *out,
               const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "cli-entities", name, NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &expected, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, expected);
}

static void
test_list_and_show (CliFixture    *fixture,
                    gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (fixture, &out, &err, "list", "person", "--sort", "name", "--months", "2",
                        NULL), ==, 0);
  assert_golden (out, "list-by-name.txt");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (fixture, &out, &err, "list", "person", "--search", "PUT", "--offset", "1",
                        NULL), ==, 0);
  g_assert_cmpstr (out, ==, "1\tperson\tVladimir Putin\t-\t2\t2024-02-10\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (fixture, &out, &err, "show", "1", NULL), ==, 0);
  assert_golden (out, "show-1.txt");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Usage and lookup errors. */
  g_assert_cmpint (run (fixture, &out, &err, "list", "planet", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (fixture, &out, &err, "frob", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "frob"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (fixture, &out, &err, "show", "999", NULL), ==, 1);
}

static void
test_corrections (CliFixture    *fixture,
                  gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;

  /* Putin (2) into Vladimir Putin (1), then back. */
  g_assert_cmpint (run (fixture, &out, &err, "merge", "2", "1", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (fixture, &out, &err, "list", "person", NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "1\tperson\tVladimir Putin\t-\t3\t2024-02-10\n"
                   "3\tperson\tKremlin\t-\t1\t2024-02-10\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (fixture, &out, &err, "merge", "2", "1", NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (fixture, &out, &err, "unmerge", "2", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (fixture, &out, &err, "list", "person", "--sort", "name", "--months", "2",
                        NULL), ==, 0);
  assert_golden (out, "list-by-name.txt");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Kremlin is not a person. */
  g_assert_cmpint (run (fixture, &out, &err, "stop", "Kremlin", "person", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (fixture, &out, &err, "stopped", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Kremlin\tperson\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (fixture, &out, &err, "list", "person", "--search", "krem", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Rename. */
  g_assert_cmpint (run (fixture, &out, &err, "rename", "1", "Vladimir V. Putin", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (fixture, &out, &err, "list", "person", "--search", "v. p", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "1\tperson\tVladimir V. Putin\t-\t2\t2024-02-10\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (fixture, &out, &err, "rename", "1", "Putin", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "merge"));
}

static void
test_follow (CliFixture    *fixture,
             gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (fixture, &out, &err, "follow", "2", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (fixture, &out, &err, "followed", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "2\tperson\tPutin\t-\t2\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (fixture, &out, &err, "news", "2", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "mark\t3\n2\tperson\tPutin\t-\t1\narticle\t3\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (fixture, &out, &err, "unfollow", "2", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (fixture, &out, &err, "followed", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (fixture, &out, &err, "follow", "99", NULL), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cli/entities/" path, CliFixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("list-and-show", test_list_and_show);
  ADD ("corrections", test_corrections);
  ADD ("follow", test_follow);

  return g_test_run ();
}
