/* test-preferences-keyring.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * The Accounts page against a real gnome-keyring-daemon in a private D-Bus
 * session (tests/keyring-run.sh): a key typed and applied is stored in the
 * keyring, read back by the next window, and removed when cleared.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chronicle-preferences-window.h"
#include "chronicle-secret.h"
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

static char *
lookup (void)
{
  g_autoptr(GAsyncResult) looked_up = NULL;
  g_autoptr(GError) error = NULL;
  char *key;

  chronicle_secret_lookup_api_key_async (CHRONICLE_SECRET_SERVICE_GUARDIAN, NULL, result_cb,
                                         &looked_up);
  key = chronicle_secret_lookup_api_key_finish (await (&looked_up), &error);
  g_assert_no_error (error);
  return key;
}

static GtkEditable *
key_row (ChroniclePreferencesWindow *prefs)
{
  return GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (prefs),
                                                      CHRONICLE_TYPE_PREFERENCES_WINDOW,
                                                      "guardian_key_row"));
}

/* Spins until the keyring holds @expected (at most 10 s). */
static void
wait_for_key (const char *expected)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  g_autofree char *key = lookup ();

  while (g_strcmp0 (key, expected) != 0 && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
      g_free (key);
      key = lookup ();
    }
  g_assert_cmpstr (key, ==, expected);
}

static void
test_key_round_trip (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  ChroniclePreferencesWindow *prefs;
  gint64 deadline;

  g_assert_null (lookup ());

  prefs = chronicle_preferences_window_new (NULL, settings, "/tmp/chronicle-test.db");
  gtk_window_present (GTK_WINDOW (prefs));
  gtk_editable_set_text (key_row (prefs), "  k3y-from-the-test  ");
  g_signal_emit_by_name (key_row (prefs), "apply");
  wait_for_key ("k3y-from-the-test");
  gtk_window_destroy (GTK_WINDOW (prefs));

  /* The next window reads it back from the keyring. */
  prefs = chronicle_preferences_window_new (NULL, settings, "/tmp/chronicle-test.db");
  gtk_window_present (GTK_WINDOW (prefs));
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (g_strcmp0 (gtk_editable_get_text (key_row (prefs)), "k3y-from-the-test") != 0
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (gtk_editable_get_text (key_row (prefs)), ==, "k3y-from-the-test");

  /* An empty key is removed from the keyring. */
  gtk_editable_set_text (key_row (prefs), "");
  g_signal_emit_by_name (key_row (prefs), "apply");
  wait_for_key (NULL);
  gtk_window_destroy (GTK_WINDOW (prefs));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  chronicle_ui_init ();

  g_test_add_func ("/ui/preferences-keyring/round-trip", test_key_round_trip);

  return g_test_run ();
}
