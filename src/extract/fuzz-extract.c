/* fuzz-extract.c: libFuzzer target for chronicle_extract()
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Build and run (see README.md, "Extraction"):
 *   CC=clang meson setup build-fuzz -Dfuzzing=true -Dui_tests=false
 *   ninja -C build-fuzz src/extract/fuzz-extract
 *   build-fuzz/src/extract/fuzz-extract -max_total_time=300 -max_len=65536 CORPUS_DIR
 */

#define G_LOG_DOMAIN "chronicle-extract"

#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "chronicle-extraction.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  ChronicleExtraction *ex;
  GDate ref;
  GDate event;

  /* The first byte chooses between a given and an inferred reference date. */
  g_date_clear (&ref, 1);
  if (size > 0 && (data[0] & 1))
    g_date_set_dmy (&ref, 1 + data[0] % 28, 1 + (data[0] >> 4) % 12, 1990 + data[0] % 40);

  ex = chronicle_extract ((const char *) data, size, g_date_valid (&ref) ? &ref : NULL, NULL);
  if (ex != NULL)
    {
      const ChronicleEntitySpan *ents;
      const ChronicleTimex *tims;
      guint n = 0;

      ents = chronicle_extraction_get_entities (ex, &n);
      for (guint i = 0; i < n; i++)
        g_assert (ents[i].start <= ents[i].end && g_utf8_validate (ents[i].text, -1, NULL));
      tims = chronicle_extraction_get_timexes (ex, &n);
      for (guint i = 0; i < n; i++)
        g_assert (tims[i].start <= tims[i].end && tims[i].value != NULL);
      chronicle_extraction_get_event_date (ex, &event);
      chronicle_extraction_unref (ex);
    }
  return 0;
}
