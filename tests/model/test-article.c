/* test-article.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chronicle-article.h"
#include "model-test-props.h"

static void
test_properties (void)
{
  g_autoptr(ChronicleArticle) article = chronicle_article_new ();

  g_assert_true (chronicle_article_get_loaded (article));
  check_properties_notify (G_OBJECT (article));
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

static void
test_placeholder_assign (void)
{
  g_autoptr(ChronicleArticle) placeholder = chronicle_article_new_placeholder (42);
  g_autoptr(ChronicleArticle) loaded = chronicle_article_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_assert_false (chronicle_article_get_loaded (placeholder));
  g_assert_cmpint (chronicle_article_get_id (placeholder), ==, 42);

  chronicle_article_set_id (loaded, 42);
  chronicle_article_set_title (loaded, "Summit ends");
  chronicle_article_set_published (loaded, 1700000000);
  chronicle_article_set_starred (loaded, TRUE);
  chronicle_article_set_body (placeholder, "kept body");

  g_signal_connect (placeholder, "notify", G_CALLBACK (notify_cb), names);
  chronicle_article_assign (placeholder, loaded);

  /* Only what changed is notified; a missing body does not erase a loaded one. */
  g_assert_cmpuint (names->len, ==, 4);
  g_assert_true (g_ptr_array_find_with_equal_func (names, "title", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (names, "published", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (names, "starred", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (names, "loaded", g_str_equal, NULL));
  g_assert_cmpstr (chronicle_article_get_body (placeholder), ==, "kept body");

  g_ptr_array_set_size (names, 0);
  chronicle_article_assign (placeholder, loaded);
  g_assert_cmpuint (names->len, ==, 0);
}

static void
test_tags_rights (void)
{
  g_autoptr(ChronicleArticle) shared = chronicle_article_new ();
  g_autoptr(ChronicleArticle) full = chronicle_article_new ();
  g_autoptr(ChronicleArticle) page = chronicle_article_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *tags[] = { "Russia", "Syria", NULL };
  const char *same[] = { "Russia", "Syria", NULL };
  const char *none[] = { NULL };

  g_assert_null (chronicle_article_get_tags (shared));
  g_signal_connect (shared, "notify", G_CALLBACK (notify_cb), names);
  chronicle_article_set_tags (shared, tags);
  chronicle_article_set_tags (shared, same);
  chronicle_article_set_license (shared, "CC BY 2.5");
  chronicle_article_set_license (shared, "CC BY 2.5");
  g_assert_cmpuint (names->len, ==, 2);
  g_assert_true (g_strv_equal (chronicle_article_get_tags (shared), tags));

  /* A page read (no tags) keeps them; a full read (tags, maybe none) replaces all three. */
  chronicle_article_assign (shared, page);
  g_assert_true (g_strv_equal (chronicle_article_get_tags (shared), tags));
  g_assert_cmpstr (chronicle_article_get_license (shared), ==, "CC BY 2.5");

  chronicle_article_set_tags (full, none);
  chronicle_article_set_attribution (full, "Wikinews");
  chronicle_article_assign (shared, full);
  g_assert_cmpuint (g_strv_length ((char **) chronicle_article_get_tags (shared)), ==, 0);
  g_assert_null (chronicle_article_get_license (shared));
  g_assert_cmpstr (chronicle_article_get_attribution (shared), ==, "Wikinews");
}

static void
test_attachments (void)
{
  g_autoptr(ChronicleArticle) article = chronicle_article_new ();
  const char *keys[] = { "summit-2024", NULL };
  g_autofree char *text = NULL;
  ChronicleMention *m;

  chronicle_article_set_title (article, "Macron in Berlin");
  chronicle_article_set_summary (article, "The summary");
  text = chronicle_article_dup_text (article);
  g_assert_cmpstr (text, ==, "Macron in Berlin\nThe summary");

  m = chronicle_mention_new (CHRONICLE_ENTITY_KIND_PERSON, "Emmanuel Macron", 0, 6);
  m->surface = g_strdup ("Macron");
  chronicle_article_add_mention (article, m);
  chronicle_article_add_time_mention (article,
                                      chronicle_time_mention_new (0, 86400,
                                                                  CHRONICLE_GRANULARITY_DAY,
                                                                  "today"));
  chronicle_article_set_event_keys (article, keys);

  g_assert_cmpuint (chronicle_article_get_mentions (article)->len, ==, 1);
  g_assert_cmpuint (chronicle_article_get_time_mentions (article)->len, ==, 1);
  g_assert_cmpstr (chronicle_article_get_event_keys (article)[0], ==, "summit-2024");
}

static void
test_mention_boxed (void)
{
  g_autoptr(ChronicleMention) a = chronicle_mention_new (CHRONICLE_ENTITY_KIND_COUNTRY, "France",
                                                         3, 9);
  g_autoptr(ChronicleMention) b = NULL;

  a->country_code = g_strdup ("FR");
  b = chronicle_mention_copy (a);
  g_assert_true (chronicle_mention_equal (a, b));
  g_assert_true (a->country_code != b->country_code);
  b->entity_id = 17;
  g_assert_true (chronicle_mention_equal (a, b));
  b->end = 10;
  g_assert_false (chronicle_mention_equal (a, b));
  g_assert_true (G_TYPE_IS_BOXED (CHRONICLE_TYPE_MENTION));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/article/properties", test_properties);
  g_test_add_func ("/model/article/placeholder-assign", test_placeholder_assign);
  g_test_add_func ("/model/article/tags-rights", test_tags_rights);
  g_test_add_func ("/model/article/attachments", test_attachments);
  g_test_add_func ("/model/article/mention-boxed", test_mention_boxed);

  return g_test_run ();
}
