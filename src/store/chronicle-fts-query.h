/* chronicle-fts-query.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *chronicle_fts_query_from_user (const char *text);

G_END_DECLS
