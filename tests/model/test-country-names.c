/* test-country-names.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>

#include "chronicle-country-names.h"

#define ISO_3166_JSON "/usr/share/iso-codes/json/iso_3166-1.json"

/* iso-codes' own list is the golden data: every country it has must be known,
 * with its flag and its short name. */
static void
test_matches_iso_codes (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *entries;

  if (!g_file_test (ISO_3166_JSON, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("iso-codes is not installed");
      return;
    }

  json_parser_load_from_file (parser, ISO_3166_JSON, &error);
  g_assert_no_error (error);
  entries = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "3166-1");
  g_assert_cmpuint (json_array_get_length (entries), >, 240);

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      const char *code = json_object_get_string_member (entry, "alpha_2");
      const char *name = json_object_get_string_member_with_default (
        entry, "common_name", json_object_get_string_member (entry, "name"));
      g_autofree char *lower = g_ascii_strdown (code, -1);
      g_autofree char *flag = chronicle_country_code_to_flag (code);

      g_assert_true (chronicle_country_code_is_known (code));
      g_assert_true (chronicle_country_code_is_known (lower));
      g_assert_cmpstr (chronicle_country_get_english_name (code), ==, name);
      g_assert_cmpstr (chronicle_country_get_english_name (lower), ==, name);
      if (json_object_has_member (entry, "flag"))
        g_assert_cmpstr (flag, ==, json_object_get_string_member (entry, "flag"));
    }
}

static void
test_flag (void)
{
  g_autofree char *fr = chronicle_country_code_to_flag ("FR");
  g_autofree char *gb = chronicle_country_code_to_flag ("gb");
  g_autofree char *xk = chronicle_country_code_to_flag ("XK");

  /* U+1F1EB U+1F1F7 */
  g_assert_cmpstr (fr, ==, "\xf0\x9f\x87\xab\xf0\x9f\x87\xb7");
  /* U+1F1EC U+1F1E7 */
  g_assert_cmpstr (gb, ==, "\xf0\x9f\x87\xac\xf0\x9f\x87\xa7");
  g_assert_cmpuint (g_utf8_strlen (xk, -1), ==, 2);
  g_assert_cmpuint (g_utf8_get_char (xk), ==, 0x1F1FD);

  g_assert_null (chronicle_country_code_to_flag (NULL));
  g_assert_null (chronicle_country_code_to_flag (""));
  g_assert_null (chronicle_country_code_to_flag ("F"));
  g_assert_null (chronicle_country_code_to_flag ("FRA"));
  g_assert_null (chronicle_country_code_to_flag ("F1"));
  g_assert_null (chronicle_country_code_to_flag ("\xc3\x89U"));
}

static void
test_unknown (void)
{
  g_assert_false (chronicle_country_code_is_known (NULL));
  g_assert_false (chronicle_country_code_is_known (""));
  g_assert_false (chronicle_country_code_is_known ("ZZ"));
  g_assert_false (chronicle_country_code_is_known ("FRA"));
  g_assert_null (chronicle_country_get_name ("ZZ"));
  g_assert_null (chronicle_country_get_name (NULL));

  /* Kosovo has a user-assigned code, not in iso-codes. */
  g_assert_true (chronicle_country_code_is_known ("XK"));
  g_assert_cmpstr (chronicle_country_get_name ("xk"), ==, "Kosovo");
}

static void
test_localised (void)
{
  const char *locale;

  /* Untranslated (C locale): the English short names. */
  g_assert_cmpstr (chronicle_country_get_name ("fr"), ==, "France");
  g_assert_cmpstr (chronicle_country_get_name ("KR"), ==, "South Korea");
  g_assert_cmpstr (chronicle_country_get_name ("BO"), ==, "Bolivia");

  /* With iso-codes' French catalogue, through the gettext domain iso_3166-1. */
  if (!g_file_test ("/usr/share/locale/fr/LC_MESSAGES/iso_3166-1.mo", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("iso-codes' French translations are not installed");
      return;
    }
  g_setenv ("LANGUAGE", "fr", TRUE);
  locale = setlocale (LC_ALL, "");
  if (locale == NULL || g_str_equal (locale, "C") || g_str_equal (locale, "POSIX"))
    {
      /* gettext ignores LANGUAGE in the C locale; the tests run in C.UTF-8. */
      g_unsetenv ("LANGUAGE");
      g_test_skip ("LANGUAGE has no effect in the C locale");
      return;
    }
  g_assert_cmpstr (chronicle_country_get_name ("DE"), ==, "Allemagne");
  g_assert_cmpstr (chronicle_country_get_name ("KR"), ==, "Corée du Sud");
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/country-names/matches-iso-codes", test_matches_iso_codes);
  g_test_add_func ("/model/country-names/flag", test_flag);
  g_test_add_func ("/model/country-names/unknown", test_unknown);
  g_test_add_func ("/model/country-names/localised", test_localised);

  return g_test_run ();
}
