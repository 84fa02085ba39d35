/* chronicle-source.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-model"

#include "config.h"

#include "chronicle-model-enums.h"
#include "chronicle-model-private.h"
#include "chronicle-source.h"

/**
 * ChronicleSource:
 *
 * A subscription: a feed, an API query or local files. Its properties mirror a row of
 * the store's `sources` table; HTTP validators and the last error are kept so a sync
 * can send conditional requests and the UI can say what went wrong.
 */
struct _ChronicleSource
{
  GObject parent_instance;

  gint64 id;
  ChronicleSourceKind kind;
  char *url;
  char *title;
  char *site_url;
  gboolean enabled;
  guint sync_interval;
  char *etag;
  char *last_modified;
  gint64 last_success;
  char *last_error;
  char *last_warning;
  guint article_count;
};

G_DEFINE_FINAL_TYPE (ChronicleSource, chronicle_source, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_URL,
  PROP_TITLE,
  PROP_SITE_URL,
  PROP_ENABLED,
  PROP_SYNC_INTERVAL,
  PROP_ETAG,
  PROP_LAST_MODIFIED,
  PROP_LAST_SUCCESS,
  PROP_LAST_ERROR,
  PROP_LAST_WARNING,
  PROP_ARTICLE_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
chronicle_source_finalize (GObject *object)
{
  ChronicleSource *self = CHRONICLE_SOURCE (object);

  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->site_url, g_free);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->last_modified, g_free);
  g_clear_pointer (&self->last_error, g_free);
  g_clear_pointer (&self->last_warning, g_free);

  G_OBJECT_CLASS (chronicle_source_parent_class)->finalize (object);
}

static void
chronicle_source_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ChronicleSource *self = CHRONICLE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SITE_URL:
      g_value_set_string (value, self->site_url);
      break;
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    case PROP_SYNC_INTERVAL:
      g_value_set_uint (value, self->sync_interval);
      break;
    case PROP_ETAG:
      g_value_set_string (value, self->etag);
      break;
    case PROP_LAST_MODIFIED:
      g_value_set_string (value, self->last_modified);
      break;
    case PROP_LAST_SUCCESS:
      g_value_set_int64 (value, self->last_success);
      break;
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    case PROP_LAST_WARNING:
      g_value_set_string (value, self->last_warning);
      break;
    case PROP_ARTICLE_COUNT:
      g_value_set_uint (value, self->article_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_source_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ChronicleSource *self = CHRONICLE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      chronicle_source_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_KIND:
      chronicle_source_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_URL:
      chronicle_source_set_url (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      chronicle_source_set_title (self, g_value_get_string (value));
      break;
    case PROP_SITE_URL:
      chronicle_source_set_site_url (self, g_value_get_string (value));
      break;
    case PROP_ENABLED:
      chronicle_source_set_enabled (self, g_value_get_boolean (value));
      break;
    case PROP_SYNC_INTERVAL:
      chronicle_source_set_sync_interval (self, g_value_get_uint (value));
      break;
    case PROP_ETAG:
      chronicle_source_set_etag (self, g_value_get_string (value));
      break;
    case PROP_LAST_MODIFIED:
      chronicle_source_set_last_modified (self, g_value_get_string (value));
      break;
    case PROP_LAST_SUCCESS:
      chronicle_source_set_last_success (self, g_value_get_int64 (value));
      break;
    case PROP_LAST_ERROR:
      chronicle_source_set_last_error (self, g_value_get_string (value));
      break;
    case PROP_LAST_WARNING:
      chronicle_source_set_last_warning (self, g_value_get_string (value));
      break;
    case PROP_ARTICLE_COUNT:
      chronicle_source_set_article_count (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_source_class_init (ChronicleSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = chronicle_source_finalize;
  object_class->get_property = chronicle_source_get_property;
  object_class->set_property = chronicle_source_set_property;

  /**
   * ChronicleSource:id:
   *
   * The stored row id, 0 before the source is stored.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CHRONICLE_TYPE_SOURCE_KIND, CHRONICLE_SOURCE_KIND_RSS, flags);
  /**
   * ChronicleSource:url:
   *
   * Where the articles come from: a feed URL, an API query URL or a file URI.
   */
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);
  /**
   * ChronicleSource:site-url:
   *
   * The web site the source belongs to, if known.
   */
  properties[PROP_SITE_URL] =
    g_param_spec_string ("site-url", NULL, NULL, NULL, flags);
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, TRUE, flags);
  /**
   * ChronicleSource:sync-interval:
   *
   * Seconds between two syncs.
   */
  properties[PROP_SYNC_INTERVAL] =
    g_param_spec_uint ("sync-interval", NULL, NULL, 0, G_MAXUINT, 3600, flags);
  /**
   * ChronicleSource:etag:
   *
   * The HTTP ETag of the last successful fetch, for conditional GET.
   */
  properties[PROP_ETAG] =
    g_param_spec_string ("etag", NULL, NULL, NULL, flags);
  /**
   * ChronicleSource:last-modified:
   *
   * The HTTP Last-Modified value of the last successful fetch, as sent.
   */
  properties[PROP_LAST_MODIFIED] =
    g_param_spec_string ("last-modified", NULL, NULL, NULL, flags);
  /**
   * ChronicleSource:last-success:
   *
   * Unix time (UTC) of the last successful sync, 0 for never.
   */
  properties[PROP_LAST_SUCCESS] =
    g_param_spec_int64 ("last-success", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  /**
   * ChronicleSource:last-error:
   *
   * A sentence a person understands saying why the last sync failed, or %NULL when it
   * worked.
   */
  properties[PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL, NULL, flags);
  /**
   * ChronicleSource:last-warning:
   *
   * Sentences (one a line) about what the last successful sync had to repair in what
   * the source sent (invalid UTF-8, a truncated document, dates it could not read), or
   * %NULL when there was nothing to repair. A warning is not an error: the sync worked.
   */
  properties[PROP_LAST_WARNING] =
    g_param_spec_string ("last-warning", NULL, NULL, NULL, flags);
  /**
   * ChronicleSource:article-count:
   *
   * How many stored articles came from this source (read only in practice: the store fills
   * it in).
   */
  properties[PROP_ARTICLE_COUNT] =
    g_param_spec_uint ("article-count", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chronicle_source_init (ChronicleSource *self)
{
  self->enabled = TRUE;
  self->sync_interval = 3600;
}

/**
 * chronicle_source_new:
 * @kind: where the articles come from
 * @url: the feed URL, API query URL or file URI
 *
 * Returns: (transfer full): a new, enabled source without an id, synced hourly
 */
ChronicleSource *
chronicle_source_new (ChronicleSourceKind  kind,
                      const char          *url)
{
  return g_object_new (CHRONICLE_TYPE_SOURCE, "kind", kind, "url", url, NULL);
}

gint64
chronicle_source_get_id (ChronicleSource *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SOURCE (self), 0);

  return self->id;
}

void
chronicle_source_set_id (ChronicleSource *self,
                         gint64 id)
{
  g_return_if_fail (CHRONICLE_IS_SOURCE (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

ChronicleSourceKind
chronicle_source_get_kind (ChronicleSource *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SOURCE (self), 0);

  return self->kind;
}

void
chronicle_source_set_kind (ChronicleSource *self,
                           ChronicleSourceKind kind)
{
  g_return_if_fail (CHRONICLE_IS_SOURCE (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
chronicle_source_get_url (ChronicleSource *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SOURCE (self), NULL);

  return self->url;
}

void
chronicle_source_set_url (ChronicleSource *self,
                          const char *url)
{
  g_return_if_fail (CHRONICLE_IS_SOURCE (self));

  if (_chronicle_set_str (&self->url, url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

const char *
chronicle_source_get_title (ChronicleSource *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SOURCE (self), NULL);

  return self->title;
}

void
chronicle_source_set_title (ChronicleSource *self,
                            const char *title)
{
  g_return_if_fail (CHRONICLE_IS_SOURCE (self));

  if (_chronicle_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
chronicle_source_get_site_url (ChronicleSource *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SOURCE (self), NULL);

  return self->site_url;
}

void
chronicle_source_set_site_url (ChronicleSource *self,
                               const char *site_url)
{
  g_return_if_fail (CHRONICLE_IS_SOURCE (self));

  if (_chronicle_set_str (&self->site_url, site_url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SITE_URL]);
}

gboolean
chronicle_source_get_enabled (ChronicleSource *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SOURCE (self), 0);

  return self->enabled;
}

void
chronicle_source_set_enabled (ChronicleSource *self,
                              gboolean enabled)
{
  g_return_if_fail (CHRONICLE_IS_SOURCE (self));

  if (self->enabled == !!enabled)
    return;

  self->enabled = !!enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

guint
chronicle_source_get_sync_interval (ChronicleSource *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SOURCE (self), 0);

  return self->sync_interval;
}

void
chronicle_source_set_sync_interval (ChronicleSource *self,
                                    guint sync_interval)
{
  g_return_if_fail (CHRONICLE_IS_SOURCE (self));

  if (self->sync_interval == sync_interval)
    return;

  self->sync_interval = sync_interval;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNC_INTERVAL]);
}

const char *
chronicle_source_get_etag (ChronicleSource *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SOURCE (self), NULL);

  return self->etag;
}

void
chronicle_source_set_etag (ChronicleSource *self,
                           const char *etag)
{
  g_return_if_fail (CHRONICLE_IS_SOURCE (self));

  if (_chronicle_set_str (&self->etag, etag))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ETAG]);
}

const char *
chronicle_source_get_last_modified (ChronicleSource *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SOURCE (self), NULL);

  return self->last_modified;
}

void
chronicle_source_set_last_modified (ChronicleSource *self,
                                    const char *last_modified)
{
  g_return_if_fail (CHRONICLE_IS_SOURCE (self));

  if (_chronicle_set_str (&self->last_modified, last_modified))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_MODIFIED]);
}

gint64
chronicle_source_get_last_success (ChronicleSource *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SOURCE (self), 0);

  return self->last_success;
}

void
chronicle_source_set_last_success (ChronicleSource *self,
                                   gint64 last_success)
{
  g_return_if_fail (CHRONICLE_IS_SOURCE (self));

  if (self->last_success == last_success)
    return;

  self->last_success = last_success;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SUCCESS]);
}

const char *
chronicle_source_get_last_error (ChronicleSource *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SOURCE (self), NULL);

  return self->last_error;
}

void
chronicle_source_set_last_error (ChronicleSource *self,
                                 const char *last_error)
{
  g_return_if_fail (CHRONICLE_IS_SOURCE (self));

  if (_chronicle_set_str (&self->last_error, last_error))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

const char *
chronicle_source_get_last_warning (ChronicleSource *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SOURCE (self), NULL);

  return self->last_warning;
}

void
chronicle_source_set_last_warning (ChronicleSource *self,
                                   const char      *last_warning)
{
  g_return_if_fail (CHRONICLE_IS_SOURCE (self));

  if (_chronicle_set_str (&self->last_warning, last_warning))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_WARNING]);
}

guint
chronicle_source_get_article_count (ChronicleSource *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SOURCE (self), 0);

  return self->article_count;
}

void
chronicle_source_set_article_count (ChronicleSource *self,
                                    guint article_count)
{
  g_return_if_fail (CHRONICLE_IS_SOURCE (self));

  if (self->article_count == article_count)
    return;

  self->article_count = article_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE_COUNT]);
}
