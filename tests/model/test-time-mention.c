/* test-time-mention.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chronicle-model-enums.h"
#include "chronicle-time-mention.h"

static gint64
utc (int y, int m, int d)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (y, m, d, 0, 0, 0);

  return g_date_time_to_unix (dt);
}

static void
test_floor_next (void)
{
  /* Wednesday 2024-02-14 13:30 UTC. */
  gint64 t = utc (2024, 2, 14) + 13 * 3600 + 1800;
  struct {
    ChronicleGranularity g;
    gint64 floor;
    gint64 next;
  } cases[] = {
    { CHRONICLE_GRANULARITY_DAY, utc (2024, 2, 14), utc (2024, 2, 15) },
    { CHRONICLE_GRANULARITY_WEEK, utc (2024, 2, 12), utc (2024, 2, 19) },
    { CHRONICLE_GRANULARITY_MONTH, utc (2024, 2, 1), utc (2024, 3, 1) },
    { CHRONICLE_GRANULARITY_QUARTER, utc (2024, 1, 1), utc (2024, 4, 1) },
    { CHRONICLE_GRANULARITY_YEAR, utc (2024, 1, 1), utc (2025, 1, 1) },
    { CHRONICLE_GRANULARITY_DECADE, utc (2020, 1, 1), utc (2030, 1, 1) },
    { CHRONICLE_GRANULARITY_CENTURY, utc (2000, 1, 1), utc (2100, 1, 1) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpint (chronicle_granularity_floor (cases[i].g, t), ==, cases[i].floor);
      g_assert_cmpint (chronicle_granularity_next (cases[i].g, t), ==, cases[i].next);
    }

  /* December rolls over; dates before 1970 work. */
  g_assert_cmpint (chronicle_granularity_next (CHRONICLE_GRANULARITY_MONTH, utc (1999, 12, 31)),
                   ==, utc (2000, 1, 1));
  g_assert_cmpint (chronicle_granularity_next (CHRONICLE_GRANULARITY_QUARTER, utc (1999, 11, 3)),
                   ==, utc (2000, 1, 1));
  g_assert_cmpint (chronicle_granularity_floor (CHRONICLE_GRANULARITY_MONTH, utc (1969, 7, 20) + 5),
                   ==, utc (1969, 7, 1));
  g_assert_cmpint (chronicle_granularity_floor (CHRONICLE_GRANULARITY_WEEK, utc (1970, 1, 1)),
                   ==, utc (1969, 12, 29));
  g_assert_cmpint (chronicle_granularity_floor (CHRONICLE_GRANULARITY_DAY, -1), ==, -86400);
}

static void
test_names (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (CHRONICLE_TYPE_GRANULARITY);

  for (guint i = 0; i < klass->n_values; i++)
    {
      ChronicleGranularity g = 99;

      g_assert_true (chronicle_granularity_from_string (
        chronicle_granularity_to_string (klass->values[i].value), &g));
      g_assert_cmpint (g, ==, klass->values[i].value);
    }
  g_assert_cmpstr (chronicle_granularity_to_string (CHRONICLE_GRANULARITY_QUARTER), ==, "quarter");
}

static void
test_relation_copy (void)
{
  g_autoptr(ChronicleTimeMention) m =
    chronicle_time_mention_new (utc (2024, 3, 1), utc (2024, 4, 1), CHRONICLE_GRANULARITY_MONTH,
                                "in March");
  g_autoptr(ChronicleTimeMention) copy = NULL;

  g_assert_cmpint (chronicle_time_mention_relation_to (m, utc (2024, 5, 2)), ==,
                   CHRONICLE_TIME_RELATION_PAST);
  g_assert_cmpint (chronicle_time_mention_relation_to (m, utc (2024, 3, 10)), ==,
                   CHRONICLE_TIME_RELATION_PRESENT);
  g_assert_cmpint (chronicle_time_mention_relation_to (m, utc (2024, 2, 10)), ==,
                   CHRONICLE_TIME_RELATION_FUTURE);
  /* The end is exclusive. */
  g_assert_cmpint (chronicle_time_mention_relation_to (m, utc (2024, 4, 1)), ==,
                   CHRONICLE_TIME_RELATION_PAST);

  m->offset_start = 10;
  m->offset_end = 18;
  copy = chronicle_time_mention_copy (m);
  g_assert_true (copy->text != m->text);
  g_assert_true (chronicle_time_mention_equal (m, copy));
  copy->offset_end = 19;
  g_assert_false (chronicle_time_mention_equal (m, copy));
  g_assert_true (G_TYPE_IS_BOXED (CHRONICLE_TYPE_TIME_MENTION));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/time-mention/floor-next", test_floor_next);
  g_test_add_func ("/model/time-mention/names", test_names);
  g_test_add_func ("/model/time-mention/relation-copy", test_relation_copy);

  return g_test_run ();
}
