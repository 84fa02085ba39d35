/* chronicle-html.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "chronicle-feed.h"

G_BEGIN_DECLS

char          *chronicle_html_to_text        (const char  *html,
                                              gssize       len);
GPtrArray     *chronicle_html_discover_feeds (const char  *html,
                                              gsize        len,
                                              const char  *base_url);
gboolean       chronicle_html_looks_like_page (const char *data,
                                               gsize       len);
ChronicleFeed *chronicle_html_parse_page     (const char  *html,
                                              gsize        len,
                                              const char  *base_url,
                                              GError     **error);

G_END_DECLS
