/* bench-extract.c: extraction throughput on real news text
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-extract [SAMPLE.jsonl] [MEGABYTES]
 *
 * Extracts the articles of the bundled Wikinews sample (or any JSON-lines
 * file with a "text" member) over and over until MEGABYTES (default 50) of
 * text have been processed on one thread, and prints MB/s. Run it with
 * `meson test -C build --benchmark --verbose`.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <time.h>

#include "chronicle-extraction.h"

int
main (int   argc,
      char *argv[])
{
  const char *path = argc > 1 ? argv[1] : g_getenv ("CHRONICLE_SAMPLE_NEWS");
  double megabytes = argc > 2 ? atof (argv[2]) : 50.0;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GTimer) timer = NULL;
  guint64 bytes = 0, target, entities = 0, timexes = 0;
  double seconds, cpu_seconds;
  clock_t cpu_start;

  if (path == NULL)
    {
      g_printerr ("usage: bench-extract SAMPLE.jsonl [MEGABYTES]\n");
      return 2;
    }
  if (!g_file_get_contents (path, &contents, NULL, &error))
    {
      g_printerr ("bench-extract: %s\n", error->message);
      return 1;
    }
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *obj;

      if (lines[i][0] == '\0' || !json_parser_load_from_data (parser, lines[i], -1, NULL))
        continue;
      obj = json_node_get_object (json_parser_get_root (parser));
      if (obj != NULL && json_object_has_member (obj, "text"))
        g_ptr_array_add (texts, g_strdup (json_object_get_string_member (obj, "text")));
    }
  if (texts->len == 0)
    {
      g_printerr ("bench-extract: no texts in %s\n", path);
      return 1;
    }

  chronicle_extract_preload ();
  target = (guint64) (megabytes * 1024 * 1024);
  cpu_start = clock ();
  timer = g_timer_new ();
  while (bytes < target)
    for (guint i = 0; i < texts->len && bytes < target; i++)
      {
        const char *text = g_ptr_array_index (texts, i);
        g_autoptr(ChronicleExtraction) ex = chronicle_extract (text, -1, NULL, NULL);
        guint n = 0;

        chronicle_extraction_get_entities (ex, &n);
        entities += n;
        chronicle_extraction_get_timexes (ex, &n);
        timexes += n;
        bytes += strlen (text);
      }
  seconds = g_timer_elapsed (timer, NULL);
  cpu_seconds = (double) (clock () - cpu_start) / CLOCKS_PER_SEC;

  /* CPU time is what one core spends; wall time also counts waiting for a
   * core on a busy machine. */
  g_print ("extracted %.1f MB (%u articles, %" G_GUINT64_FORMAT " entities, %" G_GUINT64_FORMAT
           " time expressions): %.1f MB/s per core (%.2f s CPU), %.1f MB/s wall clock (%.2f s)\n",
           bytes / (1024.0 * 1024.0), texts->len, entities, timexes,
           bytes / (1024.0 * 1024.0) / cpu_seconds, cpu_seconds,
           bytes / (1024.0 * 1024.0) / seconds, seconds);
  return 0;
}
