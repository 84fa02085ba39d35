/* test-name-index.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chronicle-name-index.h"
#include "chronicle-test-utils.h"

static const char *
person_canonical (ChronicleExtraction *ex,
                  const char          *text)
{
  const ChronicleEntitySpan *ents;
  guint n = 0;

  ents = chronicle_extraction_get_entities (ex, &n);
  for (guint i = 0; i < n; i++)
    if (ents[i].kind == CHRONICLE_ENTITY_KIND_PERSON && g_strcmp0 (ents[i].text, text) == 0)
      return ents[i].canonical;
  return NULL;
}

static void
test_across_articles (void)
{
  g_autoptr(ChronicleNameIndex) index = chronicle_name_index_new ();
  g_autoptr(ChronicleExtraction) first = NULL;
  g_autoptr(ChronicleExtraction) second = NULL;
  g_autoptr(GError) error = NULL;

  first = chronicle_extract ("Opposition leader Maria Kowalczyk spoke in Warsaw on Monday.", -1, NULL, &error);
  g_assert_no_error (error);
  chronicle_name_index_add_extraction (index, first);
  g_assert_cmpstr (chronicle_name_index_resolve (index, "Kowalczyk"), ==, "Maria Kowalczyk");

  /* A later article names her by surname only. */
  second = chronicle_extract ("Kowalczyk said the vote was unfair.", -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (person_canonical (second, "Kowalczyk"), ==, "Kowalczyk");
  g_assert_cmpuint (chronicle_name_index_apply (index, second), ==, 1);
  g_assert_cmpstr (person_canonical (second, "Kowalczyk"), ==, "Maria Kowalczyk");
}

static void
test_ambiguous (void)
{
  g_autoptr(ChronicleNameIndex) index = chronicle_name_index_new ();

  chronicle_name_index_add (index, "Bashar al-Assad");
  g_assert_cmpstr (chronicle_name_index_resolve (index, "Assad"), ==, "Bashar al-Assad");
  g_assert_cmpstr (chronicle_name_index_resolve (index, "al-Assad"), ==, "Bashar al-Assad");

  chronicle_name_index_add (index, "John Smith");
  chronicle_name_index_add (index, "John Smith");
  g_assert_cmpstr (chronicle_name_index_resolve (index, "Smith"), ==, "John Smith");
  chronicle_name_index_add (index, "Anna Smith");
  g_assert_null (chronicle_name_index_resolve (index, "Smith"));

  chronicle_name_index_add (index, "Madonna");
  g_assert_null (chronicle_name_index_resolve (index, "Madonna"));
  g_assert_null (chronicle_name_index_resolve (index, "Nobody"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/extract/names/across-articles", test_across_articles);
  g_test_add_func ("/extract/names/ambiguous", test_ambiguous);

  return g_test_run ();
}
