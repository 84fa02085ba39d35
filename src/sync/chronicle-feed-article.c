/* chronicle-feed-article.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-sync"

#include "config.h"

#include <string.h>

#include "chronicle-feed-article.h"

/* Parsed entries become model articles. Only http and https links are kept (they are
 * the only ones Chronicle ever opens). An entry without a usable date gets the time it
 * was first seen, marked as inferred; a plain-text article gets the same until the
 * extraction layer finds its date in the text. */

#define SUMMARY_LENGTH 320

/* At most @max_chars characters, cut after a sentence or at a word, with an
 * ellipsis when cut. */
static char *
shorten (const char *text,
         guint       max_chars)
{
  const char *end = text;
  const char *sentence = NULL;
  const char *word = NULL;
  guint chars = 0;

  while (*end != '\0' && chars < max_chars)
    {
      if (*end == ' ' || *end == '\n')
        {
          word = end;
          if (end > text && (end[-1] == '.' || end[-1] == '!' || end[-1] == '?'))
            sentence = end;
        }
      end = g_utf8_next_char (end);
      chars++;
    }

  if (*end == '\0')
    return g_strdup (text);

  if (sentence != NULL && g_utf8_strlen (text, sentence - text) >= max_chars / 2)
    return g_strndup (text, sentence - text);
  if (word != NULL)
    end = word;

  {
    g_autofree char *cut = g_strndup (text, end - text);
    return g_strconcat (g_strchomp (cut), "…", NULL);
  }
}

static gboolean
is_web_url (const char *url)
{
  return url != NULL && (g_ascii_strncasecmp (url, "http://", 7) == 0
                         || g_ascii_strncasecmp (url, "https://", 8) == 0);
}

/**
 * chronicle_feed_entry_to_article:
 * @entry: a parsed entry
 * @source_id: the source's id in the store
 * @source_title: (nullable): the source's title, shown with the article
 * @first_seen: now, as Unix time: the date of an undated entry
 *
 * Returns: (transfer full): a new article, not yet stored
 */
ChronicleArticle *
chronicle_feed_entry_to_article (ChronicleFeedEntry *entry,
                                 gint64              source_id,
                                 const char         *source_title,
                                 gint64              first_seen)
{
  ChronicleArticle *article = chronicle_article_new ();

  g_return_val_if_fail (entry != NULL, NULL);

  chronicle_article_set_source_id (article, source_id);
  chronicle_article_set_source_title (article, entry->source_name != NULL ? entry->source_name
                                                                          : source_title);
  chronicle_article_set_guid (article, entry->id);
  if (is_web_url (entry->link))
    chronicle_article_set_url (article, entry->link);
  if (entry->title != NULL)
    chronicle_article_set_title (article, entry->title);
  else
    {
      /* The store needs a title: the start of the text stands in. */
      const char *text = entry->summary != NULL ? entry->summary : entry->content;
      g_autofree char *start = NULL;

      if (text != NULL)
        {
          const char *end = text;
          guint chars = 0;

          while (*end != '\0' && *end != '\n' && chars < 80)
            end = g_utf8_next_char (end), chars++;
          start = g_strndup (text, end - text);
          if (*end != '\0')
            {
              char *ellipsised = g_strconcat (start, "…", NULL);
              g_free (start);
              start = ellipsised;
            }
        }
      chronicle_article_set_title (article, start != NULL ? start
                                                          : (entry->link != NULL ? entry->link : "—"));
    }
  chronicle_article_set_author (article, entry->author);

  if (entry->published != NULL)
    chronicle_article_set_published (article, g_date_time_to_unix (entry->published));
  else
    {
      chronicle_article_set_published (article, first_seen);
      chronicle_article_set_published_inferred (article, TRUE);
    }
  if (entry->updated != NULL)
    chronicle_article_set_updated (article, g_date_time_to_unix (entry->updated));

  /* The body is the whole text; the summary is for a list row. Many feeds put the
   * whole article in the description: then the summary is its beginning, so the
   * search index does not hold the text twice. */
  chronicle_article_set_body (article, entry->content != NULL ? entry->content : entry->summary);
  if (entry->summary != NULL)
    {
      g_autofree char *summary = shorten (entry->summary, SUMMARY_LENGTH);
      chronicle_article_set_summary (article, summary);
    }
  chronicle_article_set_language (article, entry->language);
  if (entry->categories->len > 0)
    {
      g_ptr_array_add (entry->categories, NULL);
      chronicle_article_set_tags (article, (const char * const *) entry->categories->pdata);
      g_ptr_array_remove_index (entry->categories, entry->categories->len - 1);
    }
  chronicle_article_set_license (article, entry->license);
  chronicle_article_set_attribution (article, entry->attribution);
  if (is_web_url (entry->image))
    chronicle_article_set_image_url (article, entry->image);

  return article;
}

/**
 * chronicle_feed_to_articles:
 * @feed: a parsed feed
 * @source_id: the source's id
 * @source_title: (nullable): the source's title
 * @first_seen: now, as Unix time
 *
 * Returns: (transfer full) (element-type ChronicleArticle): one article per entry
 */
GPtrArray *
chronicle_feed_to_articles (ChronicleFeed *feed,
                            gint64         source_id,
                            const char    *source_title,
                            gint64         first_seen)
{
  GPtrArray *articles = g_ptr_array_new_full (feed->entries->len, g_object_unref);

  for (guint i = 0; i < feed->entries->len; i++)
    {
      ChronicleArticle *article =
        chronicle_feed_entry_to_article (g_ptr_array_index (feed->entries, i), source_id,
                                         source_title, first_seen);

      /* The feed's rights statement covers the entries that state none. */
      if (chronicle_article_get_license (article) == NULL && feed->rights != NULL)
        chronicle_article_set_license (article, feed->rights);
      g_ptr_array_add (articles, article);
    }

  return articles;
}
