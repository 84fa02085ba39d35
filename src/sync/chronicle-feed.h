/* chronicle-feed.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * ChronicleFeedEntry:
 * @id: a stable identifier (guid, Atom id, JSON Feed id; else the link; else a hash)
 * @title: plain text, or %NULL
 * @link: the article's absolute URL, or %NULL
 * @author: the author's name (or names, comma-separated), or %NULL
 * @published: when it was published (UTC), or %NULL when the feed gave no usable date
 * @updated: when it was last changed (UTC), or %NULL
 * @summary: plain text (HTML already turned into clean text), or %NULL
 * @content: plain text of the full article, or %NULL
 * @categories: (element-type utf8): categories, tags, keywords; never %NULL
 * @image: a picture's URL (thumbnail, enclosure, social image), or %NULL
 * @language: a language code when the source gives one, or %NULL
 * @source_name: where the article comes from when it differs from the feed (a GDELT
 *   domain, a Wikinews dump), or %NULL
 * @source_country: the GDELT source country (an English name), or %NULL
 * @license: the licence of the text when the source states one, or %NULL
 * @attribution: the attribution the licence asks for, or %NULL
 * @unread_date: the text of a date the source gave that could not be read, or %NULL
 * @needs_date_inference: the source had no date at all (a plain-text article): the
 *   extraction layer should infer the publication date from the text
 *
 * One article as a source delivered it, before it is stored.
 */
typedef struct {
  char      *id;
  char      *title;
  char      *link;
  char      *author;
  GDateTime *published;
  GDateTime *updated;
  char      *summary;
  char      *content;
  GPtrArray *categories;
  char      *image;
  char      *language;
  char      *source_name;
  char      *source_country;
  char      *license;
  char      *attribution;
  gboolean   needs_date_inference;
  char      *unread_date;
} ChronicleFeedEntry;

/**
 * ChronicleFeed:
 * @format: the detected format, e.g. `rss-2.0`, `rss-1.0`, `rss-0.91`, `atom-1.0`,
 *   `atom-0.3`, `jsonfeed-1.1`, `gdelt`, `guardian`, `text`, `html`, `jsonl`
 * @title: the feed's title, or %NULL
 * @link: the web site the feed belongs to, or %NULL
 * @description: the feed's description as plain text, or %NULL
 * @updated: when the feed says it changed, or %NULL
 * @entries: (element-type ChronicleFeedEntry): the entries in document order
 * @rights: the feed's rights statement (Atom `rights`, RSS `copyright`, `dc:rights`),
 *   the licence of entries that state none, or %NULL
 * @warnings: (element-type utf8): sentences about problems that were repaired
 *   (invalid UTF-8, a truncated document)
 *
 * A parsed feed.
 */
typedef struct {
  char      *format;
  char      *title;
  char      *link;
  char      *description;
  GDateTime *updated;
  GPtrArray *entries;
  GPtrArray *warnings;
  char      *rights;
} ChronicleFeed;

ChronicleFeedEntry *chronicle_feed_entry_new  (void);
void                chronicle_feed_entry_free (ChronicleFeedEntry *entry);

ChronicleFeed      *chronicle_feed_new        (const char         *format);
void                chronicle_feed_free       (ChronicleFeed      *feed);
void                chronicle_feed_add_warning (ChronicleFeed     *feed,
                                                const char        *warning);
void                chronicle_feed_warn_unread_dates (ChronicleFeed *feed);
char               *chronicle_feed_to_json    (ChronicleFeed      *feed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronicleFeedEntry, chronicle_feed_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronicleFeed, chronicle_feed_free)

G_END_DECLS
