/* chronicle-facet-index-private.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-facet-index.h"

G_BEGIN_DECLS

/* Shared by chronicle-facet-index.c (building, updating) and
 * chronicle-facet-index-count.c (counting). */

/* Beyond this many article ids (sparse or huge stores) the SQL path answers. */
#define MAX_SLOTS (64u * 1024u * 1024u)
/* More queued articles than this and a rebuild is cheaper than re-reading each. */
#define MAX_PENDING 100000u

enum {
  SLOT_PRESENT = 1 << 0,
  SLOT_READ = 1 << 1,
  SLOT_STARRED = 1 << 2,
  SLOT_OVERRIDE = 1 << 3,
};

struct _ChronicleFacetIndex
{
  /* Guards pending, invalid and the cache. */
  GMutex lock;
  /* Held while counting, so that equal queries asked together count once. */
  GMutex count_lock;
  GArray *pending;
  gboolean invalid;
  ChronicleQuery *cached_query;
  guint64 cached_generation;
  ChronicleFacetCounts *cached;

  /* Guards the data below: counts read it, updates and builds write it. */
  GRWLock rw;
  gboolean built;
  guint64 generation;
  /* Slot i is article id base + i (retention removes the oldest, lowest ids). */
  gint64 base;
  guint n_slots;
  gsize cap_slots;
  gint64 *published;
  guint32 *source;
  guint8 *flags;
  /* n_slots + 1 byte offsets into bytes. */
  guint32 *start;
  guint8 *bytes;
  gsize n_bytes;
  gsize cap_bytes;
  /* Slot -> GBytes: the entity list of an article re-read inside the built range. */
  GHashTable *overrides;
  guint8 *kinds;
  guint n_entities;
  guint32 max_source;
  /* Present articles naming each entity (n_entities), and of each source
   * (n_source_totals): the counts of an unfiltered query, for counting the complement. */
  guint32 *totals;
  guint32 *source_totals;
  guint n_source_totals;
  /* Per entity (the first n_posted ids): the articles naming it, ascending,
   * delta-coded, built with the index; entity id -> GArray of article ids re-read
   * since (a superset: candidates are checked against their own entity list). */
  guint32 *post_start;
  guint8 *post_bytes;
  guint n_posted;
  GHashTable *post_tail;

  gint64 build_usec;
  guint n_builds;
  gint warm_requested;

  /* The last search's matches (count_lock): a filter change mostly keeps the text. */
  char *text_match;
  guint64 *text_bits;
  guint n_text_bits;
  guint64 text_generation;
};

/* Varints: 7 bits a byte, low bits first. */
/* Decodes the entity list [p, end) into @out (grown as needed); returns its length. */
static inline guint
decode_list (const guint8  *p,
             const guint8  *end,
             guint32      **out,
             guint         *cap)
{
  guint n = 0;
  guint32 last = 0;

  while (p < end)
    {
      guint32 value = 0;
      guint shift = 0;

      while (*p & 0x80)
        {
          value |= (guint32) (*p++ & 0x7f) << shift;
          shift += 7;
        }
      value |= (guint32) *p++ << shift;
      last += value;
      if (n == *cap)
        {
          *cap *= 2;
          *out = g_renew (guint32, *out, *cap);
        }
      (*out)[n++] = last;
    }
  return n;
}

/* The entity list of slot @id (present), as [*p, *end). */
static inline void
slot_list (ChronicleFacetIndex  *self,
           guint                 id,
           const guint8        **p,
           const guint8        **end)
{
  if (G_UNLIKELY (self->flags[id] & SLOT_OVERRIDE))
    {
      gsize len = 0;
      GBytes *b = g_hash_table_lookup (self->overrides, GUINT_TO_POINTER (id));

      *p = b != NULL ? g_bytes_get_data (b, &len) : NULL;
      *end = *p != NULL ? *p + len : NULL;
    }
  else
    {
      *p = self->bytes + self->start[id];
      *end = self->bytes + self->start[id + 1];
    }
}

gboolean _chronicle_facet_index_refresh (ChronicleFacetIndex  *self,
                                         ChronicleDb          *db,
                                         GError              **error);

G_END_DECLS
