/* chronicle-store-types.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-store"

#include "config.h"

#include <string.h>

#include "chronicle-store-types.h"

static ChronicleEntityDetail *
entity_detail_copy (ChronicleEntityDetail *detail)
{
  ChronicleEntityDetail *copy = g_new0 (ChronicleEntityDetail, 1);

  copy->entity = detail->entity != NULL ? g_object_ref (detail->entity) : NULL;
  copy->histogram = detail->histogram != NULL ? g_array_ref (detail->histogram) : NULL;
  copy->related = detail->related != NULL ? g_ptr_array_ref (detail->related) : NULL;
  copy->followed = detail->followed;
  copy->first_mention = detail->first_mention;
  copy->last_mention = detail->last_mention;
  copy->merged = detail->merged != NULL ? g_ptr_array_ref (detail->merged) : NULL;

  return copy;
}

G_DEFINE_BOXED_TYPE (ChronicleEntityDetail, chronicle_entity_detail,
                     entity_detail_copy, chronicle_entity_detail_free)

/**
 * chronicle_entity_detail_free:
 * @detail: (nullable): a #ChronicleEntityDetail
 */
void
chronicle_entity_detail_free (ChronicleEntityDetail *detail)
{
  if (detail == NULL)
    return;

  g_clear_object (&detail->entity);
  g_clear_pointer (&detail->histogram, g_array_unref);
  g_clear_pointer (&detail->related, g_ptr_array_unref);
  g_clear_pointer (&detail->merged, g_ptr_array_unref);
  g_free (detail);
}

G_DEFINE_BOXED_TYPE (ChronicleSearchHit, chronicle_search_hit,
                     chronicle_search_hit_copy, chronicle_search_hit_free)

/**
 * chronicle_search_hit_copy:
 * @hit: a #ChronicleSearchHit
 *
 * Returns: (transfer full): a deep copy
 */
ChronicleSearchHit *
chronicle_search_hit_copy (const ChronicleSearchHit *hit)
{
  ChronicleSearchHit *copy;

  g_return_val_if_fail (hit != NULL, NULL);

  copy = g_memdup2 (hit, sizeof *hit);
  copy->title = g_strdup (hit->title);
  copy->snippet = g_strdup (hit->snippet);
  return copy;
}

void
chronicle_search_hit_free (ChronicleSearchHit *hit)
{
  if (hit == NULL)
    return;

  g_free (hit->title);
  g_free (hit->snippet);
  g_free (hit);
}

/**
 * chronicle_search_hit_dup_markup:
 * @marked: (nullable): a snippet with %CHRONICLE_SNIPPET_START / %CHRONICLE_SNIPPET_END
 *   marks
 *
 * Returns: (transfer full): Pango markup: the text escaped, matches in `<b>`
 */
char *
chronicle_search_hit_dup_markup (const char *marked)
{
  GString *out = g_string_new (NULL);

  for (const char *p = marked != NULL ? marked : ""; *p != '\0';)
    {
      const char *next = strpbrk (p, CHRONICLE_SNIPPET_START CHRONICLE_SNIPPET_END);
      gsize len = next != NULL ? (gsize) (next - p) : strlen (p);
      g_autofree char *escaped = g_markup_escape_text (p, len);

      g_string_append (out, escaped);
      if (next == NULL)
        break;
      g_string_append (out, *next == CHRONICLE_SNIPPET_START[0] ? "<b>" : "</b>");
      p = next + 1;
    }

  return g_string_free (out, FALSE);
}
