/* test-facet-index.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "chronicle-store-entities.h"
#include "store-test-utils.h"

/* Facet and source counts under a query from the in-memory facet index: against
 * golden expectations (tests/data/facet-index/) and against the SQL path, after the
 * first build and after each kind of write (upsert, read/starred, merge, undo,
 * rename, stop list, retention, a removed source). Set CHRONICLE_WRITE_GOLDEN=1 to
 * rewrite expected.txt from the SQL path. */

#define AWAIT_OK(prefix, ...) \
  G_STMT_START { \
    g_autoptr(GAsyncResult) _result = AWAIT_CALL (prefix##_async, __VA_ARGS__, NULL); \
    g_autoptr(GError) _error = NULL; \
    g_assert_true (prefix##_finish (store, _result, &_error)); \
    g_assert_no_error (_error); \
  } G_STMT_END

static const char *kind_names[] = { "person", "country", "place", "organization" };

static ChronicleEntityKind
kind_from_name (const char *name)
{
  for (guint k = 0; k < G_N_ELEMENTS (kind_names); k++)
    if (g_str_equal (kind_names[k], name))
      return k;
  g_assert_not_reached ();
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "facet-index", name, NULL);
}

static ChronicleArticle *
article_from_line (const char *line)
{
  g_auto(GStrv) f = g_strsplit (line, "|", -1);
  g_auto(GStrv) mentions = NULL;
  ChronicleArticle *article;
  guint offset = 0;

  g_assert_cmpuint (g_strv_length (f), ==, 6);
  article = make_article (g_ascii_strtoll (f[1], NULL, 10), f[0], f[4],
                          T0 + g_ascii_strtoll (f[2], NULL, 10) * DAY + 3600);
  chronicle_article_set_read (article, strchr (f[3], 'r') != NULL);
  chronicle_article_set_starred (article, strchr (f[3], 's') != NULL);
  mentions = g_strsplit (f[5], ";", -1);
  for (guint i = 0; mentions[i] != NULL; i++)
    {
      g_auto(GStrv) kn = NULL;

      if (*mentions[i] == '\0')
        continue;
      kn = g_strsplit (mentions[i], ":", 2);
      add_mention (article, kind_from_name (kn[0]), kn[1], offset);
      offset += 20;
    }
  return article;
}

static void
load_articles (ChronicleStore *store)
{
  g_autofree char *path = data_path ("articles.txt");
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  g_assert_cmpint (add_source (store, "https://wire.example/feed", "Wire"), ==, 1);
  g_assert_cmpint (add_source (store, "https://daily.example/feed", "Daily"), ==, 2);
  g_assert_cmpint (add_source (store, "https://local.example/feed", "Local"), ==, 3);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0' && *lines[i] != '#')
      g_ptr_array_add (batch, article_from_line (lines[i]));

  ids = upsert (store, batch, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, batch->len);

  /* The upsert keeps the state of stored articles: set it as the file says. */
  for (guint i = 0; i < batch->len; i++)
    {
      ChronicleArticle *a = g_ptr_array_index (batch, i);
      gint64 id = g_array_index (ids, gint64, i);

      if (chronicle_article_get_read (a))
        AWAIT_OK (chronicle_store_set_read, store, &id, 1, TRUE);
      if (chronicle_article_get_starred (a))
        AWAIT_OK (chronicle_store_set_starred, store, &id, 1, TRUE);
    }
}

static void
describe_query (ChronicleStore *store,
                ChronicleQuery *query,
                GString        *out)
{
  g_autoptr(GAsyncResult) r1 = AWAIT_CALL (chronicle_store_facet_counts_async, store, query, 10,
                                           NULL);
  g_autoptr(GAsyncResult) r2 = AWAIT_CALL (chronicle_store_source_counts_async, store, query,
                                           NULL);
  g_autoptr(GAsyncResult) r3 = AWAIT_CALL (chronicle_store_facet_entities_async, store, query,
                                           CHRONICLE_ENTITY_KIND_PERSON, "o", 2, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entities = chronicle_store_facet_counts_finish (store, r1, &error);
  g_autoptr(GArray) sources = NULL;
  g_autoptr(GPtrArray) people = NULL;

  g_assert_no_error (error);
  sources = chronicle_store_source_counts_finish (store, r2, &error);
  g_assert_no_error (error);
  people = chronicle_store_facet_entities_finish (store, r3, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < entities->len; i++)
    {
      ChronicleEntity *e = g_ptr_array_index (entities, i);

      g_string_append_printf (out, "%s %s %u\n", kind_names[chronicle_entity_get_kind (e)],
                              chronicle_entity_get_name (e), chronicle_entity_get_mention_count (e));
    }
  for (guint i = 0; i < sources->len; i++)
    {
      ChronicleSourceCount *c = &g_array_index (sources, ChronicleSourceCount, i);

      g_string_append_printf (out, "source %" G_GINT64_FORMAT " %u\n", c->source_id, c->count);
    }
  for (guint i = 0; i < people->len; i++)
    {
      ChronicleEntity *e = g_ptr_array_index (people, i);

      g_string_append_printf (out, "search person 'o' %s %u\n", chronicle_entity_get_name (e),
                              chronicle_entity_get_mention_count (e));
    }
}

/* Every query of queries.txt, described. */
static char *
describe_all (ChronicleStore *store,
              gboolean        use_index)
{
  g_autofree char *path = data_path ("queries.txt");
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GString *out = g_string_new (NULL);

  _chronicle_store_set_use_facet_index (store, use_index);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(ChronicleQuery) query = NULL;
      g_autoptr(GError) error = NULL;

      if (*lines[i] == '\0' || *lines[i] == '#')
        continue;
      query = chronicle_query_new_from_string (lines[i], &error);
      g_assert_no_error (error);
      g_string_append_printf (out, "query %s\n", lines[i]);
      describe_query (store, query, out);
    }
  _chronicle_store_set_use_facet_index (store, TRUE);
  return g_string_free (out, FALSE);
}

static guint
n_builds (ChronicleStore *store)
{
  guint n = 0;

  _chronicle_store_get_facet_index_stats (store, NULL, NULL, &n);
  return n;
}

/* The index and SQL agree on every query. */
static void
assert_index_matches_sql (ChronicleStore *store)
{
  g_autofree char *sql = describe_all (store, FALSE);
  g_autofree char *index = describe_all (store, TRUE);

  g_assert_cmpstr (index, ==, sql);
}

static void
test_golden (StoreFixture  *fixture,
             gconstpointer  data)
{
  ChronicleStore *store = fixture->store;
  g_autofree char *path = data_path ("expected.txt");
  g_autofree char *expected = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *index = NULL;

  load_articles (store);
  sql = describe_all (store, FALSE);
  if (g_getenv ("CHRONICLE_WRITE_GOLDEN") != NULL)
    g_assert_true (g_file_set_contents (path, sql, -1, NULL));

  g_assert_true (g_file_get_contents (path, &expected, NULL, NULL));
  g_assert_cmpstr (sql, ==, expected);

  g_assert_cmpuint (n_builds (store), ==, 0);
  index = describe_all (store, TRUE);
  g_assert_cmpstr (index, ==, expected);
  g_assert_cmpuint (n_builds (store), ==, 1);
}

static gint64
entity_id (ChronicleStore      *store,
           ChronicleEntityKind  kind,
           const char          *name)
{
  g_autoptr(GAsyncResult) r = AWAIT_CALL (chronicle_store_lookup_entity_async, store, kind, name,
                                          NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleEntity) entity = chronicle_store_lookup_entity_finish (store, r, &error);

  g_assert_no_error (error);
  return chronicle_entity_get_id (entity);
}

static void
test_incremental (StoreFixture  *fixture,
                  gconstpointer  data)
{
  ChronicleStore *store = fixture->store;
  g_autoptr(ChronicleArticle) added = NULL;
  g_autoptr(ChronicleArticle) changed = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 some[] = { 1, 3, 5 };
  gint64 putin, vladimir;

  load_articles (store);
  assert_index_matches_sql (store);
  g_assert_cmpuint (n_builds (store), ==, 1);

  /* An upsert: a new article (a new person, a new source's article) and a changed one
   * (Paris gone, Germany named). Applied without a rebuild. */
  added = article_from_line ("a13|3|31|-|Ardern in France on the flood|person:Jacinda Ardern;"
                             "country:France;country:New Zealand");
  ids = upsert_one (store, added);
  g_clear_pointer (&ids, g_array_unref);
  changed = article_from_line ("a1|1|0|-|Election results in France and Germany|"
                               "person:Emmanuel Macron;country:France;country:Germany");
  ids = upsert_one (store, changed);
  assert_index_matches_sql (store);
  g_assert_cmpuint (n_builds (store), ==, 1);

  /* Read and starred state. */
  AWAIT_OK (chronicle_store_set_read, store, some, G_N_ELEMENTS (some), TRUE);
  AWAIT_OK (chronicle_store_set_starred, store, some + 1, 1, TRUE);
  assert_index_matches_sql (store);
  g_assert_cmpuint (n_builds (store), ==, 1);

  /* Corrections: merge, rename, stop list, undo. */
  putin = entity_id (store, CHRONICLE_ENTITY_KIND_PERSON, "Putin");
  vladimir = entity_id (store, CHRONICLE_ENTITY_KIND_PERSON, "Vladimir Putin");
  AWAIT_OK (chronicle_store_merge_entities, store, putin, vladimir);
  assert_index_matches_sql (store);
  AWAIT_OK (chronicle_store_rename_entity, store,
            entity_id (store, CHRONICLE_ENTITY_KIND_PERSON, "Olaf Scholz"), "Olaf Scholz (SPD)");
  assert_index_matches_sql (store);
  AWAIT_OK (chronicle_store_stop_entity, store, CHRONICLE_ENTITY_KIND_PLACE, "Lyon", TRUE);
  assert_index_matches_sql (store);
  AWAIT_OK (chronicle_store_unmerge_entity, store, putin);
  assert_index_matches_sql (store);
  AWAIT_OK (chronicle_store_stop_entity, store, CHRONICLE_ENTITY_KIND_PLACE, "Lyon", FALSE);
  assert_index_matches_sql (store);
  g_assert_cmpuint (n_builds (store), ==, 1);

  /* Deletions rebuild: retention (the first five days), then a removed source. */
  {
    g_autoptr(GAsyncResult) r = AWAIT_CALL (chronicle_store_apply_retention_async, store, 30,
                                            T0 + 35 * DAY, NULL);
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (chronicle_store_apply_retention_finish (store, r, &error), >, 0);
    g_assert_no_error (error);
  }
  assert_index_matches_sql (store);
  g_assert_cmpuint (n_builds (store), ==, 2);
  AWAIT_OK (chronicle_store_remove_source, store, 2);
  assert_index_matches_sql (store);
  g_assert_cmpuint (n_builds (store), ==, 3);

  /* After the oldest articles went, slots start at the oldest id left: an upsert still
   * lands on the right ones. */
  {
    g_autoptr(ChronicleArticle) more = article_from_line (
      "a14|1|40|-|Macron and Scholz in Lyon|person:Emmanuel Macron;person:Olaf Scholz (SPD);"
      "country:France;place:Lyon");
    g_autoptr(ChronicleArticle) again = article_from_line (
      "a12|1|30|-|Election in Germany, and France|person:Olaf Scholz (SPD);country:Germany;"
      "country:France");
    g_autoptr(GArray) more_ids = upsert_one (store, more);
    g_autoptr(GArray) again_ids = upsert_one (store, again);

    assert_index_matches_sql (store);
    g_assert_cmpuint (n_builds (store), ==, 3);
  }
}

/* The Sources facet follows the rest of the query, not its own selection. */
static void
test_source_counts (StoreFixture  *fixture,
                    gconstpointer  data)
{
  ChronicleStore *store = fixture->store;
  g_autoptr(ChronicleQuery) all = chronicle_query_new ();
  g_autoptr(ChronicleQuery) france = chronicle_query_with_entity_added (
    all, CHRONICLE_ENTITY_KIND_COUNTRY, "France");
  gint64 wire = 1;
  g_autoptr(ChronicleQuery) france_wire = chronicle_query_with_sources (france, &wire, 1);
  GString *a = g_string_new (NULL);
  GString *b = g_string_new (NULL);

  load_articles (store);
  describe_query (store, france, a);
  describe_query (store, france_wire, b);
  /* France: Wire 3 (a1, a2, a7), Daily 2 (a4, a8), Local 1 (a5); the same with Wire
   * selected. */
  g_assert_nonnull (strstr (a->str, "source 1 3\nsource 2 2\nsource 3 1\n"));
  g_assert_nonnull (strstr (b->str, "source 1 3\nsource 2 2\nsource 3 1\n"));
  /* The entity facets do follow the source: only Wire's France articles. */
  g_assert_nonnull (strstr (a->str, "country France 6\n"));
  g_assert_nonnull (strstr (b->str, "country France 3\n"));
  g_string_free (a, TRUE);
  g_string_free (b, TRUE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/facet-index/golden", StoreFixture, NULL, store_fixture_setup, test_golden,
              store_fixture_teardown);
  g_test_add ("/store/facet-index/incremental", StoreFixture, NULL, store_fixture_setup,
              test_incremental, store_fixture_teardown);
  g_test_add ("/store/facet-index/source-counts", StoreFixture, NULL, store_fixture_setup,
              test_source_counts, store_fixture_teardown);

  return g_test_run ();
}
