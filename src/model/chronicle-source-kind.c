/* chronicle-source-kind.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-model"

#include "config.h"

#include "chronicle-source-kind.h"

static const char *const kind_names[] = {
  [CHRONICLE_SOURCE_KIND_RSS] = "rss",
  [CHRONICLE_SOURCE_KIND_ATOM] = "atom",
  [CHRONICLE_SOURCE_KIND_JSONFEED] = "jsonfeed",
  [CHRONICLE_SOURCE_KIND_GDELT] = "gdelt",
  [CHRONICLE_SOURCE_KIND_GUARDIAN] = "guardian",
  [CHRONICLE_SOURCE_KIND_FILE] = "file",
};

/**
 * chronicle_source_kind_to_string:
 * @kind: a #ChronicleSourceKind
 *
 * Returns: (transfer none): the stable name of @kind, as stored and as the CLI prints it
 */
const char *
chronicle_source_kind_to_string (ChronicleSourceKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);

  return kind_names[kind];
}

/**
 * chronicle_source_kind_from_string:
 * @str: a stable name such as "rss"
 * @kind: (out): where to store the kind
 *
 * Returns: %TRUE if @str names a kind
 */
gboolean
chronicle_source_kind_from_string (const char          *str,
                                   ChronicleSourceKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      if (g_strcmp0 (str, kind_names[i]) == 0)
        {
          *kind = (ChronicleSourceKind) i;
          return TRUE;
        }
    }

  return FALSE;
}
