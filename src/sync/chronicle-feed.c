/* chronicle-feed.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "chronicle-feed.h"

/**
 * chronicle_feed_entry_new:
 *
 * Returns: (transfer full): an empty entry
 */
ChronicleFeedEntry *
chronicle_feed_entry_new (void)
{
  ChronicleFeedEntry *entry = g_new0 (ChronicleFeedEntry, 1);

  entry->categories = g_ptr_array_new_with_free_func (g_free);
  return entry;
}

void
chronicle_feed_entry_free (ChronicleFeedEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->id);
  g_free (entry->title);
  g_free (entry->link);
  g_free (entry->author);
  g_clear_pointer (&entry->published, g_date_time_unref);
  g_clear_pointer (&entry->updated, g_date_time_unref);
  g_free (entry->summary);
  g_free (entry->content);
  g_ptr_array_unref (entry->categories);
  g_free (entry->image);
  g_free (entry->language);
  g_free (entry->source_name);
  g_free (entry->source_country);
  g_free (entry->license);
  g_free (entry->attribution);
  g_free (entry->unread_date);
  g_free (entry);
}

/**
 * chronicle_feed_new:
 * @format: the format name
 *
 * Returns: (transfer full): an empty feed
 */
ChronicleFeed *
chronicle_feed_new (const char *format)
{
  ChronicleFeed *feed = g_new0 (ChronicleFeed, 1);

  feed->format = g_strdup (format);
  feed->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) chronicle_feed_entry_free);
  feed->warnings = g_ptr_array_new_with_free_func (g_free);
  return feed;
}

void
chronicle_feed_free (ChronicleFeed *feed)
{
  if (feed == NULL)
    return;

  g_free (feed->format);
  g_free (feed->title);
  g_free (feed->link);
  g_free (feed->description);
  g_clear_pointer (&feed->updated, g_date_time_unref);
  g_ptr_array_unref (feed->entries);
  g_ptr_array_unref (feed->warnings);
  g_free (feed->rights);
  g_free (feed);
}

void
chronicle_feed_add_warning (ChronicleFeed *feed,
                            const char    *warning)
{
  g_return_if_fail (feed != NULL);

  for (guint i = 0; i < feed->warnings->len; i++)
    if (g_strcmp0 (g_ptr_array_index (feed->warnings, i), warning) == 0)
      return;

  g_ptr_array_add (feed->warnings, g_strdup (warning));
}

/**
 * chronicle_feed_warn_unread_dates:
 * @feed: a parsed feed
 *
 * Adds a warning when entries gave a date that could not be read and have no other:
 * they get the time they were first seen.
 */
void
chronicle_feed_warn_unread_dates (ChronicleFeed *feed)
{
  const char *example = NULL;
  guint n = 0;

  g_return_if_fail (feed != NULL);

  for (guint i = 0; i < feed->entries->len; i++)
    {
      ChronicleFeedEntry *entry = g_ptr_array_index (feed->entries, i);

      if (entry->published == NULL && entry->unread_date != NULL)
        {
          if (example == NULL)
            example = entry->unread_date;
          n++;
        }
    }

  if (n > 0)
    {
      g_autofree char *warning =
        g_strdup_printf (ngettext ("%u entry has a date Chronicle cannot read (“%s”); "
                                   "the time it was first seen is used.",
                                   "%u entries have dates Chronicle cannot read (e.g. “%s”); "
                                   "the time they were first seen is used.", n),
                         n, example);
      chronicle_feed_add_warning (feed, warning);
    }
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_date (JsonBuilder *builder,
          const char  *name,
          GDateTime   *value)
{
  g_autofree char *text = NULL;

  if (value != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (value);
      text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
    }

  add_string (builder, name, text);
}

/**
 * chronicle_feed_to_json:
 * @feed: a feed
 *
 * Serialises @feed as `chronicle-cli parse` prints it: `{"format", "title", "link",
 * "entries": [{"id", "title", "link", "author", "published", "updated", "summary",
 * "content", "categories"}]}`, dates in RFC 3339 UTC or null. This is a stable
 * interface for scripts.
 *
 * Returns: (transfer full): pretty-printed JSON
 */
char *
chronicle_feed_to_json (ChronicleFeed *feed)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (feed != NULL, NULL);

  json_builder_begin_object (builder);
  add_string (builder, "format", feed->format);
  add_string (builder, "title", feed->title);
  add_string (builder, "link", feed->link);
  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < feed->entries->len; i++)
    {
      ChronicleFeedEntry *entry = g_ptr_array_index (feed->entries, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", entry->id);
      add_string (builder, "title", entry->title);
      add_string (builder, "link", entry->link);
      add_string (builder, "author", entry->author);
      add_date (builder, "published", entry->published);
      add_date (builder, "updated", entry->updated);
      add_string (builder, "summary", entry->summary);
      add_string (builder, "content", entry->content);
      json_builder_set_member_name (builder, "categories");
      json_builder_begin_array (builder);
      for (guint j = 0; j < entry->categories->len; j++)
        json_builder_add_string_value (builder, g_ptr_array_index (entry->categories, j));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}
