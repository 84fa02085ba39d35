/* chronicle-local.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chronicle-feed.h"

G_BEGIN_DECLS

ChronicleFeed *chronicle_local_parse_text  (const char    *text,
                                            gsize          len,
                                            GError       **error);
ChronicleFeed *chronicle_local_parse_jsonl (const char    *data,
                                            gsize          len,
                                            GError       **error);
gboolean       chronicle_local_is_opml     (const char    *data,
                                            gsize          len);
ChronicleFeed *chronicle_local_parse       (const char    *data,
                                            gsize          len,
                                            const char    *uri,
                                            GError       **error);
ChronicleFeed *chronicle_local_load_file   (GFile         *file,
                                            GCancellable  *cancellable,
                                            GError       **error);

G_END_DECLS
