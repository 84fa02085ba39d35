/* chronicle-db-path.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *chronicle_db_path_default (void);
char     *chronicle_db_path_resolve (const char  *path,
                                     GError     **error);
gboolean  chronicle_db_path_prepare (const char  *path,
                                     GError     **error);

G_END_DECLS
