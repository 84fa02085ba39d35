/* test-sync-keyring.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>
#include <sqlite3.h>
#include <string.h>

#include "chronicle-secret.h"
#include "chronicle-sync-service.h"
#include "chronicle-test-utils.h"

/* The Guardian API key lives in the keyring, never in the database, run against a real
 * gnome-keyring-daemon in a private session (tests/keyring-run.sh):
 * - `chronicle-cli sources add guardian:… --api-key KEY` puts KEY in the keyring and a
 *   key-free address in the database;
 * - a sync looks the key up and sends it; an address an older version stored with a
 *   key in it has the key moved into the keyring and is stored without it;
 * - the keyring's own key wins over an old key in an address. */

typedef struct {
  SoupServer *server;
  guint       port;
  GPtrArray  *keys;        /* the api-key of each request */
  char       *body;
  char       *dir;
  char       *db;
  ChronicleStore *store;
} Fixture;

static void
search_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *fixture = user_data;
  const char *key = query != NULL ? g_hash_table_lookup (query, "api-key") : NULL;

  g_ptr_array_add (fixture->keys, g_strdup (key != NULL ? key : ""));
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, fixture->body,
                                    strlen (fixture->body));
}

static void
wait_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
set_key (const char *key)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (key != NULL)
    {
      chronicle_secret_store_api_key_async (CHRONICLE_SECRET_SERVICE_GUARDIAN, key, NULL,
                                            wait_cb, &result);
      g_assert_true (chronicle_secret_store_api_key_finish (wait_for (&result), &error));
    }
  else
    {
      chronicle_secret_clear_api_key_async (CHRONICLE_SECRET_SERVICE_GUARDIAN, NULL, wait_cb,
                                            &result);
      g_assert_true (chronicle_secret_clear_api_key_finish (wait_for (&result), &error));
    }
  g_assert_no_error (error);
}

static char *
get_key (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *key;

  chronicle_secret_lookup_api_key_async (CHRONICLE_SECRET_SERVICE_GUARDIAN, NULL, wait_cb,
                                         &result);
  key = chronicle_secret_lookup_api_key_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  return key;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sync", "feeds",
                                                 "guardian.json", NULL);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_assert_true (g_file_get_contents (path, &fixture->body, NULL, NULL));
  fixture->keys = g_ptr_array_new_with_free_func (g_free);
  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, "/search", search_cb, fixture, NULL);
  soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fixture->server);
  fixture->port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  fixture->dir = chronicle_test_make_tmpdir ();
  fixture->db = g_build_filename (fixture->dir, "chronicle.db", NULL);
  fixture->store = chronicle_store_open_sync (fixture->db, NULL, &error);
  g_assert_no_error (error);
  set_key (NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  set_key (NULL);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->server);
  g_ptr_array_unref (fixture->keys);
  g_free (fixture->body);
  chronicle_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

static gint64
add_guardian_source (Fixture    *fixture,
                     const char *query)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/search?%s", fixture->port, query);
  g_autoptr(ChronicleSource) source = chronicle_source_new (CHRONICLE_SOURCE_KIND_GUARDIAN, url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  chronicle_store_add_source_async (fixture->store, source, NULL, wait_cb, &result);
  id = chronicle_store_add_source_finish (fixture->store, wait_for (&result), &error);
  g_assert_no_error (error);
  return id;
}

static const ChronicleSyncResult *
sync_once (Fixture    *fixture,
           GPtrArray **results)
{
  g_autoptr(ChronicleSyncService) service = chronicle_sync_service_new (fixture->store);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  chronicle_sync_service_set_use_keyring (service, TRUE);
  chronicle_sync_service_sync_async (service, 0, NULL, wait_cb, &result);
  *results = chronicle_sync_service_sync_finish (service, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint ((*results)->len, ==, 1);
  return g_ptr_array_index (*results, 0);
}

static char *
stored_url (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;

  chronicle_store_list_sources_async (fixture->store, NULL, wait_cb, &result);
  sources = chronicle_store_list_sources_finish (fixture->store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sources->len, ==, 1);
  return g_strdup (chronicle_source_get_url (g_ptr_array_index (sources, 0)));
}

/* An old address with the key in it: the key moves to the keyring, once. */
static void
test_move_key (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autofree char *url = NULL;
  g_autofree char *expected = g_strdup_printf ("http://127.0.0.1:%u/search?q=kerry",
                                               fixture->port);
  g_autofree char *key = NULL;
  const ChronicleSyncResult *result;

  add_guardian_source (fixture, "q=kerry&api-key=legacy-k3y");

  result = sync_once (fixture, &first);
  g_assert_true (result->ok);
  g_assert_null (result->warning);
  g_assert_cmpuint (result->added, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->keys, 0), ==, "legacy-k3y");
  url = stored_url (fixture);
  g_assert_cmpstr (url, ==, expected);
  key = get_key ();
  g_assert_cmpstr (key, ==, "legacy-k3y");

  /* A new service (as a new chronicle-cli run) finds the key in the keyring. */
  result = sync_once (fixture, &second);
  g_assert_true (result->ok);
  g_assert_cmpuint (fixture->keys->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fixture->keys, 1), ==, "legacy-k3y");
}

/* The keyring's key wins over an old one in the address, which is dropped. */
static void
test_keyring_wins (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *url = NULL;
  g_autofree char *key = NULL;
  const ChronicleSyncResult *result;

  set_key ("mine");
  add_guardian_source (fixture, "api-key=old&q=talks");

  result = sync_once (fixture, &results);
  g_assert_true (result->ok);
  g_assert_cmpstr (g_ptr_array_index (fixture->keys, 0), ==, "mine");
  url = stored_url (fixture);
  g_assert_null (strstr (url, "api-key"));
  key = get_key ();
  g_assert_cmpstr (key, ==, "mine");
}

/* No key anywhere: the public test key, and nothing written to the keyring. */
static void
test_no_key (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *key = NULL;
  const ChronicleSyncResult *result;

  add_guardian_source (fixture, "q=peace");
  result = sync_once (fixture, &results);
  g_assert_true (result->ok);
  g_assert_null (result->warning);
  g_assert_cmpstr (g_ptr_array_index (fixture->keys, 0), ==, "test");
  key = get_key ();
  g_assert_null (key);
}

/* chronicle-cli sources add --api-key: the key in the keyring, the address key-free. */
static void
test_cli_add (Fixture       *fixture,
              gconstpointer  data)
{
  const char *cli = g_getenv ("CHRONICLE_CLI");
  g_autofree char *db = g_build_filename (fixture->dir, "cli.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *key = NULL;
  const char *add[] = { cli, "--db", db, "sources", "add", "guardian:Kerry Lavrov", "--api-key",
                        "cli-k3y-0123", NULL };
  const char *list[] = { cli, "--db", db, "sources", "list", NULL };
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_nonnull (cli);
  g_assert_cmpint (chronicle_test_spawn (add, NULL, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Added source 1: https://content.guardianapis.com/search?"));
  g_assert_null (strstr (out, "cli-k3y-0123"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (chronicle_test_spawn (list, NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "\tguardian\tThe Guardian: Kerry Lavrov\t"));
  g_assert_null (strstr (out, "api-key"));
  key = get_key ();
  g_assert_cmpstr (key, ==, "cli-k3y-0123");

  /* Nowhere in the database file either. */
  g_assert_true (g_file_get_contents (db, &contents, &length, NULL));
  g_assert_null (g_strstr_len (contents, length, "cli-k3y-0123"));
}

/* A pasted Guardian address with its key: the key goes to the keyring as with
 * --api-key. An address written by an older version that still carries a key is
 * never printed by `sources list` nor exported to OPML. */
static void
test_cli_add_pasted (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *cli = g_getenv ("CHRONICLE_CLI");
  g_autofree char *db = g_build_filename (fixture->dir, "cli.db", NULL);
  g_autofree char *opml = g_build_filename (fixture->dir, "sources.opml", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *key = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  const char *add[] = { cli, "--db", db, "sources", "add",
                        "https://content.guardianapis.com/search?q=fisheries&api-key=pasted-k3y-77",
                        NULL };
  const char *list[] = { cli, "--db", db, "sources", "list", NULL };
  const char *export[] = { cli, "--db", db, "sources", "export-opml", opml, NULL };
  sqlite3 *handle = NULL;

  g_assert_nonnull (cli);
  g_assert_cmpint (chronicle_test_spawn (add, NULL, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "Added source 1: https://content.guardianapis.com/search?q=fisheries\n");
  key = get_key ();
  g_assert_cmpstr (key, ==, "pasted-k3y-77");
  g_assert_true (g_file_get_contents (db, &contents, &length, NULL));
  g_assert_null (g_strstr_len (contents, length, "pasted-k3y-77"));
  g_clear_pointer (&contents, g_free);

  /* As an older version stored it: the key inside the address. */
  g_assert_cmpint (sqlite3_open (db, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE sources SET url = url || '&api-key=old-k3y-55'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (chronicle_test_spawn (list, NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "\thttps://content.guardianapis.com/search?q=fisheries\t"));
  g_assert_null (strstr (out, "old-k3y-55"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (chronicle_test_spawn (export, NULL, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (opml, &contents, &length, NULL));
  g_assert_nonnull (strstr (contents, "xmlUrl=\"https://content.guardianapis.com/search?q=fisheries\""));
  g_assert_null (strstr (contents, "k3y"));
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

#define ADD(name, func) \
  g_test_add ("/sync/keyring/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("move-key", test_move_key);
  ADD ("keyring-wins", test_keyring_wins);
  ADD ("no-key", test_no_key);
  ADD ("cli-add", test_cli_add);
  ADD ("cli-add-pasted", test_cli_add_pasted);
#undef ADD

  return g_test_run ();
}
