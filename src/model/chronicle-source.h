/* chronicle-source.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "chronicle-source-kind.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_SOURCE (chronicle_source_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleSource, chronicle_source, CHRONICLE, SOURCE, GObject)

ChronicleSource    *chronicle_source_new (ChronicleSourceKind  kind,
                                          const char          *url);

gint64              chronicle_source_get_id            (ChronicleSource *self);
void                chronicle_source_set_id            (ChronicleSource *self,
                                                        gint64 id);
ChronicleSourceKind chronicle_source_get_kind          (ChronicleSource *self);
void                chronicle_source_set_kind          (ChronicleSource *self,
                                                        ChronicleSourceKind kind);
const char *        chronicle_source_get_url           (ChronicleSource *self);
void                chronicle_source_set_url           (ChronicleSource *self,
                                                        const char *url);
const char *        chronicle_source_get_title         (ChronicleSource *self);
void                chronicle_source_set_title         (ChronicleSource *self,
                                                        const char *title);
const char *        chronicle_source_get_site_url      (ChronicleSource *self);
void                chronicle_source_set_site_url      (ChronicleSource *self,
                                                        const char *site_url);
gboolean            chronicle_source_get_enabled       (ChronicleSource *self);
void                chronicle_source_set_enabled       (ChronicleSource *self,
                                                        gboolean enabled);
guint               chronicle_source_get_sync_interval (ChronicleSource *self);
void                chronicle_source_set_sync_interval (ChronicleSource *self,
                                                        guint sync_interval);
const char *        chronicle_source_get_etag          (ChronicleSource *self);
void                chronicle_source_set_etag          (ChronicleSource *self,
                                                        const char *etag);
const char *        chronicle_source_get_last_modified (ChronicleSource *self);
void                chronicle_source_set_last_modified (ChronicleSource *self,
                                                        const char *last_modified);
gint64              chronicle_source_get_last_success  (ChronicleSource *self);
void                chronicle_source_set_last_success  (ChronicleSource *self,
                                                        gint64 last_success);
const char *        chronicle_source_get_last_error    (ChronicleSource *self);
void                chronicle_source_set_last_error    (ChronicleSource *self,
                                                        const char *last_error);
const char *        chronicle_source_get_last_warning  (ChronicleSource *self);
void                chronicle_source_set_last_warning  (ChronicleSource *self,
                                                        const char *last_warning);
guint               chronicle_source_get_article_count (ChronicleSource *self);
void                chronicle_source_set_article_count (ChronicleSource *self,
                                                        guint article_count);

G_END_DECLS
