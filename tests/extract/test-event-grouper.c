/* test-event-grouper.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "chronicle-event-grouper.h"
#include "chronicle-test-utils.h"

static char *
event_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "extract", "events", name, NULL);
}

static gboolean
strv_has (char       **strv,
          const char  *s)
{
  return strv != NULL && g_strv_contains ((const char * const *) strv, s);
}

static void
test_grouping (void)
{
  g_autoptr(ChronicleEventGrouper) grouper = chronicle_event_grouper_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *manifest = event_path ("events.json");
  g_autoptr(GHashTable) by_letter = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(ChronicleGroupedEvent) event = NULL;
  JsonArray *articles;
  guint64 kerry_id = 0;

  json_parser_load_from_file (parser, manifest, &error);
  g_assert_no_error (error);
  articles = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "articles");

  for (guint i = 0; i < json_array_get_length (articles); i++)
    {
      JsonObject *a = json_array_get_object_element (articles, i);
      g_autofree char *path = event_path (json_object_get_string_member (a, "file"));
      g_autofree char *text = NULL;
      g_autoptr(ChronicleExtraction) ex = NULL;
      const char *letter = json_object_get_string_member (a, "event");
      unsigned int y, m, d;
      GDate date, event_date;
      guint64 id;
      gpointer seen;

      g_file_get_contents (path, &text, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (sscanf (json_object_get_string_member (a, "date"), "%4u-%2u-%2u", &y, &m, &d), ==, 3);
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, d, m, y);

      ex = chronicle_extract (text, -1, &date, &error);
      g_assert_no_error (error);
      g_assert_true (chronicle_extraction_get_event_date (ex, &event_date));
      id = chronicle_event_grouper_add (grouper, json_object_get_string_member (a, "title"), &event_date, ex);
      g_assert_cmpuint (id, >, 0);

      seen = g_hash_table_lookup (by_letter, letter);
      if (seen != NULL)
        g_assert_cmpuint (GPOINTER_TO_SIZE (seen), ==, id);
      else
        {
          GHashTableIter iter;
          gpointer v;

          /* A new letter must get an event no other letter has. */
          g_hash_table_iter_init (&iter, by_letter);
          while (g_hash_table_iter_next (&iter, NULL, &v))
            g_assert_cmpuint (GPOINTER_TO_SIZE (v), !=, id);
          g_hash_table_insert (by_letter, g_strdup (letter), GSIZE_TO_POINTER (id));
        }
      if (strcmp (letter, "A") == 0)
        kerry_id = id;
    }

  g_assert_cmpuint (chronicle_event_grouper_get_n_events (grouper), ==, 3);

  event = chronicle_event_grouper_get_event (grouper, kerry_id);
  g_assert_nonnull (event);
  g_assert_cmpuint (event->n_articles, ==, 3);
  g_assert_cmpstr (event->label, ==, "Kerry in Moscow for talks with Lavrov on Syria");
  g_assert_cmpint (g_date_get_year (&event->date), ==, 2015);
  g_assert_cmpint (g_date_get_month (&event->date), ==, 12);
  g_assert_cmpint (g_date_get_day (&event->date), ==, 15);
  g_assert_true (strv_has (event->people, "John Kerry"));
  g_assert_true (strv_has (event->people, "Sergei Lavrov"));
  g_assert_true (strv_has (event->places, "Moscow"));
  g_assert_true (strv_has (event->countries, "RU"));

  g_assert_null (chronicle_event_grouper_get_event (grouper, 9999));
}

/* The seed's gold file describes its event: date, participants, place, countries. */
static void
test_seed_event (void)
{
  g_autoptr(ChronicleEventGrouper) grouper = chronicle_event_grouper_new ();
  g_autoptr(ChronicleExtraction) ex = NULL;
  g_autoptr(ChronicleGroupedEvent) event = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "extract", "seed-article.txt", NULL);
  g_autofree char *gold_path = g_test_build_filename (G_TEST_DIST, "data", "extract", "seed-article.gold.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;
  JsonObject *gold;
  JsonArray *list;
  GDate day;
  guint64 id;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  json_parser_load_from_file (parser, gold_path, &error);
  g_assert_no_error (error);
  gold = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "event");

  ex = chronicle_extract (text, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (chronicle_extraction_get_event_date (ex, &day));
  id = chronicle_event_grouper_add (grouper, "Kerry, Lavrov to Agree List of Terrorist Organizations During Moscow Talks",
                                    &day, ex);
  event = chronicle_event_grouper_get_event (grouper, id);

  date = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&event->date), g_date_get_month (&event->date),
                          g_date_get_day (&event->date));
  g_assert_cmpstr (date, ==, json_object_get_string_member (gold, "date"));
  g_assert_true (strv_has (event->places, json_object_get_string_member (gold, "place")));

  list = json_object_get_array_member (gold, "countries");
  for (guint i = 0; i < json_array_get_length (list); i++)
    g_assert_true (strv_has (event->countries, json_array_get_string_element (list, i)));

  /* "Putin" in the gold file; the extractor knows him as Vladimir Putin. */
  list = json_object_get_array_member (gold, "participants");
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      const char *who = json_array_get_string_element (list, i);
      gboolean found = FALSE;

      for (guint k = 0; event->people[k] != NULL; k++)
        found = found || g_str_has_suffix (event->people[k], who);
      g_assert_true (found);
    }
}

static void
test_empty_articles (void)
{
  g_autoptr(ChronicleEventGrouper) grouper = chronicle_event_grouper_new ();
  guint64 a, b;

  /* No title, no date, no extraction: each is its own event. */
  a = chronicle_event_grouper_add (grouper, NULL, NULL, NULL);
  b = chronicle_event_grouper_add (grouper, NULL, NULL, NULL);
  g_assert_cmpuint (a, !=, b);
  g_assert_cmpuint (chronicle_event_grouper_get_n_events (grouper), ==, 2);
}

static void
test_restore (void)
{
  g_autoptr(ChronicleEventGrouper) grouper = chronicle_event_grouper_new ();
  g_autoptr(ChronicleExtraction) ex = NULL;
  g_autoptr(ChronicleGroupedEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  GDate day, later;
  guint64 id;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 15, 12, 2015);
  ex = chronicle_extract ("John Kerry met Sergei Lavrov in Moscow on Tuesday.", -1, &day, &error);
  g_assert_no_error (error);

  /* After a restart: the stored event 41 comes back with its article. */
  chronicle_event_grouper_restore (grouper, 41, "Kerry meets Lavrov in Moscow", &day, ex);
  id = chronicle_event_grouper_add (grouper, "Kerry and Lavrov talk in Moscow", &day, ex);
  g_assert_cmpuint (id, ==, 41);
  event = chronicle_event_grouper_get_event (grouper, 41);
  g_assert_cmpuint (event->n_articles, ==, 2);

  /* A new story gets an id above the restored ones. */
  id = chronicle_event_grouper_add (grouper, "Floods in Chennai", &day, NULL);
  g_assert_cmpuint (id, ==, 42);

  g_date_clear (&later, 1);
  g_date_set_dmy (&later, 1, 2, 2016);
  g_assert_cmpuint (chronicle_event_grouper_forget_before (grouper, &later), ==, 2);
  g_assert_cmpuint (chronicle_event_grouper_get_n_events (grouper), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/extract/events/grouping", test_grouping);
  g_test_add_func ("/extract/events/seed", test_seed_event);
  g_test_add_func ("/extract/events/empty", test_empty_articles);
  g_test_add_func ("/extract/events/restore", test_restore);

  return g_test_run ();
}
