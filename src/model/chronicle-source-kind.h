/* chronicle-source-kind.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * ChronicleSourceKind:
 * @CHRONICLE_SOURCE_KIND_RSS: an RSS 0.9x, 1.0 (RDF) or 2.0 feed
 * @CHRONICLE_SOURCE_KIND_ATOM: an Atom 0.3 or 1.0 feed
 * @CHRONICLE_SOURCE_KIND_JSONFEED: a JSON Feed 1.0 or 1.1
 * @CHRONICLE_SOURCE_KIND_GDELT: a GDELT DOC 2.0 query
 * @CHRONICLE_SOURCE_KIND_GUARDIAN: a Guardian content API search
 * @CHRONICLE_SOURCE_KIND_FILE: local files (text, HTML, feeds)
 *
 * Where a source's articles come from.
 */
typedef enum {
  CHRONICLE_SOURCE_KIND_RSS,
  CHRONICLE_SOURCE_KIND_ATOM,
  CHRONICLE_SOURCE_KIND_JSONFEED,
  CHRONICLE_SOURCE_KIND_GDELT,
  CHRONICLE_SOURCE_KIND_GUARDIAN,
  CHRONICLE_SOURCE_KIND_FILE,
} ChronicleSourceKind;

const char *chronicle_source_kind_to_string   (ChronicleSourceKind  kind);
gboolean    chronicle_source_kind_from_string (const char          *str,
                                               ChronicleSourceKind *kind);

G_END_DECLS
