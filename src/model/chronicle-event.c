/* chronicle-event.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-model"

#include "config.h"

#include "chronicle-event.h"
#include "chronicle-model-private.h"

/**
 * ChronicleEvent:
 *
 * A story: something that happened (or will) over a span of dates, reported by one
 * or more articles, about a few main entities.
 */
struct _ChronicleEvent
{
  GObject parent_instance;

  gint64 id;
  char *key;
  char *label;
  gint64 start;
  gint64 end;

  GArray *article_ids;
  GPtrArray *entities;
};

G_DEFINE_FINAL_TYPE (ChronicleEvent, chronicle_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KEY,
  PROP_LABEL,
  PROP_START,
  PROP_END,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
chronicle_event_finalize (GObject *object)
{
  ChronicleEvent *self = CHRONICLE_EVENT (object);

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->article_ids, g_array_unref);
  g_clear_pointer (&self->entities, g_ptr_array_unref);

  G_OBJECT_CLASS (chronicle_event_parent_class)->finalize (object);
}

static void
chronicle_event_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ChronicleEvent *self = CHRONICLE_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_START:
      g_value_set_int64 (value, self->start);
      break;
    case PROP_END:
      g_value_set_int64 (value, self->end);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_event_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ChronicleEvent *self = CHRONICLE_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      chronicle_event_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_KEY:
      chronicle_event_set_key (self, g_value_get_string (value));
      break;
    case PROP_LABEL:
      chronicle_event_set_label (self, g_value_get_string (value));
      break;
    case PROP_START:
      chronicle_event_set_start (self, g_value_get_int64 (value));
      break;
    case PROP_END:
      chronicle_event_set_end (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_event_class_init (ChronicleEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = chronicle_event_finalize;
  object_class->get_property = chronicle_event_get_property;
  object_class->set_property = chronicle_event_set_property;

  /**
   * ChronicleEvent:id:
   *
   * The stored row id, 0 before the event is stored.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /**
   * ChronicleEvent:key:
   *
   * A stable identity chosen by whoever groups articles into stories; articles name the
   * events they belong to by this key (chronicle_article_set_event_keys()).
   */
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL, flags);
  /**
   * ChronicleEvent:label:
   *
   * A short human description ("Summit in Geneva").
   */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL, flags);
  /**
   * ChronicleEvent:start:
   *
   * Unix time (UTC) of the first second of the event.
   */
  properties[PROP_START] =
    g_param_spec_int64 ("start", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  /**
   * ChronicleEvent:end:
   *
   * Unix time (UTC) of the first second after the event.
   */
  properties[PROP_END] =
    g_param_spec_int64 ("end", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chronicle_event_init (ChronicleEvent *self)
{
  self->article_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->entities = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * chronicle_event_new:
 * @key: the stable key articles use to name the event
 * @label: (nullable): a short description
 * @start: Unix time (UTC) of the first second
 * @end: Unix time (UTC) of the first second after
 *
 * Returns: (transfer full): a new event without an id
 */
ChronicleEvent *
chronicle_event_new (const char *key,
                     const char *label,
                     gint64      start,
                     gint64      end)
{
  g_return_val_if_fail (key != NULL, NULL);

  return g_object_new (CHRONICLE_TYPE_EVENT,
                       "key", key, "label", label, "start", start, "end", end,
                       NULL);
}

/**
 * chronicle_event_get_article_ids:
 * @self: a #ChronicleEvent
 *
 * Returns: (transfer none) (element-type gint64): the ids of the member articles, as
 *   read from the store (writers link articles through their event keys instead)
 */
GArray *
chronicle_event_get_article_ids (ChronicleEvent *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT (self), NULL);

  return self->article_ids;
}

/**
 * chronicle_event_get_entities:
 * @self: a #ChronicleEvent
 *
 * Returns: (transfer none) (element-type ChronicleEntity): the main entities of the
 *   story; writers add them with chronicle_event_add_entity()
 */
GPtrArray *
chronicle_event_get_entities (ChronicleEvent *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT (self), NULL);

  return self->entities;
}

/**
 * chronicle_event_add_entity:
 * @self: a #ChronicleEvent
 * @entity: a main entity (its kind and name are what count)
 */
void
chronicle_event_add_entity (ChronicleEvent  *self,
                            ChronicleEntity *entity)
{
  g_return_if_fail (CHRONICLE_IS_EVENT (self));
  g_return_if_fail (CHRONICLE_IS_ENTITY (entity));

  g_ptr_array_add (self->entities, g_object_ref (entity));
}

gint64
chronicle_event_get_id (ChronicleEvent *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT (self), 0);

  return self->id;
}

void
chronicle_event_set_id (ChronicleEvent *self,
                        gint64 id)
{
  g_return_if_fail (CHRONICLE_IS_EVENT (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
chronicle_event_get_key (ChronicleEvent *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT (self), NULL);

  return self->key;
}

void
chronicle_event_set_key (ChronicleEvent *self,
                         const char *key)
{
  g_return_if_fail (CHRONICLE_IS_EVENT (self));

  if (_chronicle_set_str (&self->key, key))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY]);
}

const char *
chronicle_event_get_label (ChronicleEvent *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT (self), NULL);

  return self->label;
}

void
chronicle_event_set_label (ChronicleEvent *self,
                           const char *label)
{
  g_return_if_fail (CHRONICLE_IS_EVENT (self));

  if (_chronicle_set_str (&self->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

gint64
chronicle_event_get_start (ChronicleEvent *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT (self), 0);

  return self->start;
}

void
chronicle_event_set_start (ChronicleEvent *self,
                           gint64 start)
{
  g_return_if_fail (CHRONICLE_IS_EVENT (self));

  if (self->start == start)
    return;

  self->start = start;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
}

gint64
chronicle_event_get_end (ChronicleEvent *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT (self), 0);

  return self->end;
}

void
chronicle_event_set_end (ChronicleEvent *self,
                         gint64 end)
{
  g_return_if_fail (CHRONICLE_IS_EVENT (self));

  if (self->end == end)
    return;

  self->end = end;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
}
