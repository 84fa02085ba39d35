/* test-html.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chronicle-html.h"
#include "chronicle-test-utils.h"

static char *
load (const char *dir,
      const char *name,
      gsize      *len)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sync", dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, len, &error));
  g_assert_no_error (error);
  return contents;
}

/* Paragraphs kept, script/style/nav/noscript dropped, entities decoded, whitespace
 * collapsed: compared with the golden text. */
static void
test_to_text (void)
{
  g_autofree char *html = load ("html", "article.html", NULL);
  g_autofree char *expected = load ("html", "article.txt", NULL);
  g_autofree char *text = chronicle_html_to_text (html, -1);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_to_text_small (void)
{
  static const struct {
    const char *html;
    const char *text;
  } cases[] = {
    { "plain   text\n here", "plain text here" },
    { "AT&T &amp; more", "AT&T & more" },
    { "<p></p>", NULL },
    { "", NULL },
    { "<script>only()</script>", NULL },
    { "a<b>b</b>c", "abc" },
    { "<p>one</p><p>two</p>", "one\n\ntwo" },
    { "<div><p>nested</p></div><div>after</div>", "nested\n\nafter" },
    { "&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>" },
    { "<p>broken <b>markup</p> continues", "broken markup\n\ncontinues" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = chronicle_html_to_text (cases[i].html, -1);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_discover (void)
{
  gsize len;
  g_autofree char *html = load ("feeds", "web-page.html", &len);
  g_autoptr(GPtrArray) feeds = chronicle_html_discover_feeds (html, len, "https://www.example.com/news/");

  g_assert_cmpuint (feeds->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (feeds, 0), ==, "https://www.example.com/feeds/all.rss");
  g_assert_cmpstr (g_ptr_array_index (feeds, 1), ==, "https://cdn.example.net/atom.xml");
  g_assert_true (chronicle_html_looks_like_page (html, len));
  g_assert_false (chronicle_html_looks_like_page ("<rss/>", 6));
  g_assert_true (chronicle_html_looks_like_page ("\n<!-- c --><HTML>", 17));
}

static void
test_page (void)
{
  gsize len;
  g_autofree char *html = load ("local", "page.html", &len);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleFeed) feed = chronicle_html_parse_page (html, len, "file:///tmp/page.html", &error);
  ChronicleFeedEntry *entry;
  g_autofree char *published = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (feed->format, ==, "html");
  g_assert_cmpuint (feed->entries->len, ==, 1);
  entry = g_ptr_array_index (feed->entries, 0);
  g_assert_cmpstr (entry->title, ==, "Ceasefire holds in the east");
  g_assert_cmpstr (entry->link, ==, "https://times.example/2022/03/05/ceasefire");
  g_assert_cmpstr (entry->author, ==, "Olena Petrenko");
  published = g_date_time_format (entry->published, "%FT%TZ");
  g_assert_cmpstr (published, ==, "2022-03-05T05:45:00Z");
  g_assert_false (entry->needs_date_inference);
  g_assert_cmpstr (entry->content, ==,
                   "Ceasefire holds in the east\n\n"
                   "The ceasefire agreed on Friday held overnight, officials in Kyiv said.\n\n"
                   "Observers from the OSCE reported no violations.");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/html/to-text", test_to_text);
  g_test_add_func ("/sync/html/to-text-small", test_to_text_small);
  g_test_add_func ("/sync/html/discover", test_discover);
  g_test_add_func ("/sync/html/page", test_page);

  return g_test_run ();
}
