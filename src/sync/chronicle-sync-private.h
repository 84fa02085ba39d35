/* chronicle-sync-private.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "chronicle-feed.h"

G_BEGIN_DECLS

char      *_chronicle_resolve_url      (const char *base,
                                        const char *reference);
char      *_chronicle_normalize_space  (const char *text);
gsize      _chronicle_space_len        (const char *p);
char      *_chronicle_html_node_to_text (xmlNode   *node,
                                         gboolean   page);
char      *_chronicle_make_id          (const char *a,
                                        const char *b);
void       _chronicle_feed_entry_finish (ChronicleFeedEntry *entry);
xmlDoc        *_chronicle_xml_read_safe   (const char *data,
                                           gsize       len,
                                           const char *base_url,
                                           const char *encoding,
                                           gboolean   *well_formed,
                                           char      **message,
                                           int        *line,
                                           int        *code,
                                           GError    **error);
ChronicleFeed *_chronicle_feed_parse_xml  (const char *data,
                                           gsize       len,
                                           const char *base_url,
                                           const char *charset,
                                           GError    **error);
ChronicleFeed *_chronicle_feed_parse_json (const char *data,
                                           gsize       len,
                                           const char *base_url,
                                           GError    **error);

G_END_DECLS
