/* ui-test-articles.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * Loads tests/data/ui/timeline-articles.jsonl into model objects, for the
 * widget tests (the store is not needed to draw a timeline).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "chronicle-article.h"
#include "chronicle-mention.h"
#include "chronicle-time-mention.h"

static inline const char *
ui_test_member_string (JsonObject *o,
                       const char *name)
{
  return json_object_has_member (o, name) && !json_object_get_null_member (o, name)
           ? json_object_get_string_member (o, name)
           : NULL;
}

static inline GListStore *
ui_test_load_articles (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ui",
                                                 "timeline-articles.jsonl", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GListStore *store = g_list_store_new (CHRONICLE_TYPE_ARTICLE);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(ChronicleArticle) article = chronicle_article_new ();
      JsonObject *o;
      JsonArray *mentions, *times;

      if (*lines[i] == '\0')
        continue;
      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, NULL));
      o = json_node_get_object (json_parser_get_root (parser));

      chronicle_article_set_id (article, json_object_get_int_member (o, "id"));
      chronicle_article_set_title (article, ui_test_member_string (o, "title"));
      chronicle_article_set_source_title (article, ui_test_member_string (o, "source"));
      chronicle_article_set_author (article, ui_test_member_string (o, "author"));
      chronicle_article_set_url (article, ui_test_member_string (o, "url"));
      chronicle_article_set_published (article, json_object_get_int_member (o, "published"));
      chronicle_article_set_summary (article, ui_test_member_string (o, "summary"));
      chronicle_article_set_body (article, ui_test_member_string (o, "body"));
      chronicle_article_set_read (article, json_object_get_boolean_member (o, "read"));
      chronicle_article_set_starred (article, json_object_get_boolean_member (o, "starred"));
      chronicle_article_set_license (article, ui_test_member_string (o, "license"));
      chronicle_article_set_attribution (article, ui_test_member_string (o, "attribution"));
      if (json_object_has_member (o, "tags"))
        {
          JsonArray *tags = json_object_get_array_member (o, "tags");
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_auto(GStrv) strv = NULL;

          for (guint t = 0; t < json_array_get_length (tags); t++)
            g_strv_builder_add (builder, json_array_get_string_element (tags, t));
          strv = g_strv_builder_end (builder);
          chronicle_article_set_tags (article, (const char * const *) strv);
        }

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
          mention->country_code = g_strdup (ui_test_member_string (mo, "country"));
          chronicle_article_add_mention (article, mention);
        }

      times = json_object_get_array_member (o, "time_mentions");
      for (guint t = 0; t < json_array_get_length (times); t++)
        {
          JsonObject *to = json_array_get_object_element (times, t);
          ChronicleGranularity granularity;
          ChronicleTimeMention *mention;
          const char *relation = json_object_get_string_member (to, "relation");

          g_assert_true (chronicle_granularity_from_string (json_object_get_string_member (to, "granularity"),
                                                            &granularity));
          mention = chronicle_time_mention_new (json_object_get_int_member (to, "start"),
                                                json_object_get_int_member (to, "end"),
                                                granularity,
                                                json_object_get_string_member (to, "text"));
          mention->offset_start = json_object_get_int_member (to, "offset_start");
          mention->offset_end = json_object_get_int_member (to, "offset_end");
          mention->relation = g_str_equal (relation, "future") ? CHRONICLE_TIME_RELATION_FUTURE
                              : g_str_equal (relation, "past") ? CHRONICLE_TIME_RELATION_PAST
                                                               : CHRONICLE_TIME_RELATION_PRESENT;
          chronicle_article_add_time_mention (article, mention);
        }

      chronicle_article_set_loaded (article, TRUE);
      g_list_store_append (store, article);
    }

  return store;
}
