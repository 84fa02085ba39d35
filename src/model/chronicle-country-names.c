/* chronicle-country-names.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "chronicle-country-names.h"
#include "chronicle-country-table.h"

/* iso-codes translates the English names of ISO 3166-1 in this domain. */
#define ISO_3166_DOMAIN "iso_3166-1"

/* Kosovo has no ISO 3166-1 code; XK is the user-assigned code the European
 * Commission, the IMF and most news data use. iso-codes does not know it. */
#define KOSOVO_CODE "XK"

static int
compare_code (const void *key,
              const void *element)
{
  const ChronicleCountryRow *row = element;

  return strcmp (key, row->code);
}

/* Returns the upper-cased code in @buf, or FALSE when @code is not two ASCII letters. */
static gboolean
normalize_code (const char *code,
                char        buf[3])
{
  if (code == NULL || !g_ascii_isalpha (code[0]) || !g_ascii_isalpha (code[1]) || code[2] != '\0')
    return FALSE;

  buf[0] = g_ascii_toupper (code[0]);
  buf[1] = g_ascii_toupper (code[1]);
  buf[2] = '\0';
  return TRUE;
}

/**
 * chronicle_country_get_english_name:
 * @code: an ISO 3166-1 alpha-2 code, in any case
 *
 * Returns: (nullable): the English short name of the country ("Bolivia",
 *   "South Korea"), or %NULL if @code is not a known country
 */
const char *
chronicle_country_get_english_name (const char *code)
{
  char key[3];
  const ChronicleCountryRow *row;

  if (!normalize_code (code, key))
    return NULL;
  if (strcmp (key, KOSOVO_CODE) == 0)
    return "Kosovo";

  row = bsearch (key, chronicle_country_table, G_N_ELEMENTS (chronicle_country_table),
                 sizeof chronicle_country_table[0], compare_code);

  return row != NULL ? row->name : NULL;
}

/**
 * chronicle_country_code_is_known:
 * @code: (nullable): a string
 *
 * Returns: whether @code is an ISO 3166-1 alpha-2 code (in any case), or XK for Kosovo
 */
gboolean
chronicle_country_code_is_known (const char *code)
{
  return chronicle_country_get_english_name (code) != NULL;
}

/**
 * chronicle_country_get_name:
 * @code: an ISO 3166-1 alpha-2 code, in any case
 *
 * The country's name in the user's language, from the translations of
 * iso-codes (gettext domain `iso_3166-1`); English where there is none.
 *
 * Returns: (nullable): the localised name, or %NULL if @code is not a known country
 */
const char *
chronicle_country_get_name (const char *code)
{
  static gsize codeset_set = 0;
  const char *english = chronicle_country_get_english_name (code);

  if (english == NULL)
    return NULL;

  if (g_once_init_enter (&codeset_set))
    {
      bind_textdomain_codeset (ISO_3166_DOMAIN, "UTF-8");
      g_once_init_leave (&codeset_set, 1);
    }

  if (g_ascii_strcasecmp (code, KOSOVO_CODE) == 0)
    return _("Kosovo");

  return g_dgettext (ISO_3166_DOMAIN, english);
}

/**
 * chronicle_country_code_to_flag:
 * @code: (nullable): a two-letter code, in any case
 *
 * Spells @code in Unicode regional indicator symbols, which fonts with colour
 * emoji draw as the country's flag ("FR" → 🇫🇷). Any two ASCII letters are
 * accepted, as Unicode defines them all; whether a font has a flag for them
 * is another matter.
 *
 * Returns: (transfer full) (nullable): the flag, or %NULL if @code is not two ASCII letters
 */
char *
chronicle_country_code_to_flag (const char *code)
{
  char key[3];
  char *flag;
  int len;

  if (!normalize_code (code, key))
    return NULL;

  /* U+1F1E6 REGIONAL INDICATOR SYMBOL LETTER A and the 25 after it. */
  flag = g_malloc (9);
  len = g_unichar_to_utf8 (0x1F1E6 + (key[0] - 'A'), flag);
  len += g_unichar_to_utf8 (0x1F1E6 + (key[1] - 'A'), flag + len);
  flag[len] = '\0';

  return flag;
}
