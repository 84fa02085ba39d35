/* chronicle-feed-json.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-sync"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "chronicle-date.h"
#include "chronicle-html.h"
#include "chronicle-sync-error.h"
#include "chronicle-sync-private.h"

/* JSON sources: JSON Feed 1.0 and 1.1, the GDELT DOC 2.0 ArtList and the Guardian
 * content API's /search. Every member is checked for its type: a wrong type is the
 * same as a missing member. */

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;

  node = json_object_get_member (object, name);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;

  node = json_object_get_member (object, name);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;

  node = json_object_get_member (object, name);
  return JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* JSON Feed ids may be numbers in the wild. */
static char *
member_id (JsonObject *object,
           const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;

  node = json_object_get_member (object, name);
  if (!JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup_printf ("%.0f", json_node_get_double (node));
    default:
      return NULL;
    }
}

static void
add_category (ChronicleFeedEntry *entry,
              const char         *category)
{
  char *clean = _chronicle_normalize_space (category);

  if (clean == NULL)
    return;

  for (guint i = 0; i < entry->categories->len; i++)
    if (strcmp (g_ptr_array_index (entry->categories, i), clean) == 0)
      {
        g_free (clean);
        return;
      }

  g_ptr_array_add (entry->categories, clean);
}

static char *
json_feed_authors (JsonObject *object)
{
  JsonArray *authors = member_array (object, "authors");
  JsonObject *author = member_object (object, "author");
  GString *names = g_string_new (NULL);

  if (authors != NULL)
    for (guint i = 0; i < json_array_get_length (authors); i++)
      {
        JsonNode *node = json_array_get_element (authors, i);
        const char *name;

        if (!JSON_NODE_HOLDS_OBJECT (node))
          continue;
        name = member_string (json_node_get_object (node), "name");
        if (name == NULL || *name == '\0')
          continue;
        if (names->len > 0)
          g_string_append (names, ", ");
        g_string_append (names, name);
      }

  if (names->len == 0 && author != NULL && member_string (author, "name") != NULL)
    g_string_append (names, member_string (author, "name"));

  if (names->len == 0)
    {
      g_string_free (names, TRUE);
      return NULL;
    }

  return g_string_free (names, FALSE);
}

static ChronicleFeed *
parse_json_feed (JsonObject *root,
                 const char *version,
                 const char *base_url)
{
  ChronicleFeed *feed = chronicle_feed_new (g_str_has_suffix (version, "/1.1") ? "jsonfeed-1.1"
                                                                               : "jsonfeed-1.0");
  JsonArray *items = member_array (root, "items");
  const char *home = member_string (root, "home_page_url");
  g_autofree char *feed_author = json_feed_authors (root);
  g_autofree char *base = NULL;

  feed->title = _chronicle_normalize_space (member_string (root, "title"));
  feed->link = _chronicle_resolve_url (base_url, home);
  feed->description = _chronicle_normalize_space (member_string (root, "description"));
  base = g_strdup (feed->link != NULL ? feed->link : base_url);

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      g_autoptr(ChronicleFeedEntry) entry = NULL;
      JsonObject *item;
      JsonArray *tags;
      const char *text;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      item = json_node_get_object (node);
      entry = chronicle_feed_entry_new ();
      entry->id = member_id (item, "id");
      entry->title = _chronicle_normalize_space (member_string (item, "title"));
      entry->link = _chronicle_resolve_url (base, member_string (item, "url"));
      if (entry->link == NULL)
        entry->link = _chronicle_resolve_url (base, member_string (item, "external_url"));
      entry->published = chronicle_date_parse (member_string (item, "date_published"));
      entry->updated = chronicle_date_parse (member_string (item, "date_modified"));
      if (entry->published == NULL && entry->updated != NULL)
        entry->published = g_date_time_ref (entry->updated);
      if (entry->published == NULL)
        entry->unread_date = g_strdup (member_string (item, "date_published"));
      entry->author = json_feed_authors (item);
      if (entry->author == NULL)
        entry->author = g_strdup (feed_author);
      entry->summary = _chronicle_normalize_space (member_string (item, "summary"));
      text = member_string (item, "content_html");
      if (text != NULL)
        entry->content = chronicle_html_to_text (text, -1);
      if (entry->content == NULL && (text = member_string (item, "content_text")) != NULL)
        entry->content = g_strstrip (g_strdup (text));
      entry->image = _chronicle_resolve_url (base, member_string (item, "image"));
      if (entry->image == NULL)
        entry->image = _chronicle_resolve_url (base, member_string (item, "banner_image"));
      entry->language = g_strdup (member_string (item, "language"));
      tags = member_array (item, "tags");
      for (guint j = 0; tags != NULL && j < json_array_get_length (tags); j++)
        {
          JsonNode *tag = json_array_get_element (tags, j);

          if (JSON_NODE_HOLDS_VALUE (tag) && json_node_get_value_type (tag) == G_TYPE_STRING)
            add_category (entry, json_node_get_string (tag));
        }

      if (entry->title == NULL && entry->link == NULL && entry->content == NULL
          && entry->summary == NULL)
        continue;

      _chronicle_feed_entry_finish (entry);
      g_ptr_array_add (feed->entries, g_steal_pointer (&entry));
    }

  return feed;
}

/* GDELT DOC 2.0 ArtList: {"articles": [{"url", "url_mobile", "title", "seendate",
 * "socialimage", "domain", "language", "sourcecountry"}]}. "articles" may be missing,
 * null or empty when nothing matched. */
static ChronicleFeed *
parse_gdelt (JsonObject *root)
{
  ChronicleFeed *feed = chronicle_feed_new ("gdelt");
  JsonArray *articles = member_array (root, "articles");

  feed->title = g_strdup ("GDELT");
  feed->link = g_strdup ("https://www.gdeltproject.org/");

  for (guint i = 0; articles != NULL && i < json_array_get_length (articles); i++)
    {
      JsonNode *node = json_array_get_element (articles, i);
      g_autoptr(ChronicleFeedEntry) entry = NULL;
      JsonObject *article;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      article = json_node_get_object (node);
      entry = chronicle_feed_entry_new ();
      entry->link = _chronicle_resolve_url (NULL, member_string (article, "url"));
      if (entry->link == NULL)
        continue;
      entry->id = g_strdup (entry->link);
      entry->title = _chronicle_normalize_space (member_string (article, "title"));
      entry->published = chronicle_date_parse_iso8601 (member_string (article, "seendate"));
      entry->image = _chronicle_resolve_url (NULL, member_string (article, "socialimage"));
      entry->source_name = g_strdup (member_string (article, "domain"));
      entry->language = g_strdup (member_string (article, "language"));
      entry->source_country = _chronicle_normalize_space (member_string (article, "sourcecountry"));
      _chronicle_feed_entry_finish (entry);
      g_ptr_array_add (feed->entries, g_steal_pointer (&entry));
    }

  return feed;
}

/* The Guardian's /search with show-fields=bodyText,byline,thumbnail and
 * show-tags=keyword. */
static ChronicleFeed *
parse_guardian (JsonObject  *response,
                GError     **error)
{
  ChronicleFeed *feed;
  JsonArray *results;
  const char *status = member_string (response, "status");

  if (g_strcmp0 (status, "ok") != 0)
    {
      const char *message = member_string (response, "message");

      g_set_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_API,
                   _("The Guardian API answered with an error: %s"),
                   message != NULL ? message : _("no reason given"));
      return NULL;
    }

  feed = chronicle_feed_new ("guardian");
  feed->title = g_strdup ("The Guardian");
  feed->link = g_strdup ("https://www.theguardian.com/");
  results = member_array (response, "results");

  for (guint i = 0; results != NULL && i < json_array_get_length (results); i++)
    {
      JsonNode *node = json_array_get_element (results, i);
      g_autoptr(ChronicleFeedEntry) entry = NULL;
      JsonObject *result, *fields;
      JsonArray *tags;
      const char *section;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      result = json_node_get_object (node);
      fields = member_object (result, "fields");
      entry = chronicle_feed_entry_new ();
      entry->id = g_strdup (member_string (result, "id"));
      entry->link = _chronicle_resolve_url (NULL, member_string (result, "webUrl"));
      entry->title = _chronicle_normalize_space (member_string (result, "webTitle"));
      entry->published = chronicle_date_parse (member_string (result, "webPublicationDate"));
      entry->updated = chronicle_date_parse (member_string (fields, "lastModified"));
      entry->author = _chronicle_normalize_space (member_string (fields, "byline"));
      entry->content = g_strdup (member_string (fields, "bodyText"));
      if (entry->content != NULL)
        g_strstrip (entry->content);
      entry->summary = chronicle_html_to_text (member_string (fields, "trailText"), -1);
      entry->image = _chronicle_resolve_url (NULL, member_string (fields, "thumbnail"));
      entry->source_name = g_strdup ("The Guardian");

      section = member_string (result, "sectionName");
      tags = member_array (result, "tags");
      for (guint j = 0; tags != NULL && j < json_array_get_length (tags); j++)
        {
          JsonNode *tag = json_array_get_element (tags, j);
          JsonObject *tag_object;
          const char *type;

          if (!JSON_NODE_HOLDS_OBJECT (tag))
            continue;
          tag_object = json_node_get_object (tag);
          type = member_string (tag_object, "type");
          if (type == NULL || strcmp (type, "keyword") == 0)
            add_category (entry, member_string (tag_object, "webTitle"));
        }
      if (entry->categories->len == 0 && section != NULL)
        add_category (entry, section);

      _chronicle_feed_entry_finish (entry);
      g_ptr_array_add (feed->entries, g_steal_pointer (&entry));
    }

  return feed;
}

/*< private >
 * _chronicle_feed_parse_json:
 *
 * Detects the kind of JSON document from its members: JSON Feed by its `version`
 * URL, the Guardian by `response`, GDELT by `articles` (or an empty object).
 */
ChronicleFeed *
_chronicle_feed_parse_json (const char  *data,
                            gsize        len,
                            const char  *base_url,
                            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *repaired = NULL;
  gboolean was_repaired = FALSE;
  ChronicleFeed *feed = NULL;
  JsonNode *root;
  JsonObject *object;
  const char *version;

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, len -= 3;

  if (!g_utf8_validate (data, len, NULL))
    {
      repaired = g_utf8_make_valid (data, len);
      data = repaired;
      len = strlen (repaired);
      was_repaired = TRUE;
    }

  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      g_set_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_PARSE,
                   _("The feed is not readable JSON (%s)."), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_NOT_A_FEED,
                   _("This JSON document is not a feed."));
      return NULL;
    }

  object = json_node_get_object (root);
  version = member_string (object, "version");

  if (version != NULL && (g_str_has_prefix (version, "https://jsonfeed.org/version/")
                          || g_str_has_prefix (version, "http://jsonfeed.org/version/")))
    feed = parse_json_feed (object, version, base_url);
  else if (member_object (object, "response") != NULL)
    feed = parse_guardian (member_object (object, "response"), error);
  else if (json_object_has_member (object, "articles") || json_object_get_size (object) == 0)
    feed = parse_gdelt (object);
  else if (member_string (object, "message") != NULL)
    g_set_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_API,
                 _("The service answered with an error: %s"), member_string (object, "message"));
  else
    g_set_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_NOT_A_FEED,
                 _("This JSON document is not a feed."));

  if (feed != NULL && was_repaired)
    chronicle_feed_add_warning (feed, _("The feed contains bytes that are not valid UTF-8; "
                                        "they were replaced."));
  if (feed != NULL)
    chronicle_feed_warn_unread_dates (feed);

  return feed;
}
