/* entity-test-store.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * A store filled with tests/data/ui/entity-articles.jsonl: eight short
 * articles whose mentions name people, countries, places and organisations
 * (as extraction would), for the entity page, map and facet tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "chronicle-article.h"
#include "chronicle-mention.h"
#include "chronicle-source.h"
#include "chronicle-store.h"

static void
entity_test_result_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static inline GAsyncResult *
entity_test_await (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static inline ChronicleStore *
entity_test_store_new (const char *path)
{
  g_autofree char *file = g_test_build_filename (G_TEST_DIST, "data", "ui",
                                                 "entity-articles.jsonl", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleStore) store = chronicle_store_open_sync (path, NULL, &error);
  g_autoptr(ChronicleSource) source = chronicle_source_new (CHRONICLE_SOURCE_KIND_RSS,
                                                            "https://news.example.org/feed.xml");
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GAsyncResult) added = NULL;
  g_autoptr(GAsyncResult) stored = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 source_id;

  g_assert_no_error (error);
  chronicle_source_set_title (source, "World Desk");
  chronicle_store_add_source_async (store, source, NULL, entity_test_result_cb, &added);
  source_id = chronicle_store_add_source_finish (store, entity_test_await (&added), &error);
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      ChronicleArticle *article;
      JsonObject *o;
      JsonArray *mentions;

      if (*lines[i] == '\0')
        continue;
      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, NULL));
      o = json_node_get_object (json_parser_get_root (parser));
      article = chronicle_article_new ();
      chronicle_article_set_source_id (article, source_id);
      chronicle_article_set_title (article, json_object_get_string_member (o, "title"));
      chronicle_article_set_url (article, json_object_get_string_member (o, "url"));
      chronicle_article_set_guid (article, json_object_get_string_member (o, "url"));
      chronicle_article_set_published (article, json_object_get_int_member (o, "published"));
      chronicle_article_set_body (article, json_object_get_string_member (o, "body"));

      mentions = json_object_get_array_member (o, "mentions");
      for (guint m = 0; m < json_array_get_length (mentions); m++)
        {
          JsonObject *mo = json_array_get_object_element (mentions, m);
          ChronicleEntityKind kind;
          ChronicleMention *mention;

          g_assert_true (chronicle_entity_kind_from_string (json_object_get_string_member (mo, "kind"),
                                                            &kind));
          mention = chronicle_mention_new (kind, json_object_get_string_member (mo, "name"),
                                           json_object_get_int_member (mo, "start"),
                                           json_object_get_int_member (mo, "end"));
          if (!json_object_get_null_member (mo, "country"))
            mention->country_code = g_strdup (json_object_get_string_member (mo, "country"));
          chronicle_article_add_mention (article, mention);
        }
      g_ptr_array_add (articles, article);
    }

  chronicle_store_upsert_articles_async (store, articles, NULL, NULL, entity_test_result_cb, &stored);
  ids = chronicle_store_upsert_articles_finish (store, entity_test_await (&stored), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 8);

  return g_steal_pointer (&store);
}

static gboolean
entity_test_timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main loop until @done returns TRUE for @data (at most 10 s). */
static inline gboolean
entity_test_wait (gboolean (*done) (gpointer data),
                  gpointer   data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, entity_test_timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return done (data);
}
