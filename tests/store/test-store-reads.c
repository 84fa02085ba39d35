/* test-store-reads.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "store-test-utils.h"

/* Facets, histograms, entity detail, search, time mentions, retention, vacuum.
 *
 * The corpus: 6 articles over 2024.
 *   a1 2024-01-01  France, Emmanuel Macron, Paris          "Macron visits Paris"
 *   a2 2024-01-02  France, Germany, Olaf Scholz            "Scholz and Macron meet"
 *   a3 2024-01-09  Germany, Olaf Scholz, Berlin            "Berlin budget vote"
 *   a4 2024-02-15  France, Emmanuel Macron, UNESCO         "Élysée hosts UNESCO"
 *   a5 2024-03-01  Japan, Tokyo                            "Tokyo markets rally"
 *   a6 2025-01-01  France (starred)                        "New year in France"
 */

typedef struct {
  StoreFixture base;
  GArray *ids;
} ReadsFixture;

static void
mention (ChronicleArticle    *article,
         ChronicleEntityKind  kind,
         const char          *name)
{
  add_mention (article, kind, name, 0);
}

static void
reads_setup (ReadsFixture  *fixture,
             gconstpointer  data)
{
  ChronicleStore *store;
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  ChronicleArticle *a;
  ChronicleTimeMention *t;
  gint64 source;

  store_fixture_setup (&fixture->base, data);
  store = fixture->base.store;
  source = add_source (store, "https://one.example/rss", "One");

  a = make_article (source, "a1", "Macron visits Paris", T0);
  mention (a, CHRONICLE_ENTITY_KIND_COUNTRY, "France");
  mention (a, CHRONICLE_ENTITY_KIND_PERSON, "Emmanuel Macron");
  mention (a, CHRONICLE_ENTITY_KIND_PLACE, "Paris");
  /* "next Tuesday" from Monday 2024-01-01: planned for 2024-01-02. */
  t = chronicle_time_mention_new (T0 + DAY, T0 + 2 * DAY, CHRONICLE_GRANULARITY_DAY,
                                  "next Tuesday");
  t->offset_start = 20;
  t->offset_end = 32;
  chronicle_article_add_time_mention (a, t);
  g_ptr_array_add (batch, a);

  a = make_article (source, "a2", "Scholz and Macron meet", T0 + DAY);
  mention (a, CHRONICLE_ENTITY_KIND_COUNTRY, "France");
  mention (a, CHRONICLE_ENTITY_KIND_COUNTRY, "Germany");
  mention (a, CHRONICLE_ENTITY_KIND_PERSON, "Olaf Scholz");
  /* Reported for the year 2023: a long period. */
  chronicle_article_add_time_mention (a, chronicle_time_mention_new (T0 - 365 * DAY, T0,
                                                                    CHRONICLE_GRANULARITY_YEAR,
                                                                    "last year"));
  g_ptr_array_add (batch, a);

  a = make_article (source, "a3", "Berlin budget vote", T0 + 8 * DAY);
  mention (a, CHRONICLE_ENTITY_KIND_COUNTRY, "Germany");
  mention (a, CHRONICLE_ENTITY_KIND_PERSON, "Olaf Scholz");
  mention (a, CHRONICLE_ENTITY_KIND_PLACE, "Berlin");
  g_ptr_array_add (batch, a);

  a = make_article (source, "a4", "Élysée hosts UNESCO", T0 + 45 * DAY);
  chronicle_article_set_body (a, "The Élysée palace hosted a UNESCO meeting on heritage.");
  mention (a, CHRONICLE_ENTITY_KIND_COUNTRY, "France");
  mention (a, CHRONICLE_ENTITY_KIND_PERSON, "Emmanuel Macron");
  mention (a, CHRONICLE_ENTITY_KIND_ORGANIZATION, "UNESCO");
  g_ptr_array_add (batch, a);

  a = make_article (source, "a5", "Tokyo markets rally", T0 + 60 * DAY);
  mention (a, CHRONICLE_ENTITY_KIND_COUNTRY, "Japan");
  mention (a, CHRONICLE_ENTITY_KIND_PLACE, "Tokyo");
  g_ptr_array_add (batch, a);

  a = make_article (source, "a6", "New year in France", T0 + 366 * DAY);
  mention (a, CHRONICLE_ENTITY_KIND_COUNTRY, "France");
  g_ptr_array_add (batch, a);

  fixture->ids = upsert (store, batch, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
reads_teardown (ReadsFixture  *fixture,
                gconstpointer  data)
{
  g_clear_pointer (&fixture->ids, g_array_unref);
  store_fixture_teardown (&fixture->base, data);
}

static char *
describe_entities (GPtrArray *entities)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < entities->len; i++)
    {
      ChronicleEntity *e = g_ptr_array_index (entities, i);

      g_string_append_printf (out, "%s%s:%s=%u", i > 0 ? " " : "",
                              chronicle_entity_kind_to_string (chronicle_entity_get_kind (e)),
                              chronicle_entity_get_name (e), chronicle_entity_get_mention_count (e));
    }
  return g_string_free (out, FALSE);
}

static char *
facets (ChronicleStore *store,
        ChronicleQuery *query,
        guint           top_n)
{
  g_autoptr(GAsyncResult) r = AWAIT_CALL (chronicle_store_facet_counts_async, store, query, top_n,
                                          NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entities = chronicle_store_facet_counts_finish (store, r, &error);

  g_assert_no_error (error);
  return describe_entities (entities);
}

static void
test_facets (ReadsFixture  *fixture,
             gconstpointer  data)
{
  ChronicleStore *store = fixture->base.store;
  g_autoptr(ChronicleQuery) all = chronicle_query_new ();
  g_autoptr(ChronicleQuery) france = chronicle_query_with_entity_added (all,
                                                                        CHRONICLE_ENTITY_KIND_COUNTRY,
                                                                        "France");
  g_autoptr(ChronicleQuery) france_jan = chronicle_query_with_date_range (france, T0, T0 + 31 * DAY);
  g_autoptr(ChronicleQuery) two = chronicle_query_with_entity_added (france,
                                                                     CHRONICLE_ENTITY_KIND_PERSON,
                                                                     "Olaf Scholz");
  g_autofree char *f_all = facets (store, all, 2);
  g_autofree char *f_france = facets (store, france, 1);
  g_autofree char *f_france_jan = facets (store, france_jan, 5);
  g_autofree char *f_two = facets (store, two, 5);

  g_assert_cmpstr (f_all, ==,
                   "person:Emmanuel Macron=2 person:Olaf Scholz=2 "
                   "country:France=4 country:Germany=2 "
                   "place:Paris=1 place:Berlin=1 "
                   "organization:UNESCO=1");
  g_assert_cmpstr (f_france, ==,
                   "person:Emmanuel Macron=2 country:France=4 place:Paris=1 "
                   "organization:UNESCO=1");
  g_assert_cmpstr (f_france_jan, ==,
                   "person:Emmanuel Macron=1 person:Olaf Scholz=1 "
                   "country:France=2 country:Germany=1 place:Paris=1");
  g_assert_cmpstr (f_two, ==, "person:Olaf Scholz=1 country:France=1 country:Germany=1");
}

static char *
histogram (ChronicleStore       *store,
           ChronicleQuery       *query,
           ChronicleGranularity  bucket)
{
  g_autoptr(GAsyncResult) r = AWAIT_CALL (chronicle_store_histogram_async, store, query, bucket,
                                          NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) bins = chronicle_store_histogram_finish (store, r, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < bins->len; i++)
    {
      ChronicleHistogramBin *bin = &g_array_index (bins, ChronicleHistogramBin, i);
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (bin->start);
      g_autofree char *date = g_date_time_format (dt, "%F");

      g_string_append_printf (out, "%s%s=%u", i > 0 ? " " : "", date, bin->count);
    }
  return g_string_free (out, FALSE);
}

static void
test_histogram (ReadsFixture  *fixture,
                gconstpointer  data)
{
  ChronicleStore *store = fixture->base.store;
  g_autoptr(ChronicleQuery) all = chronicle_query_new ();
  g_autoptr(ChronicleQuery) range = chronicle_query_with_date_range (all, T0 + DAY, T0 + 60 * DAY);
  g_autoptr(ChronicleQuery) france = chronicle_query_with_entity_added (all,
                                                                        CHRONICLE_ENTITY_KIND_COUNTRY,
                                                                        "France");
  g_autoptr(ChronicleQuery) text = chronicle_query_with_text (all, "macron OR tokyo");
  g_autofree char *days = histogram (store, all, CHRONICLE_GRANULARITY_DAY);
  g_autofree char *weeks = histogram (store, all, CHRONICLE_GRANULARITY_WEEK);
  g_autofree char *months = histogram (store, all, CHRONICLE_GRANULARITY_MONTH);
  g_autofree char *years = histogram (store, all, CHRONICLE_GRANULARITY_YEAR);
  g_autofree char *ranged = histogram (store, range, CHRONICLE_GRANULARITY_MONTH);
  g_autofree char *by_france = histogram (store, france, CHRONICLE_GRANULARITY_MONTH);
  g_autofree char *by_text = histogram (store, text, CHRONICLE_GRANULARITY_YEAR);

  g_assert_cmpstr (days, ==,
                   "2024-01-01=1 2024-01-02=1 2024-01-09=1 2024-02-15=1 2024-03-01=1 "
                   "2025-01-01=1");
  g_assert_cmpstr (weeks, ==,
                   "2024-01-01=2 2024-01-08=1 2024-02-12=1 2024-02-26=1 2024-12-30=1");
  g_assert_cmpstr (months, ==, "2024-01-01=3 2024-02-01=1 2024-03-01=1 2025-01-01=1");
  g_assert_cmpstr (years, ==, "2024-01-01=5 2025-01-01=1");
  g_assert_cmpstr (ranged, ==, "2024-01-01=2 2024-02-01=1");
  g_assert_cmpstr (by_france, ==, "2024-01-01=2 2024-02-01=1 2025-01-01=1");
  g_assert_cmpstr (by_text, ==, "2024-01-01=3");
}

static void
test_entity_detail (ReadsFixture  *fixture,
                    gconstpointer  data)
{
  ChronicleStore *store = fixture->base.store;
  g_autoptr(GAsyncResult) r1 = NULL, r2 = NULL, r3 = NULL;
  g_autoptr(ChronicleEntity) france = NULL;
  g_autoptr(ChronicleEntityDetail) detail = NULL;
  g_autoptr(ChronicleEntity) missing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *related = NULL;

  r1 = AWAIT_CALL (chronicle_store_lookup_entity_async, store, CHRONICLE_ENTITY_KIND_COUNTRY,
                   "France", NULL);
  france = chronicle_store_lookup_entity_finish (store, r1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chronicle_entity_get_mention_count (france), ==, 4);
  g_assert_cmpstr (chronicle_entity_get_country_code (france), ==, "Fr");

  r2 = AWAIT_CALL (chronicle_store_entity_detail_async, store, chronicle_entity_get_id (france),
                   CHRONICLE_GRANULARITY_YEAR, 1, NULL);
  detail = chronicle_store_entity_detail_finish (store, r2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chronicle_entity_get_name (detail->entity), ==, "France");
  g_assert_cmpuint (detail->histogram->len, ==, 2);
  g_assert_cmpuint (g_array_index (detail->histogram, ChronicleHistogramBin, 0).count, ==, 3);
  related = describe_entities (detail->related);
  /* The top one of each kind, by kind. */
  g_assert_cmpstr (related, ==,
                   "person:Emmanuel Macron=2 country:Germany=1 place:Paris=1 organization:UNESCO=1");
  g_assert_false (detail->followed);
  g_assert_cmpint (detail->first_mention, <, detail->last_mention);
  g_assert_cmpuint (detail->merged->len, ==, 0);

  r3 = AWAIT_CALL (chronicle_store_lookup_entity_async, store, CHRONICLE_ENTITY_KIND_PERSON,
                   "Nobody", NULL);
  missing = chronicle_store_lookup_entity_finish (store, r3, &error);
  g_assert_null (missing);
  g_assert_error (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_NOT_FOUND);
}

static void
test_aliases (ReadsFixture  *fixture,
              gconstpointer  data)
{
  ChronicleStore *store = fixture->base.store;
  gint64 source = add_source (store, "https://two.example/rss", "Two");
  g_autoptr(ChronicleArticle) a = make_article (source, "alias", "Le président", T0);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GAsyncResult) r = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleEntity) macron = NULL;
  ChronicleMention *m = chronicle_mention_new (CHRONICLE_ENTITY_KIND_PERSON, "Emmanuel Macron",
                                               3, 12);

  m->surface = g_strdup ("président");
  chronicle_article_add_mention (a, m);
  ids = upsert_one (store, a);

  r = AWAIT_CALL (chronicle_store_lookup_entity_async, store, CHRONICLE_ENTITY_KIND_PERSON,
                  "Emmanuel Macron", NULL);
  macron = chronicle_store_lookup_entity_finish (store, r, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chronicle_entity_get_mention_count (macron), ==, 3);
  g_assert_cmpstr (chronicle_entity_get_aliases (macron)[0], ==, "président");
}

static void
test_article_mentions (ReadsFixture  *fixture,
                       gconstpointer  data)
{
  ChronicleStore *store = fixture->base.store;
  gint64 id = g_array_index (fixture->ids, gint64, 0);
  g_autoptr(GAsyncResult) r = AWAIT_CALL (chronicle_store_get_article_async, store, id, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleArticle) a = chronicle_store_get_article_finish (store, r, &error);
  GPtrArray *mentions;
  GPtrArray *times;
  ChronicleTimeMention *t;

  g_assert_no_error (error);
  mentions = chronicle_article_get_mentions (a);
  times = chronicle_article_get_time_mentions (a);
  g_assert_cmpuint (mentions->len, ==, 3);
  for (guint i = 0; i < mentions->len; i++)
    g_assert_cmpint (((ChronicleMention *) g_ptr_array_index (mentions, i))->entity_id, >, 0);
  g_assert_cmpuint (times->len, ==, 1);
  t = g_ptr_array_index (times, 0);
  g_assert_cmpstr (t->text, ==, "next Tuesday");
  g_assert_cmpint (t->relation, ==, CHRONICLE_TIME_RELATION_FUTURE);
  g_assert_cmpuint (t->offset_start, ==, 20);
}

static GPtrArray *
search (ChronicleStore *store,
        const char     *text,
        ChronicleQuery *base)
{
  g_autoptr(ChronicleQuery) all = chronicle_query_new ();
  g_autoptr(ChronicleQuery) q = chronicle_query_with_text (base != NULL ? base : all, text);
  g_autoptr(GAsyncResult) r = AWAIT_CALL (chronicle_store_search_async, store, q, 10, NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = chronicle_store_search_finish (store, r, &error);

  g_assert_no_error (error);
  return hits;
}

static void
test_search (ReadsFixture  *fixture,
             gconstpointer  data)
{
  ChronicleStore *store = fixture->base.store;
  const char *nasty[] = { "\"unbalanced", "((", "NEAR(", "*", "macron)", "AND OR NOT", "\"\"",
                          "'; DROP TABLE articles; --", "title:x", "^", NULL };
  g_autoptr(GPtrArray) hits = search (store, "elysee heritage", NULL);
  g_autoptr(GPtrArray) prefix = search (store, "mac*", NULL);
  g_autoptr(GPtrArray) near = search (store, "NEAR(scholz macron, 2)", NULL);
  g_autoptr(ChronicleQuery) all = chronicle_query_new ();
  g_autoptr(ChronicleQuery) germany = chronicle_query_with_entity_added (all,
                                                                         CHRONICLE_ENTITY_KIND_COUNTRY,
                                                                         "Germany");
  g_autoptr(GPtrArray) filtered = search (store, "macron", germany);
  ChronicleSearchHit *hit;
  g_autofree char *markup = NULL;

  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpint (hit->article_id, ==, g_array_index (fixture->ids, gint64, 3));
  g_assert_cmpstr (hit->title, ==, CHRONICLE_SNIPPET_START "Élysée" CHRONICLE_SNIPPET_END
                                   " hosts UNESCO");
  g_assert_nonnull (strstr (hit->snippet, CHRONICLE_SNIPPET_START "heritage"
                                          CHRONICLE_SNIPPET_END));
  markup = chronicle_search_hit_dup_markup (hit->title);
  g_assert_cmpstr (markup, ==, "<b>Élysée</b> hosts UNESCO");

  g_assert_cmpuint (prefix->len, ==, 2);
  g_assert_cmpuint (near->len, ==, 1);
  g_assert_cmpuint (filtered->len, ==, 1);

  for (guint i = 0; nasty[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) none = search (store, nasty[i], NULL);
      g_autoptr(ChronicleQuery) q = chronicle_query_with_text (all, nasty[i]);
      g_autoptr(GArray) ids = timeline (store, q, 0);

      g_assert_nonnull (none);
      g_assert_nonnull (ids);
    }
}

static void
test_time_mentions (ReadsFixture  *fixture,
                    gconstpointer  data)
{
  ChronicleStore *store = fixture->base.store;
  g_autoptr(GAsyncResult) r1 = NULL, r2 = NULL;
  g_autoptr(GPtrArray) jan2 = NULL;
  g_autoptr(GPtrArray) mid2023 = NULL;
  g_autoptr(GError) error = NULL;

  /* 2024-01-02: "next Tuesday" in a1. */
  r1 = AWAIT_CALL (chronicle_store_time_mentions_async, store, T0 + DAY, T0 + 2 * DAY, 0, NULL);
  jan2 = chronicle_store_time_mentions_finish (store, r1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jan2->len, ==, 1);
  g_assert_cmpint (((ChronicleTimeMention *) g_ptr_array_index (jan2, 0))->article_id, ==,
                   g_array_index (fixture->ids, gint64, 0));

  /* A day in mid 2023 falls in a2's "last year", which started long before it. */
  r2 = AWAIT_CALL (chronicle_store_time_mentions_async, store, T0 - 200 * DAY, T0 - 199 * DAY, 0,
                   NULL);
  mid2023 = chronicle_store_time_mentions_finish (store, r2, &error);
  g_assert_cmpuint (mid2023->len, ==, 1);
  g_assert_cmpstr (((ChronicleTimeMention *) g_ptr_array_index (mid2023, 0))->text, ==,
                   "last year");
  g_assert_cmpint (((ChronicleTimeMention *) g_ptr_array_index (mid2023, 0))->relation, ==,
                   CHRONICLE_TIME_RELATION_PAST);
}

static void
test_retention_vacuum (ReadsFixture  *fixture,
                       gconstpointer  data)
{
  ChronicleStore *store = fixture->base.store;
  gint64 starred = g_array_index (fixture->ids, gint64, 0);
  g_autoptr(GAsyncResult) r0 = NULL, r1 = NULL, r2 = NULL, r3 = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = fixture->base.path;

  r0 = AWAIT_CALL (chronicle_store_set_starred_async, store, &starred, 1, TRUE, NULL);
  g_assert_true (chronicle_store_set_starred_finish (store, r0, &error));

  /* Keeping everything removes nothing. */
  r1 = AWAIT_CALL (chronicle_store_apply_retention_async, store, 0, T0 + 400 * DAY, NULL);
  g_assert_cmpint (chronicle_store_apply_retention_finish (store, r1, &error), ==, 0);

  /* Keep 30 days before 2025-01-15: only a6, plus a1 which is starred. */
  r2 = AWAIT_CALL (chronicle_store_apply_retention_async, store, 30, T0 + 380 * DAY, NULL);
  g_assert_cmpint (chronicle_store_apply_retention_finish (store, r2, &error), ==, 4);
  g_assert_no_error (error);

  g_assert_cmpint (scalar (path, "SELECT count(*) FROM articles"), ==, 2);
  g_assert_cmpint (scalar (path, "SELECT count(*) FROM article_text"), ==, 2);
  g_assert_cmpint (scalar (path, "SELECT count(*) FROM time_mentions"), ==, 1);
  g_assert_cmpint (scalar (path, "SELECT count(*) FROM article_fts WHERE article_fts MATCH 'tokyo'"),
                   ==, 0);
  /* Entities without articles are gone; counts follow. */
  g_assert_cmpint (scalar (path, "SELECT count(*) FROM entities WHERE name = 'Tokyo'"), ==, 0);
  g_assert_cmpint (scalar (path, "SELECT article_count FROM entities WHERE name = 'France'"),
                   ==, 2);
  g_assert_cmpint (scalar (path, "SELECT sum(count) FROM day_counts"), ==, 2);

  r3 = AWAIT_CALL (chronicle_store_vacuum_async, store, NULL);
  g_assert_true (chronicle_store_vacuum_finish (store, r3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (scalar (path, "PRAGMA freelist_count"), ==, 0);
  {
    g_autofree char *check = scalar_text (path, "PRAGMA integrity_check");

    g_assert_cmpstr (check, ==, "ok");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/store/reads/" path, ReadsFixture, NULL, reads_setup, func, reads_teardown)

  ADD ("facets", test_facets);
  ADD ("histogram", test_histogram);
  ADD ("entity-detail", test_entity_detail);
  ADD ("aliases", test_aliases);
  ADD ("article-mentions", test_article_mentions);
  ADD ("search", test_search);
  ADD ("time-mentions", test_time_mentions);
  ADD ("retention-vacuum", test_retention_vacuum);

  return g_test_run ();
}
