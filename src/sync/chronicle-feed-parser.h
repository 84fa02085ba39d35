/* chronicle-feed-parser.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "chronicle-feed.h"
#include "chronicle-source-kind.h"

G_BEGIN_DECLS

ChronicleFeed *chronicle_feed_parse          (const char          *data,
                                              gsize                len,
                                              const char          *base_url,
                                              const char          *charset,
                                              GError             **error);
ChronicleFeed *chronicle_feed_parse_for_kind (ChronicleSourceKind  kind,
                                              const char          *data,
                                              gsize                len,
                                              const char          *base_url,
                                              const char          *charset,
                                              GError             **error);

G_END_DECLS
