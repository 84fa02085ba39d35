/* chronicle-fts-rank.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Internal to src/store. */
gboolean _chronicle_fts_rank_register (sqlite3 *db);

G_END_DECLS
