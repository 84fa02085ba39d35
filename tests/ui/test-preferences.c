/* test-preferences.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * The preferences window on a real store in a temporary folder, with the
 * memory GSettings backend: the Sources page (state in words, enable, remove
 * with undo), the Sync and Storage settings, and the Guardian key's "Test"
 * against a loopback server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chronicle-opml.h"
#include "chronicle-preferences-window.h"
#include "chronicle-test-server.h"
#include "chronicle-test-ui-utils.h"
#include "chronicle-test-utils.h"
#include "chronicle-ui.h"

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
await (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect (c, type, found);
}

/* The visible widgets of @type under @root, and with @label if it is a button. */
static GPtrArray *
find_all (GtkWidget  *root,
          GType       type,
          const char *label)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, all);
  for (guint i = 0; i < all->len; i++)
    {
      GtkWidget *w = g_ptr_array_index (all, i);

      if (!gtk_widget_get_visible (w))
        continue;
      if (label != NULL && (!GTK_IS_BUTTON (w)
                            || g_strcmp0 (gtk_button_get_label (GTK_BUTTON (w)), label) != 0))
        continue;
      g_ptr_array_add (found, w);
    }
  return found;
}

/* Spins until @count widgets match (at most 10 s). */
static GPtrArray *
wait_for (GtkWidget  *root,
          GType       type,
          const char *label,
          guint       count)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, timeout_cb, &timed_out);
  GPtrArray *found = find_all (root, type, label);

  while (found->len != count && !timed_out)
    {
      g_main_context_iteration (NULL, TRUE);
      g_ptr_array_unref (found);
      found = find_all (root, type, label);
    }
  if (!timed_out)
    g_source_remove (id);
  g_assert_cmpuint (found->len, ==, count);
  return found;
}

static GPtrArray *
list_sources (ChronicleStore *store)
{
  g_autoptr(GAsyncResult) listed = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *sources;

  chronicle_store_list_sources_async (store, NULL, result_cb, &listed);
  sources = chronicle_store_list_sources_finish (store, await (&listed), &error);
  g_assert_no_error (error);
  return sources;
}

static gint64
add_source (ChronicleStore *store,
            const char     *url,
            const char     *title)
{
  g_autoptr(ChronicleSource) source = chronicle_source_new (CHRONICLE_SOURCE_KIND_RSS, url);
  g_autoptr(GAsyncResult) added = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  chronicle_source_set_title (source, title);
  chronicle_store_add_source_async (store, source, NULL, result_cb, &added);
  id = chronicle_store_add_source_finish (store, await (&added), &error);
  g_assert_no_error (error);
  return id;
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "ui", name, NULL);
}

/* The words under each source, one case per line of tests/data/ui/source-descriptions.txt. */
static void
test_describe (void)
{
  g_autofree char *path = data_path ("source-descriptions.txt");
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2024, 3, 5, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  guint checked = 0;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      g_autoptr(ChronicleSource) source = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *described = NULL;
      ChronicleSourceKind kind;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      /* kind, articles, last success (Unix time), last error, expected (\n for a new line),
       * optionally the last warning (\n for a new line) */
      f = g_strsplit (lines[i], "\t", 6);
      g_assert_cmpuint (g_strv_length (f), >=, 5);
      g_assert_true (chronicle_source_kind_from_string (f[0], &kind));
      source = chronicle_source_new (kind, "https://example.org/feed");
      chronicle_source_set_article_count (source, atoi (f[1]));
      chronicle_source_set_last_success (source, g_ascii_strtoll (f[2], NULL, 10));
      chronicle_source_set_last_error (source, *f[3] != '\0' ? f[3] : NULL);
      if (f[5] != NULL)
        {
          g_autofree char *warning = g_strcompress (f[5]);
          chronicle_source_set_last_warning (source, warning);
        }
      expected = g_strcompress (f[4]);
      described = chronicle_preferences_sources_describe (source, now);
      g_assert_cmpstr (described, ==, expected);
      checked++;
    }
  g_assert_cmpuint (checked, >=, 4);
}

/* A source whose last sync had to repair its feed: a warning icon with the sentence as
 * its tooltip, and the sentence under the title. */
static void
test_source_warning (void)
{
  g_autofree char *dir = chronicle_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleStore) store = chronicle_store_open_sync (path, NULL, &error);
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autoptr(ChronicleSource) source = chronicle_source_new (CHRONICLE_SOURCE_KIND_RSS,
                                                            "https://broken.example/feed.xml");
  g_autoptr(GAsyncResult) added = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) images = NULL;
  const char *warning = "The feed is not well-formed XML (line 12: Premature end of data); "
                        "Chronicle read what it could.";
  ChroniclePreferencesWindow *prefs;
  GtkWidget *page;
  GtkWidget *icon = NULL;

  g_assert_no_error (error);
  chronicle_source_set_title (source, "Broken Feed");
  chronicle_source_set_last_warning (source, warning);
  chronicle_store_add_source_async (store, source, NULL, result_cb, &added);
  g_assert_cmpint (chronicle_store_add_source_finish (store, await (&added), &error), >, 0);
  g_assert_no_error (error);

  prefs = chronicle_preferences_window_new (NULL, settings, path);
  chronicle_preferences_window_set_services (prefs, store, NULL);
  page = GTK_WIDGET (chronicle_preferences_window_get_sources_page (prefs));
  gtk_window_present (GTK_WINDOW (prefs));

  rows = wait_for (page, ADW_TYPE_EXPANDER_ROW, NULL, 1);
  g_assert_true (g_str_has_suffix (adw_expander_row_get_subtitle (g_ptr_array_index (rows, 0)),
                                   "\nWarning: The feed is not well-formed XML (line 12: "
                                   "Premature end of data); Chronicle read what it could."));
  images = find_all (g_ptr_array_index (rows, 0), GTK_TYPE_IMAGE, NULL);
  for (guint i = 0; i < images->len; i++)
    if (g_strcmp0 (gtk_image_get_icon_name (g_ptr_array_index (images, i)),
                   "dialog-warning-symbolic") == 0)
      icon = g_ptr_array_index (images, i);
  g_assert_nonnull (icon);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (icon), ==, warning);

  gtk_window_destroy (GTK_WINDOW (prefs));
  g_clear_object (&store);
  chronicle_test_rm_rf (dir);
}

static void
test_keep_days (void)
{
  g_assert_cmpuint (chronicle_preferences_keep_days ("1month"), ==, 30);
  g_assert_cmpuint (chronicle_preferences_keep_days ("3months"), ==, 91);
  g_assert_cmpuint (chronicle_preferences_keep_days ("6months"), ==, 182);
  g_assert_cmpuint (chronicle_preferences_keep_days ("1year"), ==, 365);
  g_assert_cmpuint (chronicle_preferences_keep_days ("forever"), ==, 0);
}

static void
test_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  ChroniclePreferencesWindow *prefs;
  AdwComboRow *keep;
  AdwComboRow *interval;
  GtkSwitch *metered;
  g_autofree char *nick = NULL;

  prefs = chronicle_preferences_window_new (NULL, settings, "/tmp/chronicle-test.db");
  gtk_window_present (GTK_WINDOW (prefs));
  keep = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (prefs),
                                                       CHRONICLE_TYPE_PREFERENCES_WINDOW,
                                                       "keep_row"));
  interval = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (prefs),
                                                           CHRONICLE_TYPE_PREFERENCES_WINDOW,
                                                           "sync_interval_row"));
  metered = GTK_SWITCH (gtk_widget_get_template_child (GTK_WIDGET (prefs),
                                                       CHRONICLE_TYPE_PREFERENCES_WINDOW,
                                                       "metered_switch"));

  /* Defaults: hourly, never on metered networks, keep forever. */
  g_assert_cmpuint (adw_combo_row_get_selected (interval), ==, 2);
  g_assert_false (gtk_switch_get_active (metered));
  g_assert_cmpuint (adw_combo_row_get_selected (keep), ==, 4);

  gtk_switch_set_active (metered, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "sync-on-metered"));
  adw_combo_row_set_selected (keep, 1);
  nick = g_settings_get_string (settings, "keep-articles");
  g_assert_cmpstr (nick, ==, "3months");
  adw_combo_row_set_selected (interval, 0);
  g_clear_pointer (&nick, g_free);
  nick = g_settings_get_string (settings, "sync-interval");
  g_assert_cmpstr (nick, ==, "off");
  g_settings_set_string (settings, "sync-interval", "daily");
  g_assert_cmpuint (adw_combo_row_get_selected (interval), ==, 4);

  g_settings_reset (settings, "sync-on-metered");
  g_settings_reset (settings, "keep-articles");
  g_settings_reset (settings, "sync-interval");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
test_sources_page (void)
{
  g_autofree char *dir = chronicle_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleStore) store = chronicle_store_open_sync (path, NULL, &error);
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) switches = NULL;
  g_autoptr(GPtrArray) removes = NULL;
  g_autoptr(GPtrArray) undos = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autofree char *png = chronicle_test_output_path ("preferences-sources.png");
  ChroniclePreferencesWindow *prefs;
  GtkWidget *page;
  gboolean found_world = FALSE;

  g_assert_no_error (error);
  add_source (store, "https://news.example.org/world.xml", "World Desk");
  add_source (store, "https://news.example.org/business.xml", "Business Wire");

  prefs = chronicle_preferences_window_new (NULL, settings, path);
  chronicle_preferences_window_set_services (prefs, store, NULL);
  page = GTK_WIDGET (chronicle_preferences_window_get_sources_page (prefs));
  gtk_window_set_default_size (GTK_WINDOW (prefs), 720, 900);
  gtk_window_present (GTK_WINDOW (prefs));

  /* One expander row per source, titled and described in words. */
  rows = wait_for (page, ADW_TYPE_EXPANDER_ROW, NULL, 2);
  for (guint i = 0; i < rows->len; i++)
    {
      AdwExpanderRow *row = g_ptr_array_index (rows, i);
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

      g_assert_cmpstr (adw_expander_row_get_subtitle (row), ==,
                       "RSS feed · 0 articles · never synced");
      found_world |= g_strcmp0 (title, "World Desk") == 0;
    }
  g_assert_true (found_world);
  chronicle_test_wait_for_frames (GTK_WIDGET (prefs), 3);
  chronicle_test_render_to_png (GTK_WIDGET (prefs), png, NULL);

  /* The bundled suggestions: outlets and GDELT searches, each with an Add button. */
  suggestions = find_all (page, GTK_TYPE_BUTTON, "Add");
  g_assert_cmpuint (suggestions->len, >=, 10);

  /* Disabling a source is written to the store. */
  switches = find_all (page, GTK_TYPE_SWITCH, NULL);
  g_assert_cmpuint (switches->len, ==, 2);
  gtk_switch_set_active (g_ptr_array_index (switches, 0), FALSE);
  {
    gboolean timed_out = FALSE;
    guint id = g_timeout_add_seconds (10, timeout_cb, &timed_out);
    guint disabled = 0;

    while (disabled == 0 && !timed_out)
      {
        g_autoptr(GPtrArray) now = list_sources (store);

        for (guint i = 0; i < now->len; i++)
          disabled += !chronicle_source_get_enabled (g_ptr_array_index (now, i));
        if (disabled == 0)
          spin (20);
      }
    if (!timed_out)
      g_source_remove (id);
    g_assert_cmpuint (disabled, ==, 1);
  }

  /* Remove: the row goes, an undo toast comes; Undo brings the row back. */
  removes = find_all (page, GTK_TYPE_BUTTON, "Remove");
  g_assert_cmpuint (removes->len, ==, 2);
  g_signal_emit_by_name (g_ptr_array_index (removes, 0), "clicked");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = wait_for (page, ADW_TYPE_EXPANDER_ROW, NULL, 1);
  undos = wait_for (GTK_WIDGET (prefs), GTK_TYPE_BUTTON, "_Undo", 1);
  g_signal_emit_by_name (g_ptr_array_index (undos, 0), "clicked");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = wait_for (page, ADW_TYPE_EXPANDER_ROW, NULL, 2);
  sources = list_sources (store);
  g_assert_cmpuint (sources->len, ==, 2);

  /* Remove again and close the window before the toast goes: the removal holds. */
  g_clear_pointer (&removes, g_ptr_array_unref);
  removes = find_all (page, GTK_TYPE_BUTTON, "Remove");
  g_signal_emit_by_name (g_ptr_array_index (removes, 0), "clicked");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = wait_for (page, ADW_TYPE_EXPANDER_ROW, NULL, 1);
  gtk_window_destroy (GTK_WINDOW (prefs));
  {
    gboolean timed_out = FALSE;
    guint id = g_timeout_add_seconds (10, timeout_cb, &timed_out);

    do
      {
        g_clear_pointer (&sources, g_ptr_array_unref);
        sources = list_sources (store);
        if (sources->len != 1)
          spin (20);
      }
    while (sources->len != 1 && !timed_out);
    if (!timed_out)
      g_source_remove (id);
    g_assert_cmpuint (sources->len, ==, 1);
  }

  g_clear_object (&store);
  chronicle_test_rm_rf (dir);
}

/* OPML: new feeds are added (known ones skipped); the export lists them all. */
static void
test_opml (void)
{
  g_autofree char *dir = chronicle_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autofree char *opml_path = data_path ("import.opml");
  g_autofree char *opml = NULL;
  g_autofree char *exported = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleStore) store = chronicle_store_open_sync (path, NULL, &error);
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) outlines = NULL;
  g_autoptr(GHashTable) urls = g_hash_table_new (g_str_hash, g_str_equal);
  ChroniclePreferencesWindow *prefs;
  ChroniclePreferencesSources *page;
  gsize len;

  g_assert_no_error (error);
  add_source (store, "https://news.example.org/world.xml", "World Desk");
  prefs = chronicle_preferences_window_new (NULL, settings, path);
  chronicle_preferences_window_set_services (prefs, store, NULL);
  page = chronicle_preferences_window_get_sources_page (prefs);
  gtk_window_present (GTK_WINDOW (prefs));
  rows = wait_for (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, NULL, 1);

  g_assert_true (g_file_get_contents (opml_path, &opml, &len, NULL));
  chronicle_preferences_sources_import_opml (page, opml, len);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = wait_for (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, NULL, 3);
  sources = list_sources (store);
  g_assert_cmpuint (sources->len, ==, 3);

  exported = chronicle_preferences_sources_dup_opml (page);
  outlines = chronicle_opml_parse (exported, strlen (exported), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outlines->len, ==, 3);
  for (guint i = 0; i < outlines->len; i++)
    g_hash_table_add (urls, ((ChronicleOpmlOutline *) g_ptr_array_index (outlines, i))->url);
  g_assert_true (g_hash_table_contains (urls, "https://news.example.org/world.xml"));
  g_assert_true (g_hash_table_contains (urls, "https://harbour.example.org/feed.xml"));
  g_assert_true (g_hash_table_contains (urls, "https://valley.example.net/atom.xml"));

  gtk_window_destroy (GTK_WINDOW (prefs));
  g_clear_object (&store);
  chronicle_test_rm_rf (dir);
}

/* Compact Now: the spinner shows while VACUUM runs, then the button is back. */
static void
test_compact (void)
{
  g_autofree char *dir = chronicle_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleStore) store = chronicle_store_open_sync (path, NULL, &error);
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  ChroniclePreferencesWindow *prefs;
  GtkStack *stack;
  GtkWidget *button;
  AdwActionRow *size;
  gboolean timed_out = FALSE;
  guint id;

  g_assert_no_error (error);
  prefs = chronicle_preferences_window_new (NULL, settings, path);
  chronicle_preferences_window_set_services (prefs, store, NULL);
  gtk_window_present (GTK_WINDOW (prefs));
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (prefs),
                                                    CHRONICLE_TYPE_PREFERENCES_WINDOW,
                                                    "compact_stack"));
  button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (prefs),
                                                     CHRONICLE_TYPE_PREFERENCES_WINDOW,
                                                     "compact_button"));
  size = ADW_ACTION_ROW (gtk_widget_get_template_child (GTK_WIDGET (prefs),
                                                        CHRONICLE_TYPE_PREFERENCES_WINDOW,
                                                        "size_row"));
  /* The database file exists: its size is shown. */
  g_assert_cmpstr (adw_action_row_get_subtitle (size), !=, "0 bytes");

  gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.compact", NULL);
  g_assert_true (gtk_stack_get_visible_child (stack) != button);
  id = g_timeout_add_seconds (10, timeout_cb, &timed_out);
  while (gtk_stack_get_visible_child (stack) != button && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_true (gtk_stack_get_visible_child (stack) == button);

  gtk_window_destroy (GTK_WINDOW (prefs));
  g_clear_object (&store);
  chronicle_test_rm_rf (dir);
}

static const char *
test_row_subtitle (ChroniclePreferencesWindow *prefs)
{
  AdwActionRow *row = ADW_ACTION_ROW (gtk_widget_get_template_child (GTK_WIDGET (prefs),
                                                                     CHRONICLE_TYPE_PREFERENCES_WINDOW,
                                                                     "guardian_test_row"));
  return adw_action_row_get_subtitle (row);
}

static void
wait_for_test_result (ChroniclePreferencesWindow *prefs)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, timeout_cb, &timed_out);

  while (g_strcmp0 (test_row_subtitle (prefs), "Asking the Guardian…") == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
}

static void
test_guardian_key_check (void)
{
  g_autoptr(ChronicleTestServer) server = chronicle_test_server_new ();
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autofree char *ok = data_path ("guardian-ok.json");
  g_autofree char *bad = data_path ("guardian-bad-key.json");
  g_autofree char *ok_url = NULL;
  g_autofree char *bad_url = NULL;
  ChroniclePreferencesWindow *prefs;
  GtkEditable *key_row;

  {
    g_autofree char *body = NULL;
    g_autoptr(GBytes) ok_bytes = NULL;
    g_autoptr(GBytes) bad_bytes = NULL;
    gsize len;

    g_assert_true (g_file_get_contents (ok, &body, &len, NULL));
    ok_bytes = g_bytes_new_take (g_steal_pointer (&body), len);
    chronicle_test_server_route (server, "/search", 200, "application/json", ok_bytes, 0, NULL);
    g_assert_true (g_file_get_contents (bad, &body, &len, NULL));
    bad_bytes = g_bytes_new_take (g_steal_pointer (&body), len);
    chronicle_test_server_route (server, "/unauthorized", 401, "application/json", bad_bytes, 0,
                                 NULL);
  }
  ok_url = chronicle_test_server_url (server, "/search?q=world&api-key=test");
  bad_url = chronicle_test_server_url (server, "/unauthorized?q=world&api-key=test");

  prefs = chronicle_preferences_window_new (NULL, settings, "/tmp/chronicle-test.db");
  gtk_window_present (GTK_WINDOW (prefs));
  key_row = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (prefs),
                                                         CHRONICLE_TYPE_PREFERENCES_WINDOW,
                                                         "guardian_key_row"));
  gtk_editable_set_text (key_row, "my-secret-key");

  chronicle_preferences_window_set_guardian_endpoint (prefs, ok_url);
  gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.test-key", NULL);
  wait_for_test_result (prefs);
  g_assert_cmpstr (test_row_subtitle (prefs), ==, "The key works");
  g_assert_cmpuint (chronicle_test_server_hits (server, "/search"), ==, 1);

  chronicle_preferences_window_set_guardian_endpoint (prefs, bad_url);
  gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.test-key", NULL);
  wait_for_test_result (prefs);
  g_assert_true (g_str_has_prefix (test_row_subtitle (prefs), "The key does not work: "));
  g_assert_cmpuint (strlen (test_row_subtitle (prefs)), >, strlen ("The key does not work: "));

  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
test_guardian_check (void)
{
  g_autofree char *ok = data_path ("guardian-ok.json");
  g_autofree char *bad = data_path ("guardian-bad-key.json");
  g_autofree char *ok_text = NULL;
  g_autofree char *bad_text = NULL;
  g_autoptr(GBytes) ok_bytes = NULL;
  g_autoptr(GBytes) bad_bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (ok, &ok_text, &len, NULL));
  ok_bytes = g_bytes_new (ok_text, len);
  g_assert_true (g_file_get_contents (bad, &bad_text, &len, NULL));
  bad_bytes = g_bytes_new (bad_text, len);

  g_assert_true (chronicle_preferences_guardian_check (ok_bytes, &error));
  g_assert_no_error (error);
  g_assert_false (chronicle_preferences_guardian_check (bad_bytes, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("TZ", "UTC", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  chronicle_ui_init ();

  g_test_add_func ("/ui/preferences/describe", test_describe);
  g_test_add_func ("/ui/preferences/keep-days", test_keep_days);
  g_test_add_func ("/ui/preferences/guardian-check", test_guardian_check);
  g_test_add_func ("/ui/preferences/settings", test_settings);
  g_test_add_func ("/ui/preferences/sources-page", test_sources_page);
  g_test_add_func ("/ui/preferences/source-warning", test_source_warning);
  g_test_add_func ("/ui/preferences/guardian-key-test", test_guardian_key_check);
  g_test_add_func ("/ui/preferences/opml", test_opml);
  g_test_add_func ("/ui/preferences/compact", test_compact);

  return g_test_run ();
}
