/* chronicle-entity-fold.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

char     *_chronicle_entity_fold          (const char *name);
char     *_chronicle_entity_like_pattern  (const char *search);
gboolean  _chronicle_entity_fold_register (sqlite3    *handle);

G_END_DECLS
