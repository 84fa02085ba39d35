/* test-article-view.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "chronicle-article-view.h"
#include "chronicle-test-ui-utils.h"
#include "chronicle-ui.h"
#include "ui-test-articles.h"

typedef struct
{
  int    entity_kind;
  char  *entity;
  gint64 date_start;
  gint64 date_end;
} Seen;

static void
entity_cb (ChronicleArticleView *view,
           int                   kind,
           const char           *name,
           Seen                 *seen)
{
  seen->entity_kind = kind;
  g_free (seen->entity);
  seen->entity = g_strdup (name);
}

static void
date_cb (ChronicleArticleView *view,
         gint64                start,
         gint64                end,
         Seen                 *seen)
{
  seen->date_start = start;
  seen->date_end = end;
}

static guint
offset_of (const char *text,
           const char *needle)
{
  const char *p = strstr (text, needle);

  g_assert_nonnull (p);
  return g_utf8_pointer_to_offset (text, p);
}

static void
test_article (void)
{
  g_autoptr(GListStore) articles = ui_test_load_articles ();
  g_autoptr(ChronicleArticle) article = g_list_model_get_item (G_LIST_MODEL (articles), 0);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  ChronicleArticleView *view = CHRONICLE_ARTICLE_VIEW (chronicle_article_view_new ());
  g_autofree char *png = chronicle_test_output_path ("article-view.png");
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) jan1 = g_date_time_new (utc, 2016, 1, 1, 0, 0, 0);
  const char *body;
  Seen seen = { -1 };

  g_signal_connect (view, "entity-activated", G_CALLBACK (entity_cb), &seen);
  g_signal_connect (view, "date-activated", G_CALLBACK (date_cb), &seen);

  chronicle_article_view_set_search (view, "ceasefire");
  chronicle_article_view_set_article (view, article, NULL, NULL);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_set_default_size (window, 640, 900);
  gtk_window_present (window);
  chronicle_test_wait_for_frames (GTK_WIDGET (view), 4);

  /* The body is shown as text; three distinct dates are listed. */
  body = chronicle_article_view_get_body_text (view);
  g_assert_true (g_str_has_prefix (body, "Secretary of State John Kerry"));
  g_assert_cmpuint (chronicle_article_view_get_n_dates (view), ==, 3);

  /* Clicking "January 1" in the text jumps to that day; "Lavrov" filters. */
  chronicle_article_view_activate_offset (view, offset_of (body, "January 1") + 2);
  g_assert_cmpint (seen.date_start, ==, g_date_time_to_unix (jan1));
  g_assert_cmpint (seen.date_end, ==, g_date_time_to_unix (jan1) + 86400);
  chronicle_article_view_activate_offset (view, offset_of (body, "Lavrov"));
  g_assert_cmpint (seen.entity_kind, ==, CHRONICLE_ENTITY_KIND_PERSON);
  g_assert_cmpstr (seen.entity, ==, "Sergei Lavrov");
  g_clear_pointer (&seen.entity, g_free);
  chronicle_article_view_activate_offset (view, offset_of (body, "welcomed"));
  g_assert_null (seen.entity);

  /* Under the text: the tags, and the credit line (which names the licence itself). */
  g_assert_cmpstr (chronicle_article_view_get_tags_text (view), ==,
                   "Tags: Russia · Syria · Diplomacy");
  g_assert_cmpstr (chronicle_article_view_get_rights_text (view), ==,
                   "Source: \"Kerry, Lavrov to agree list of terrorist organizations\", "
                   "Wikinews (2015-12-15), CC BY 2.5");

  g_assert_true (chronicle_test_render_to_png (GTK_WIDGET (window), png, &error));
  g_assert_no_error (error);

  /* Another article replaces everything. */
  g_clear_object (&article);
  article = g_list_model_get_item (G_LIST_MODEL (articles), 1);
  chronicle_article_view_set_article (view, article, NULL, NULL);
  g_assert_cmpuint (chronicle_article_view_get_n_dates (view), ==, 0);
  g_assert_true (g_str_has_prefix (chronicle_article_view_get_body_text (view), "Stocks"));
  /* Nothing given, nothing shown. */
  g_assert_null (chronicle_article_view_get_tags_text (view));
  g_assert_null (chronicle_article_view_get_rights_text (view));
  chronicle_article_set_license (article, "(C) Example Wire 2015");
  chronicle_article_view_set_article (view, article, NULL, NULL);
  g_assert_cmpstr (chronicle_article_view_get_rights_text (view), ==,
                   "Licence: (C) Example Wire 2015");

  gtk_window_destroy (window);
  g_free (seen.entity);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("TZ", "UTC", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  chronicle_ui_init ();

  g_test_add_func ("/ui/article-view/article", test_article);

  return g_test_run ();
}
