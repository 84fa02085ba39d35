/* test-entity.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chronicle-entity.h"
#include "chronicle-event.h"
#include "chronicle-model-enums.h"
#include "model-test-props.h"

static void
test_kinds (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (CHRONICLE_TYPE_ENTITY_KIND);
  ChronicleEntityKind kind = CHRONICLE_ENTITY_KIND_PLACE;

  g_assert_cmpuint (klass->n_values, ==, CHRONICLE_N_ENTITY_KINDS);
  for (guint i = 0; i < klass->n_values; i++)
    {
      g_assert_true (chronicle_entity_kind_from_string (
        chronicle_entity_kind_to_string (klass->values[i].value), &kind));
      g_assert_cmpint (kind, ==, klass->values[i].value);
    }
  g_assert_cmpstr (chronicle_entity_kind_to_string (CHRONICLE_ENTITY_KIND_ORGANIZATION), ==,
                   "organization");
  g_assert_false (chronicle_entity_kind_from_string ("Person", &kind));
  g_assert_false (chronicle_entity_kind_from_string (NULL, &kind));
}

static void
test_entity_properties (void)
{
  g_autoptr(ChronicleEntity) entity = chronicle_entity_new (CHRONICLE_ENTITY_KIND_COUNTRY,
                                                            "France");
  const char *aliases[] = { "République française", NULL };

  g_assert_cmpstr (chronicle_entity_get_name (entity), ==, "France");
  chronicle_entity_set_aliases (entity, aliases);
  g_assert_cmpstr (chronicle_entity_get_aliases (entity)[0], ==, "République française");
  check_properties_notify (G_OBJECT (entity));
}

static void
test_event (void)
{
  g_autoptr(ChronicleEvent) event = chronicle_event_new ("geneva-summit", "Summit in Geneva",
                                                         100, 200);
  g_autoptr(ChronicleEntity) place = chronicle_entity_new (CHRONICLE_ENTITY_KIND_PLACE, "Geneva");

  g_assert_cmpstr (chronicle_event_get_key (event), ==, "geneva-summit");
  g_assert_cmpint (chronicle_event_get_start (event), ==, 100);
  g_assert_cmpint (chronicle_event_get_end (event), ==, 200);
  chronicle_event_add_entity (event, place);
  g_assert_cmpuint (chronicle_event_get_entities (event)->len, ==, 1);
  g_assert_cmpuint (chronicle_event_get_article_ids (event)->len, ==, 0);
  check_properties_notify (G_OBJECT (event));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/entity/kinds", test_kinds);
  g_test_add_func ("/model/entity/properties", test_entity_properties);
  g_test_add_func ("/model/entity/event", test_event);

  return g_test_run ();
}
