/* chronicle-id-diff.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Internal to src/store (and its tests). */

/* One `items-changed` run. Applied in order, each position is in the coordinates of
 * the list as left by the hunks before it. */
typedef struct {
  guint position;
  guint removed;
  guint added;
} ChronicleIdHunk;

GArray *_chronicle_id_diff (const gint64 *old_ids,
                            guint         n_old,
                            const gint64 *new_ids,
                            guint         n_new);

G_END_DECLS
