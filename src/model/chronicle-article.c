/* chronicle-article.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-model"

#include "config.h"

#include "chronicle-article.h"
#include "chronicle-model-private.h"

/**
 * ChronicleArticle:
 *
 * One news article. Readers get one object per stored id from the store (an identity
 * map), so a change of #ChronicleArticle:read or #ChronicleArticle:starred is a
 * property notification that every view sees.
 *
 * Writers also attach what extraction found: entity mentions, time mentions and the
 * keys of the events the article belongs to; the store saves them in the same
 * transaction as the article.
 */
struct _ChronicleArticle
{
  GObject parent_instance;

  gint64 id;
  gint64 source_id;
  char *source_title;
  char *guid;
  char *url;
  char *title;
  char *author;
  gint64 published;
  gboolean published_inferred;
  gint64 updated;
  gint64 event_date;
  char *summary;
  char *body;
  char *language;
  char *image_url;
  GStrv tags;
  char *license;
  char *attribution;
  gboolean read;
  gboolean starred;
  gboolean loaded;

  GPtrArray *mentions;
  GPtrArray *time_mentions;
  GStrv event_keys;
};

G_DEFINE_FINAL_TYPE (ChronicleArticle, chronicle_article, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SOURCE_ID,
  PROP_SOURCE_TITLE,
  PROP_GUID,
  PROP_URL,
  PROP_TITLE,
  PROP_AUTHOR,
  PROP_PUBLISHED,
  PROP_PUBLISHED_INFERRED,
  PROP_UPDATED,
  PROP_EVENT_DATE,
  PROP_SUMMARY,
  PROP_BODY,
  PROP_LANGUAGE,
  PROP_IMAGE_URL,
  PROP_TAGS,
  PROP_LICENSE,
  PROP_ATTRIBUTION,
  PROP_READ,
  PROP_STARRED,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
chronicle_article_finalize (GObject *object)
{
  ChronicleArticle *self = CHRONICLE_ARTICLE (object);

  g_clear_pointer (&self->source_title, g_free);
  g_clear_pointer (&self->guid, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->image_url, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->license, g_free);
  g_clear_pointer (&self->attribution, g_free);
  g_clear_pointer (&self->mentions, g_ptr_array_unref);
  g_clear_pointer (&self->time_mentions, g_ptr_array_unref);
  g_clear_pointer (&self->event_keys, g_strfreev);

  G_OBJECT_CLASS (chronicle_article_parent_class)->finalize (object);
}

static void
chronicle_article_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ChronicleArticle *self = CHRONICLE_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_SOURCE_ID:
      g_value_set_int64 (value, self->source_id);
      break;
    case PROP_SOURCE_TITLE:
      g_value_set_string (value, self->source_title);
      break;
    case PROP_GUID:
      g_value_set_string (value, self->guid);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_PUBLISHED:
      g_value_set_int64 (value, self->published);
      break;
    case PROP_PUBLISHED_INFERRED:
      g_value_set_boolean (value, self->published_inferred);
      break;
    case PROP_UPDATED:
      g_value_set_int64 (value, self->updated);
      break;
    case PROP_EVENT_DATE:
      g_value_set_int64 (value, self->event_date);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_IMAGE_URL:
      g_value_set_string (value, self->image_url);
      break;
    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;
    case PROP_LICENSE:
      g_value_set_string (value, self->license);
      break;
    case PROP_ATTRIBUTION:
      g_value_set_string (value, self->attribution);
      break;
    case PROP_READ:
      g_value_set_boolean (value, self->read);
      break;
    case PROP_STARRED:
      g_value_set_boolean (value, self->starred);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_article_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ChronicleArticle *self = CHRONICLE_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      chronicle_article_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_SOURCE_ID:
      chronicle_article_set_source_id (self, g_value_get_int64 (value));
      break;
    case PROP_SOURCE_TITLE:
      chronicle_article_set_source_title (self, g_value_get_string (value));
      break;
    case PROP_GUID:
      chronicle_article_set_guid (self, g_value_get_string (value));
      break;
    case PROP_URL:
      chronicle_article_set_url (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      chronicle_article_set_title (self, g_value_get_string (value));
      break;
    case PROP_AUTHOR:
      chronicle_article_set_author (self, g_value_get_string (value));
      break;
    case PROP_PUBLISHED:
      chronicle_article_set_published (self, g_value_get_int64 (value));
      break;
    case PROP_PUBLISHED_INFERRED:
      chronicle_article_set_published_inferred (self, g_value_get_boolean (value));
      break;
    case PROP_UPDATED:
      chronicle_article_set_updated (self, g_value_get_int64 (value));
      break;
    case PROP_EVENT_DATE:
      chronicle_article_set_event_date (self, g_value_get_int64 (value));
      break;
    case PROP_SUMMARY:
      chronicle_article_set_summary (self, g_value_get_string (value));
      break;
    case PROP_BODY:
      chronicle_article_set_body (self, g_value_get_string (value));
      break;
    case PROP_LANGUAGE:
      chronicle_article_set_language (self, g_value_get_string (value));
      break;
    case PROP_IMAGE_URL:
      chronicle_article_set_image_url (self, g_value_get_string (value));
      break;
    case PROP_TAGS:
      chronicle_article_set_tags (self, g_value_get_boxed (value));
      break;
    case PROP_LICENSE:
      chronicle_article_set_license (self, g_value_get_string (value));
      break;
    case PROP_ATTRIBUTION:
      chronicle_article_set_attribution (self, g_value_get_string (value));
      break;
    case PROP_READ:
      chronicle_article_set_read (self, g_value_get_boolean (value));
      break;
    case PROP_STARRED:
      chronicle_article_set_starred (self, g_value_get_boolean (value));
      break;
    case PROP_LOADED:
      chronicle_article_set_loaded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_article_class_init (ChronicleArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = chronicle_article_finalize;
  object_class->get_property = chronicle_article_get_property;
  object_class->set_property = chronicle_article_set_property;

  /**
   * ChronicleArticle:id:
   *
   * The stored row id, 0 before the article is stored.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_SOURCE_ID] =
    g_param_spec_int64 ("source-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /**
   * ChronicleArticle:source-title:
   *
   * The title of the article's source, filled in by the store when reading.
   */
  properties[PROP_SOURCE_TITLE] =
    g_param_spec_string ("source-title", NULL, NULL, NULL, flags);
  /**
   * ChronicleArticle:guid:
   *
   * The identifier the source gives the article; unique within one source.
   */
  properties[PROP_GUID] =
    g_param_spec_string ("guid", NULL, NULL, NULL, flags);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL, flags);
  /**
   * ChronicleArticle:published:
   *
   * Unix time (UTC) of publication.
   */
  properties[PROP_PUBLISHED] =
    g_param_spec_int64 ("published", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  /**
   * ChronicleArticle:published-inferred:
   *
   * %TRUE when the source gave no date and #ChronicleArticle:published was inferred (from
   * the text, or the time it was first seen).
   */
  properties[PROP_PUBLISHED_INFERRED] =
    g_param_spec_boolean ("published-inferred", NULL, NULL, FALSE, flags);
  /**
   * ChronicleArticle:updated:
   *
   * Unix time (UTC) of the last update the source reported, 0 for none.
   */
  properties[PROP_UPDATED] =
    g_param_spec_int64 ("updated", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  /**
   * ChronicleArticle:event-date:
   *
   * Unix time (UTC) of the event the article reports: the start of its story
   * (#ChronicleEvent) when it belongs to one, else #ChronicleArticle:published. Filled in
   * by the store; the timeline can be sorted by it.
   */
  properties[PROP_EVENT_DATE] =
    g_param_spec_int64 ("event-date", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  /**
   * ChronicleArticle:body:
   *
   * The plain text of the article. Page reads leave it %NULL (it stays out of the timeline
   * rows); load it with chronicle_store_get_article_async().
   */
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL, flags);
  /**
   * ChronicleArticle:language:
   *
   * A BCP 47 language tag, if known.
   */
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL, flags);
  properties[PROP_IMAGE_URL] =
    g_param_spec_string ("image-url", NULL, NULL, NULL, flags);
  /**
   * ChronicleArticle:tags:
   *
   * The source's keyword tags and categories (Guardian keyword tags, RSS and Atom
   * categories, JSON Feed tags), in the source's order. %NULL until the article is
   * read in full (chronicle_store_get_article_async()) or when set by a writer;
   * an empty array when it has none.
   */
  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, flags);
  /**
   * ChronicleArticle:license:
   *
   * The licence or rights statement of the text when the source gives one (a
   * per-article licence, Atom `rights`, RSS `copyright`), or %NULL. Read in full only.
   */
  properties[PROP_LICENSE] =
    g_param_spec_string ("license", NULL, NULL, NULL, flags);
  /**
   * ChronicleArticle:attribution:
   *
   * The credit line the licence asks for, or %NULL. Read in full only.
   */
  properties[PROP_ATTRIBUTION] =
    g_param_spec_string ("attribution", NULL, NULL, NULL, flags);
  properties[PROP_READ] =
    g_param_spec_boolean ("read", NULL, NULL, FALSE, flags);
  properties[PROP_STARRED] =
    g_param_spec_boolean ("starred", NULL, NULL, FALSE, flags);
  /**
   * ChronicleArticle:loaded:
   *
   * %FALSE for a placeholder that only knows its id: a #GListModel hands it out at once
   * and the store fills the other properties in when the page arrives.
   */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chronicle_article_init (ChronicleArticle *self)
{
  self->loaded = TRUE;
}

/**
 * chronicle_article_new:
 *
 * Returns: (transfer full): a new, empty article (loaded, without an id)
 */
ChronicleArticle *
chronicle_article_new (void)
{
  return g_object_new (CHRONICLE_TYPE_ARTICLE, NULL);
}

/**
 * chronicle_article_new_placeholder:
 * @id: a stored article id
 *
 * Returns: (transfer full): an article that only knows its id
 *   (#ChronicleArticle:loaded is %FALSE)
 */
ChronicleArticle *
chronicle_article_new_placeholder (gint64 id)
{
  return g_object_new (CHRONICLE_TYPE_ARTICLE, "id", id, "loaded", FALSE, NULL);
}

/**
 * chronicle_article_assign:
 * @self: a #ChronicleArticle
 * @from: the article whose values to take
 *
 * Copies every property of @from into @self (notifying only the ones that change,
 * in one freeze/thaw). The body is copied only when @from has one, so a page read
 * (which carries no body) does not drop a body loaded earlier; likewise the tags,
 * licence and attribution only when @from has tags (a full read sets them, empty
 * when there are none). Mentions, time
 * mentions and event keys are not copied.
 */
void
chronicle_article_assign (ChronicleArticle *self,
                          ChronicleArticle *from)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE (self));
  g_return_if_fail (CHRONICLE_IS_ARTICLE (from));

  if (self == from)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  chronicle_article_set_id (self, from->id);
  chronicle_article_set_source_id (self, from->source_id);
  chronicle_article_set_source_title (self, from->source_title);
  chronicle_article_set_guid (self, from->guid);
  chronicle_article_set_url (self, from->url);
  chronicle_article_set_title (self, from->title);
  chronicle_article_set_author (self, from->author);
  chronicle_article_set_published (self, from->published);
  chronicle_article_set_published_inferred (self, from->published_inferred);
  chronicle_article_set_updated (self, from->updated);
  chronicle_article_set_event_date (self, from->event_date);
  chronicle_article_set_summary (self, from->summary);
  if (from->body != NULL)
    chronicle_article_set_body (self, from->body);
  chronicle_article_set_language (self, from->language);
  chronicle_article_set_image_url (self, from->image_url);
  if (from->tags != NULL)
    {
      chronicle_article_set_tags (self, (const char * const *) from->tags);
      chronicle_article_set_license (self, from->license);
      chronicle_article_set_attribution (self, from->attribution);
    }
  chronicle_article_set_read (self, from->read);
  chronicle_article_set_starred (self, from->starred);
  chronicle_article_set_loaded (self, from->loaded);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * chronicle_article_dup_text:
 * @self: a #ChronicleArticle
 *
 * The text that mention offsets refer to: the title, a newline, then the body (or the
 * summary when there is no body).
 *
 * Returns: (transfer full): the text
 */
char *
chronicle_article_dup_text (ChronicleArticle *self)
{
  const char *body;

  g_return_val_if_fail (CHRONICLE_IS_ARTICLE (self), NULL);

  body = self->body != NULL ? self->body : self->summary;

  return g_strconcat (self->title ? self->title : "", "\n", body ? body : "", NULL);
}

/**
 * chronicle_article_get_mentions:
 * @self: a #ChronicleArticle
 *
 * The entity mentions to store with the article (writers fill them in; reads leave
 * them empty).
 *
 * Returns: (transfer none) (element-type ChronicleMention): the mentions
 */
GPtrArray *
chronicle_article_get_mentions (ChronicleArticle *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE (self), NULL);

  if (self->mentions == NULL)
    self->mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) chronicle_mention_free);

  return self->mentions;
}

/**
 * chronicle_article_add_mention:
 * @self: a #ChronicleArticle
 * @mention: (transfer full): a mention
 */
void
chronicle_article_add_mention (ChronicleArticle *self,
                               ChronicleMention *mention)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE (self));
  g_return_if_fail (mention != NULL);

  g_ptr_array_add (chronicle_article_get_mentions (self), mention);
}

/**
 * chronicle_article_get_time_mentions:
 * @self: a #ChronicleArticle
 *
 * Returns: (transfer none) (element-type ChronicleTimeMention): the time mentions to
 *   store with the article
 */
GPtrArray *
chronicle_article_get_time_mentions (ChronicleArticle *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE (self), NULL);

  if (self->time_mentions == NULL)
    self->time_mentions =
      g_ptr_array_new_with_free_func ((GDestroyNotify) chronicle_time_mention_free);

  return self->time_mentions;
}

/**
 * chronicle_article_add_time_mention:
 * @self: a #ChronicleArticle
 * @mention: (transfer full): a time mention
 */
void
chronicle_article_add_time_mention (ChronicleArticle     *self,
                                    ChronicleTimeMention *mention)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE (self));
  g_return_if_fail (mention != NULL);

  g_ptr_array_add (chronicle_article_get_time_mentions (self), mention);
}

/**
 * chronicle_article_get_event_keys:
 * @self: a #ChronicleArticle
 *
 * Returns: (transfer none) (nullable): the keys of the events (stories) the article
 *   belongs to; see #ChronicleEvent:key
 */
const char * const *
chronicle_article_get_event_keys (ChronicleArticle *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE (self), NULL);

  return (const char * const *) self->event_keys;
}

/**
 * chronicle_article_set_event_keys:
 * @self: a #ChronicleArticle
 * @keys: (nullable): event keys
 */
void
chronicle_article_set_event_keys (ChronicleArticle   *self,
                                  const char * const *keys)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE (self));

  g_strfreev (self->event_keys);
  self->event_keys = g_strdupv ((char **) keys);
}

gint64
chronicle_article_get_id (ChronicleArticle *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE (self), 0);

  return self->id;
}

void
chronicle_article_set_id (ChronicleArticle *self,
                          gint64 id)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
chronicle_article_get_source_id (ChronicleArticle *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE (self), 0);

  return self->source_id;
}

void
chronicle_article_set_source_id (ChronicleArticle *self,
                                 gint64 source_id)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE (self));

  if (self->source_id == source_id)
    return;

  self->source_id = source_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_ID]);
}

const char *
chronicle_article_get_source_title (ChronicleArticle *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE (self), NULL);

  return self->source_title;
}

void
chronicle_article_set_source_title (ChronicleArticle *self,
                                    const char *source_title)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE (self));

  if (_chronicle_set_str (&self->source_title, source_title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_TITLE]);
}

const char *
chronicle_article_get_guid (ChronicleArticle *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE (self), NULL);

  return self->guid;
}

void
chronicle_article_set_guid (ChronicleArticle *self,
                            const char *guid)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE (self));

  if (_chronicle_set_str (&self->guid, guid))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GUID]);
}

const char *
chronicle_article_get_url (ChronicleArticle *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE (self), NULL);

  return self->url;
}

void
chronicle_article_set_url (ChronicleArticle *self,
                           const char *url)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE (self));

  if (_chronicle_set_str (&self->url, url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

const char *
chronicle_article_get_title (ChronicleArticle *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE (self), NULL);

  return self->title;
}

void
chronicle_article_set_title (ChronicleArticle *self,
                             const char *title)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE (self));

  if (_chronicle_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
chronicle_article_get_author (ChronicleArticle *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE (self), NULL);

  return self->author;
}

void
chronicle_article_set_author (ChronicleArticle *self,
                              const char *author)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE (self));

  if (_chronicle_set_str (&self->author, author))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

gint64
chronicle_article_get_published (ChronicleArticle *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE (self), 0);

  return self->published;
}

void
chronicle_article_set_published (ChronicleArticle *self,
                                 gint64 published)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE (self));

  if (self->published == published)
    return;

  self->published = published;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHED]);
}

gboolean
chronicle_article_get_published_inferred (ChronicleArticle *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE (self), 0);

  return self->published_inferred;
}

void
chronicle_article_set_published_inferred (ChronicleArticle *self,
                                          gboolean published_inferred)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE (self));

  if (self->published_inferred == !!published_inferred)
    return;

  self->published_inferred = !!published_inferred;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHED_INFERRED]);
}

gint64
chronicle_article_get_updated (ChronicleArticle *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE (self), 0);

  return self->updated;
}

void
chronicle_article_set_updated (ChronicleArticle *self,
                               gint64 updated)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE (self));

  if (self->updated == updated)
    return;

  self->updated = updated;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED]);
}

gint64
chronicle_article_get_event_date (ChronicleArticle *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE (self), 0);

  return self->event_date;
}

void
chronicle_article_set_event_date (ChronicleArticle *self,
                                  gint64 event_date)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE (self));

  if (self->event_date == event_date)
    return;

  self->event_date = event_date;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT_DATE]);
}

const char *
chronicle_article_get_summary (ChronicleArticle *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE (self), NULL);

  return self->summary;
}

void
chronicle_article_set_summary (ChronicleArticle *self,
                               const char *summary)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE (self));

  if (_chronicle_set_str (&self->summary, summary))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

const char *
chronicle_article_get_body (ChronicleArticle *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE (self), NULL);

  return self->body;
}

void
chronicle_article_set_body (ChronicleArticle *self,
                            const char *body)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE (self));

  if (_chronicle_set_str (&self->body, body))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

const char *
chronicle_article_get_language (ChronicleArticle *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE (self), NULL);

  return self->language;
}

void
chronicle_article_set_language (ChronicleArticle *self,
                                const char *language)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE (self));

  if (_chronicle_set_str (&self->language, language))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

const char *
chronicle_article_get_image_url (ChronicleArticle *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE (self), NULL);

  return self->image_url;
}

void
chronicle_article_set_image_url (ChronicleArticle *self,
                                 const char *image_url)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE (self));

  if (_chronicle_set_str (&self->image_url, image_url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMAGE_URL]);
}

/**
 * chronicle_article_get_tags:
 * @self: a #ChronicleArticle
 *
 * Returns: (transfer none) (nullable): the tags; see #ChronicleArticle:tags
 */
const char * const *
chronicle_article_get_tags (ChronicleArticle *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE (self), NULL);

  return (const char * const *) self->tags;
}

void
chronicle_article_set_tags (ChronicleArticle   *self,
                            const char * const *tags)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE (self));

  if (self->tags == NULL && tags == NULL)
    return;
  if (self->tags != NULL && tags != NULL
      && g_strv_equal ((const char * const *) self->tags, tags))
    return;

  g_strfreev (self->tags);
  self->tags = g_strdupv ((char **) tags);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

const char *
chronicle_article_get_license (ChronicleArticle *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE (self), NULL);

  return self->license;
}

void
chronicle_article_set_license (ChronicleArticle *self,
                               const char       *license)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE (self));

  if (_chronicle_set_str (&self->license, license))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LICENSE]);
}

const char *
chronicle_article_get_attribution (ChronicleArticle *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE (self), NULL);

  return self->attribution;
}

void
chronicle_article_set_attribution (ChronicleArticle *self,
                                   const char       *attribution)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE (self));

  if (_chronicle_set_str (&self->attribution, attribution))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTRIBUTION]);
}

gboolean
chronicle_article_get_read (ChronicleArticle *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE (self), 0);

  return self->read;
}

void
chronicle_article_set_read (ChronicleArticle *self,
                            gboolean read)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE (self));

  if (self->read == !!read)
    return;

  self->read = !!read;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ]);
}

gboolean
chronicle_article_get_starred (ChronicleArticle *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE (self), 0);

  return self->starred;
}

void
chronicle_article_set_starred (ChronicleArticle *self,
                               gboolean starred)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE (self));

  if (self->starred == !!starred)
    return;

  self->starred = !!starred;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARRED]);
}

gboolean
chronicle_article_get_loaded (ChronicleArticle *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE (self), 0);

  return self->loaded;
}

void
chronicle_article_set_loaded (ChronicleArticle *self,
                              gboolean loaded)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE (self));

  if (self->loaded == !!loaded)
    return;

  self->loaded = !!loaded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}
