/* test-event-list.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chronicle-event-list.h"
#include "chronicle-store-events.h"
#include "store-test-utils.h"

/* Events under a query, their summaries, the articles of one event, and the
 * Events list model. The fixture:
 *
 *   a1 Alpha News  T0+1h    quake     Ana Silva ×2, Chile
 *   a2 Beta Wire   T0+5h    quake     Ana Silva, Chile, Peru
 *   a5 Alpha News  T0+1d    summit    (no entities)
 *   a3 Alpha News  T0+2d    election  Ben Ode
 *   a4 Beta Wire   T0+3d    (none)
 *
 * quake is passed as an event with a label and the stored person Ana Silva; the
 * others are created from their keys. */

typedef struct {
  StoreFixture base;
  gint64 alpha, beta;
  gint64 a[6];
  gint64 quake, summit, election;
} Fixture;

static ChronicleArticle *
keyed (gint64      source,
       const char *guid,
       const char *title,
       gint64      published,
       const char *key)
{
  ChronicleArticle *article = make_article (source, guid, title, published);
  const char *keys[] = { key, NULL };

  if (key != NULL)
    chronicle_article_set_event_keys (article, keys);
  return article;
}

static gint64
event_id (Fixture    *fixture,
          const char *key)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM events WHERE key = '%s'", key);

  return scalar (fixture->base.path, sql);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(ChronicleEvent) quake = chronicle_event_new ("quake", "Earthquake in Chile", T0,
                                                         T0 + DAY);
  g_autoptr(ChronicleEntity) ana = chronicle_entity_new (CHRONICLE_ENTITY_KIND_PERSON, "Ana Silva");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  ChronicleArticle *article;

  store_fixture_setup (&fixture->base, data);
  fixture->alpha = add_source (fixture->base.store, "https://alpha.example/feed", "Alpha News");
  fixture->beta = add_source (fixture->base.store, "https://beta.example/feed", "Beta Wire");

  article = keyed (fixture->alpha, "a1", "Strong earthquake shakes Chile", T0 + 3600, "quake");
  add_mention (article, CHRONICLE_ENTITY_KIND_PERSON, "Ana Silva", 0);
  add_mention (article, CHRONICLE_ENTITY_KIND_PERSON, "Ana Silva", 40);
  add_mention (article, CHRONICLE_ENTITY_KIND_COUNTRY, "Chile", 20);
  g_ptr_array_add (batch, article);
  article = keyed (fixture->beta, "a2", "Aftershocks in Chile and Peru", T0 + 5 * 3600, "quake");
  add_mention (article, CHRONICLE_ENTITY_KIND_PERSON, "Ana Silva", 0);
  add_mention (article, CHRONICLE_ENTITY_KIND_COUNTRY, "Chile", 20);
  add_mention (article, CHRONICLE_ENTITY_KIND_COUNTRY, "Peru", 30);
  g_ptr_array_add (batch, article);
  article = keyed (fixture->alpha, "a3", "Election called", T0 + 2 * DAY, "election");
  add_mention (article, CHRONICLE_ENTITY_KIND_PERSON, "Ben Ode", 0);
  g_ptr_array_add (batch, article);
  g_ptr_array_add (batch, keyed (fixture->beta, "a4", "Weather", T0 + 3 * DAY, NULL));
  g_ptr_array_add (batch, keyed (fixture->alpha, "a5", "Summit opens", T0 + DAY, "summit"));

  chronicle_event_add_entity (quake, ana);
  g_ptr_array_add (events, g_object_ref (quake));

  ids = upsert (fixture->base.store, batch, events, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 5);
  fixture->a[1] = g_array_index (ids, gint64, 0);
  fixture->a[2] = g_array_index (ids, gint64, 1);
  fixture->a[3] = g_array_index (ids, gint64, 2);
  fixture->a[4] = g_array_index (ids, gint64, 3);
  fixture->a[5] = g_array_index (ids, gint64, 4);

  fixture->quake = event_id (fixture, "quake");
  fixture->summit = event_id (fixture, "summit");
  fixture->election = event_id (fixture, "election");
  g_assert_cmpint (fixture->quake, >, 0);
  g_assert_cmpint (fixture->summit, >, 0);
  g_assert_cmpint (fixture->election, >, 0);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  store_fixture_teardown (&fixture->base, data);
}

static GArray *
events_under (ChronicleStore *store,
              ChronicleQuery *query,
              guint           limit)
{
  g_autoptr(GAsyncResult) result = AWAIT_CALL (chronicle_store_events_async, store, query, limit,
                                               NULL);
  g_autoptr(GError) error = NULL;
  GArray *ids = chronicle_store_events_finish (store, result, &error);

  g_assert_no_error (error);
  return ids;
}

static void
assert_ids (GArray *ids,
            ...)
{
  va_list args;
  guint n = 0;
  gint64 id;

  va_start (args, ids);
  while ((id = va_arg (args, gint64)) != 0)
    {
      g_assert_cmpuint (n, <, ids->len);
      g_assert_cmpint (g_array_index (ids, gint64, n), ==, id);
      n++;
    }
  va_end (args);
  g_assert_cmpuint (ids->len, ==, n);
}

static void
test_events_under_query (Fixture       *fixture,
                         gconstpointer  data)
{
  ChronicleStore *store = fixture->base.store;
  g_autoptr(ChronicleQuery) all = chronicle_query_new ();
  g_autoptr(ChronicleQuery) chile = chronicle_query_with_entity_added (all,
                                                                       CHRONICLE_ENTITY_KIND_COUNTRY,
                                                                       "Chile");
  g_autoptr(ChronicleQuery) beta = chronicle_query_with_sources (all, &fixture->beta, 1);
  g_autoptr(ChronicleQuery) text = chronicle_query_with_text (all, "election");
  g_autoptr(ChronicleQuery) days = chronicle_query_with_date_range (all, T0 + DAY, T0 + 3 * DAY);
  g_autoptr(ChronicleQuery) nobody = chronicle_query_with_entity_added (all,
                                                                        CHRONICLE_ENTITY_KIND_PERSON,
                                                                        "Nobody");
  g_autoptr(GArray) ids = NULL;

  /* Newest first by event date; a4 belongs to no event. */
  ids = events_under (store, all, 0);
  assert_ids (ids, fixture->election, fixture->summit, fixture->quake, (gint64) 0);
  g_clear_pointer (&ids, g_array_unref);

  ids = events_under (store, all, 2);
  assert_ids (ids, fixture->election, fixture->summit, (gint64) 0);
  g_clear_pointer (&ids, g_array_unref);

  ids = events_under (store, chile, 0);
  assert_ids (ids, fixture->quake, (gint64) 0);
  g_clear_pointer (&ids, g_array_unref);

  ids = events_under (store, beta, 0);
  assert_ids (ids, fixture->quake, (gint64) 0);
  g_clear_pointer (&ids, g_array_unref);

  ids = events_under (store, text, 0);
  assert_ids (ids, fixture->election, (gint64) 0);
  g_clear_pointer (&ids, g_array_unref);

  ids = events_under (store, days, 0);
  assert_ids (ids, fixture->election, fixture->summit, (gint64) 0);
  g_clear_pointer (&ids, g_array_unref);

  ids = events_under (store, nobody, 0);
  assert_ids (ids, (gint64) 0);
}

static GPtrArray *
summaries (ChronicleStore *store,
           const gint64   *ids,
           guint           n_ids)
{
  g_autoptr(GAsyncResult) result = AWAIT_CALL (chronicle_store_get_event_summaries_async, store,
                                               ids, n_ids, NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *array = chronicle_store_get_event_summaries_finish (store, result, &error);

  g_assert_no_error (error);
  return array;
}

static void
assert_entity (GPtrArray           *entities,
               guint                i,
               ChronicleEntityKind  kind,
               const char          *name,
               guint                n_articles)
{
  ChronicleEntity *entity = g_ptr_array_index (entities, i);

  g_assert_cmpint (chronicle_entity_get_kind (entity), ==, kind);
  g_assert_cmpstr (chronicle_entity_get_name (entity), ==, name);
  g_assert_cmpuint (chronicle_entity_get_mention_count (entity), ==, n_articles);
}

static void
test_summaries (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 ids[] = { fixture->quake, 999999, fixture->summit, fixture->election };
  g_autoptr(GPtrArray) array = summaries (fixture->base.store, ids, G_N_ELEMENTS (ids));
  ChronicleEventSummary *quake, *summit, *election;
  const char *quake_sources[] = { "Alpha News", "Beta Wire", NULL };
  const char *alpha_only[] = { "Alpha News", NULL };
  GPtrArray *entities;

  /* The unknown id is left out; the order is the order asked for. */
  g_assert_cmpuint (array->len, ==, 3);
  quake = g_ptr_array_index (array, 0);
  summit = g_ptr_array_index (array, 1);
  election = g_ptr_array_index (array, 2);

  g_assert_true (chronicle_event_summary_get_loaded (quake));
  g_assert_cmpint (chronicle_event_summary_get_id (quake), ==, fixture->quake);
  g_assert_cmpstr (chronicle_event_summary_get_key (quake), ==, "quake");
  g_assert_cmpstr (chronicle_event_summary_get_label (quake), ==, "Earthquake in Chile");
  g_assert_cmpint (chronicle_event_summary_get_start (quake), ==, T0);
  g_assert_cmpint (chronicle_event_summary_get_end (quake), ==, T0 + DAY);
  g_assert_cmpint (chronicle_event_summary_get_first_published (quake), ==, T0 + 3600);
  g_assert_cmpint (chronicle_event_summary_get_last_published (quake), ==, T0 + 5 * 3600);
  g_assert_cmpuint (chronicle_event_summary_get_n_articles (quake), ==, 2);
  g_assert_cmpstrv (chronicle_event_summary_get_sources (quake), quake_sources);
  /* Ana Silva and Chile are both in two articles; Ana Silva has three mentions. */
  entities = chronicle_event_summary_get_entities (quake);
  g_assert_cmpuint (entities->len, ==, 3);
  assert_entity (entities, 0, CHRONICLE_ENTITY_KIND_PERSON, "Ana Silva", 2);
  assert_entity (entities, 1, CHRONICLE_ENTITY_KIND_COUNTRY, "Chile", 2);
  assert_entity (entities, 2, CHRONICLE_ENTITY_KIND_COUNTRY, "Peru", 1);

  /* Created from its key: spans the publication day, no label. */
  g_assert_cmpstr (chronicle_event_summary_get_label (summit), ==, NULL);
  g_assert_cmpint (chronicle_event_summary_get_start (summit), ==, T0 + DAY);
  g_assert_cmpint (chronicle_event_summary_get_end (summit), ==, T0 + 2 * DAY);
  g_assert_cmpuint (chronicle_event_summary_get_n_articles (summit), ==, 1);
  g_assert_cmpstrv (chronicle_event_summary_get_sources (summit), alpha_only);
  g_assert_cmpuint (chronicle_event_summary_get_entities (summit)->len, ==, 0);

  entities = chronicle_event_summary_get_entities (election);
  g_assert_cmpuint (entities->len, ==, 1);
  assert_entity (entities, 0, CHRONICLE_ENTITY_KIND_PERSON, "Ben Ode", 1);
}

static void
test_event_articles (Fixture       *fixture,
                     gconstpointer  data)
{
  ChronicleStore *store = fixture->base.store;
  g_autoptr(GAsyncResult) r1 = AWAIT_CALL (chronicle_store_event_articles_async, store,
                                           fixture->quake, NULL);
  g_autoptr(GAsyncResult) r2 = AWAIT_CALL (chronicle_store_event_articles_async, store,
                                           999999, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  ids = chronicle_store_event_articles_finish (store, r1, &error);
  g_assert_no_error (error);
  assert_ids (ids, fixture->a[2], fixture->a[1], (gint64) 0);
  g_clear_pointer (&ids, g_array_unref);

  ids = chronicle_store_event_articles_finish (store, r2, &error);
  g_assert_no_error (error);
  assert_ids (ids, (gint64) 0);
}

/* The list model */

static void
record_cb (GListModel *model,
           guint       position,
           guint       removed,
           guint       added,
           GString    *log)
{
  g_string_append_printf (log, "(%u,%u,%u)", position, removed, added);
}

static void
wait_loaded (ChronicleEventList *list)
{
  /* One turn for the read to start, then until it is done. */
  g_main_context_iteration (NULL, FALSE);
  while (chronicle_event_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_summary (ChronicleEventSummary *summary)
{
  while (!chronicle_event_summary_get_loaded (summary))
    g_main_context_iteration (NULL, TRUE);
}

static void
test_list_model (Fixture       *fixture,
                 gconstpointer  data)
{
  ChronicleStore *store = fixture->base.store;
  g_autoptr(ChronicleEventList) list = chronicle_event_list_new (store, NULL);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(ChronicleEventSummary) first = NULL;
  g_autoptr(ChronicleEventSummary) last = NULL;
  g_autoptr(ChronicleEventSummary) again = NULL;
  g_autoptr(ChronicleQuery) all = chronicle_query_new ();
  g_autoptr(ChronicleQuery) chile = chronicle_query_with_entity_added (all,
                                                                       CHRONICLE_ENTITY_KIND_COUNTRY,
                                                                       "Chile");
  g_autoptr(ChronicleArticle) flood = keyed (fixture->beta, "a6", "Flood", T0 + 4 * DAY, "flood");
  g_autoptr(ChronicleArticle) more = keyed (fixture->beta, "a7", "Quake toll rises", T0 + 7200,
                                            "quake");
  g_autoptr(GArray) ids = NULL;

  g_signal_connect (list, "items-changed", G_CALLBACK (record_cb), log);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == CHRONICLE_TYPE_EVENT_SUMMARY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  wait_loaded (list);
  g_assert_cmpstr (log->str, ==, "(0,0,3)");
  g_assert_cmpint (chronicle_event_list_get_id (list, 0), ==, fixture->election);
  g_assert_cmpint (chronicle_event_list_get_id (list, 2), ==, fixture->quake);
  g_assert_cmpint (chronicle_event_list_get_id (list, 3), ==, 0);
  g_assert_cmpint (chronicle_event_list_find (list, fixture->summit), ==, 1);
  g_assert_cmpint (chronicle_event_list_find (list, 999999), ==, -1);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 3));

  /* get_item never blocks: a placeholder, filled in when its page arrives. */
  last = g_list_model_get_item (G_LIST_MODEL (list), 2);
  g_assert_false (chronicle_event_summary_get_loaded (last));
  g_assert_cmpint (chronicle_event_summary_get_id (last), ==, fixture->quake);
  wait_summary (last);
  g_assert_cmpstr (chronicle_event_summary_get_label (last), ==, "Earthquake in Chile");
  g_assert_cmpuint (chronicle_event_summary_get_n_articles (last), ==, 2);
  /* One object per event. */
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  again = g_list_model_get_item (G_LIST_MODEL (list), 2);
  g_assert_true (again == last);
  g_assert_true (chronicle_event_summary_get_loaded (first));

  /* A new event at the top: one insertion. An article joining a shown event: no list
   * change, but its summary is read again. */
  g_string_truncate (log, 0);
  g_clear_pointer (&ids, g_array_unref);
  ids = upsert_one (store, flood);
  wait_loaded (list);
  g_assert_cmpstr (log->str, ==, "(0,0,1)");
  g_assert_cmpint (chronicle_event_list_get_id (list, 0), ==, event_id (fixture, "flood"));

  g_string_truncate (log, 0);
  g_clear_pointer (&ids, g_array_unref);
  ids = upsert_one (store, more);
  wait_loaded (list);
  while (chronicle_event_summary_get_n_articles (last) != 3)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (log->str, ==, "");

  /* A new query empties the list, then fills it. */
  chronicle_event_list_set_query (list, chile);
  wait_loaded (list);
  g_assert_cmpstr (log->str, ==, "(0,4,0)(0,0,1)");
  g_assert_cmpint (chronicle_event_list_get_id (list, 0), ==, fixture->quake);
  g_assert_true (chronicle_event_list_get_query (list) == chile);
  g_assert_true (chronicle_event_list_get_store (list) == store);

  /* An equal query does nothing. */
  g_string_truncate (log, 0);
  chronicle_event_list_set_query (list, chile);
  g_assert_cmpstr (log->str, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/event-list/events-under-query", Fixture, NULL, fixture_setup,
              test_events_under_query, fixture_teardown);
  g_test_add ("/store/event-list/summaries", Fixture, NULL, fixture_setup, test_summaries,
              fixture_teardown);
  g_test_add ("/store/event-list/event-articles", Fixture, NULL, fixture_setup, test_event_articles,
              fixture_teardown);
  g_test_add ("/store/event-list/list-model", Fixture, NULL, fixture_setup, test_list_model,
              fixture_teardown);

  return g_test_run ();
}
