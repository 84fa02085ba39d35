/* chronicle-sync-util.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-sync"

#include "config.h"

#include <string.h>

#include "chronicle-sync-private.h"

/*< private >
 * _chronicle_resolve_url:
 * @base: (nullable): the base URL (xml:base, the feed's address)
 * @reference: (nullable): an absolute or relative URL
 *
 * Returns: (transfer full) (nullable): the absolute URL; @reference itself when it
 *   cannot be made absolute; %NULL when @reference is empty
 */
char *
_chronicle_resolve_url (const char *base,
                        const char *reference)
{
  g_autofree char *ref = NULL;
  char *resolved;

  if (reference == NULL)
    return NULL;

  ref = g_strstrip (g_strdup (reference));
  if (*ref == '\0')
    return NULL;

  if (g_uri_is_valid (ref, G_URI_FLAGS_NONE, NULL))
    return g_steal_pointer (&ref);

  if (base == NULL || !g_uri_is_valid (base, G_URI_FLAGS_NONE, NULL))
    return g_steal_pointer (&ref);

  resolved = g_uri_resolve_relative (base, ref, G_URI_FLAGS_NONE, NULL);
  if (resolved == NULL)
    {
      /* Spaces and other unescaped characters in a relative link. */
      g_autofree char *escaped = g_uri_escape_string (ref, "!$&'()*+,;=:@/?#%", TRUE);
      resolved = g_uri_resolve_relative (base, escaped, G_URI_FLAGS_NONE, NULL);
    }
  if (resolved == NULL)
    resolved = g_steal_pointer (&ref);

  return resolved;
}

/*< private >
 * _chronicle_normalize_space:
 * @text: (nullable): text
 *
 * Returns: (transfer full) (nullable): @text with runs of whitespace collapsed into one
 *   space and trimmed, or %NULL when nothing is left
 */
char *
_chronicle_normalize_space (const char *text)
{
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return NULL;

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0xA0)
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

/*< private >
 * _chronicle_make_id:
 *
 * Returns: (transfer full): a stable id from two strings, `urn:sha1:…`
 */
char *
_chronicle_make_id (const char *a,
                    const char *b)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA1);

  if (a != NULL)
    g_checksum_update (sum, (const guchar *) a, -1);
  g_checksum_update (sum, (const guchar *) "\n", 1);
  if (b != NULL)
    g_checksum_update (sum, (const guchar *) b, -1);

  return g_strconcat ("urn:sha1:", g_checksum_get_string (sum), NULL);
}

/*< private >
 * _chronicle_feed_entry_finish:
 *
 * Gives an entry an id when the source had none: its link, else a hash of its title
 * and text; drops empty strings.
 */
void
_chronicle_feed_entry_finish (ChronicleFeedEntry *entry)
{
  if (entry->id != NULL && *g_strstrip (entry->id) == '\0')
    g_clear_pointer (&entry->id, g_free);

  if (entry->id == NULL && entry->link != NULL)
    entry->id = g_strdup (entry->link);
  if (entry->id == NULL)
    entry->id = _chronicle_make_id (entry->title,
                                    entry->content != NULL ? entry->content : entry->summary);
}
