/* chronicle-entity.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * ChronicleEntityKind:
 * @CHRONICLE_ENTITY_KIND_PERSON: a person
 * @CHRONICLE_ENTITY_KIND_COUNTRY: a sovereign country or territory (has an ISO 3166-1 code)
 * @CHRONICLE_ENTITY_KIND_PLACE: a city, region or other place (may have the code of its country)
 * @CHRONICLE_ENTITY_KIND_ORGANIZATION: a company, party, agency, team…
 *
 * What an entity is. The numeric values are stored in databases: append only.
 */
typedef enum {
  CHRONICLE_ENTITY_KIND_PERSON,
  CHRONICLE_ENTITY_KIND_COUNTRY,
  CHRONICLE_ENTITY_KIND_PLACE,
  CHRONICLE_ENTITY_KIND_ORGANIZATION,
} ChronicleEntityKind;

/**
 * CHRONICLE_N_ENTITY_KINDS:
 *
 * The number of #ChronicleEntityKind values.
 */
#define CHRONICLE_N_ENTITY_KINDS 4

#define CHRONICLE_TYPE_ENTITY (chronicle_entity_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleEntity, chronicle_entity, CHRONICLE, ENTITY, GObject)

const char          *chronicle_entity_kind_to_string   (ChronicleEntityKind  kind);
gboolean             chronicle_entity_kind_from_string (const char          *str,
                                                        ChronicleEntityKind *kind);

ChronicleEntity     *chronicle_entity_new              (ChronicleEntityKind  kind,
                                                        const char          *name);

gint64               chronicle_entity_get_id           (ChronicleEntity     *self);
void                 chronicle_entity_set_id           (ChronicleEntity     *self,
                                                        gint64               id);
ChronicleEntityKind  chronicle_entity_get_kind         (ChronicleEntity     *self);
void                 chronicle_entity_set_kind         (ChronicleEntity     *self,
                                                        ChronicleEntityKind  kind);
const char          *chronicle_entity_get_name         (ChronicleEntity     *self);
void                 chronicle_entity_set_name         (ChronicleEntity     *self,
                                                        const char          *name);
const char          *chronicle_entity_get_country_code (ChronicleEntity     *self);
void                 chronicle_entity_set_country_code (ChronicleEntity     *self,
                                                        const char          *country_code);
const char * const  *chronicle_entity_get_aliases      (ChronicleEntity     *self);
void                 chronicle_entity_set_aliases      (ChronicleEntity     *self,
                                                        const char * const  *aliases);
guint                chronicle_entity_get_mention_count (ChronicleEntity    *self);
void                 chronicle_entity_set_mention_count (ChronicleEntity    *self,
                                                         guint               mention_count);

G_END_DECLS
