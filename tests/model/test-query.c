/* test-query.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "chronicle-model-enums.h"
#include "chronicle-query.h"

static ChronicleQuery *
make_rich_query (void)
{
  const char *countries[] = { "Germany", "France", "Germany", " ", NULL };
  const char *people[] = { "Emmanuel Macron", NULL };
  const gint64 sources[] = { 9, 3, 3 };
  g_autoptr(ChronicleQuery) q0 = chronicle_query_new ();
  g_autoptr(ChronicleQuery) q1 = chronicle_query_with_entities (q0, CHRONICLE_ENTITY_KIND_COUNTRY,
                                                                countries);
  g_autoptr(ChronicleQuery) q2 = chronicle_query_with_entities (q1, CHRONICLE_ENTITY_KIND_PERSON,
                                                                people);
  g_autoptr(ChronicleQuery) q3 = chronicle_query_with_sources (q2, sources, 3);
  g_autoptr(ChronicleQuery) q4 = chronicle_query_with_date_range (q3, 1700000000, 1710000000);
  g_autoptr(ChronicleQuery) q5 = chronicle_query_with_text (q4, "  \"climate summit\" & co=2 ");
  g_autoptr(ChronicleQuery) q6 = chronicle_query_with_unread_only (q5, TRUE);

  return chronicle_query_with_sort (q6, CHRONICLE_QUERY_SORT_EVENT_DATE);
}

static void
test_empty (void)
{
  g_autoptr(ChronicleQuery) q = chronicle_query_new ();
  g_autofree char *str = chronicle_query_to_string (q);
  guint n = 99;

  g_assert_true (chronicle_query_is_all (q));
  g_assert_cmpstr (str, ==, "v=1");
  g_assert_cmpint (chronicle_query_get_from (q), ==, 0);
  g_assert_cmpint (chronicle_query_get_to (q), ==, 0);
  g_assert_null (chronicle_query_get_text (q));
  g_assert_nonnull (chronicle_query_get_entities (q, CHRONICLE_ENTITY_KIND_PLACE));
  g_assert_null (chronicle_query_get_entities (q, CHRONICLE_ENTITY_KIND_PLACE)[0]);
  chronicle_query_get_sources (q, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (chronicle_query_get_sort (q), ==, CHRONICLE_QUERY_SORT_PUBLISHED);
}

static void
test_normalised (void)
{
  g_autoptr(ChronicleQuery) q = make_rich_query ();
  const char * const *countries = chronicle_query_get_entities (q, CHRONICLE_ENTITY_KIND_COUNTRY);
  const gint64 *sources;
  guint n = 0;

  /* Sorted, deduplicated, blanks dropped; text trimmed. */
  g_assert_cmpuint (g_strv_length ((char **) countries), ==, 2);
  g_assert_cmpstr (countries[0], ==, "France");
  g_assert_cmpstr (countries[1], ==, "Germany");
  sources = chronicle_query_get_sources (q, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (sources[0], ==, 3);
  g_assert_cmpint (sources[1], ==, 9);
  g_assert_cmpstr (chronicle_query_get_text (q), ==, "\"climate summit\" & co=2");
  g_assert_cmpuint (chronicle_query_get_n_entity_facets (q), ==, 2);
  g_assert_false (chronicle_query_is_all (q));
  g_assert_true (chronicle_query_get_unread_only (q));
  g_assert_false (chronicle_query_get_starred_only (q));
}

static void
test_immutable (void)
{
  g_autoptr(ChronicleQuery) q = chronicle_query_new ();
  g_autoptr(ChronicleQuery) q2 = chronicle_query_with_entity_added (q, CHRONICLE_ENTITY_KIND_PLACE,
                                                                    "Paris");
  g_autoptr(ChronicleQuery) q3 = chronicle_query_with_entity_added (q2,
                                                                    CHRONICLE_ENTITY_KIND_PLACE,
                                                                    "Lyon");
  g_autoptr(ChronicleQuery) q4 = chronicle_query_with_entity_removed (q3,
                                                                      CHRONICLE_ENTITY_KIND_PLACE,
                                                                      "Lyon");

  g_assert_true (q != q2);
  g_assert_null (chronicle_query_get_entities (q, CHRONICLE_ENTITY_KIND_PLACE)[0]);
  g_assert_cmpstr (chronicle_query_get_entities (q3, CHRONICLE_ENTITY_KIND_PLACE)[0], ==, "Lyon");
  g_assert_cmpstr (chronicle_query_get_entities (q3, CHRONICLE_ENTITY_KIND_PLACE)[1], ==, "Paris");
  g_assert_true (chronicle_query_equal (q2, q4));
  g_assert_cmpuint (chronicle_query_hash (q2), ==, chronicle_query_hash (q4));
  g_assert_false (chronicle_query_equal (q2, q3));
}

static void
test_equal_hash (void)
{
  g_autoptr(ChronicleQuery) a = make_rich_query ();
  g_autoptr(ChronicleQuery) b = make_rich_query ();
  g_autoptr(ChronicleQuery) c = chronicle_query_with_starred_only (a, TRUE);
  g_autoptr(ChronicleQuery) d = chronicle_query_with_sort (a, CHRONICLE_QUERY_SORT_PUBLISHED);
  g_autoptr(ChronicleQuery) e = chronicle_query_with_text (a, NULL);
  g_autoptr(GHashTable) set = g_hash_table_new (chronicle_query_hash, chronicle_query_equal);

  g_assert_true (chronicle_query_equal (a, b));
  g_assert_cmpuint (chronicle_query_hash (a), ==, chronicle_query_hash (b));
  g_assert_false (chronicle_query_equal (a, c));
  g_assert_false (chronicle_query_equal (a, d));
  g_assert_false (chronicle_query_equal (a, e));
  g_assert_false (chronicle_query_equal (a, NULL));

  g_hash_table_add (set, a);
  g_assert_true (g_hash_table_contains (set, b));
  g_assert_false (g_hash_table_contains (set, c));
}

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleQuery) a = make_rich_query ();
  g_autoptr(ChronicleQuery) b = NULL;
  g_autoptr(ChronicleQuery) empty = NULL;
  g_autofree char *str = chronicle_query_to_string (a);
  g_autofree char *str2 = NULL;

  b = chronicle_query_new_from_string (str, &error);
  g_assert_no_error (error);
  g_assert_true (chronicle_query_equal (a, b));
  str2 = chronicle_query_to_string (b);
  g_assert_cmpstr (str, ==, str2);
  /* Reserved characters in values are escaped. */
  g_assert_null (strstr (str, "co=2"));
  g_assert_nonnull (strstr (str, "&sort=event"));

  empty = chronicle_query_new_from_string ("", &error);
  g_assert_no_error (error);
  g_assert_true (chronicle_query_is_all (empty));
}

static void
test_from_string_golden (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "queries.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_good = 0, n_bad = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);

  /* Each line: "ok <string> <canonical>" or "bad <string>". */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;
      g_autoptr(ChronicleQuery) q = NULL;
      g_autoptr(GError) local_error = NULL;

      if (*lines[i] == '\0' || *lines[i] == '#')
        continue;
      parts = g_strsplit (lines[i], " ", 3);
      q = chronicle_query_new_from_string (parts[1], &local_error);
      if (g_str_equal (parts[0], "ok"))
        {
          g_autofree char *canonical = NULL;

          g_assert_no_error (local_error);
          canonical = chronicle_query_to_string (q);
          g_assert_cmpstr (canonical, ==, parts[2]);
          n_good++;
        }
      else
        {
          g_assert_error (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
          g_assert_null (q);
          n_bad++;
        }
    }

  g_assert_cmpuint (n_good, >=, 3);
  g_assert_cmpuint (n_bad, >=, 3);
}

static void
test_properties (void)
{
  g_autoptr(ChronicleQuery) q = make_rich_query ();
  g_autofree char *text = NULL;
  gint64 from = 0;
  ChronicleQuerySort sort = 0;

  g_object_get (q, "text", &text, "from", &from, "sort", &sort, NULL);
  g_assert_cmpstr (text, ==, chronicle_query_get_text (q));
  g_assert_cmpint (from, ==, 1700000000);
  g_assert_cmpint (sort, ==, CHRONICLE_QUERY_SORT_EVENT_DATE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/query/empty", test_empty);
  g_test_add_func ("/model/query/normalised", test_normalised);
  g_test_add_func ("/model/query/immutable", test_immutable);
  g_test_add_func ("/model/query/equal-hash", test_equal_hash);
  g_test_add_func ("/model/query/round-trip", test_round_trip);
  g_test_add_func ("/model/query/from-string-golden", test_from_string_golden);
  g_test_add_func ("/model/query/properties", test_properties);

  return g_test_run ();
}
