/* test-cli-extract.c: `chronicle-cli extract`
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "chronicle-test-utils.h"

static const char *
cli_path (void)
{
  const char *path = g_getenv ("CHRONICLE_CLI");

  g_assert_nonnull (path);
  return path;
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "extract", name, NULL);
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *line)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, line, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static gboolean
has_entity (JsonObject *obj,
            const char *type,
            const char *text,
            const char *canonical)
{
  JsonArray *ents = json_object_get_array_member (obj, "entities");

  for (guint i = 0; i < json_array_get_length (ents); i++)
    {
      JsonObject *e = json_array_get_object_element (ents, i);

      if (g_strcmp0 (json_object_get_string_member (e, "type"), type) == 0 &&
          g_strcmp0 (json_object_get_string_member (e, "text"), text) == 0 &&
          (canonical == NULL || g_strcmp0 (json_object_get_string_member (e, "canonical"), canonical) == 0))
        return TRUE;
    }
  return FALSE;
}

static void
test_document (void)
{
  g_autofree char *path = data_path ("seed-article.txt");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *argv[] = { cli_path (), "extract", path, NULL };
  JsonObject *obj;
  JsonArray *ents;

  g_assert_cmpint (chronicle_test_spawn (argv, NULL, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  obj = parse_object (parser, out);
  g_assert_cmpstr (json_object_get_string_member (obj, "reference_date"), ==, "2015-12-15");
  g_assert_true (has_entity (obj, "person", "Kerry", "John Kerry"));
  g_assert_true (has_entity (obj, "organization", "FSA", "Free Syrian Army"));
  g_assert_true (has_entity (obj, "place", "Sochi", "Sochi"));

  /* Offsets are code points of the input, end exclusive. */
  g_file_get_contents (path, &text, NULL, NULL);
  ents = json_object_get_array_member (obj, "entities");
  g_assert_cmpuint (json_array_get_length (ents), >, 10);
  for (guint i = 0; i < json_array_get_length (ents); i++)
    {
      JsonObject *e = json_array_get_object_element (ents, i);
      g_autofree char *sub = g_utf8_substring (text, json_object_get_int_member (e, "start"),
                                               json_object_get_int_member (e, "end"));

      g_assert_cmpstr (sub, ==, json_object_get_string_member (e, "text"));
      g_assert_true (json_object_has_member (e, "country"));
    }
}

static void
test_reference_date (void)
{
  g_autofree char *path = data_path ("seed-article.txt");
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *argv[] = { cli_path (), "extract", "--reference-date", "2015-12-21", path, NULL };
  const char *bad[] = { cli_path (), "extract", "--reference-date", "next week", path, NULL };
  JsonObject *obj;
  JsonArray *tims;
  gboolean found = FALSE;

  g_assert_cmpint (chronicle_test_spawn (argv, NULL, &out, NULL), ==, 0);
  obj = parse_object (parser, out);
  g_assert_cmpstr (json_object_get_string_member (obj, "reference_date"), ==, "2015-12-21");
  tims = json_object_get_array_member (obj, "timexes");
  for (guint i = 0; i < json_array_get_length (tims); i++)
    {
      JsonObject *t = json_array_get_object_element (tims, i);

      /* "Monday's comments" is now the Monday of the 21st itself. */
      if (g_strcmp0 (json_object_get_string_member (t, "text"), "Monday") == 0)
        {
          g_assert_cmpstr (json_object_get_string_member (t, "value"), ==, "2015-12-21");
          g_assert_cmpstr (json_object_get_string_member (t, "type"), ==, "DATE");
          found = TRUE;
        }
    }
  g_assert_true (found);

  g_assert_cmpint (chronicle_test_spawn (bad, NULL, NULL, NULL), ==, 2);
}

static void
test_jsonl (void)
{
  g_autofree char *path = data_path ("cli-input.jsonl");
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *argv[] = { cli_path (), "extract", "--jsonl", path, NULL };
  JsonObject *obj;
  JsonArray *tims;

  g_assert_cmpint (chronicle_test_spawn (argv, NULL, &out, NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);   /* four objects and a final newline */
  g_assert_cmpstr (lines[4], ==, "");

  obj = parse_object (parser, lines[0]);
  g_assert_cmpstr (json_object_get_string_member (obj, "id"), ==, "a");
  g_assert_cmpstr (json_object_get_string_member (obj, "reference_date"), ==, "2015-12-15");
  g_assert_true (has_entity (obj, "place", "Moscow", "Moscow"));
  tims = json_object_get_array_member (obj, "timexes");
  g_assert_cmpuint (json_array_get_length (tims), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (tims, 0), "value"), ==,
                   "2015-12-15");

  obj = parse_object (parser, lines[1]);
  g_assert_cmpint (json_object_get_int_member (obj, "id"), ==, 7);
  g_assert_true (json_object_get_null_member (obj, "reference_date"));
  g_assert_true (has_entity (obj, "person", "Angela Merkel", NULL));
  {
    JsonArray *ents = json_object_get_array_member (obj, "entities");

    for (guint i = 0; i < json_array_get_length (ents); i++)
      {
        JsonObject *e = json_array_get_object_element (ents, i);

        if (g_strcmp0 (json_object_get_string_member (e, "text"), "Zürich") == 0)
          {
            g_assert_cmpint (json_object_get_int_member (e, "start"), ==, 30);
            g_assert_cmpint (json_object_get_int_member (e, "end"), ==, 36);
            g_assert_cmpstr (json_object_get_string_member (e, "country"), ==, "CH");
          }
      }
  }

  obj = parse_object (parser, lines[2]);
  g_assert_cmpstr (json_object_get_string_member (obj, "id"), ==, "c");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "entities")), ==, 0);

  obj = parse_object (parser, lines[3]);
  g_assert_true (json_object_get_null_member (obj, "id"));
  g_assert_true (json_object_has_member (obj, "error"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/extract/document", test_document);
  g_test_add_func ("/cli/extract/reference-date", test_reference_date);
  g_test_add_func ("/cli/extract/jsonl", test_jsonl);

  return g_test_run ();
}
