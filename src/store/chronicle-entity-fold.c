/* chronicle-entity-fold.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-store"

#include "config.h"

#include <string.h>

#include "chronicle-entity-fold.h"

/* Entity names as searched: case-folded, without accents (NFKD, combining marks
 * dropped), so "Zelensky", "zelensky" and "Zélensky" meet. Stored in
 * entities.fold and available in SQL as chronicle_fold(text). */

/**
 * _chronicle_entity_fold:
 * @name: (nullable): a UTF-8 name
 *
 * Returns: (transfer full): the folded name ("" for %NULL or invalid UTF-8)
 */
char *
_chronicle_entity_fold (const char *name)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *out;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return g_strdup ("");

  folded = g_utf8_casefold (name, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
  if (decomposed == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK
          || type == G_UNICODE_ENCLOSING_MARK)
        continue;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * _chronicle_entity_like_pattern:
 * @search: what the user typed
 *
 * Returns: (transfer full): a LIKE pattern (escape character `\`) matching folded
 *   names that contain the folded @search
 */
char *
_chronicle_entity_like_pattern (const char *search)
{
  g_autofree char *folded = _chronicle_entity_fold (search);
  GString *pattern = g_string_new ("%");

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

static void
fold_function (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  char *folded;

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }

  folded = _chronicle_entity_fold (text);
  sqlite3_result_text (context, folded, -1, g_free);
}

/**
 * _chronicle_entity_fold_register:
 * @handle: a connection
 *
 * Makes chronicle_fold() available on @handle.
 *
 * Returns: %TRUE on success
 */
gboolean
_chronicle_entity_fold_register (sqlite3 *handle)
{
  return sqlite3_create_function (handle, "chronicle_fold", 1,
                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                  NULL, fold_function, NULL, NULL) == SQLITE_OK;
}
