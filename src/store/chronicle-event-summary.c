/* chronicle-event-summary.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-store"

#include "config.h"

#include "chronicle-event-summary.h"
#include "chronicle-store-events-private.h"

/**
 * ChronicleEventSummary:
 *
 * What a row of the Events view shows about one stored event: its label, date span,
 * how many articles it has, their distinct sources and its main entities (the people
 * and countries its articles name most).
 *
 * Like articles in #ChronicleArticleList, a summary in #ChronicleEventList may be a
 * placeholder (#ChronicleEventSummary:loaded %FALSE) that is filled in, and notifies
 * `loaded`, when its page has been read.
 */

struct _ChronicleEventSummary
{
  GObject parent_instance;

  gint64 id;
  gboolean loaded;
  char *key;
  char *label;
  gint64 start;
  gint64 end;
  gint64 first_published;
  gint64 last_published;
  guint n_articles;
  GStrv sources;
  GPtrArray *entities;
};

G_DEFINE_FINAL_TYPE (ChronicleEventSummary, chronicle_event_summary, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LOADED,
  PROP_LABEL,
  PROP_N_ARTICLES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
set_str (char       **field,
         const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
chronicle_event_summary_finalize (GObject *object)
{
  ChronicleEventSummary *self = CHRONICLE_EVENT_SUMMARY (object);

  g_free (self->key);
  g_free (self->label);
  g_strfreev (self->sources);
  g_ptr_array_unref (self->entities);

  G_OBJECT_CLASS (chronicle_event_summary_parent_class)->finalize (object);
}

static void
chronicle_event_summary_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  ChronicleEventSummary *self = CHRONICLE_EVENT_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_N_ARTICLES:
      g_value_set_uint (value, self->n_articles);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_event_summary_class_init (ChronicleEventSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chronicle_event_summary_finalize;
  object_class->get_property = chronicle_event_summary_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ARTICLES] =
    g_param_spec_uint ("n-articles", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chronicle_event_summary_init (ChronicleEventSummary *self)
{
  self->entities = g_ptr_array_new_with_free_func (g_object_unref);
}

ChronicleEventSummary *
chronicle_event_summary_new (gint64 id)
{
  ChronicleEventSummary *self = g_object_new (CHRONICLE_TYPE_EVENT_SUMMARY, NULL);

  self->id = id;
  return self;
}

/* Copies what @from read into @self (a placeholder in a list) and notifies. */
void
_chronicle_event_summary_fill (ChronicleEventSummary *self,
                               ChronicleEventSummary *from)
{
  g_return_if_fail (self->id == from->id);

  g_object_freeze_notify (G_OBJECT (self));
  set_str (&self->key, from->key);
  if (set_str (&self->label, from->label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
  self->start = from->start;
  self->end = from->end;
  self->first_published = from->first_published;
  self->last_published = from->last_published;
  if (self->n_articles != from->n_articles)
    {
      self->n_articles = from->n_articles;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ARTICLES]);
    }
  g_strfreev (self->sources);
  self->sources = g_strdupv (from->sources);
  g_ptr_array_set_size (self->entities, 0);
  for (guint i = 0; i < from->entities->len; i++)
    g_ptr_array_add (self->entities, g_object_ref (g_ptr_array_index (from->entities, i)));
  self->loaded = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
_chronicle_event_summary_set_fields (ChronicleEventSummary *self,
                                     const char            *key,
                                     const char            *label,
                                     gint64                 start,
                                     gint64                 end,
                                     gint64                 first_published,
                                     gint64                 last_published,
                                     guint                  n_articles,
                                     GStrv                  sources,
                                     GPtrArray             *entities)
{
  set_str (&self->key, key);
  set_str (&self->label, label);
  self->start = start;
  self->end = end;
  self->first_published = first_published;
  self->last_published = last_published;
  self->n_articles = n_articles;
  g_strfreev (self->sources);
  self->sources = sources;
  g_ptr_array_unref (self->entities);
  self->entities = entities;
  self->loaded = TRUE;
}

gint64
chronicle_event_summary_get_id (ChronicleEventSummary *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT_SUMMARY (self), 0);
  return self->id;
}

/**
 * chronicle_event_summary_get_loaded:
 * @self: a #ChronicleEventSummary
 *
 * Returns: %FALSE for a placeholder whose fields are still being read
 */
gboolean
chronicle_event_summary_get_loaded (ChronicleEventSummary *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT_SUMMARY (self), FALSE);
  return self->loaded;
}

const char *
chronicle_event_summary_get_key (ChronicleEventSummary *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT_SUMMARY (self), NULL);
  return self->key;
}

/**
 * chronicle_event_summary_get_label:
 * @self: a #ChronicleEventSummary
 *
 * Returns: (nullable): the event's label (the grouper's headline), or %NULL when the
 *   event was only named by a key
 */
const char *
chronicle_event_summary_get_label (ChronicleEventSummary *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT_SUMMARY (self), NULL);
  return self->label;
}

/**
 * chronicle_event_summary_get_start:
 * @self: a #ChronicleEventSummary
 *
 * Returns: when the event happened (start of its stored span; Unix time, UTC). The
 *   Events list is ordered by it, newest first.
 */
gint64
chronicle_event_summary_get_start (ChronicleEventSummary *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT_SUMMARY (self), 0);
  return self->start;
}

gint64
chronicle_event_summary_get_end (ChronicleEventSummary *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT_SUMMARY (self), 0);
  return self->end;
}

/**
 * chronicle_event_summary_get_first_published:
 * @self: a #ChronicleEventSummary
 *
 * Returns: the publication time of its oldest article (0 with no article)
 */
gint64
chronicle_event_summary_get_first_published (ChronicleEventSummary *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT_SUMMARY (self), 0);
  return self->first_published;
}

/**
 * chronicle_event_summary_get_last_published:
 * @self: a #ChronicleEventSummary
 *
 * Returns: the publication time of its newest article (0 with no article)
 */
gint64
chronicle_event_summary_get_last_published (ChronicleEventSummary *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT_SUMMARY (self), 0);
  return self->last_published;
}

/**
 * chronicle_event_summary_get_n_articles:
 * @self: a #ChronicleEventSummary
 *
 * Returns: how many stored articles belong to the event (whatever the query)
 */
guint
chronicle_event_summary_get_n_articles (ChronicleEventSummary *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT_SUMMARY (self), 0);
  return self->n_articles;
}

/**
 * chronicle_event_summary_get_sources:
 * @self: a #ChronicleEventSummary
 *
 * Returns: (transfer none) (array zero-terminated=1): the distinct titles of the
 *   sources of its articles, the source with most articles first (ties by title)
 */
const char * const *
chronicle_event_summary_get_sources (ChronicleEventSummary *self)
{
  static const char *const empty[] = { NULL };

  g_return_val_if_fail (CHRONICLE_IS_EVENT_SUMMARY (self), empty);
  return self->sources != NULL ? (const char * const *) self->sources : empty;
}

/**
 * chronicle_event_summary_get_entities:
 * @self: a #ChronicleEventSummary
 *
 * The main entities: up to four people and countries, those named by most of its
 * articles first, then by most mentions, then by name. An event whose articles name
 * none has the people and countries stored with the event instead.
 *
 * Returns: (transfer none) (element-type ChronicleEntity): the main entities; each
 *   entity's mention count is the number of the event's articles naming it
 */
GPtrArray *
chronicle_event_summary_get_entities (ChronicleEventSummary *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT_SUMMARY (self), NULL);
  return self->entities;
}
