/* test-source.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chronicle-source.h"
#include "model-test-props.h"

static void
test_defaults (void)
{
  g_autoptr(ChronicleSource) source =
    chronicle_source_new (CHRONICLE_SOURCE_KIND_ATOM, "https://example.org/feed.atom");

  g_assert_cmpint (chronicle_source_get_kind (source), ==, CHRONICLE_SOURCE_KIND_ATOM);
  g_assert_cmpstr (chronicle_source_get_url (source), ==, "https://example.org/feed.atom");
  g_assert_true (chronicle_source_get_enabled (source));
  g_assert_cmpuint (chronicle_source_get_sync_interval (source), ==, 3600);
  g_assert_cmpint (chronicle_source_get_id (source), ==, 0);
  g_assert_null (chronicle_source_get_last_error (source));
}

static void
test_properties (void)
{
  g_autoptr(ChronicleSource) source =
    chronicle_source_new (CHRONICLE_SOURCE_KIND_RSS, "https://example.org/rss");

  check_properties_notify (G_OBJECT (source));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/source/defaults", test_defaults);
  g_test_add_func ("/model/source/properties", test_properties);

  return g_test_run ();
}
