/* test-store-entities.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chronicle-entity-fold.h"
#include "chronicle-store-schema.h"
#include "store-test-utils.h"

/* The entity browser, facet search, corrections (rename, merge, undo, stop list),
 * Follow, and migration 3 -> 4.
 *
 * The corpus (one source; offsets are where each name starts in the title):
 *   p1 2024-01-10  Vladimir Putin@0, Russia@20
 *   p2 2024-02-10  Putin@0, Russia@10, Volodymyr Zelensky@30
 *   p3 2024-03-10  Putin@0, Vladimir Putin@40                 (both names, one article)
 *   p4 2024-03-20  Volodymyr Zelensky@0, Ukraine@25, Élysée@40 (a place)
 *   p5 2024-03-25  Ukraine@0, Zelenska@12 ("Olena Zelenska" as a person)
 */

typedef struct {
  StoreFixture base;
  gint64 source;
  GArray *ids;
  guint changes;
  ChronicleStoreChange last_change;
  guint last_n_ids;
} EntitiesFixture;

static void
changed_cb (ChronicleStore       *store,
            ChronicleStoreChange  what,
            GArray               *ids,
            EntitiesFixture      *fixture)
{
  fixture->changes++;
  fixture->last_change = what;
  fixture->last_n_ids = ids->len;
}

static ChronicleArticle *
article (EntitiesFixture *fixture,
         const char      *guid,
         gint64           published)
{
  return make_article (fixture->source, guid, guid, published);
}

static void
entities_setup (EntitiesFixture *fixture,
                gconstpointer    data)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  ChronicleArticle *a;

  store_fixture_setup (&fixture->base, data);
  fixture->source = add_source (fixture->base.store, "https://one.example/rss", "One");

  a = article (fixture, "p1", T0 + 9 * DAY);
  add_mention (a, CHRONICLE_ENTITY_KIND_PERSON, "Vladimir Putin", 0);
  add_mention (a, CHRONICLE_ENTITY_KIND_COUNTRY, "Russia", 20);
  g_ptr_array_add (batch, a);
  a = article (fixture, "p2", T0 + 40 * DAY);
  add_mention (a, CHRONICLE_ENTITY_KIND_PERSON, "Putin", 0);
  add_mention (a, CHRONICLE_ENTITY_KIND_COUNTRY, "Russia", 10);
  add_mention (a, CHRONICLE_ENTITY_KIND_PERSON, "Volodymyr Zelensky", 30);
  g_ptr_array_add (batch, a);
  a = article (fixture, "p3", T0 + 69 * DAY);
  add_mention (a, CHRONICLE_ENTITY_KIND_PERSON, "Putin", 0);
  add_mention (a, CHRONICLE_ENTITY_KIND_PERSON, "Vladimir Putin", 40);
  g_ptr_array_add (batch, a);
  a = article (fixture, "p4", T0 + 79 * DAY);
  add_mention (a, CHRONICLE_ENTITY_KIND_PERSON, "Volodymyr Zelensky", 0);
  add_mention (a, CHRONICLE_ENTITY_KIND_COUNTRY, "Ukraine", 25);
  add_mention (a, CHRONICLE_ENTITY_KIND_PLACE, "Élysée", 40);
  g_ptr_array_add (batch, a);
  a = article (fixture, "p5", T0 + 84 * DAY);
  add_mention (a, CHRONICLE_ENTITY_KIND_COUNTRY, "Ukraine", 0);
  add_mention (a, CHRONICLE_ENTITY_KIND_PERSON, "Zelenska", 12);
  g_ptr_array_add (batch, a);

  fixture->ids = upsert (fixture->base.store, batch, NULL, NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (fixture->base.store, "changed", G_CALLBACK (changed_cb), fixture);
}

static void
entities_teardown (EntitiesFixture *fixture,
                   gconstpointer    data)
{
  g_clear_pointer (&fixture->ids, g_array_unref);
  store_fixture_teardown (&fixture->base, data);
}

static gint64
article_id (EntitiesFixture *fixture,
            guint            n)
{
  return g_array_index (fixture->ids, gint64, n - 1);
}

static ChronicleEntity *
lookup (ChronicleStore      *store,
        ChronicleEntityKind  kind,
        const char          *name)
{
  g_autoptr(GAsyncResult) result = AWAIT_CALL (chronicle_store_lookup_entity_async, store, kind,
                                               name, NULL);
  g_autoptr(GError) error = NULL;
  ChronicleEntity *entity = chronicle_store_lookup_entity_finish (store, result, &error);

  g_assert_no_error (error);
  return entity;
}

static gint64
person_id (ChronicleStore *store,
           const char     *name)
{
  g_autoptr(ChronicleEntity) entity = lookup (store, CHRONICLE_ENTITY_KIND_PERSON, name);

  return chronicle_entity_get_id (entity);
}

static char *
describe (GPtrArray *entities)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < entities->len; i++)
    {
      ChronicleEntity *e = g_ptr_array_index (entities, i);

      g_string_append_printf (out, "%s%s=%u", i > 0 ? " " : "", chronicle_entity_get_name (e),
                              chronicle_entity_get_mention_count (e));
    }
  return g_string_free (out, FALSE);
}

static char *
describe_list (ChronicleEntityList *list)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < list->rows->len; i++)
    {
      ChronicleEntitySummary *row = g_ptr_array_index (list->rows, i);

      g_string_append_printf (out, "%s%s=%u", i > 0 ? " " : "",
                              chronicle_entity_get_name (row->entity),
                              chronicle_entity_get_mention_count (row->entity));
    }
  return g_string_free (out, FALSE);
}

static ChronicleEntityList *
list_entities (ChronicleStore      *store,
               ChronicleEntityKind  kind,
               ChronicleEntitySort  sort,
               const char          *search,
               guint                offset,
               guint                limit,
               guint                n_months)
{
  g_autoptr(GAsyncResult) result = AWAIT_CALL (chronicle_store_list_entities_async, store, kind,
                                               sort, search, offset, limit, n_months, NULL);
  g_autoptr(GError) error = NULL;
  ChronicleEntityList *list = chronicle_store_list_entities_finish (store, result, &error);

  g_assert_no_error (error);
  return list;
}

static char *
list_names (ChronicleStore      *store,
            ChronicleEntityKind  kind,
            ChronicleEntitySort  sort,
            const char          *search)
{
  g_autoptr(ChronicleEntityList) list = list_entities (store, kind, sort, search, 0, 0, 0);

  return describe_list (list);
}

/* The stored offsets of an entity in an article, or NULL. */
static char *
offsets (EntitiesFixture *fixture,
         guint            n,
         gint64           entity_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT offsets FROM article_entities"
                                          " WHERE article_id = %" G_GINT64_FORMAT
                                          " AND entity_id = %" G_GINT64_FORMAT,
                                          article_id (fixture, n), entity_id);

  return scalar_text (fixture->base.path, sql);
}

static GArray *
timeline_of (ChronicleStore      *store,
             ChronicleEntityKind  kind,
             const char          *name)
{
  g_autoptr(ChronicleQuery) all = chronicle_query_new ();
  g_autoptr(ChronicleQuery) query = chronicle_query_with_entity_added (all, kind, name);

  return timeline (store, query, 0);
}

#define AWAIT_OK(prefix, ...) \
  G_STMT_START { \
    g_autoptr(GAsyncResult) _result = AWAIT_CALL (prefix##_async, __VA_ARGS__, NULL); \
    g_autoptr(GError) _error = NULL; \
    g_assert_true (prefix##_finish (store, _result, &_error)); \
    g_assert_no_error (_error); \
  } G_STMT_END

#define AWAIT_ERROR(code, prefix, ...) \
  G_STMT_START { \
    g_autoptr(GAsyncResult) _result = AWAIT_CALL (prefix##_async, __VA_ARGS__, NULL); \
    g_autoptr(GError) _error = NULL; \
    g_assert_false (prefix##_finish (store, _result, &_error)); \
    g_assert_error (_error, CHRONICLE_STORE_ERROR, code); \
  } G_STMT_END

static void
test_fold (void)
{
  g_autofree char *a = _chronicle_entity_fold ("Élysée");
  g_autofree char *b = _chronicle_entity_fold ("ZELENSKŸ");
  g_autofree char *p = _chronicle_entity_like_pattern ("50%_É");

  g_assert_cmpstr (a, ==, "elysee");
  g_assert_cmpstr (b, ==, "zelensky");
  g_assert_cmpstr (p, ==, "%50\\%\\_e%");
}

static void
test_list (EntitiesFixture *fixture,
           gconstpointer    data)
{
  ChronicleStore *store = fixture->base.store;
  g_autofree char *by_mentions = NULL, *by_name = NULL, *by_recent = NULL;
  g_autofree char *zel = NULL, *accent = NULL, *none = NULL;
  g_autoptr(ChronicleEntityList) page = NULL;
  g_autoptr(ChronicleEntityList) sparks = NULL;
  ChronicleEntitySummary *row;

  by_mentions = list_names (store, CHRONICLE_ENTITY_KIND_PERSON, CHRONICLE_ENTITY_SORT_MENTIONS,
                            NULL);
  g_assert_cmpstr (by_mentions, ==,
                   "Putin=2 Vladimir Putin=2 Volodymyr Zelensky=2 Zelenska=1");
  by_name = list_names (store, CHRONICLE_ENTITY_KIND_PERSON, CHRONICLE_ENTITY_SORT_NAME, NULL);
  g_assert_cmpstr (by_name, ==, "Putin=2 Vladimir Putin=2 Volodymyr Zelensky=2 Zelenska=1");
  by_recent = list_names (store, CHRONICLE_ENTITY_KIND_PERSON, CHRONICLE_ENTITY_SORT_RECENT, NULL);
  g_assert_cmpstr (by_recent, ==, "Zelenska=1 Volodymyr Zelensky=2 Putin=2 Vladimir Putin=2");

  /* Search: substring, case- and accent-insensitive. */
  zel = list_names (store, CHRONICLE_ENTITY_KIND_PERSON, CHRONICLE_ENTITY_SORT_NAME, "ZEL");
  g_assert_cmpstr (zel, ==, "Volodymyr Zelensky=2 Zelenska=1");
  accent = list_names (store, CHRONICLE_ENTITY_KIND_PLACE, CHRONICLE_ENTITY_SORT_NAME, "elys");
  g_assert_cmpstr (accent, ==, "Élysée=1");
  none = list_names (store, CHRONICLE_ENTITY_KIND_PERSON, CHRONICLE_ENTITY_SORT_NAME, "%");
  g_assert_cmpstr (none, ==, "");

  /* Paging keeps the total. */
  page = list_entities (store, CHRONICLE_ENTITY_KIND_PERSON, CHRONICLE_ENTITY_SORT_NAME, NULL,
                        1, 2, 0);
  g_assert_cmpuint (page->total, ==, 4);
  g_assert_cmpuint (page->rows->len, ==, 2);
  row = g_ptr_array_index (page->rows, 0);
  g_assert_cmpstr (chronicle_entity_get_name (row->entity), ==, "Vladimir Putin");
  g_assert_cmpint (row->last_mention, ==, T0 + 69 * DAY);
  g_assert_false (row->followed);

  /* Sparklines: January to March 2024 (the newest article is in March). */
  sparks = list_entities (store, CHRONICLE_ENTITY_KIND_PERSON, CHRONICLE_ENTITY_SORT_NAME, NULL,
                          0, 0, 3);
  g_assert_cmpint (sparks->series_start, ==, T0);
  g_assert_cmpuint (sparks->n_months, ==, 3);
  row = g_ptr_array_index (sparks->rows, 1); /* Vladimir Putin: Jan, Mar */
  g_assert_cmpuint (row->series->len, ==, 3);
  g_assert_cmpuint (g_array_index (row->series, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (row->series, guint, 1), ==, 0);
  g_assert_cmpuint (g_array_index (row->series, guint, 2), ==, 1);
  row = g_ptr_array_index (sparks->rows, 0); /* Putin: Feb, Mar */
  g_assert_cmpuint (g_array_index (row->series, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (row->series, guint, 1), ==, 1);
  g_assert_cmpuint (g_array_index (row->series, guint, 2), ==, 1);
}

static void
test_facet_search (EntitiesFixture *fixture,
                   gconstpointer    data)
{
  ChronicleStore *store = fixture->base.store;
  g_autoptr(ChronicleQuery) all = chronicle_query_new ();
  g_autoptr(ChronicleQuery) ukraine = chronicle_query_with_entity_added (all,
                                                                        CHRONICLE_ENTITY_KIND_COUNTRY,
                                                                        "Ukraine");
  g_autoptr(GAsyncResult) r1 = NULL, r2 = NULL, r3 = NULL;
  g_autoptr(GPtrArray) top = NULL, under = NULL, searched = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *top_s = NULL, *under_s = NULL, *searched_s = NULL;

  r1 = AWAIT_CALL (chronicle_store_facet_entities_async, store, all,
                   CHRONICLE_ENTITY_KIND_COUNTRY, NULL, 1, NULL);
  top = chronicle_store_facet_entities_finish (store, r1, &error);
  g_assert_no_error (error);
  top_s = describe (top);
  g_assert_cmpstr (top_s, ==, "Russia=2");

  r2 = AWAIT_CALL (chronicle_store_facet_entities_async, store, ukraine,
                   CHRONICLE_ENTITY_KIND_PERSON, NULL, 10, NULL);
  under = chronicle_store_facet_entities_finish (store, r2, &error);
  g_assert_no_error (error);
  under_s = describe (under);
  g_assert_cmpstr (under_s, ==, "Volodymyr Zelensky=1 Zelenska=1");

  r3 = AWAIT_CALL (chronicle_store_facet_entities_async, store, ukraine,
                   CHRONICLE_ENTITY_KIND_PERSON, "zelenská", 10, NULL);
  searched = chronicle_store_facet_entities_finish (store, r3, &error);
  g_assert_no_error (error);
  searched_s = describe (searched);
  g_assert_cmpstr (searched_s, ==, "Zelenska=1");
}

static void
test_merge_and_undo (EntitiesFixture *fixture,
                     gconstpointer    data)
{
  ChronicleStore *store = fixture->base.store;
  gint64 putin = person_id (store, "Putin");
  gint64 vladimir = person_id (store, "Vladimir Putin");
  g_autoptr(ChronicleEntity) merged = NULL;
  g_autoptr(ChronicleEntity) restored = NULL;
  g_autoptr(GArray) by_alias = NULL;
  g_autoptr(GArray) later_ids = NULL;
  g_autoptr(GAsyncResult) r1 = NULL, r2 = NULL;
  g_autoptr(ChronicleEntityDetail) detail = NULL;
  g_autoptr(ChronicleEntity) via_old_id = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *p2 = NULL, *p3 = NULL, *p3_putin = NULL, *listed = NULL;
  g_autofree char *u2 = NULL, *u3 = NULL, *u3_putin = NULL, *u6 = NULL;
  ChronicleArticle *later;
  const char * const *aliases;

  AWAIT_OK (chronicle_store_merge_entities, store, putin, vladimir);
  g_assert_cmpuint (fixture->changes, ==, 1);
  g_assert_cmpint (fixture->last_change, ==,
                   CHRONICLE_STORE_CHANGE_ENTITIES | CHRONICLE_STORE_CHANGE_ARTICLES_UPDATED);
  g_assert_cmpuint (fixture->last_n_ids, ==, 2);

  merged = lookup (store, CHRONICLE_ENTITY_KIND_PERSON, "Vladimir Putin");
  g_assert_cmpuint (chronicle_entity_get_mention_count (merged), ==, 3);
  aliases = chronicle_entity_get_aliases (merged);
  g_assert_true (g_strv_contains (aliases, "Putin"));
  p2 = offsets (fixture, 2, vladimir);
  p3 = offsets (fixture, 3, vladimir);
  g_assert_cmpstr (p2, ==, "0-5");
  g_assert_cmpstr (p3, ==, "0-5,40-54");
  listed = list_names (store, CHRONICLE_ENTITY_KIND_PERSON, CHRONICLE_ENTITY_SORT_MENTIONS, NULL);
  g_assert_cmpstr (listed, ==, "Vladimir Putin=3 Volodymyr Zelensky=2 Zelenska=1");

  /* The old name and the old id lead to the target. */
  by_alias = timeline_of (store, CHRONICLE_ENTITY_KIND_PERSON, "Putin");
  g_assert_cmpuint (by_alias->len, ==, 3);
  {
    g_autoptr(ChronicleEntity) by_name = lookup (store, CHRONICLE_ENTITY_KIND_PERSON, "Putin");

    g_assert_cmpint (chronicle_entity_get_id (by_name), ==, vladimir);
  }
  r1 = AWAIT_CALL (chronicle_store_get_entity_async, store, putin, NULL);
  via_old_id = chronicle_store_get_entity_finish (store, r1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (chronicle_entity_get_id (via_old_id), ==, vladimir);
  r2 = AWAIT_CALL (chronicle_store_entity_detail_async, store, vladimir,
                   CHRONICLE_GRANULARITY_MONTH, 5, NULL);
  detail = chronicle_store_entity_detail_finish (store, r2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (detail->merged->len, ==, 1);
  g_assert_cmpint (chronicle_entity_get_id (g_ptr_array_index (detail->merged, 0)), ==, putin);
  g_assert_cmpuint (chronicle_entity_get_mention_count (g_ptr_array_index (detail->merged, 0)),
                    ==, 2);
  g_assert_cmpuint (detail->histogram->len, ==, 3);

  /* A later mention of "Putin" lands on Vladimir Putin. */
  later = article (fixture, "p6", T0 + 90 * DAY);
  add_mention (later, CHRONICLE_ENTITY_KIND_PERSON, "Putin", 3);
  later_ids = upsert_one (store, later);
  g_object_unref (later);
  g_array_append_val (fixture->ids, g_array_index (later_ids, gint64, 0));
  g_clear_object (&merged);
  merged = lookup (store, CHRONICLE_ENTITY_KIND_PERSON, "Vladimir Putin");
  g_assert_cmpuint (chronicle_entity_get_mention_count (merged), ==, 4);

  /* Merging again, across kinds or into itself is refused. */
  AWAIT_ERROR (CHRONICLE_STORE_ERROR_INVALID, chronicle_store_merge_entities, store, putin,
               vladimir);
  AWAIT_ERROR (CHRONICLE_STORE_ERROR_INVALID, chronicle_store_merge_entities, store, vladimir,
               vladimir);
  AWAIT_ERROR (CHRONICLE_STORE_ERROR_NOT_FOUND, chronicle_store_merge_entities, store, 9999,
               vladimir);

  /* Undo: exactly the mentions that came with "Putin" go back, the later one too. */
  AWAIT_OK (chronicle_store_unmerge_entity, store, putin);
  g_assert_cmpuint (fixture->last_n_ids, ==, 3);
  u2 = offsets (fixture, 2, vladimir);
  u3 = offsets (fixture, 3, vladimir);
  u3_putin = offsets (fixture, 3, putin);
  u6 = offsets (fixture, 6, putin);
  g_assert_null (u2);
  g_assert_cmpstr (u3, ==, "40-54");
  g_assert_cmpstr (u3_putin, ==, "0-5");
  g_assert_cmpstr (u6, ==, "3-8");
  g_clear_object (&merged);
  merged = lookup (store, CHRONICLE_ENTITY_KIND_PERSON, "Vladimir Putin");
  g_assert_cmpuint (chronicle_entity_get_mention_count (merged), ==, 2);
  g_assert_false (g_strv_contains (chronicle_entity_get_aliases (merged), "Putin"));
  restored = lookup (store, CHRONICLE_ENTITY_KIND_PERSON, "Putin");
  g_assert_cmpint (chronicle_entity_get_id (restored), ==, putin);
  g_assert_cmpuint (chronicle_entity_get_mention_count (restored), ==, 3);
  AWAIT_ERROR (CHRONICLE_STORE_ERROR_INVALID, chronicle_store_unmerge_entity, store, putin);
}

static void
test_merge_chain (EntitiesFixture *fixture,
                  gconstpointer    data)
{
  ChronicleStore *store = fixture->base.store;
  gint64 putin = person_id (store, "Putin");
  gint64 vladimir = person_id (store, "Vladimir Putin");
  gint64 zelensky = person_id (store, "Volodymyr Zelensky");
  g_autofree char *z2 = NULL, *z3 = NULL, *p3 = NULL, *v3 = NULL, *v1 = NULL, *zz = NULL;
  g_autoptr(ChronicleEntity) z = NULL;

  /* Putin into Vladimir Putin, that into Zelensky (wrong on purpose), then undo the
   * first merge first: every span ends up on exactly one entity. */
  AWAIT_OK (chronicle_store_merge_entities, store, putin, vladimir);
  AWAIT_OK (chronicle_store_merge_entities, store, vladimir, zelensky);
  z2 = offsets (fixture, 2, zelensky);
  g_assert_cmpstr (z2, ==, "0-5,30-48");
  AWAIT_OK (chronicle_store_unmerge_entity, store, putin);
  AWAIT_OK (chronicle_store_unmerge_entity, store, vladimir);
  z3 = offsets (fixture, 3, zelensky);
  p3 = offsets (fixture, 3, putin);
  v3 = offsets (fixture, 3, vladimir);
  v1 = offsets (fixture, 1, vladimir);
  zz = offsets (fixture, 2, zelensky);
  g_assert_null (z3);
  g_assert_cmpstr (p3, ==, "0-5");
  g_assert_cmpstr (v3, ==, "40-54");
  g_assert_cmpstr (v1, ==, "0-14");
  g_assert_cmpstr (zz, ==, "30-48");
  z = lookup (store, CHRONICLE_ENTITY_KIND_PERSON, "Volodymyr Zelensky");
  g_assert_cmpuint (chronicle_entity_get_mention_count (z), ==, 2);
  g_assert_cmpint (scalar (fixture->base.path, "SELECT count (*) FROM entity_merge_mentions"), ==, 0);
}

static void
test_rename (EntitiesFixture *fixture,
             gconstpointer    data)
{
  ChronicleStore *store = fixture->base.store;
  gint64 zelensky = person_id (store, "Volodymyr Zelensky");
  g_autoptr(ChronicleEntity) renamed = NULL;
  g_autoptr(ChronicleEntity) back = NULL;
  g_autoptr(GArray) by_old = NULL;
  g_autoptr(GArray) later_ids = NULL;
  ChronicleArticle *later;

  AWAIT_OK (chronicle_store_rename_entity, store, zelensky, "Volodymyr Zelenskyy");
  g_assert_cmpint (fixture->last_change, ==,
                   CHRONICLE_STORE_CHANGE_ENTITIES | CHRONICLE_STORE_CHANGE_ARTICLES_UPDATED);
  g_assert_cmpuint (fixture->last_n_ids, ==, 2);
  renamed = lookup (store, CHRONICLE_ENTITY_KIND_PERSON, "Volodymyr Zelenskyy");
  g_assert_cmpint (chronicle_entity_get_id (renamed), ==, zelensky);
  g_assert_true (g_strv_contains (chronicle_entity_get_aliases (renamed), "Volodymyr Zelensky"));

  /* The old name still finds it, now and at the next extraction. */
  by_old = timeline_of (store, CHRONICLE_ENTITY_KIND_PERSON, "Volodymyr Zelensky");
  g_assert_cmpuint (by_old->len, ==, 2);
  later = article (fixture, "z3", T0 + 91 * DAY);
  add_mention (later, CHRONICLE_ENTITY_KIND_PERSON, "Volodymyr Zelensky", 0);
  later_ids = upsert_one (store, later);
  g_object_unref (later);
  g_clear_object (&renamed);
  renamed = lookup (store, CHRONICLE_ENTITY_KIND_PERSON, "Volodymyr Zelenskyy");
  g_assert_cmpuint (chronicle_entity_get_mention_count (renamed), ==, 3);

  /* Another entity's name is refused; the old name is taken back. */
  AWAIT_ERROR (CHRONICLE_STORE_ERROR_EXISTS, chronicle_store_rename_entity, store, zelensky,
               "Zelenska");
  AWAIT_ERROR (CHRONICLE_STORE_ERROR_INVALID, chronicle_store_rename_entity, store, zelensky, "  ");
  AWAIT_OK (chronicle_store_rename_entity, store, zelensky, "Volodymyr Zelensky");
  back = lookup (store, CHRONICLE_ENTITY_KIND_PERSON, "Volodymyr Zelensky");
  g_assert_cmpint (chronicle_entity_get_id (back), ==, zelensky);
  g_assert_cmpuint (chronicle_entity_get_mention_count (back), ==, 3);
}

static void
test_stop_list (EntitiesFixture *fixture,
                gconstpointer    data)
{
  ChronicleStore *store = fixture->base.store;
  g_autoptr(GAsyncResult) r1 = NULL, r2 = NULL, r3 = NULL;
  g_autoptr(GPtrArray) stopped = NULL, stopped_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleEntity) gone = NULL;
  g_autoptr(GArray) later_ids = NULL;
  g_autofree char *places = NULL, *places_after = NULL;
  ChronicleArticle *later;

  AWAIT_OK (chronicle_store_stop_entity, store, CHRONICLE_ENTITY_KIND_PLACE, "Élysée", TRUE);
  g_assert_cmpuint (fixture->last_n_ids, ==, 1);
  places = list_names (store, CHRONICLE_ENTITY_KIND_PLACE, CHRONICLE_ENTITY_SORT_NAME, NULL);
  g_assert_cmpstr (places, ==, "");
  r1 = AWAIT_CALL (chronicle_store_lookup_entity_async, store, CHRONICLE_ENTITY_KIND_PLACE,
                   "Élysée", NULL);
  gone = chronicle_store_lookup_entity_finish (store, r1, &error);
  g_assert_null (gone);
  g_assert_error (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  r2 = AWAIT_CALL (chronicle_store_list_stopped_async, store, NULL);
  stopped = chronicle_store_list_stopped_finish (store, r2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stopped->len, ==, 1);
  g_assert_cmpstr (chronicle_entity_get_name (g_ptr_array_index (stopped, 0)), ==, "Élysée");

  /* Later extraction drops it too; the other mentions of the article stay. */
  later = article (fixture, "e2", T0 + 92 * DAY);
  add_mention (later, CHRONICLE_ENTITY_KIND_PLACE, "Élysée", 0);
  add_mention (later, CHRONICLE_ENTITY_KIND_COUNTRY, "Ukraine", 10);
  later_ids = upsert_one (store, later);
  g_object_unref (later);
  places = (g_free (places), list_names (store, CHRONICLE_ENTITY_KIND_PLACE,
                                         CHRONICLE_ENTITY_SORT_NAME, NULL));
  g_assert_cmpstr (places, ==, "");
  g_assert_cmpint (scalar (fixture->base.path,
                           "SELECT article_count FROM entities WHERE name = 'Ukraine'"), ==, 3);

  /* Off the list: the next extraction keeps it again. */
  AWAIT_OK (chronicle_store_stop_entity, store, CHRONICLE_ENTITY_KIND_PLACE, "Élysée", FALSE);
  r3 = AWAIT_CALL (chronicle_store_list_stopped_async, store, NULL);
  stopped_after = chronicle_store_list_stopped_finish (store, r3, &error);
  g_assert_cmpuint (stopped_after->len, ==, 0);
  later = article (fixture, "e3", T0 + 93 * DAY);
  add_mention (later, CHRONICLE_ENTITY_KIND_PLACE, "Élysée", 0);
  g_clear_pointer (&later_ids, g_array_unref);
  later_ids = upsert_one (store, later);
  g_object_unref (later);
  places_after = list_names (store, CHRONICLE_ENTITY_KIND_PLACE, CHRONICLE_ENTITY_SORT_NAME, NULL);
  g_assert_cmpstr (places_after, ==, "Élysée=1");
}

static void
test_stop_merged_name (EntitiesFixture *fixture,
                       gconstpointer    data)
{
  ChronicleStore *store = fixture->base.store;
  gint64 putin = person_id (store, "Putin");
  gint64 vladimir = person_id (store, "Vladimir Putin");
  g_autoptr(ChronicleEntity) after = NULL;
  g_autofree char *p3 = NULL;

  /* Stopping a merged name takes exactly its mentions out of the target. */
  AWAIT_OK (chronicle_store_merge_entities, store, putin, vladimir);
  AWAIT_OK (chronicle_store_stop_entity, store, CHRONICLE_ENTITY_KIND_PERSON, "Putin", TRUE);
  after = lookup (store, CHRONICLE_ENTITY_KIND_PERSON, "Vladimir Putin");
  g_assert_cmpuint (chronicle_entity_get_mention_count (after), ==, 2);
  p3 = offsets (fixture, 3, vladimir);
  g_assert_cmpstr (p3, ==, "40-54");
  g_assert_cmpint (scalar (fixture->base.path,
                           "SELECT count (*) FROM entities WHERE name = 'Putin'"), ==, 0);
}

static void
test_follow (EntitiesFixture *fixture,
             gconstpointer    data)
{
  ChronicleStore *store = fixture->base.store;
  gint64 zelensky = person_id (store, "Volodymyr Zelensky");
  g_autoptr(ChronicleEntity) ukraine = lookup (store, CHRONICLE_ENTITY_KIND_COUNTRY, "Ukraine");
  g_autoptr(GAsyncResult) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL;
  g_autoptr(GPtrArray) followed = NULL;
  g_autoptr(ChronicleFollowedNews) news = NULL, none = NULL;
  g_autoptr(ChronicleEntityDetail) detail = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) later_ids = NULL;
  g_autofree char *followed_s = NULL, *news_s = NULL;
  ChronicleArticle *later;
  gint64 mark;

  AWAIT_OK (chronicle_store_set_followed, store, zelensky, TRUE);
  g_assert_cmpint (fixture->last_change, ==, CHRONICLE_STORE_CHANGE_ENTITIES);
  AWAIT_OK (chronicle_store_set_followed, store, chronicle_entity_get_id (ukraine), TRUE);
  AWAIT_ERROR (CHRONICLE_STORE_ERROR_NOT_FOUND, chronicle_store_set_followed, store, 9999, TRUE);

  r1 = AWAIT_CALL (chronicle_store_list_followed_async, store, NULL);
  followed = chronicle_store_list_followed_finish (store, r1, &error);
  g_assert_no_error (error);
  followed_s = describe (followed);
  g_assert_cmpstr (followed_s, ==, "Volodymyr Zelensky=2 Ukraine=2");

  r2 = AWAIT_CALL (chronicle_store_entity_detail_async, store, zelensky,
                   CHRONICLE_GRANULARITY_MONTH, 3, NULL);
  detail = chronicle_store_entity_detail_finish (store, r2, &error);
  g_assert_no_error (error);
  g_assert_true (detail->followed);

  /* Everything since the start, then nothing new since the mark. */
  r3 = AWAIT_CALL (chronicle_store_followed_news_async, store, 0, 2, NULL);
  news = chronicle_store_followed_news_finish (store, r3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (news->n_articles, ==, 3);
  g_assert_cmpuint (news->article_ids->len, ==, 2);
  g_assert_cmpint (g_array_index (news->article_ids, gint64, 0), ==, article_id (fixture, 5));
  g_assert_cmpint (news->last_article_id, ==, article_id (fixture, 5));
  mark = news->last_article_id;

  later = article (fixture, "f1", T0 + 100 * DAY);
  add_mention (later, CHRONICLE_ENTITY_KIND_PERSON, "Volodymyr Zelensky", 0);
  later_ids = upsert_one (store, later);
  g_object_unref (later);
  r4 = AWAIT_CALL (chronicle_store_followed_news_async, store, mark, 0, NULL);
  none = chronicle_store_followed_news_finish (store, r4, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->n_articles, ==, 1);
  g_assert_cmpint (g_array_index (none->article_ids, gint64, 0), ==,
                   g_array_index (later_ids, gint64, 0));
  news_s = describe (none->entities);
  g_assert_cmpstr (news_s, ==, "Volodymyr Zelensky=1");

  /* Unfollow persists like follow. */
  AWAIT_OK (chronicle_store_set_followed, store, zelensky, FALSE);
  g_assert_cmpint (scalar (fixture->base.path, "SELECT count (*) FROM entities WHERE followed"),
                   ==, 1);
}

static guint
news_since_mark (ChronicleStore *store)
{
  g_autoptr(GAsyncResult) r = AWAIT_CALL (chronicle_store_followed_news_async, store,
                                          CHRONICLE_FOLLOWED_NEWS_SINCE_MARK, 0, NULL);
  g_autoptr(ChronicleFollowedNews) news = NULL;
  g_autoptr(GError) error = NULL;

  news = chronicle_store_followed_news_finish (store, r, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (news->article_ids->len, ==, news->n_articles);
  return news->n_articles;
}

static void
test_follow_mark (EntitiesFixture *fixture,
                  gconstpointer    data)
{
  ChronicleStore *store = fixture->base.store;
  gint64 zelensky = person_id (store, "Volodymyr Zelensky");
  gint64 putin = person_id (store, "Putin");
  gint64 vladimir = person_id (store, "Vladimir Putin");
  g_autoptr(GArray) ids1 = NULL, ids2 = NULL, ids3 = NULL;
  ChronicleArticle *later;
  gint64 changes;

  /* Following starts the mark at the newest stored article: old news is not news. */
  AWAIT_OK (chronicle_store_set_followed, store, zelensky, TRUE);
  g_assert_cmpint (scalar (fixture->base.path,
                           "SELECT follow_mark = (SELECT max (id) FROM articles) FROM entities"
                           " WHERE name = 'Volodymyr Zelensky'"), ==, 1);
  g_assert_cmpuint (news_since_mark (store), ==, 0);

  later = article (fixture, "m1", T0 + 100 * DAY);
  add_mention (later, CHRONICLE_ENTITY_KIND_PERSON, "Volodymyr Zelensky", 0);
  ids1 = upsert_one (store, later);
  g_object_unref (later);
  g_assert_cmpuint (news_since_mark (store), ==, 1);

  /* Marking is persisted: it survives reopening the database, and sends no `changed`. */
  changes = fixture->changes;
  AWAIT_OK (chronicle_store_mark_followed_news, store, g_array_index (ids1, gint64, 0));
  g_assert_cmpint (fixture->changes, ==, changes);
  g_assert_cmpuint (news_since_mark (store), ==, 0);
  g_clear_object (&fixture->base.store);
  fixture->base.store = store = open_store (fixture->base.path);
  g_assert_cmpuint (news_since_mark (store), ==, 0);

  /* Stored while nobody looked (e.g. the CLI syncing): news at the next start. */
  later = article (fixture, "m2", T0 + 101 * DAY);
  add_mention (later, CHRONICLE_ENTITY_KIND_PERSON, "Volodymyr Zelensky", 0);
  ids2 = upsert_one (store, later);
  g_object_unref (later);
  g_clear_object (&fixture->base.store);
  fixture->base.store = store = open_store (fixture->base.path);
  g_assert_cmpuint (news_since_mark (store), ==, 1);

  /* A mark never goes back. */
  AWAIT_OK (chronicle_store_mark_followed_news, store, g_array_index (ids2, gint64, 0));
  AWAIT_OK (chronicle_store_mark_followed_news, store, g_array_index (ids1, gint64, 0));
  g_assert_cmpuint (news_since_mark (store), ==, 0);

  /* An entity followed through a merge starts at the newest article too. */
  AWAIT_OK (chronicle_store_set_followed, store, putin, TRUE);
  AWAIT_OK (chronicle_store_merge_entities, store, putin, vladimir);
  g_assert_cmpuint (news_since_mark (store), ==, 0);
  later = article (fixture, "m3", T0 + 102 * DAY);
  add_mention (later, CHRONICLE_ENTITY_KIND_PERSON, "Vladimir Putin", 0);
  ids3 = upsert_one (store, later);
  g_object_unref (later);
  g_assert_cmpuint (news_since_mark (store), ==, 1);
}

static void
test_migration_from_3 (void)
{
  g_autofree char *dir = chronicle_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v3.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleDb) db = _chronicle_db_open (path, TRUE, &error);
  g_autoptr(ChronicleStore) store = NULL;
  g_autoptr(ChronicleEntityList) list = NULL;
  g_autofree char *fold = NULL;

  g_assert_no_error (error);
  g_assert_true (_chronicle_store_schema_migrate (db, 3, &error));
  g_assert_no_error (error);
  g_assert_true (_chronicle_db_exec (db,
                                     "INSERT INTO sources (kind, url) VALUES (0, 'u');"
                                     "INSERT INTO articles (source_id, guid, guid_hash, published)"
                                     " VALUES (1, 'a', 1, 1700000000), (1, 'b', 2, 1710000000);"
                                     "INSERT INTO entities (kind, name, article_count)"
                                     " VALUES (2, 'Élysée', 2);"
                                     "INSERT INTO article_entities VALUES (1, 1, 1700000000, '0-6'),"
                                     " (2, 1, 1710000000, '3-9');",
                                     &error));
  g_assert_no_error (error);
  g_clear_pointer (&db, _chronicle_db_close);

  store = open_store (path);
  g_assert_cmpint (scalar (path, "PRAGMA user_version"), ==,
                   _chronicle_store_schema_latest_version ());
  fold = scalar_text (path, "SELECT fold FROM entities WHERE id = 1");
  g_assert_cmpstr (fold, ==, "elysee");
  g_assert_cmpint (scalar (path, "SELECT last_mention FROM entities WHERE id = 1"), ==, 1710000000);
  list = list_entities (store, CHRONICLE_ENTITY_KIND_PLACE, CHRONICLE_ENTITY_SORT_RECENT, "ELY",
                        0, 10, 0);
  g_assert_cmpuint (list->total, ==, 1);

  g_clear_object (&store);
  chronicle_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/store/entities/" path, EntitiesFixture, NULL, entities_setup, func, \
              entities_teardown)

  g_test_add_func ("/store/entities/fold", test_fold);
  ADD ("list", test_list);
  ADD ("facet-search", test_facet_search);
  ADD ("merge-and-undo", test_merge_and_undo);
  ADD ("merge-chain", test_merge_chain);
  ADD ("rename", test_rename);
  ADD ("stop-list", test_stop_list);
  ADD ("stop-merged-name", test_stop_merged_name);
  ADD ("follow", test_follow);
  ADD ("follow-mark", test_follow_mark);
  g_test_add_func ("/store/entities/migration-from-3", test_migration_from_3);

  return g_test_run ();
}
