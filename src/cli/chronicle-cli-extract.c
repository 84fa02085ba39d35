/* chronicle-cli-extract.c: `chronicle-cli extract`, entities and dates as JSON
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "chronicle-cli-extract.h"
#include "chronicle-extraction.h"

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  unsigned int y, m, d;
  char tail;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
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

static void
add_extraction (JsonBuilder         *b,
                ChronicleExtraction *ex)
{
  const ChronicleEntitySpan *ents;
  const ChronicleTimex *tims;
  const GDate *ref = chronicle_extraction_get_reference_date (ex);
  guint n = 0;

  json_builder_set_member_name (b, "reference_date");
  if (ref != NULL)
    {
      g_autofree char *s = format_date (ref);
      json_builder_add_string_value (b, s);
    }
  else
    json_builder_add_null_value (b);

  json_builder_set_member_name (b, "entities");
  json_builder_begin_array (b);
  ents = chronicle_extraction_get_entities (ex, &n);
  for (guint i = 0; i < n; i++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "start");
      json_builder_add_int_value (b, ents[i].start);
      json_builder_set_member_name (b, "end");
      json_builder_add_int_value (b, ents[i].end);
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, ents[i].text);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, chronicle_entity_kind_to_string (ents[i].kind));
      json_builder_set_member_name (b, "canonical");
      json_builder_add_string_value (b, ents[i].canonical);
      json_builder_set_member_name (b, "country");
      if (ents[i].country[0] != '\0')
        json_builder_add_string_value (b, ents[i].country);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "timexes");
  json_builder_begin_array (b);
  tims = chronicle_extraction_get_timexes (ex, &n);
  for (guint i = 0; i < n; i++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "start");
      json_builder_add_int_value (b, tims[i].start);
      json_builder_set_member_name (b, "end");
      json_builder_add_int_value (b, tims[i].end);
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, tims[i].text);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, chronicle_timex_type_to_string (tims[i].type));
      json_builder_set_member_name (b, "value");
      json_builder_add_string_value (b, tims[i].value);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
print_node (JsonNode *node)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *out = NULL;

  json_generator_set_root (gen, node);
  out = json_generator_to_data (gen, NULL);
  fputs (out, stdout);
  fputc ('\n', stdout);
}

/* One output object; @error_message instead of a result when set. */
static void
emit (JsonNode            *id,
      ChronicleExtraction *ex,
      const char          *error_message)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  if (id != NULL)
    json_builder_add_value (b, json_node_copy (id));
  else
    json_builder_add_null_value (b);
  if (ex != NULL)
    add_extraction (b, ex);
  if (error_message != NULL)
    {
      json_builder_set_member_name (b, "error");
      json_builder_add_string_value (b, error_message);
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  print_node (root);
}

static void
run_line (const char  *line,
          gsize        len,
          const GDate *default_ref)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleExtraction) ex = NULL;
  JsonObject *obj;
  JsonNode *id = NULL, *text_node, *ref_node;
  GDate ref;

  if (!json_parser_load_from_data (parser, line, len, &error))
    {
      emit (NULL, NULL, error->message);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      emit (NULL, NULL, "each line must be a JSON object");
      return;
    }
  obj = json_node_get_object (json_parser_get_root (parser));
  id = json_object_get_member (obj, "id");
  text_node = json_object_get_member (obj, "text");
  if (text_node == NULL || json_node_get_value_type (text_node) != G_TYPE_STRING)
    {
      emit (id, NULL, "the object has no string member “text”");
      return;
    }

  g_date_clear (&ref, 1);
  ref_node = json_object_get_member (obj, "reference_date");
  if (ref_node != NULL && json_node_get_value_type (ref_node) == G_TYPE_STRING)
    parse_date (json_node_get_string (ref_node), &ref);
  else if (default_ref != NULL)
    ref = *default_ref;

  ex = chronicle_extract (json_node_get_string (text_node), -1,
                          g_date_valid (&ref) ? &ref : NULL, &error);
  emit (id, ex, ex == NULL ? error->message : NULL);
}

static gboolean
read_all (const char  *path,
          char       **contents,
          gsize       *length,
          GError     **error)
{
  GString *buf;
  char chunk[65536];
  size_t n;

  if (path != NULL && strcmp (path, "-") != 0)
    return g_file_get_contents (path, contents, length, error);

  buf = g_string_new (NULL);
  while ((n = fread (chunk, 1, sizeof chunk, stdin)) > 0)
    g_string_append_len (buf, chunk, n);
  *length = buf->len;
  *contents = g_string_free (buf, FALSE);
  return TRUE;
}

/**
 * chronicle_cli_extract:
 *
 * `chronicle-cli extract [--reference-date YYYY-MM-DD] [--jsonl] [FILE|-]`
 */
int
chronicle_cli_extract (ChronicleCli  *cli,
                       int            argc,
                       char         **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *contents = NULL;
  gboolean jsonl = FALSE;
  const char *path = NULL;
  gsize length = 0;
  GDate ref;
  GOptionEntry entries[] = {
    { "reference-date", 0, 0, G_OPTION_ARG_STRING, &reference,
      N_("Resolve dates against DATE instead of inferring it"), N_("YYYY-MM-DD") },
    { "jsonl", 0, 0, G_OPTION_ARG_NONE, &jsonl,
      N_("Read one JSON object {\"id\", \"text\", \"reference_date\"} a line"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("[FILE|-] — people, places, organisations and dates as JSON"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("chronicle-cli extract: %s\n", error->message);
      return 2;
    }
  if (argc > 2)
    {
      g_printerr ("chronicle-cli extract: %s\n", _("give at most one input file"));
      return 2;
    }
  path = argc == 2 ? argv[1] : NULL;

  g_date_clear (&ref, 1);
  if (reference != NULL && !parse_date (reference, &ref))
    {
      g_printerr (_("chronicle-cli extract: “%s” is not a date (YYYY-MM-DD)\n"), reference);
      return 2;
    }

  if (!read_all (path, &contents, &length, &error))
    {
      g_printerr ("chronicle-cli extract: %s\n", error->message);
      return 1;
    }

  if (!jsonl)
    {
      g_autoptr(ChronicleExtraction) ex = NULL;
      g_autoptr(JsonNode) id = NULL;

      ex = chronicle_extract (contents, length, g_date_valid (&ref) ? &ref : NULL, &error);
      if (ex == NULL)
        {
          g_printerr ("chronicle-cli extract: %s\n", error->message);
          return 1;
        }
      if (path != NULL && strcmp (path, "-") != 0)
        {
          id = json_node_new (JSON_NODE_VALUE);
          json_node_set_string (id, path);
        }
      emit (id, ex, NULL);
      return 0;
    }

  {
    const char *p = contents, *end = contents + length;

    while (p < end)
      {
        const char *nl = memchr (p, '\n', end - p);
        const char *line_end = nl != NULL ? nl : end;
        const char *q = p;

        while (q < line_end && g_ascii_isspace (*q))
          q++;
        if (q < line_end)
          run_line (p, line_end - p, g_date_valid (&ref) ? &ref : NULL);
        p = nl != NULL ? nl + 1 : end;
      }
  }
  fflush (stdout);

  return 0;
}
