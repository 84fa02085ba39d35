/* chronicle-entity.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-model"

#include "config.h"

#include "chronicle-entity.h"
#include "chronicle-model-enums.h"
#include "chronicle-model-private.h"

/**
 * ChronicleEntity:
 *
 * A person, country, place or organisation named in articles. The pair
 * (kind, canonical name) identifies an entity; the store gives it an id.
 * The mention count is the number of stored articles that mention it.
 */
struct _ChronicleEntity
{
  GObject parent_instance;

  gint64 id;
  ChronicleEntityKind kind;
  char *name;
  char *country_code;
  GStrv aliases;
  guint mention_count;
};

G_DEFINE_FINAL_TYPE (ChronicleEntity, chronicle_entity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_NAME,
  PROP_COUNTRY_CODE,
  PROP_ALIASES,
  PROP_MENTION_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const kind_names[] = {
  [CHRONICLE_ENTITY_KIND_PERSON] = "person",
  [CHRONICLE_ENTITY_KIND_COUNTRY] = "country",
  [CHRONICLE_ENTITY_KIND_PLACE] = "place",
  [CHRONICLE_ENTITY_KIND_ORGANIZATION] = "organization",
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_names) == CHRONICLE_N_ENTITY_KINDS);

static void
chronicle_entity_finalize (GObject *object)
{
  ChronicleEntity *self = CHRONICLE_ENTITY (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->country_code, g_free);
  g_clear_pointer (&self->aliases, g_strfreev);

  G_OBJECT_CLASS (chronicle_entity_parent_class)->finalize (object);
}

static void
chronicle_entity_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ChronicleEntity *self = CHRONICLE_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_COUNTRY_CODE:
      g_value_set_string (value, self->country_code);
      break;
    case PROP_ALIASES:
      g_value_set_boxed (value, self->aliases);
      break;
    case PROP_MENTION_COUNT:
      g_value_set_uint (value, self->mention_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_entity_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ChronicleEntity *self = CHRONICLE_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      chronicle_entity_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_KIND:
      chronicle_entity_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_NAME:
      chronicle_entity_set_name (self, g_value_get_string (value));
      break;
    case PROP_COUNTRY_CODE:
      chronicle_entity_set_country_code (self, g_value_get_string (value));
      break;
    case PROP_ALIASES:
      chronicle_entity_set_aliases (self, g_value_get_boxed (value));
      break;
    case PROP_MENTION_COUNT:
      chronicle_entity_set_mention_count (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_entity_class_init (ChronicleEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = chronicle_entity_finalize;
  object_class->get_property = chronicle_entity_get_property;
  object_class->set_property = chronicle_entity_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, CHRONICLE_TYPE_ENTITY_KIND,
                                             CHRONICLE_ENTITY_KIND_PERSON, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_COUNTRY_CODE] = g_param_spec_string ("country-code", NULL, NULL, NULL, flags);
  properties[PROP_ALIASES] = g_param_spec_boxed ("aliases", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_MENTION_COUNT] = g_param_spec_uint ("mention-count", NULL, NULL,
                                                      0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chronicle_entity_init (ChronicleEntity *self)
{
}

/**
 * chronicle_entity_kind_to_string:
 * @kind: a #ChronicleEntityKind
 *
 * Returns: (transfer none): the stable name of @kind ("person", "country", "place",
 *   "organization")
 */
const char *
chronicle_entity_kind_to_string (ChronicleEntityKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);

  return kind_names[kind];
}

/**
 * chronicle_entity_kind_from_string:
 * @str: (nullable): a stable name such as "person"
 * @kind: (out): where to store the kind
 *
 * Returns: %TRUE if @str names a kind; @kind is left alone otherwise
 */
gboolean
chronicle_entity_kind_from_string (const char          *str,
                                   ChronicleEntityKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      if (g_strcmp0 (str, kind_names[i]) == 0)
        {
          *kind = (ChronicleEntityKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * chronicle_entity_new:
 * @kind: what the entity is
 * @name: the canonical name
 *
 * Returns: (transfer full): a new entity without an id
 */
ChronicleEntity *
chronicle_entity_new (ChronicleEntityKind  kind,
                      const char          *name)
{
  return g_object_new (CHRONICLE_TYPE_ENTITY, "kind", kind, "name", name, NULL);
}

gint64
chronicle_entity_get_id (ChronicleEntity *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ENTITY (self), 0);
  return self->id;
}

void
chronicle_entity_set_id (ChronicleEntity *self,
                         gint64           id)
{
  g_return_if_fail (CHRONICLE_IS_ENTITY (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

ChronicleEntityKind
chronicle_entity_get_kind (ChronicleEntity *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ENTITY (self), 0);
  return self->kind;
}

void
chronicle_entity_set_kind (ChronicleEntity     *self,
                           ChronicleEntityKind  kind)
{
  g_return_if_fail (CHRONICLE_IS_ENTITY (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
chronicle_entity_get_name (ChronicleEntity *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ENTITY (self), NULL);
  return self->name;
}

void
chronicle_entity_set_name (ChronicleEntity *self,
                           const char      *name)
{
  g_return_if_fail (CHRONICLE_IS_ENTITY (self));

  if (_chronicle_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * chronicle_entity_get_country_code:
 * @self: a #ChronicleEntity
 *
 * Returns: (nullable): the ISO 3166-1 alpha-2 code of a country, or of the country a
 *   place is in, in upper case
 */
const char *
chronicle_entity_get_country_code (ChronicleEntity *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ENTITY (self), NULL);
  return self->country_code;
}

void
chronicle_entity_set_country_code (ChronicleEntity *self,
                                   const char      *country_code)
{
  g_return_if_fail (CHRONICLE_IS_ENTITY (self));

  if (_chronicle_set_str (&self->country_code, country_code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY_CODE]);
}

/**
 * chronicle_entity_get_aliases:
 * @self: a #ChronicleEntity
 *
 * Returns: (nullable) (transfer none): the other spellings seen in articles
 */
const char * const *
chronicle_entity_get_aliases (ChronicleEntity *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ENTITY (self), NULL);
  return (const char * const *) self->aliases;
}

void
chronicle_entity_set_aliases (ChronicleEntity    *self,
                              const char * const *aliases)
{
  g_return_if_fail (CHRONICLE_IS_ENTITY (self));

  if (self->aliases == NULL && aliases == NULL)
    return;
  if (self->aliases != NULL && aliases != NULL
      && g_strv_equal ((const char * const *) self->aliases, aliases))
    return;

  g_strfreev (self->aliases);
  self->aliases = g_strdupv ((char **) aliases);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIASES]);
}

guint
chronicle_entity_get_mention_count (ChronicleEntity *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ENTITY (self), 0);
  return self->mention_count;
}

void
chronicle_entity_set_mention_count (ChronicleEntity *self,
                                    guint            mention_count)
{
  g_return_if_fail (CHRONICLE_IS_ENTITY (self));

  if (self->mention_count == mention_count)
    return;
  self->mention_count = mention_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MENTION_COUNT]);
}
