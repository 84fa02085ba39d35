/* test-local.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chronicle-local.h"
#include "chronicle-opml.h"
#include "chronicle-sync-error.h"
#include "chronicle-test-utils.h"

static GFile *
data_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sync", "local", name, NULL);

  return g_file_new_for_path (path);
}

/* The article Chronicle was started from: furniture dropped, headline as title,
 * no date, so extraction must infer one. */
static void
test_seed_article (void)
{
  g_autoptr(GFile) file = data_file ("seed-article.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleFeed) feed = chronicle_local_load_file (file, NULL, &error);
  ChronicleFeedEntry *entry;

  g_assert_no_error (error);
  g_assert_cmpstr (feed->format, ==, "text");
  g_assert_cmpuint (feed->entries->len, ==, 1);
  entry = g_ptr_array_index (feed->entries, 0);
  g_assert_cmpstr (entry->title, ==,
                   "Kerry, Lavrov to Agree List of Terrorist Organizations During Moscow Talks");
  g_assert_null (entry->published);
  g_assert_true (entry->needs_date_inference);
  g_assert_true (g_str_has_prefix (entry->content, "US Secretary of State John Kerry (L)"));
  g_assert_true (g_str_has_suffix (entry->content, "to every country”, he said."));
  g_assert_null (strstr (entry->content, "Advertisement"));
  g_assert_null (strstr (entry->content, "Share"));
  g_assert_null (strstr (entry->content, "Kerry heads to Moscow"));
  g_assert_nonnull (strstr (entry->content, "“outstanding issues”"));
  g_assert_true (g_str_has_prefix (entry->id, "urn:sha1:"));
}

static void
test_text_without_headline (void)
{
  const char *text = "Share\nThe minister said on Monday that talks would continue.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleFeed) feed = chronicle_local_parse (text, strlen (text), NULL, &error);
  ChronicleFeedEntry *entry;

  g_assert_no_error (error);
  entry = g_ptr_array_index (feed->entries, 0);
  g_assert_cmpstr (entry->content, ==, "The minister said on Monday that talks would continue.");
  g_assert_nonnull (entry->title);

  g_clear_pointer (&feed, chronicle_feed_free);
  feed = chronicle_local_parse ("Share\nAdvertisement\n", 20, NULL, &error);
  g_assert_null (feed);
  g_assert_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_NOT_A_FEED);
}

static void
test_jsonl (void)
{
  g_autoptr(GFile) file = data_file ("sample.jsonl");
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleFeed) feed = chronicle_local_load_file (file, NULL, &error);
  ChronicleFeedEntry *entry;
  g_autofree char *published = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (feed->format, ==, "jsonl");
  g_assert_cmpstr (feed->title, ==, "Wikinews");
  g_assert_cmpuint (feed->entries->len, ==, 4);
  g_assert_cmpuint (feed->warnings->len, ==, 1);

  entry = g_ptr_array_index (feed->entries, 0);
  g_assert_cmpstr (entry->id, ==, "wikinews-1173");
  g_assert_cmpstr (entry->title, ==, "Internal emails expose Boeing-Air Force contract discussions");
  g_assert_true (g_str_has_prefix (entry->link, "http://en.wikinews.org/wiki/"));
  published = g_date_time_format (entry->published, "%F");
  g_assert_cmpstr (published, ==, "2004-11-24");
  g_assert_true (g_str_has_prefix (entry->license, "Public domain"));
  g_assert_nonnull (entry->attribution);
  g_assert_nonnull (strstr (entry->attribution, "Wikinews"));
  g_assert_true (g_str_has_prefix (entry->content, "Emails exchanged among"));

  /* A line with a title and no date or text still counts; its date is inferred. */
  entry = g_ptr_array_index (feed->entries, 3);
  g_assert_true (entry->needs_date_inference);
}

/* The whole bundled sample imports. */
static void
test_bundled_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "sample-news",
                                                 "wikinews-sample.jsonl", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleFeed) feed = chronicle_local_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (feed->entries->len, ==, 144);
  g_assert_cmpuint (feed->warnings->len, ==, 0);
  for (guint i = 0; i < feed->entries->len; i++)
    {
      ChronicleFeedEntry *entry = g_ptr_array_index (feed->entries, i);
      g_assert_nonnull (entry->published);
      g_assert_nonnull (entry->attribution);
      g_assert_nonnull (entry->license);
    }
}

static void
test_local_detects (void)
{
  g_autoptr(GFile) page = data_file ("page.html");
  g_autoptr(GFile) opml = data_file ("sources.opml");
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleFeed) feed = chronicle_local_load_file (page, NULL, &error);
  g_autoptr(GFile) missing = data_file ("no-such-file.txt");

  g_assert_no_error (error);
  g_assert_cmpstr (feed->format, ==, "html");
  g_clear_pointer (&feed, chronicle_feed_free);

  feed = chronicle_local_load_file (opml, NULL, &error);
  g_assert_null (feed);
  g_assert_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_NOT_A_FEED);
  g_clear_error (&error);

  feed = chronicle_local_load_file (missing, NULL, &error);
  g_assert_null (feed);
  g_assert_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_INVALID_SOURCE);
}

static void
test_opml (void)
{
  g_autoptr(GFile) file = data_file ("sources.opml");
  g_autofree char *data = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GPtrArray) outlines = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  ChronicleOpmlOutline *outline;
  gsize len;
  guint skipped = 0;

  g_assert_true (g_file_load_contents (file, NULL, &data, &len, NULL, &error));
  g_assert_true (chronicle_local_is_opml (data, len));
  outlines = chronicle_opml_parse (data, len, &skipped, &error);
  g_assert_no_error (error);

  /* javascript: and file: outlines are refused; the include is not followed. */
  g_assert_cmpuint (outlines->len, ==, 3);
  g_assert_cmpuint (skipped, ==, 2);
  outline = g_ptr_array_index (outlines, 0);
  g_assert_cmpstr (outline->url, ==, "https://top.example/feed.xml");
  g_assert_cmpstr (outline->title, ==, "Top level");
  g_assert_cmpstr (outline->html_url, ==, "https://top.example/");
  g_assert_null (outline->category);
  outline = g_ptr_array_index (outlines, 1);
  g_assert_cmpstr (outline->title, ==, "World A & Co");
  g_assert_cmpstr (outline->category, ==, "World");
  outline = g_ptr_array_index (outlines, 2);
  g_assert_cmpstr (outline->url, ==, "http://b.example/atom");
  g_assert_null (outline->html_url);

  /* Export, import again: the same list. */
  written = chronicle_opml_write (outlines, "Chronicle <sources>");
  g_assert_nonnull (strstr (written, "<title>Chronicle &lt;sources&gt;</title>"));
  again = chronicle_opml_parse (written, strlen (written), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, outlines->len);
  for (guint i = 0; i < again->len; i++)
    {
      ChronicleOpmlOutline *a = g_ptr_array_index (outlines, i);
      ChronicleOpmlOutline *b = g_ptr_array_index (again, i);

      g_assert_cmpstr (a->url, ==, b->url);
      g_assert_cmpstr (a->title, ==, b->title);
      g_assert_cmpstr (a->category, ==, b->category);
    }

  g_assert_null (chronicle_opml_parse ("<rss/>", 6, NULL, &error));
  g_assert_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_NOT_A_FEED);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/local/seed-article", test_seed_article);
  g_test_add_func ("/sync/local/text-without-headline", test_text_without_headline);
  g_test_add_func ("/sync/local/jsonl", test_jsonl);
  g_test_add_func ("/sync/local/bundled-sample", test_bundled_sample);
  g_test_add_func ("/sync/local/detects", test_local_detects);
  g_test_add_func ("/sync/local/opml", test_opml);

  return g_test_run ();
}
