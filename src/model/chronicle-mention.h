/* chronicle-mention.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "chronicle-entity.h"

G_BEGIN_DECLS

/**
 * ChronicleMention:
 * @entity_id: the stored entity's id, or 0 before the store has seen it
 * @entity_kind: what the entity is
 * @entity_name: the entity's canonical name (with @entity_kind, its identity)
 * @country_code: (nullable): ISO 3166-1 alpha-2 code for countries and places
 * @surface: (nullable): the text as written in the article when it differs from the
 *   canonical name; the store records it as an alias
 * @start: offset of the first character (in Unicode characters, not bytes) in the
 *   article's text (title, a newline, then the body)
 * @end: offset one past the last character
 *
 * One place in an article where an entity is named.
 *
 * A plain boxed struct rather than a GObject: an article has about ten mentions and a
 * batch thousands, they are never observed, and copying a struct is far cheaper than
 * creating objects with property machinery. Fields are public and read directly.
 */
typedef struct {
  gint64 entity_id;
  ChronicleEntityKind entity_kind;
  char *entity_name;
  char *country_code;
  char *surface;
  guint start;
  guint end;
} ChronicleMention;

#define CHRONICLE_TYPE_MENTION (chronicle_mention_get_type ())

GType             chronicle_mention_get_type (void) G_GNUC_CONST;
ChronicleMention *chronicle_mention_new      (ChronicleEntityKind     kind,
                                              const char             *name,
                                              guint                   start,
                                              guint                   end);
ChronicleMention *chronicle_mention_copy     (const ChronicleMention *self);
void              chronicle_mention_free     (ChronicleMention       *self);
gboolean          chronicle_mention_equal    (const ChronicleMention *a,
                                              const ChronicleMention *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronicleMention, chronicle_mention_free)

G_END_DECLS
