/* chronicle-id-diff.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-store"

#include "config.h"

#include "chronicle-id-diff.h"

/* The minimal edit between two lists of unique ids, as items-changed runs.
 *
 * Common prefix and suffix are skipped. In the middle, the ids present in both lists
 * keep their place if they belong to the longest run that is in the same relative
 * order in both (a longest increasing subsequence of their old positions, taken in the
 * new order); every other id is removed and/or inserted. Adjacent removals and
 * insertions merge into one run. */

/* Marks the longest increasing subsequence of @seq (values are old positions, -1 for
 * "not in old") in @keep. O(n log n). */
static void
mark_lis (const gint *seq,
          guint       n,
          gboolean   *keep)
{
  g_autofree guint *tails = g_new (guint, n + 1);  /* index into seq */
  g_autofree gint *prev = g_new (gint, n);
  guint length = 0;

  for (guint i = 0; i < n; i++)
    {
      guint lo = 0, hi = length;

      prev[i] = -1;
      if (seq[i] < 0)
        continue;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (seq[tails[mid]] < seq[i])
            lo = mid + 1;
          else
            hi = mid;
        }

      if (lo > 0)
        prev[i] = (gint) tails[lo - 1];
      tails[lo] = i;
      if (lo == length)
        length++;
    }

  if (length == 0)
    return;

  for (gint i = (gint) tails[length - 1]; i >= 0; i = prev[i])
    keep[i] = TRUE;
}

static void
add_hunk (GArray *hunks,
          guint   position,
          guint   removed,
          guint   added)
{
  ChronicleIdHunk hunk = { position, removed, added };

  if (removed == 0 && added == 0)
    return;
  g_array_append_val (hunks, hunk);
}

/**
 * _chronicle_id_diff:
 * @old_ids: (array length=n_old): the ids shown now (unique)
 * @n_old: how many
 * @new_ids: (array length=n_new): the ids to show (unique)
 * @n_new: how many
 *
 * Returns: (transfer full) (element-type ChronicleIdHunk): the runs, in order
 */
GArray *
_chronicle_id_diff (const gint64 *old_ids,
                    guint         n_old,
                    const gint64 *new_ids,
                    guint         n_new)
{
  GArray *hunks = g_array_new (FALSE, FALSE, sizeof (ChronicleIdHunk));
  g_autoptr(GHashTable) old_pos = NULL;
  g_autofree gint *seq = NULL;
  g_autofree gboolean *keep_new = NULL;
  g_autofree gboolean *keep_old = NULL;
  guint prefix = 0, suffix = 0, mo, mn, i, j;

  while (prefix < n_old && prefix < n_new && old_ids[prefix] == new_ids[prefix])
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix
         && old_ids[n_old - 1 - suffix] == new_ids[n_new - 1 - suffix])
    suffix++;

  mo = n_old - prefix - suffix;
  mn = n_new - prefix - suffix;

  if (mo == 0 || mn == 0)
    {
      add_hunk (hunks, prefix, mo, mn);
      return hunks;
    }

  old_pos = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (i = 0; i < mo; i++)
    g_hash_table_insert (old_pos, (gpointer) &old_ids[prefix + i], GUINT_TO_POINTER (i + 1));

  seq = g_new (gint, mn);
  for (j = 0; j < mn; j++)
    {
      guint p = GPOINTER_TO_UINT (g_hash_table_lookup (old_pos, &new_ids[prefix + j]));

      seq[j] = (gint) p - 1;
    }

  keep_new = g_new0 (gboolean, mn);
  keep_old = g_new0 (gboolean, mo);
  mark_lis (seq, mn, keep_new);
  for (j = 0; j < mn; j++)
    if (keep_new[j])
      keep_old[seq[j]] = TRUE;

  /* Walk both middles; kept ids pair up in order. */
  i = 0;
  j = 0;
  while (i < mo || j < mn)
    {
      guint start = prefix + j;
      guint removed = 0, added = 0;

      if (i < mo && j < mn && keep_old[i] && keep_new[j])
        {
          i++;
          j++;
          continue;
        }

      while (i < mo && !keep_old[i])
        {
          i++;
          removed++;
        }
      while (j < mn && !keep_new[j])
        {
          j++;
          added++;
        }

      add_hunk (hunks, start, removed, added);
    }

  return hunks;
}
