/* test-feed-article.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chronicle-feed-article.h"
#include "chronicle-test-utils.h"

static void
test_dated (void)
{
  g_autoptr(ChronicleFeedEntry) entry = chronicle_feed_entry_new ();
  g_autoptr(ChronicleArticle) article = NULL;

  entry->id = g_strdup ("tag:x,2015:1");
  entry->title = g_strdup ("Title");
  entry->link = g_strdup ("https://x.example/1");
  entry->published = g_date_time_new_utc (2015, 12, 15, 12, 0, 0);
  entry->updated = g_date_time_new_utc (2015, 12, 16, 12, 0, 0);
  entry->summary = g_strdup ("Short.");
  entry->content = g_strdup ("The whole text.");
  entry->image = g_strdup ("javascript:alert(1)");
  entry->source_name = g_strdup ("kyivpost.example");

  article = chronicle_feed_entry_to_article (entry, 7, "Feed", 1000);
  g_assert_cmpint (chronicle_article_get_source_id (article), ==, 7);
  g_assert_cmpstr (chronicle_article_get_guid (article), ==, "tag:x,2015:1");
  g_assert_cmpstr (chronicle_article_get_url (article), ==, "https://x.example/1");
  g_assert_cmpint (chronicle_article_get_published (article), ==, 1450180800);
  g_assert_false (chronicle_article_get_published_inferred (article));
  g_assert_cmpint (chronicle_article_get_updated (article), ==, 1450267200);
  g_assert_cmpstr (chronicle_article_get_summary (article), ==, "Short.");
  g_assert_cmpstr (chronicle_article_get_body (article), ==, "The whole text.");
  /* Only web links are kept. */
  g_assert_null (chronicle_article_get_image_url (article));
  /* An aggregator's entry names where it comes from. */
  g_assert_cmpstr (chronicle_article_get_source_title (article), ==, "kyivpost.example");
}

static void
test_undated (void)
{
  g_autoptr(ChronicleFeedEntry) entry = chronicle_feed_entry_new ();
  g_autoptr(ChronicleArticle) article = NULL;
  GString *long_text = g_string_new (NULL);
  g_autofree char *expected_start = NULL;

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (long_text, "Sentence number %u is here. ", i);
  entry->id = g_strdup ("urn:sha1:abc");
  entry->link = g_strdup ("file:///tmp/article.txt");
  entry->summary = g_string_free (long_text, FALSE);
  g_strchomp (entry->summary);

  article = chronicle_feed_entry_to_article (entry, 1, "Feed", 1700000000);
  /* No date: first seen, marked as inferred. */
  g_assert_cmpint (chronicle_article_get_published (article), ==, 1700000000);
  g_assert_true (chronicle_article_get_published_inferred (article));
  g_assert_null (chronicle_article_get_url (article));
  g_assert_cmpstr (chronicle_article_get_source_title (article), ==, "Feed");
  /* The whole text is the body; the summary is its start, cut after a sentence. */
  g_assert_cmpstr (chronicle_article_get_body (article), ==, entry->summary);
  g_assert_cmpuint (g_utf8_strlen (chronicle_article_get_summary (article), -1), <=, 320);
  g_assert_true (g_str_has_suffix (chronicle_article_get_summary (article), "here."));
  g_assert_true (g_str_has_prefix (entry->summary, chronicle_article_get_summary (article)));
  /* No title: the start of the text, within 80 characters. */
  expected_start = g_strndup (entry->summary, 80);
  g_assert_true (g_str_has_prefix (chronicle_article_get_title (article), expected_start));
  g_assert_true (g_str_has_suffix (chronicle_article_get_title (article), "…"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/feed-article/dated", test_dated);
  g_test_add_func ("/sync/feed-article/undated", test_undated);

  return g_test_run ();
}
