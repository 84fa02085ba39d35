/* chronicle-opml.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * ChronicleOpmlOutline:
 * @url: the feed's address (`xmlUrl`), always http or https
 * @title: the outline's `title` or `text`, or %NULL
 * @html_url: the web site (`htmlUrl`), or %NULL
 * @category: the enclosing outline's title (a folder), or %NULL
 *
 * One subscription in an OPML file.
 */
typedef struct {
  char *url;
  char *title;
  char *html_url;
  char *category;
} ChronicleOpmlOutline;

void       chronicle_opml_outline_free (ChronicleOpmlOutline *outline);
GPtrArray *chronicle_opml_parse        (const char           *data,
                                        gsize                 len,
                                        guint                *n_skipped,
                                        GError              **error);
char      *chronicle_opml_write        (GPtrArray            *outlines,
                                        const char           *title);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronicleOpmlOutline, chronicle_opml_outline_free)

G_END_DECLS
