/* test-feed-parser.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "chronicle-feed-parser.h"
#include "chronicle-sync-error.h"
#include "chronicle-test-utils.h"

#define BASE_URL "https://news.example.org/feeds/world.rss"

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

static ChronicleFeed *
parse_fixture (const char  *name,
               const char  *charset,
               GError     **error)
{
  g_autofree char *data = NULL;
  gsize len;

  data = load ("feeds", name, &len);
  return chronicle_feed_parse (data, len, BASE_URL, charset, error);
}

/* Each format from our own fixtures, compared with the golden JSON beside it. */
static void
test_golden (gconstpointer data)
{
  const char *name = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleFeed) feed = NULL;
  g_autofree char *expected_name = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *json = NULL;
  const char *dot = strrchr (name, '.');

  feed = parse_fixture (name, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (feed);

  expected_name = g_strdup_printf ("%.*s.expected.json", (int) (dot - name), name);
  expected = load ("feeds", expected_name, NULL);
  json = chronicle_feed_to_json (feed);
  g_strchomp (expected);
  g_assert_cmpstr (json, ==, expected);
}

static void
test_refused (void)
{
  static const struct {
    const char *name;
    int         code;
  } cases[] = {
    { "billion-laughs.xml", CHRONICLE_SYNC_ERROR_UNSAFE },
    { "external-entity.xml", CHRONICLE_SYNC_ERROR_UNSAFE },
    { "web-page.html", CHRONICLE_SYNC_ERROR_WEB_PAGE },
    { "not-a-feed.xml", CHRONICLE_SYNC_ERROR_NOT_A_FEED },
    { "gdelt-error.txt", CHRONICLE_SYNC_ERROR_NOT_A_FEED },
    { "guardian-error.json", CHRONICLE_SYNC_ERROR_API },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ChronicleFeed) feed = parse_fixture (cases[i].name, NULL, &error);

      g_test_message ("%s", cases[i].name);
      g_assert_null (feed);
      g_assert_error (error, CHRONICLE_SYNC_ERROR, cases[i].code);
      /* A sentence for a person: capitalised, ends with a full stop. */
      g_assert_true (g_ascii_isupper (error->message[0]));
      g_assert_true (g_str_has_suffix (error->message, "."));
    }
}

static void
test_entities_never_expanded (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleFeed) feed = parse_fixture ("external-entity.xml", NULL, &error);

  g_assert_null (feed);
  g_assert_nonnull (strstr (error->message, "entities"));
  g_assert_null (strstr (error->message, "root:"));
}

static void
test_gdelt_plain_text_error (void)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleFeed) feed = NULL;
  gsize len;

  data = load ("feeds", "gdelt-error.txt", &len);
  feed = chronicle_feed_parse_for_kind (CHRONICLE_SOURCE_KIND_GDELT, data, len, NULL, NULL, &error);
  g_assert_null (feed);
  g_assert_error (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_API);
  g_assert_cmpstr (error->message, ==, "GDELT refused the query: The specified phrase is too short.");
  g_clear_error (&error);

  /* An empty answer is an empty result, not an error. */
  feed = chronicle_feed_parse_for_kind (CHRONICLE_SOURCE_KIND_GDELT, "", 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (feed->entries->len, ==, 0);
}

static void
test_gdelt_fields (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleFeed) feed = parse_fixture ("gdelt.json", NULL, &error);
  ChronicleFeedEntry *entry;

  g_assert_no_error (error);
  entry = g_ptr_array_index (feed->entries, 0);
  g_assert_cmpstr (entry->source_name, ==, "kyivpost.example");
  g_assert_cmpstr (entry->source_country, ==, "Ukraine");
  g_assert_cmpstr (entry->language, ==, "English");
  g_assert_cmpstr (entry->image, ==, "https://www.kyivpost.example/img/1.jpg");
  entry = g_ptr_array_index (feed->entries, 1);
  g_assert_null (entry->image);
}

static void
test_http_charset (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleFeed) feed = parse_fixture ("http-charset.xml", "windows-1251", &error);
  g_autoptr(ChronicleFeed) declared = NULL;
  ChronicleFeedEntry *entry;

  g_assert_no_error (error);
  g_assert_cmpstr (feed->title, ==, "Новости");
  entry = g_ptr_array_index (feed->entries, 0);
  g_assert_cmpstr (entry->title, ==, "Москва");
  g_assert_cmpuint (feed->warnings->len, ==, 0);

  /* The XML declaration wins over the HTTP charset. */
  declared = parse_fixture ("cp1251.xml", "iso-8859-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (declared->title, ==, "Новости");
}

static void
test_repairs_warn (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleFeed) invalid = parse_fixture ("invalid-utf8.xml", NULL, &error);
  g_autoptr(ChronicleFeed) truncated = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (invalid->warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (invalid->warnings, 0), "UTF-8"));

  truncated = parse_fixture ("truncated.xml", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (truncated->entries->len, ==, 1);
  g_assert_cmpuint (truncated->warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (truncated->warnings, 0), "well-formed"));
}

static void
test_images (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleFeed) feed = parse_fixture ("rss-2.0.xml", NULL, &error);
  ChronicleFeedEntry *entry;

  g_assert_no_error (error);
  entry = g_ptr_array_index (feed->entries, 0);
  g_assert_cmpstr (entry->image, ==, "https://news.example.org/img/kerry.jpg");
  g_assert_false (entry->needs_date_inference);
}

static void
test_empty_and_garbage (void)
{
  static const char *inputs[] = { "", "   \n", "<", "{", "[1, 2]", "hello world", "\xEF\xBB\xBF" };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ChronicleFeed) feed = chronicle_feed_parse (inputs[i], strlen (inputs[i]), NULL,
                                                            NULL, &error);

      g_assert_null (feed);
      g_assert_nonnull (error);
      g_assert_true (error->domain == CHRONICLE_SYNC_ERROR);
    }
}

static const char *
member_text (JsonObject *object,
             const char *name)
{
  JsonObject *text;

  if (!json_object_has_member (object, name) || json_object_get_null_member (object, name))
    return NULL;

  text = json_object_get_object_member (object, name);
  return json_object_get_string_member_with_default (text, "content", NULL);
}

static char *
normalise (const char *text)
{
  g_auto(GStrv) words = NULL;

  if (text == NULL)
    return NULL;

  words = g_strsplit_set (text, " \t\n\r", -1);
  {
    GString *out = g_string_new (NULL);
    for (guint i = 0; words[i] != NULL; i++)
      {
        if (words[i][0] == '\0')
          continue;
        if (out->len > 0)
          g_string_append_c (out, ' ');
        g_string_append (out, words[i]);
      }
    return g_string_free (out, out->len == 0);
  }
}

/* Real-world feeds: the entries, titles, links and dates feed-rs expects. */
static void
test_feed_rs (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "sync", "feed-rs", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint compared = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *stem = NULL;
      g_autofree char *expected_name = NULL;
      g_autofree char *data = NULL;
      g_autofree char *expected = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(ChronicleFeed) feed = NULL;
      JsonArray *entries;
      gsize len;

      if (g_str_has_suffix (name, ".serde.json") || !(g_str_has_suffix (name, ".xml")
                                                      || g_str_has_suffix (name, ".json")))
        continue;

      g_test_message ("%s", name);
      stem = g_strndup (name, strrchr (name, '.') - name);
      expected_name = g_strconcat (stem, ".serde.json", NULL);
      data = load ("feed-rs", name, &len);
      expected = load ("feed-rs", expected_name, NULL);

      feed = chronicle_feed_parse (data, len, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (json_parser_load_from_data (parser, expected, -1, &error));
      entries = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                              "entries");
      g_assert_cmpuint (feed->entries->len, ==, json_array_get_length (entries));

      for (guint i = 0; i < feed->entries->len; i++)
        {
          ChronicleFeedEntry *entry = g_ptr_array_index (feed->entries, i);
          JsonObject *want = json_array_get_object_element (entries, i);
          g_autofree char *want_title = normalise (member_text (want, "title"));
          JsonArray *links = json_object_get_array_member (want, "links");
          const char *published = json_object_get_string_member_with_default (want, "published", NULL);

          if (published == NULL)
            published = json_object_get_string_member_with_default (want, "updated", NULL);

          if (want_title != NULL && strchr (want_title, '<') == NULL)
            g_assert_cmpstr (entry->title, ==, want_title);

          if (json_array_get_length (links) > 0)
            {
              gboolean found = FALSE;

              for (guint j = 0; j < json_array_get_length (links) && !found; j++)
                {
                  const char *href = json_object_get_string_member (json_array_get_object_element (links, j), "href");
                  /* feed-rs normalises host case and adds a trailing slash. */
                  found = g_ascii_strcasecmp (href, entry->link) == 0
                          || (g_str_has_prefix (href, entry->link)
                              && strcmp (href + strlen (entry->link), "/") == 0);
                }
              g_assert_true (found);
            }

          if (published != NULL)
            {
              g_autoptr(GDateTime) want_date = g_date_time_new_from_iso8601 (published, NULL);

              g_assert_nonnull (entry->published);
              /* We keep whole seconds. */
              g_assert_cmpint (g_date_time_to_unix (entry->published), ==,
                               g_date_time_to_unix (want_date));
            }
        }
      compared++;
    }

  g_assert_cmpuint (compared, >=, 20);
}

int
main (int    argc,
      char **argv)
{
  static const char *golden[] = {
    "rss-2.0.xml", "rss-0.91.xml", "rss-1.0.xml", "atom-1.0.xml", "atom-0.3.xml",
    "jsonfeed-1.0.json", "jsonfeed-1.1.json", "gdelt.json", "gdelt-empty.json",
    "gdelt-null.json", "guardian.json", "cp1251.xml", "utf16.xml", "utf8-bom.xml",
    "truncated.xml", "invalid-utf8.xml",
  };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (golden); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sync/feed-parser/golden/%s", golden[i]);
      g_test_add_data_func (path, golden[i], test_golden);
    }
  g_test_add_func ("/sync/feed-parser/refused", test_refused);
  g_test_add_func ("/sync/feed-parser/entities-never-expanded", test_entities_never_expanded);
  g_test_add_func ("/sync/feed-parser/gdelt-plain-text-error", test_gdelt_plain_text_error);
  g_test_add_func ("/sync/feed-parser/gdelt-fields", test_gdelt_fields);
  g_test_add_func ("/sync/feed-parser/http-charset", test_http_charset);
  g_test_add_func ("/sync/feed-parser/repairs-warn", test_repairs_warn);
  g_test_add_func ("/sync/feed-parser/images", test_images);
  g_test_add_func ("/sync/feed-parser/empty-and-garbage", test_empty_and_garbage);
  g_test_add_func ("/sync/feed-parser/feed-rs", test_feed_rs);

  return g_test_run ();
}
