/* test-search-provider.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The GNOME Shell search provider over a private D-Bus session (GTestDBus), with a fake
 * backend that serves the articles of tests/data/search-provider/articles.tsv.
 */

#include "config.h"

#include "chronicle-search-provider.h"
#include "chronicle-test-utils.h"

#define PROVIDER_PATH "/io/github/chronicle_news/Chronicle/SearchProvider"
#define PROVIDER_IFACE "org.gnome.Shell.SearchProvider2"

/* A fake backend: every term must match the start of a word of the title. */

#define FAKE_TYPE_BACKEND (fake_backend_get_type ())
G_DECLARE_FINAL_TYPE (FakeBackend, fake_backend, FAKE, BACKEND, GObject)

struct _FakeBackend
{
  GObject    parent_instance;
  GPtrArray *articles;      /* ChronicleSearchMeta */
  gboolean   fail;
  guint      n_searches;
  GStrv      last_terms;
  guint      last_max_results;
};

static void fake_backend_iface_init (ChronicleSearchBackendInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FakeBackend, fake_backend, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CHRONICLE_TYPE_SEARCH_BACKEND,
                                                      fake_backend_iface_init))

static void
fake_backend_search_async (ChronicleSearchBackend *backend,
                           const char * const     *terms,
                           guint                   max_results,
                           GCancellable           *cancellable,
                           GAsyncReadyCallback     callback,
                           gpointer                user_data)
{
  FakeBackend *self = FAKE_BACKEND (backend);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  self->n_searches++;
  g_strfreev (self->last_terms);
  self->last_terms = g_strdupv ((char **) terms);
  self->last_max_results = max_results;

  if (self->fail)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "The index is broken");
      return;
    }

  for (guint i = 0; i < self->articles->len && ids->len < max_results; i++)
    {
      ChronicleSearchMeta *meta = g_ptr_array_index (self->articles, i);
      gboolean all = TRUE;

      for (guint t = 0; all && terms[t] != NULL; t++)
        all = g_str_match_string (terms[t], meta->title, TRUE);

      if (all)
        g_array_append_val (ids, meta->id);
    }

  g_task_return_pointer (task, g_steal_pointer (&ids), (GDestroyNotify) g_array_unref);
}

static GArray *
fake_backend_search_finish (ChronicleSearchBackend  *backend,
                            GAsyncResult            *result,
                            GError                 **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
fake_backend_get_metas_async (ChronicleSearchBackend *backend,
                              const gint64           *ids,
                              guint                   n_ids,
                              GCancellable           *cancellable,
                              GAsyncReadyCallback     callback,
                              gpointer                user_data)
{
  FakeBackend *self = FAKE_BACKEND (backend);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GPtrArray) metas = g_ptr_array_new_with_free_func (
    (GDestroyNotify) chronicle_search_meta_free);

  if (self->fail)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "The index is broken");
      return;
    }

  /* In the reverse order of the articles, to check that the provider reorders. */
  for (guint i = self->articles->len; i > 0; i--)
    {
      ChronicleSearchMeta *meta = g_ptr_array_index (self->articles, i - 1);

      for (guint j = 0; j < n_ids; j++)
        {
          if (ids[j] == meta->id)
            {
              g_ptr_array_add (metas, chronicle_search_meta_copy (meta));
              break;
            }
        }
    }

  g_task_return_pointer (task, g_steal_pointer (&metas), (GDestroyNotify) g_ptr_array_unref);
}

static GPtrArray *
fake_backend_get_metas_finish (ChronicleSearchBackend  *backend,
                               GAsyncResult            *result,
                               GError                 **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
fake_backend_iface_init (ChronicleSearchBackendInterface *iface)
{
  iface->search_async = fake_backend_search_async;
  iface->search_finish = fake_backend_search_finish;
  iface->get_metas_async = fake_backend_get_metas_async;
  iface->get_metas_finish = fake_backend_get_metas_finish;
}

static void
fake_backend_finalize (GObject *object)
{
  FakeBackend *self = FAKE_BACKEND (object);

  g_clear_pointer (&self->articles, g_ptr_array_unref);
  g_clear_pointer (&self->last_terms, g_strfreev);

  G_OBJECT_CLASS (fake_backend_parent_class)->finalize (object);
}

static void
fake_backend_class_init (FakeBackendClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fake_backend_finalize;
}

static void
fake_backend_init (FakeBackend *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "search-provider",
                                                 "articles.tsv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  self->articles = g_ptr_array_new_with_free_func ((GDestroyNotify) chronicle_search_meta_free);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;

      fields = g_strsplit (lines[i], "\t", 3);
      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      g_ptr_array_add (self->articles,
                       chronicle_search_meta_new (g_ascii_strtoll (fields[0], NULL, 10),
                                                  fields[1],
                                                  *fields[2] != '\0' ? fields[2] : NULL));
    }
  g_assert_cmpuint (self->articles->len, ==, 6);
}

/* The fixture: a private bus, the provider exported on one connection, a client on
 * another, and an action group that records what was activated. */

typedef struct
{
  GTestDBus               *bus;
  GDBusConnection         *service;
  GDBusConnection         *client;
  GSimpleActionGroup      *actions;
  FakeBackend             *backend;
  ChronicleSearchProvider *provider;
  GPtrArray               *activated;  /* "name parameter" strings */
} Fixture;

static void
action_activated_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  Fixture *fixture = user_data;
  g_autofree char *printed = g_variant_print (parameter, TRUE);

  g_ptr_array_add (fixture->activated,
                   g_strdup_printf ("%s %s", g_action_get_name (G_ACTION (action)), printed));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const struct { const char *name; const char *type; } actions[] = {
    { "open-article", "x" },
    { "search", "s" },
  };

  fixture->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (fixture->bus);

  fixture->service = chronicle_test_dbus_connect (fixture->bus);
  fixture->client = chronicle_test_dbus_connect (fixture->bus);

  fixture->activated = g_ptr_array_new_with_free_func (g_free);
  fixture->actions = g_simple_action_group_new ();
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autoptr(GSimpleAction) action =
        g_simple_action_new (actions[i].name, G_VARIANT_TYPE (actions[i].type));

      g_signal_connect (action, "activate", G_CALLBACK (action_activated_cb), fixture);
      g_action_map_add_action (G_ACTION_MAP (fixture->actions), G_ACTION (action));
    }

  fixture->backend = g_object_new (FAKE_TYPE_BACKEND, NULL);
  fixture->provider = chronicle_search_provider_new (G_ACTION_GROUP (fixture->actions));
  chronicle_search_provider_set_backend (fixture->provider,
                                         CHRONICLE_SEARCH_BACKEND (fixture->backend));
  g_assert_true (chronicle_search_provider_export (fixture->provider, fixture->service,
                                                   PROVIDER_PATH, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  chronicle_search_provider_unexport (fixture->provider);
  g_clear_object (&fixture->provider);
  g_clear_object (&fixture->backend);
  g_clear_object (&fixture->actions);
  g_clear_pointer (&fixture->activated, g_ptr_array_unref);
  g_dbus_connection_close_sync (fixture->client, NULL, NULL);
  g_dbus_connection_close_sync (fixture->service, NULL, NULL);
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->service);
  g_test_dbus_down (fixture->bus);
  g_clear_object (&fixture->bus);
}

typedef struct
{
  GVariant *reply;
  GError   *error;
  gboolean  done;
} Reply;

static void
call_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Reply *reply = user_data;

  reply->reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result,
                                                &reply->error);
  reply->done = TRUE;
}

/* Calls a method of the provider and waits; returns the reply or NULL with @error set. */
static GVariant *
call (Fixture     *fixture,
      const char  *method,
      GVariant    *parameters,
      GError     **error)
{
  Reply reply = { NULL, NULL, FALSE };

  g_dbus_connection_call (fixture->client, g_dbus_connection_get_unique_name (fixture->service),
                          PROVIDER_PATH, PROVIDER_IFACE, method, parameters, NULL,
                          G_DBUS_CALL_FLAGS_NONE, 5000, NULL, call_cb, &reply);
  while (!reply.done)
    g_main_context_iteration (NULL, TRUE);

  if (reply.error != NULL)
    g_propagate_error (error, reply.error);
  return reply.reply;
}

static gsize
n_metas (GVariant *reply)
{
  g_autoptr(GVariant) metas = g_variant_get_child_value (reply, 0);

  return g_variant_n_children (metas);
}

static GVariantDict *
meta_at (GVariant *metas,
         gsize     index)
{
  g_autoptr(GVariant) meta = g_variant_get_child_value (metas, index);

  return g_variant_dict_new (meta);
}

/* The result set of a search, as one comma-separated string. */
static char *
search (Fixture            *fixture,
        const char * const *terms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = call (fixture, "GetInitialResultSet",
                                    g_variant_new ("(^as)", terms), &error);
  g_autofree const char **ids = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (g_variant_get_type_string (reply), ==, "(as)");
  g_variant_get (reply, "(^a&s)", &ids);
  return g_strjoinv (",", (char **) ids);
}

static void
test_initial_one_term (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *italy[] = { "ital", NULL };
  const char *berlin[] = { "Berlin", NULL };
  const char *none[] = { "volcano", NULL };
  const char *folded[] = { "zurich", NULL };
  g_autofree char *italy_ids = search (fixture, italy);
  g_autofree char *berlin_ids = search (fixture, berlin);
  g_autofree char *none_ids = search (fixture, none);
  g_autofree char *folded_ids = search (fixture, folded);

  g_assert_cmpstr (italy_ids, ==, "101,102");
  g_assert_cmpstr (berlin_ids, ==, "104,105");
  g_assert_cmpstr (none_ids, ==, "");
  g_assert_cmpstr (folded_ids, ==, "9007199254740993");
  g_assert_cmpuint (fixture->backend->last_max_results, ==,
                    CHRONICLE_SEARCH_PROVIDER_MAX_RESULTS);
}

static void
test_initial_several_terms (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *terms[] = { "kenya", "berlin", NULL };
  const char *disjoint[] = { "italy", "kenya", NULL };
  g_autofree char *ids = search (fixture, terms);
  g_autofree char *disjoint_ids = search (fixture, disjoint);

  g_assert_cmpstr (ids, ==, "104");
  g_assert_cmpstr (disjoint_ids, ==, "");
}

static void
test_empty_terms (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *none[] = { NULL };
  const char *blank[] = { "", "  ", NULL };
  const char *padded[] = { "", " flood ", NULL };
  g_autofree char *none_ids = search (fixture, none);
  g_autofree char *blank_ids = search (fixture, blank);
  g_autofree char *padded_ids = NULL;

  /* No term, no results, and the backend is not even asked. */
  g_assert_cmpstr (none_ids, ==, "");
  g_assert_cmpstr (blank_ids, ==, "");
  g_assert_cmpuint (fixture->backend->n_searches, ==, 0);

  /* Blank terms are dropped and the rest is trimmed. */
  padded_ids = search (fixture, padded);
  g_assert_cmpstr (padded_ids, ==, "101,102");
  g_assert_cmpuint (fixture->backend->n_searches, ==, 1);
  g_assert_cmpuint (g_strv_length (fixture->backend->last_terms), ==, 1);
  g_assert_cmpstr (fixture->backend->last_terms[0], ==, "flood");
}

static void
test_many_terms (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *ids = NULL;
  g_autofree char *ids_with_miss = NULL;

  for (guint i = 0; i < 500; i++)
    g_ptr_array_add (terms, g_strdup (i % 2 == 0 ? "berlin" : "Ber"));
  g_ptr_array_add (terms, NULL);

  ids = search (fixture, (const char * const *) terms->pdata);
  g_assert_cmpstr (ids, ==, "104,105");
  g_assert_cmpuint (g_strv_length (fixture->backend->last_terms), ==, 500);

  /* One term that matches nothing empties the result. */
  g_free (g_ptr_array_steal_index (terms, terms->len - 1));
  g_ptr_array_add (terms, g_strdup ("volcano"));
  g_ptr_array_add (terms, NULL);
  ids_with_miss = search (fixture, (const char * const *) terms->pdata);
  g_assert_cmpstr (ids_with_miss, ==, "");
}

static void
test_subsearch (Fixture       *fixture,
                gconstpointer  data)
{
  const char *previous[] = { "104", "105", NULL };
  const char *terms[] = { "berlin", "air", NULL };
  const char *empty[] = { NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) empty_reply = NULL;
  g_autofree const char **ids = NULL;
  g_autofree const char **empty_ids = NULL;

  reply = call (fixture, "GetSubsearchResultSet", g_variant_new ("(^as^as)", previous, terms),
                &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(^a&s)", &ids);
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 1);
  g_assert_cmpstr (ids[0], ==, "105");

  empty_reply = call (fixture, "GetSubsearchResultSet",
                      g_variant_new ("(^as^as)", previous, empty), &error);
  g_assert_no_error (error);
  g_variant_get (empty_reply, "(^a&s)", &empty_ids);
  g_assert_cmpuint (g_strv_length ((char **) empty_ids), ==, 0);
}

static void
test_result_metas (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *ids[] = { "105", "103", "not-a-number", "-4", "0", "999", "101",
                        "9007199254740993", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = call (fixture, "GetResultMetas", g_variant_new ("(^as)", ids),
                                    &error);
  g_autoptr(GVariant) metas = NULL;
  g_autoptr(GVariantDict) first = NULL;
  g_autoptr(GVariantDict) second = NULL;
  g_autoptr(GVariantDict) fourth = NULL;
  const char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (g_variant_get_type_string (reply), ==, "(aa{sv})");
  metas = g_variant_get_child_value (reply, 0);

  /* Asked order, unknown and malformed ids left out. */
  g_assert_cmpuint (g_variant_n_children (metas), ==, 4);

  first = meta_at (metas, 0);
  g_assert_true (g_variant_dict_lookup (first, "id", "&s", &text));
  g_assert_cmpstr (text, ==, "105");
  g_assert_true (g_variant_dict_lookup (first, "name", "&s", &text));
  g_assert_cmpstr (text, ==, "Berlin opens a new airport after years of delay");
  g_assert_true (g_variant_dict_lookup (first, "description", "&s", &text));
  g_assert_cmpstr (text, ==, "Wikinews · 31 October 2020");

  /* No description: the key is left out rather than empty. */
  second = meta_at (metas, 1);
  g_assert_true (g_variant_dict_lookup (second, "id", "&s", &text));
  g_assert_cmpstr (text, ==, "103");
  g_assert_false (g_variant_dict_contains (second, "description"));

  fourth = meta_at (metas, 3);
  g_assert_true (g_variant_dict_lookup (fourth, "id", "&s", &text));
  g_assert_cmpstr (text, ==, "9007199254740993");
  g_assert_true (g_variant_dict_lookup (fourth, "name", "&s", &text));
  g_assert_cmpstr (text, ==, "Ünïcode headline: Zürich café reopens");
}

static void
test_result_metas_empty (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *none[] = { NULL };
  const char *junk[] = { "", "abc", "12abc", "99999999999999999999", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = call (fixture, "GetResultMetas", g_variant_new ("(^as)", none),
                                    &error);
  g_autoptr(GVariant) junk_reply = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (n_metas (reply), ==, 0);

  junk_reply = call (fixture, "GetResultMetas", g_variant_new ("(^as)", junk), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_metas (junk_reply), ==, 0);
}

static void
test_activate_result (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *terms[] = { "berlin", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) bad = NULL;

  reply = call (fixture, "ActivateResult", g_variant_new ("(s^asu)", "104", terms, 1234u),
                &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_variant_get_type_string (reply), ==, "()");
  g_assert_cmpuint (fixture->activated->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->activated, 0), ==, "open-article int64 104");

  bad = call (fixture, "ActivateResult", g_variant_new ("(s^asu)", "article-7", terms, 0u),
              &error);
  g_assert_null (bad);
  g_assert_error (error, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS);
  g_assert_cmpuint (fixture->activated->len, ==, 1);
}

static void
test_launch_search (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *terms[] = { "berlin", "", "air", NULL };
  const char *none[] = { NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) reply_none = NULL;

  reply = call (fixture, "LaunchSearch", g_variant_new ("(^asu)", terms, 0u), &error);
  g_assert_no_error (error);
  reply_none = call (fixture, "LaunchSearch", g_variant_new ("(^asu)", none, 0u), &error);
  g_assert_no_error (error);

  g_assert_cmpuint (fixture->activated->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fixture->activated, 0), ==, "search 'berlin air'");
  g_assert_cmpstr (g_ptr_array_index (fixture->activated, 1), ==, "search ''");
}

static void
test_no_backend (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *terms[] = { "berlin", NULL };
  const char *ids[] = { "104", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) metas = NULL;
  g_autofree char *found = NULL;

  chronicle_search_provider_set_backend (fixture->provider, NULL);
  g_assert_null (chronicle_search_provider_get_backend (fixture->provider));

  found = search (fixture, terms);
  g_assert_cmpstr (found, ==, "");
  metas = call (fixture, "GetResultMetas", g_variant_new ("(^as)", ids), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_metas (metas), ==, 0);
  g_assert_cmpuint (fixture->backend->n_searches, ==, 0);
}

static void
test_backend_error (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *terms[] = { "berlin", NULL };
  const char *ids[] = { "104", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) metas = NULL;

  fixture->backend->fail = TRUE;
  reply = call (fixture, "GetInitialResultSet", g_variant_new ("(^as)", terms), &error);
  g_assert_null (reply);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "The index is broken"));
  g_clear_error (&error);

  metas = call (fixture, "GetResultMetas", g_variant_new ("(^as)", ids), &error);
  g_assert_null (metas);
  g_assert_nonnull (error);
}

static void
test_unexport (Fixture       *fixture,
               gconstpointer  data)
{
  const char *terms[] = { "berlin", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;

  chronicle_search_provider_unexport (fixture->provider);
  reply = call (fixture, "GetInitialResultSet", g_variant_new ("(^as)", terms), &error);
  g_assert_null (reply);
  g_assert_error (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/search-provider/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("initial/one-term", test_initial_one_term);
  ADD ("initial/several-terms", test_initial_several_terms);
  ADD ("initial/empty-terms", test_empty_terms);
  ADD ("initial/many-terms", test_many_terms);
  ADD ("subsearch", test_subsearch);
  ADD ("result-metas", test_result_metas);
  ADD ("result-metas/empty", test_result_metas_empty);
  ADD ("activate-result", test_activate_result);
  ADD ("launch-search", test_launch_search);
  ADD ("no-backend", test_no_backend);
  ADD ("backend-error", test_backend_error);
  ADD ("unexport", test_unexport);

#undef ADD

  return g_test_run ();
}
