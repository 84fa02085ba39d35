/* test-secret.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under tests/keyring-run.sh: a private D-Bus session with a real, unlocked
 * gnome-keyring-daemon.
 */

#include "config.h"

#include <libsecret/secret.h>

#include "chronicle-secret.h"

typedef struct
{
  GMainLoop *loop;
  GAsyncResult *result;
} Waiter;

static void
ready_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Waiter *waiter = user_data;

  waiter->result = g_object_ref (result);
  g_main_loop_quit (waiter->loop);
}

static GAsyncResult *
wait_for (Waiter *waiter)
{
  g_main_loop_run (waiter->loop);
  g_assert_nonnull (waiter->result);
  return waiter->result;
}

static void
store_key (const char *service,
           const char *key)
{
  Waiter waiter = { g_main_loop_new (NULL, FALSE), NULL };
  g_autoptr(GError) error = NULL;
  gboolean ok;

  chronicle_secret_store_api_key_async (service, key, NULL, ready_cb, &waiter);
  ok = chronicle_secret_store_api_key_finish (wait_for (&waiter), &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_clear_object (&waiter.result);
  g_main_loop_unref (waiter.loop);
}

static char *
lookup_key (const char *service)
{
  Waiter waiter = { g_main_loop_new (NULL, FALSE), NULL };
  g_autoptr(GError) error = NULL;
  char *key;

  chronicle_secret_lookup_api_key_async (service, NULL, ready_cb, &waiter);
  key = chronicle_secret_lookup_api_key_finish (wait_for (&waiter), &error);
  g_assert_no_error (error);
  g_clear_object (&waiter.result);
  g_main_loop_unref (waiter.loop);
  return key;
}

static void
clear_key (const char *service)
{
  Waiter waiter = { g_main_loop_new (NULL, FALSE), NULL };
  g_autoptr(GError) error = NULL;
  gboolean ok;

  chronicle_secret_clear_api_key_async (service, NULL, ready_cb, &waiter);
  ok = chronicle_secret_clear_api_key_finish (wait_for (&waiter), &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_clear_object (&waiter.result);
  g_main_loop_unref (waiter.loop);
}

static void
test_missing (void)
{
  g_autofree char *key = lookup_key ("no-such-service");

  g_assert_null (key);
}

static void
test_store_lookup_clear (void)
{
  g_autofree char *first = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *cleared = NULL;

  store_key (CHRONICLE_SECRET_SERVICE_GUARDIAN, "0123-abcd-test-key");
  first = lookup_key (CHRONICLE_SECRET_SERVICE_GUARDIAN);
  g_assert_cmpstr (first, ==, "0123-abcd-test-key");

  /* Storing again replaces the key rather than adding a second item. */
  store_key (CHRONICLE_SECRET_SERVICE_GUARDIAN, "ünïcode-key-2");
  replaced = lookup_key (CHRONICLE_SECRET_SERVICE_GUARDIAN);
  g_assert_cmpstr (replaced, ==, "ünïcode-key-2");

  clear_key (CHRONICLE_SECRET_SERVICE_GUARDIAN);
  cleared = lookup_key (CHRONICLE_SECRET_SERVICE_GUARDIAN);
  g_assert_null (cleared);

  /* Clearing what is not there succeeds. */
  clear_key (CHRONICLE_SECRET_SERVICE_GUARDIAN);
}

static void
test_services_are_separate (void)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *kept = NULL;

  store_key ("service-a", "key-a");
  store_key ("service-b", "key-b");
  a = lookup_key ("service-a");
  b = lookup_key ("service-b");
  g_assert_cmpstr (a, ==, "key-a");
  g_assert_cmpstr (b, ==, "key-b");

  clear_key ("service-a");
  gone = lookup_key ("service-a");
  kept = lookup_key ("service-b");
  g_assert_null (gone);
  g_assert_cmpstr (kept, ==, "key-b");
  clear_key ("service-b");
}

static void
test_item_in_keyring (void)
{
  static const SecretSchema by_app = {
    BASE_APP_ID, SECRET_SCHEMA_NONE,
    { { "service", SECRET_SCHEMA_ATTRIBUTE_STRING }, { NULL, 0 } },
  };
  static const SecretSchema other_app = {
    "org.example.Other", SECRET_SCHEMA_NONE,
    { { "service", SECRET_SCHEMA_ATTRIBUTE_STRING }, { NULL, 0 } },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *mine = NULL;
  char *secret;

  /* The item is found under the schema named after the application id... */
  store_key (CHRONICLE_SECRET_SERVICE_GUARDIAN, "schema-check");
  secret = secret_password_lookup_sync (&by_app, NULL, &error,
                                        "service", CHRONICLE_SECRET_SERVICE_GUARDIAN, NULL);
  g_assert_no_error (error);
  raw = g_strdup (secret);
  secret_password_free (secret);
  g_assert_cmpstr (raw, ==, "schema-check");

  /* ...and another application's item with the same attribute is never returned. */
  g_assert_true (secret_password_store_sync (&other_app, SECRET_COLLECTION_DEFAULT, "other",
                                             "not-ours", NULL, &error,
                                             "service", "shared-name", NULL));
  g_assert_no_error (error);
  mine = lookup_key ("shared-name");
  g_assert_null (mine);

  clear_key (CHRONICLE_SECRET_SERVICE_GUARDIAN);
  secret_password_clear_sync (&other_app, NULL, &error, "service", "shared-name", NULL);
  g_assert_no_error (error);
}

static void
test_cancelled (void)
{
  Waiter waiter = { g_main_loop_new (NULL, FALSE), NULL };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;

  g_cancellable_cancel (cancellable);
  chronicle_secret_lookup_api_key_async ("guardian", cancellable, ready_cb, &waiter);
  key = chronicle_secret_lookup_api_key_finish (wait_for (&waiter), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (key);
  g_clear_object (&waiter.result);
  g_main_loop_unref (waiter.loop);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  /* Never write into the keyring of the person running the test. */
  if (g_getenv ("CHRONICLE_TEST_PRIVATE_KEYRING") == NULL)
    {
      g_test_skip ("run through tests/keyring-run.sh (a private session with gnome-keyring)");
      return g_test_run ();
    }

  g_test_add_func ("/secret/missing", test_missing);
  g_test_add_func ("/secret/store-lookup-clear", test_store_lookup_clear);
  g_test_add_func ("/secret/services-are-separate", test_services_are_separate);
  g_test_add_func ("/secret/item-in-keyring", test_item_in_keyring);
  g_test_add_func ("/secret/cancelled", test_cancelled);

  return g_test_run ();
}
