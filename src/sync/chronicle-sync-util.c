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
  const char *p = text;

  if (text == NULL)
    return NULL;

  out = g_string_sized_new (strlen (text));
  while (*p != '\0')
    {
      const char *run = p;
      gsize space_len;

      while (*p != '\0' && (space_len = _chronicle_space_len (p)) == 0)
        p++;
      if (p > run)
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_len (out, run, p - run);
        }
      while (*p != '\0' && (space_len = _chronicle_space_len (p)) > 0)
        {
          space = TRUE;
          p += space_len;
        }
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

/*< private >
 * _chronicle_space_len:
 * @p: a position in valid UTF-8
 *
 * Returns: the length in bytes of the white space character at @p (ASCII white space,
 *   no-break space, the U+2000 spaces, line and paragraph separators, zero-width space,
 *   ideographic space), or 0
 */
gsize
_chronicle_space_len (const char *p)
{
  guchar c = (guchar) p[0];

  if (c < 0x80)
    return (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') ? 1 : 0;

  if (c == 0xC2)
    return ((guchar) p[1] == 0xA0 || (guchar) p[1] == 0x85) ? 2 : 0;

  if (c == 0xE2 && (guchar) p[1] == 0x80)
    {
      guchar d = (guchar) p[2];
      /* U+2000–U+200B, U+2028, U+2029, U+202F */
      return (d <= 0x8B || d == 0xA8 || d == 0xA9 || d == 0xAF) ? 3 : 0;
    }

  if (c == 0xE3 && (guchar) p[1] == 0x80 && (guchar) p[2] == 0x80)
    return 3;

  return 0;
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
