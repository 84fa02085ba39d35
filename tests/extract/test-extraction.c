/* test-extraction.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "chronicle-extract-error.h"
#include "chronicle-extraction.h"
#include "chronicle-test-utils.h"

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "extract", name, NULL);
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  unsigned int y, m, d;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4u-%2u-%2u", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* ---- Golden articles ----------------------------------------------- */

static gboolean
has_entity (ChronicleExtraction *ex,
            ChronicleEntityKind  kind,
            const char          *text,
            const char          *canonical,
            const char          *country)
{
  const ChronicleEntitySpan *ents;
  guint n = 0;

  ents = chronicle_extraction_get_entities (ex, &n);
  for (guint i = 0; i < n; i++)
    {
      if (ents[i].kind != kind)
        continue;
      if (text != NULL && g_strcmp0 (ents[i].text, text) != 0)
        continue;
      if (canonical != NULL && g_strcmp0 (ents[i].canonical, canonical) != 0)
        continue;
      if (country != NULL && g_strcmp0 (ents[i].country, country) != 0)
        continue;
      return TRUE;
    }
  return FALSE;
}

static JsonArray *
get_array (JsonObject *obj,
           const char *group,
           const char *member)
{
  JsonObject *g;

  if (!json_object_has_member (obj, group))
    return NULL;
  g = json_object_get_object_member (obj, group);
  if (g == NULL || !json_object_has_member (g, member))
    return NULL;
  return json_object_get_array_member (g, member);
}

static void
check_people (ChronicleExtraction *ex,
              JsonObject          *gold)
{
  JsonArray *required = get_array (gold, "persons", "required");
  JsonArray *forbidden = get_array (gold, "persons", "forbidden");
  const ChronicleEntitySpan *ents;
  guint n = 0;

  for (guint i = 0; required != NULL && i < json_array_get_length (required); i++)
    {
      JsonObject *p = json_array_get_object_element (required, i);
      JsonArray *surfaces = json_object_get_array_member (p, "surfaces");
      g_autoptr(GPtrArray) names = g_ptr_array_new ();

      if (json_object_has_member (p, "canonical"))
        g_ptr_array_add (names, (char *) json_object_get_string_member (p, "canonical"));
      else
        {
          JsonArray *any = json_object_get_array_member (p, "canonical_any_of");
          for (guint k = 0; k < json_array_get_length (any); k++)
            g_ptr_array_add (names, (char *) json_array_get_string_element (any, k));
        }

      for (guint s = 0; s < json_array_get_length (surfaces); s++)
        {
          const char *surface = json_array_get_string_element (surfaces, s);
          gboolean found = FALSE;

          for (guint k = 0; k < names->len && !found; k++)
            found = has_entity (ex, CHRONICLE_ENTITY_KIND_PERSON, surface, g_ptr_array_index (names, k), NULL);
          if (!found)
            g_test_message ("person “%s” (%s) not found", surface, (char *) g_ptr_array_index (names, 0));
          g_assert_true (found);
        }
    }

  ents = chronicle_extraction_get_entities (ex, &n);
  for (guint i = 0; forbidden != NULL && i < json_array_get_length (forbidden); i++)
    {
      const char *bad = json_array_get_string_element (forbidden, i);

      for (guint k = 0; k < n; k++)
        if (ents[k].kind == CHRONICLE_ENTITY_KIND_PERSON)
          {
            if (g_strcmp0 (ents[k].text, bad) == 0 || g_strcmp0 (ents[k].canonical, bad) == 0)
              g_test_message ("“%s” is not a person", bad);
            g_assert_cmpstr (ents[k].text, !=, bad);
            g_assert_cmpstr (ents[k].canonical, !=, bad);
          }
    }
}

static void
check_countries (ChronicleExtraction *ex,
                 JsonObject          *gold)
{
  JsonArray *required = get_array (gold, "countries", "required");
  JsonArray *forbidden = get_array (gold, "countries", "forbidden");
  JsonObject *countries = json_object_has_member (gold, "countries")
                          ? json_object_get_object_member (gold, "countries") : NULL;

  for (guint i = 0; required != NULL && i < json_array_get_length (required); i++)
    {
      const char *code = json_array_get_string_element (required, i);

      if (!has_entity (ex, CHRONICLE_ENTITY_KIND_COUNTRY, NULL, NULL, code))
        g_test_message ("country %s not found", code);
      g_assert_true (has_entity (ex, CHRONICLE_ENTITY_KIND_COUNTRY, NULL, NULL, code));
    }
  for (guint i = 0; forbidden != NULL && i < json_array_get_length (forbidden); i++)
    {
      const char *code = json_array_get_string_element (forbidden, i);

      if (has_entity (ex, CHRONICLE_ENTITY_KIND_COUNTRY, NULL, NULL, code))
        g_test_message ("country %s found but not named", code);
      g_assert_false (has_entity (ex, CHRONICLE_ENTITY_KIND_COUNTRY, NULL, NULL, code));
    }

  if (countries != NULL && json_object_has_member (countries, "surfaces") && required != NULL)
    {
      JsonObject *surfaces = json_object_get_object_member (countries, "surfaces");

      for (guint i = 0; i < json_array_get_length (required); i++)
        {
          const char *code = json_array_get_string_element (required, i);
          JsonArray *list;

          if (!json_object_has_member (surfaces, code))
            continue;
          list = json_object_get_array_member (surfaces, code);
          for (guint k = 0; k < json_array_get_length (list); k++)
            {
              const char *s = json_array_get_string_element (list, k);

              if (!has_entity (ex, CHRONICLE_ENTITY_KIND_COUNTRY, s, NULL, code))
                g_test_message ("country surface “%s” (%s) not found", s, code);
              g_assert_true (has_entity (ex, CHRONICLE_ENTITY_KIND_COUNTRY, s, NULL, code));
            }
        }
    }
}

static void
check_places (ChronicleExtraction *ex,
              JsonObject          *gold)
{
  JsonArray *required = get_array (gold, "places", "required");

  for (guint i = 0; required != NULL && i < json_array_get_length (required); i++)
    {
      JsonObject *p = json_array_get_object_element (required, i);
      const char *name = json_object_get_string_member (p, "name");
      const char *country = json_object_get_string_member (p, "country");

      if (!has_entity (ex, CHRONICLE_ENTITY_KIND_PLACE, name, NULL, country))
        g_test_message ("place “%s” (%s) not found", name, country);
      g_assert_true (has_entity (ex, CHRONICLE_ENTITY_KIND_PLACE, name, NULL, country));
    }
}

static void
check_organizations (ChronicleExtraction *ex,
                     JsonObject          *gold)
{
  JsonArray *required = get_array (gold, "organizations", "required");

  for (guint i = 0; required != NULL && i < json_array_get_length (required); i++)
    {
      JsonObject *o = json_array_get_object_element (required, i);
      const char *canonical = json_object_get_string_member (o, "canonical");
      JsonArray *aliases = json_object_has_member (o, "aliases")
                           ? json_object_get_array_member (o, "aliases") : NULL;

      if (!has_entity (ex, CHRONICLE_ENTITY_KIND_ORGANIZATION, canonical, canonical, NULL))
        g_test_message ("organisation “%s” not found", canonical);
      g_assert_true (has_entity (ex, CHRONICLE_ENTITY_KIND_ORGANIZATION, canonical, canonical, NULL));
      for (guint k = 0; aliases != NULL && k < json_array_get_length (aliases); k++)
        {
          const char *alias = json_array_get_string_element (aliases, k);

          if (!has_entity (ex, CHRONICLE_ENTITY_KIND_ORGANIZATION, alias, canonical, NULL))
            g_test_message ("alias “%s” of “%s” not found", alias, canonical);
          g_assert_true (has_entity (ex, CHRONICLE_ENTITY_KIND_ORGANIZATION, alias, canonical, NULL));
        }
    }
}

static void
check_timexes (ChronicleExtraction *ex,
               JsonObject          *gold)
{
  JsonArray *required = get_array (gold, "time_expressions", "required");
  const ChronicleTimex *tims;
  guint n = 0;

  tims = chronicle_extraction_get_timexes (ex, &n);
  for (guint i = 0; required != NULL && i < json_array_get_length (required); i++)
    {
      JsonObject *t = json_array_get_object_element (required, i);
      const char *text = json_object_get_string_member (t, "text");
      const char *value = json_object_get_string_member (t, "value");
      gint64 want = json_object_has_member (t, "occurrences")
                    ? json_object_get_int_member (t, "occurrences") : 1;
      gint64 found = 0;

      for (guint k = 0; k < n; k++)
        if (g_strcmp0 (tims[k].text, text) == 0 && g_strcmp0 (tims[k].value, value) == 0)
          found++;
      if (found < want)
        g_test_message ("time expression “%s” = %s found %" G_GINT64_FORMAT " times", text, value, found);
      g_assert_cmpint (found, >=, want);
    }
}

static void
test_golden (gconstpointer data)
{
  const char *gold_name = data;
  g_autofree char *gold_path = data_path (gold_name);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleExtraction) ex = NULL;
  g_autofree char *doc_path = NULL;
  g_autofree char *text = NULL;
  JsonObject *gold;
  GDate ref;
  gsize len = 0;

  json_parser_load_from_file (parser, gold_path, &error);
  g_assert_no_error (error);
  gold = json_node_get_object (json_parser_get_root (parser));
  doc_path = data_path (json_object_get_string_member (gold, "document"));
  g_file_get_contents (doc_path, &text, &len, &error);
  g_assert_no_error (error);

  g_date_clear (&ref, 1);
  if (json_object_has_member (gold, "inferred_publication_date"))
    {
      JsonObject *inferred = json_object_get_object_member (gold, "inferred_publication_date");
      g_autofree char *got = NULL;

      ex = chronicle_extract (text, len, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (chronicle_extraction_get_reference_date (ex));
      g_assert_true (chronicle_extraction_get_reference_date_inferred (ex));
      got = format_date (chronicle_extraction_get_reference_date (ex));
      g_assert_cmpstr (got, ==, json_object_get_string_member (inferred, "value"));
    }
  else
    {
      JsonObject *t = json_object_get_object_member (gold, "time_expressions");

      g_assert_true (parse_date (json_object_get_string_member (t, "reference_date"), &ref));
      ex = chronicle_extract (text, len, &ref, &error);
      g_assert_no_error (error);
      g_assert_false (chronicle_extraction_get_reference_date_inferred (ex));
    }

  check_people (ex, gold);
  check_countries (ex, gold);
  check_places (ex, gold);
  check_organizations (ex, gold);
  check_timexes (ex, gold);
}

/* ---- Time expressions, one sentence each --------------------------- */

static void
test_timex_table (void)
{
  g_autofree char *path = data_path ("timexes.tsv");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint checked = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      g_autoptr(ChronicleExtraction) ex = NULL;
      const ChronicleTimex *tims;
      GDate ref;
      guint n = 0;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      f = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (f), ==, 5);
      g_assert_true (parse_date (f[0], &ref));

      ex = chronicle_extract (f[1], -1, &ref, &error);
      g_assert_no_error (error);
      tims = chronicle_extraction_get_timexes (ex, &n);
      g_test_message ("%s", f[1]);
      if (strcmp (f[2], "-") == 0)
        {
          g_assert_cmpuint (n, ==, 0);
        }
      else
        {
          g_assert_cmpuint (n, ==, 1);
          g_assert_cmpstr (tims[0].text, ==, f[2]);
          g_assert_cmpstr (chronicle_timex_type_to_string (tims[0].type), ==, f[3]);
          g_assert_cmpstr (tims[0].value, ==, f[4]);
        }
      checked++;
    }
  g_assert_cmpuint (checked, >, 20);
}

static void
test_timex_resolution (void)
{
  g_autoptr(ChronicleExtraction) ex = NULL;
  g_autoptr(GError) error = NULL;
  const ChronicleTimex *t;
  GDate ref;
  guint n = 0;

  g_date_clear (&ref, 1);
  g_date_set_dmy (&ref, 15, 12, 2015);
  ex = chronicle_extract ("The meeting is planned for Friday. It was agreed last month.", -1, &ref, &error);
  g_assert_no_error (error);
  t = chronicle_extraction_get_timexes (ex, &n);
  g_assert_cmpuint (n, ==, 2);

  g_assert_cmpint (t[0].granularity, ==, CHRONICLE_TIMEX_GRANULARITY_DAY);
  g_assert_cmpint (t[0].tense, ==, CHRONICLE_TENSE_FUTURE);
  g_assert_cmpint (g_date_get_day (&t[0].first_day), ==, 18);

  g_assert_cmpstr (t[1].value, ==, "2015-11");
  g_assert_cmpint (t[1].granularity, ==, CHRONICLE_TIMEX_GRANULARITY_MONTH);
  g_assert_cmpint (t[1].tense, ==, CHRONICLE_TENSE_PAST);
  g_assert_cmpint (g_date_get_day (&t[1].first_day), ==, 1);
  g_assert_cmpint (g_date_get_day (&t[1].last_day), ==, 30);
}

static void
test_timex_anaphora (void)
{
  g_autoptr(ChronicleExtraction) ex = NULL;
  g_autoptr(GError) error = NULL;
  const ChronicleTimex *t;
  GDate ref;
  guint n = 0;

  g_date_clear (&ref, 1);
  g_date_set_dmy (&ref, 15, 12, 2015);
  ex = chronicle_extract ("The plant opened in 1995. The following year, it closed. "
                          "On March 3, 2001 they met; the next day they left. Next year it reopens.",
                          -1, &ref, &error);
  g_assert_no_error (error);
  t = chronicle_extraction_get_timexes (ex, &n);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpstr (t[1].value, ==, "1996");
  g_assert_cmpstr (t[3].value, ==, "2001-03-04");
  /* "Next year" without "the" counts from the publication date. */
  g_assert_cmpstr (t[4].value, ==, "2016");
}

static void
test_no_reference (void)
{
  g_autoptr(ChronicleExtraction) ex = NULL;
  g_autoptr(GError) error = NULL;
  const ChronicleTimex *t;
  guint n = 0;

  ex = chronicle_extract ("Talks took place on May 12 and again on Friday.", -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (chronicle_extraction_get_reference_date (ex));
  g_assert_false (chronicle_extraction_get_reference_date_inferred (ex));
  t = chronicle_extraction_get_timexes (ex, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (t[0].value, ==, "XXXX-05-12");
  g_assert_false (g_date_valid (&t[0].first_day));
}

/* ---- Entities ------------------------------------------------------ */

static void
test_code_points (void)
{
  const char *text = "Çağlar said Ángela Müller met officials in Zürich and São Paulo on Friday.";
  g_autoptr(ChronicleExtraction) ex = NULL;
  g_autoptr(GError) error = NULL;
  const ChronicleEntitySpan *ents;
  const ChronicleTimex *tims;
  guint n = 0;

  ex = chronicle_extract (text, -1, NULL, &error);
  g_assert_no_error (error);
  ents = chronicle_extraction_get_entities (ex, &n);
  g_assert_cmpuint (n, >=, 2);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *sub = g_utf8_substring (text, ents[i].start, ents[i].end);
      g_assert_cmpstr (sub, ==, ents[i].text);
    }
  g_assert_true (has_entity (ex, CHRONICLE_ENTITY_KIND_PLACE, "Zürich", NULL, "CH"));
  g_assert_true (has_entity (ex, CHRONICLE_ENTITY_KIND_PLACE, "São Paulo", NULL, "BR"));

  tims = chronicle_extraction_get_timexes (ex, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (tims[0].start, ==, g_utf8_strlen (text, strstr (text, "Friday") - text));
  g_assert_cmpuint (tims[0].end - tims[0].start, ==, 6);
}

static void
test_case_rules (void)
{
  g_autoptr(ChronicleExtraction) ex = NULL;
  g_autoptr(GError) error = NULL;

  ex = chronicle_extract ("Let us go. IT IS NO use; IN the US and the U.K., AT least.", -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (has_entity (ex, CHRONICLE_ENTITY_KIND_COUNTRY, "US", "United States", "US"));
  g_assert_true (has_entity (ex, CHRONICLE_ENTITY_KIND_COUNTRY, "U.K.", NULL, "GB"));
  g_assert_false (has_entity (ex, CHRONICLE_ENTITY_KIND_COUNTRY, NULL, NULL, "IT"));
  g_assert_false (has_entity (ex, CHRONICLE_ENTITY_KIND_COUNTRY, NULL, NULL, "IN"));
  g_assert_false (has_entity (ex, CHRONICLE_ENTITY_KIND_COUNTRY, NULL, NULL, "NO"));
  g_assert_false (has_entity (ex, CHRONICLE_ENTITY_KIND_COUNTRY, NULL, NULL, "AT"));
}

static void
test_ambiguous_place (void)
{
  g_autoptr(ChronicleExtraction) texas = NULL;
  g_autoptr(ChronicleExtraction) france = NULL;
  g_autoptr(GError) error = NULL;

  texas = chronicle_extract ("The fair opened in Paris, Texas, on Saturday.", -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (has_entity (texas, CHRONICLE_ENTITY_KIND_PLACE, "Paris", NULL, "US"));

  france = chronicle_extract ("French officials met in Paris.", -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (has_entity (france, CHRONICLE_ENTITY_KIND_PLACE, "Paris", NULL, "FR"));
}

static void
test_coreference (void)
{
  g_autoptr(ChronicleExtraction) ex = NULL;
  g_autoptr(GError) error = NULL;

  ex = chronicle_extract ("Opposition leader Maria Kowalczyk spoke on Monday. "
                          "Kowalczyk said the vote was unfair, and Ms Kowalczyk promised an appeal.",
                          -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (has_entity (ex, CHRONICLE_ENTITY_KIND_PERSON, "Maria Kowalczyk", "Maria Kowalczyk", NULL));
  g_assert_true (has_entity (ex, CHRONICLE_ENTITY_KIND_PERSON, "Kowalczyk", "Maria Kowalczyk", NULL));
  g_assert_true (has_entity (ex, CHRONICLE_ENTITY_KIND_PERSON, "Ms Kowalczyk", "Maria Kowalczyk", NULL));
}

/* ---- Robustness ---------------------------------------------------- */

static guint
count_all (ChronicleExtraction *ex)
{
  guint a = 0, b = 0;

  chronicle_extraction_get_entities (ex, &a);
  chronicle_extraction_get_timexes (ex, &b);
  return a + b;
}

static void
test_hostile_input (void)
{
  static const char invalid[] = "Kerry\xff\xfe met \xc3 Lavrov in Mos\x80" "cow on \xe2\x82 Tuesday";
  static const char nuls[] = "John Kerry\0 met\0\0Putin in Moscow on December 15, 2015\0";
  g_autoptr(GError) error = NULL;
  ChronicleExtraction *ex;
  GString *big;

  ex = chronicle_extract ("", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_all (ex), ==, 0);
  chronicle_extraction_unref (ex);

  ex = chronicle_extract (invalid, sizeof invalid - 1, NULL, &error);
  g_assert_no_error (error);
  {
    const ChronicleEntitySpan *ents;
    guint n = 0;

    ents = chronicle_extraction_get_entities (ex, &n);
    for (guint i = 0; i < n; i++)
      g_assert_true (g_utf8_validate (ents[i].text, -1, NULL));
  }
  chronicle_extraction_unref (ex);

  ex = chronicle_extract (nuls, sizeof nuls - 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (has_entity (ex, CHRONICLE_ENTITY_KIND_PLACE, "Moscow", NULL, "RU"));
  g_assert_nonnull (chronicle_extraction_get_reference_date (ex));
  chronicle_extraction_unref (ex);

  /* 10 MB without a line break, then runs of punctuation and of capitals. */
  big = g_string_sized_new (10 * 1024 * 1024 + 64);
  while (big->len < 10 * 1024 * 1024)
    g_string_append (big, "Kerry met Lavrov in Moscow on Tuesday, December 15, 2015, as planned for Friday; ");
  ex = chronicle_extract (big->str, big->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_all (ex), >, 100000);
  {
    GDate day;

    g_assert_true (chronicle_extraction_get_event_date (ex, &day));
    g_assert_cmpint (g_date_get_day (&day), ==, 15);
  }
  chronicle_extraction_unref (ex);

  g_string_truncate (big, 0);
  while (big->len < 4 * 1024 * 1024)
    g_string_append (big, "!?.(((\"“”’'-");
  ex = chronicle_extract (big->str, big->len, NULL, &error);
  g_assert_no_error (error);
  chronicle_extraction_unref (ex);

  g_string_truncate (big, 0);
  while (big->len < 2 * 1024 * 1024)
    g_string_append (big, "A B C D E F G H I J Ab Cd Ef Gh Ij Mr Dr. King Army Ministry of ");
  ex = chronicle_extract (big->str, big->len, NULL, &error);
  g_assert_no_error (error);
  chronicle_extraction_unref (ex);
  g_string_free (big, TRUE);
}

/* Every rule at the very first token and at the very last one. */
static void
test_edges (void)
{
  g_autofree char *path = data_path ("edge-cases.txt");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      ChronicleExtraction *ex;

      if (lines[i][0] == '#')
        continue;
      ex = chronicle_extract (lines[i], -1, NULL, &error);
      g_assert_no_error (error);
      chronicle_extraction_unref (ex);
      /* Without its last byte too: the text need not end with a NUL. */
      if (lines[i][0] != '\0')
        {
          ex = chronicle_extract (lines[i], strlen (lines[i]) - 1, NULL, &error);
          g_assert_no_error (error);
          chronicle_extraction_unref (ex);
        }
    }
}

static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;
  gsize size = CHRONICLE_EXTRACT_MAX_LENGTH + 1;
  g_autofree char *text = g_malloc0 (size);
  ChronicleExtraction *ex;

  ex = chronicle_extract (text, size, NULL, &error);
  g_assert_null (ex);
  g_assert_error (error, CHRONICLE_EXTRACT_ERROR, CHRONICLE_EXTRACT_ERROR_TOO_LARGE);
}

/* ---- Threads ------------------------------------------------------- */

typedef struct {
  const char *text;
  gsize       len;
  guint       expected;
  gint        failures;
} ThreadData;

static gpointer
extract_thread (gpointer data)
{
  ThreadData *td = data;

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(ChronicleExtraction) ex = chronicle_extract (td->text, td->len, NULL, NULL);

      if (ex == NULL || count_all (ex) != td->expected)
        g_atomic_int_inc (&td->failures);
    }
  return NULL;
}

static void
test_threads (void)
{
  g_autofree char *path = data_path ("seed-article.txt");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleExtraction) ex = NULL;
  ThreadData td = { 0 };
  GThread *threads[4];

  g_file_get_contents (path, &text, &td.len, &error);
  g_assert_no_error (error);
  td.text = text;
  ex = chronicle_extract (text, td.len, NULL, &error);
  td.expected = count_all (ex);

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("extract", extract_thread, &td);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  g_assert_cmpint (td.failures, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autoptr(GDir) d = NULL;
  const char *name;

  g_test_init (&argc, &argv, NULL);

  dir = g_test_build_filename (G_TEST_DIST, "data", "extract", NULL);
  d = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".gold.json"))
      {
        g_autofree char *test = g_strdup_printf ("/extract/golden/%s", name);
        g_test_add_data_func_full (test, g_strdup (name), test_golden, g_free);
      }

  g_test_add_func ("/extract/timex/table", test_timex_table);
  g_test_add_func ("/extract/timex/resolution", test_timex_resolution);
  g_test_add_func ("/extract/timex/anaphora", test_timex_anaphora);
  g_test_add_func ("/extract/timex/no-reference", test_no_reference);
  g_test_add_func ("/extract/entities/code-points", test_code_points);
  g_test_add_func ("/extract/entities/case-rules", test_case_rules);
  g_test_add_func ("/extract/entities/ambiguous-place", test_ambiguous_place);
  g_test_add_func ("/extract/entities/coreference", test_coreference);
  g_test_add_func ("/extract/robustness/hostile-input", test_hostile_input);
  g_test_add_func ("/extract/robustness/edges", test_edges);
  g_test_add_func ("/extract/robustness/too-large", test_too_large);
  g_test_add_func ("/extract/threads", test_threads);

  return g_test_run ();
}
