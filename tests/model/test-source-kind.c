/* test-source-kind.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chronicle-model-enums.h"
#include "chronicle-source-kind.h"

static void
test_round_trip (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (CHRONICLE_TYPE_SOURCE_KIND);

  g_assert_cmpuint (klass->n_values, ==, 6);

  for (guint i = 0; i < klass->n_values; i++)
    {
      ChronicleSourceKind kind = klass->values[i].value;
      ChronicleSourceKind parsed = (ChronicleSourceKind) -1;
      const char *name = chronicle_source_kind_to_string (kind);

      g_assert_nonnull (name);
      g_assert_true (chronicle_source_kind_from_string (name, &parsed));
      g_assert_cmpint (parsed, ==, kind);
    }
}

static void
test_stable_names (void)
{
  /* These names are stored in databases and printed by the CLI. */
  g_assert_cmpstr (chronicle_source_kind_to_string (CHRONICLE_SOURCE_KIND_RSS), ==, "rss");
  g_assert_cmpstr (chronicle_source_kind_to_string (CHRONICLE_SOURCE_KIND_JSONFEED), ==,
                   "jsonfeed");
  g_assert_cmpstr (chronicle_source_kind_to_string (CHRONICLE_SOURCE_KIND_FILE), ==, "file");
}

static void
test_unknown (void)
{
  ChronicleSourceKind kind = CHRONICLE_SOURCE_KIND_ATOM;

  g_assert_false (chronicle_source_kind_from_string ("RSS", &kind));
  g_assert_false (chronicle_source_kind_from_string ("", &kind));
  g_assert_false (chronicle_source_kind_from_string (NULL, &kind));
  g_assert_cmpint (kind, ==, CHRONICLE_SOURCE_KIND_ATOM);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/source-kind/round-trip", test_round_trip);
  g_test_add_func ("/model/source-kind/stable-names", test_stable_names);
  g_test_add_func ("/model/source-kind/unknown", test_unknown);

  return g_test_run ();
}
