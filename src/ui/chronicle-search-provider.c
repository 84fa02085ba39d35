/* chronicle-search-provider.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include "chronicle-search-provider.h"

/* GNOME Shell's search provider (org.gnome.Shell.SearchProvider2) over a
 * ChronicleSearchBackend. Result ids are article ids in decimal. Activating a result
 * activates "open-article" (int64) on the action group (the application); "Launch
 * search" activates "search" (string, the terms joined by spaces). It needs no GTK. */

struct _ChronicleSearchProvider
{
  GObject                 parent_instance;

  GActionGroup           *actions;      /* weak */
  ChronicleSearchBackend *backend;
  GDBusConnection        *connection;
  guint                   registration_id;
  GCancellable           *cancellable;
};

G_DEFINE_FINAL_TYPE (ChronicleSearchProvider, chronicle_search_provider, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACTIONS,
  PROP_BACKEND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

typedef struct
{
  ChronicleSearchProvider *self;
  GApplication            *app;  /* held while the request runs */
  GDBusMethodInvocation   *invocation;
  GArray                  *ids;  /* the ids GetResultMetas asked for, in order */
} Request;

static Request *
request_new (ChronicleSearchProvider *self,
             GDBusMethodInvocation   *invocation)
{
  Request *request = g_new0 (Request, 1);

  request->self = g_object_ref (self);
  request->invocation = g_object_ref (invocation);

  /* When D-Bus activated, the application must not time out while a search runs. */
  if (G_IS_APPLICATION (self->actions))
    {
      request->app = g_object_ref (G_APPLICATION (self->actions));
      g_application_hold (request->app);
    }

  return request;
}

static void
request_free (Request *request)
{
  if (request->app != NULL)
    g_application_release (request->app);
  g_clear_object (&request->app);

  g_clear_pointer (&request->ids, g_array_unref);
  g_clear_object (&request->invocation);
  g_clear_object (&request->self);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;

  *id = (gint64) value;
  return TRUE;
}

/* The terms without empty ones; NULL when none is left. */
static GStrv
clean_terms (const char * const *terms)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) cleaned = NULL;

  for (guint i = 0; terms[i] != NULL; i++)
    {
      g_autofree char *term = g_strstrip (g_strdup (terms[i]));

      if (*term != '\0')
        g_strv_builder_add (builder, term);
    }

  cleaned = g_strv_builder_end (builder);
  if (cleaned[0] == NULL)
    return NULL;

  return g_steal_pointer (&cleaned);
}

static GVariant *
ids_to_variant (const GArray *ids)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("as"));
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      char id[G_ASCII_DTOSTR_BUF_SIZE];

      g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, g_array_index (ids, gint64, i));
      g_variant_builder_add (&builder, "s", id);
    }

  return g_variant_builder_end (&builder);
}

static void
return_results (GDBusMethodInvocation *invocation,
                const GArray          *ids)
{
  g_dbus_method_invocation_return_value (invocation,
                                         g_variant_new_tuple ((GVariant *[]) {
                                           ids_to_variant (ids) }, 1));
}

static void
search_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  ids = chronicle_search_backend_search_finish (CHRONICLE_SEARCH_BACKEND (object), result,
                                                &error);
  if (ids == NULL)
    {
      g_debug ("Search failed: %s", error->message);
      g_dbus_method_invocation_return_gerror (request->invocation, error);
      return;
    }

  return_results (request->invocation, ids);
}

static void
start_search (ChronicleSearchProvider *self,
              GDBusMethodInvocation   *invocation,
              const char * const      *terms)
{
  g_auto(GStrv) cleaned = clean_terms (terms);

  if (cleaned == NULL || self->backend == NULL)
    {
      return_results (invocation, NULL);
      return;
    }

  chronicle_search_backend_search_async (self->backend, (const char * const *) cleaned,
                                         CHRONICLE_SEARCH_PROVIDER_MAX_RESULTS,
                                         self->cancellable, search_cb,
                                         request_new (self, invocation));
}

static void
get_metas_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) metas = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  GVariantBuilder builder;

  metas = chronicle_search_backend_get_metas_finish (CHRONICLE_SEARCH_BACKEND (object), result,
                                                    &error);
  if (metas == NULL)
    {
      g_debug ("Looking up search results failed: %s", error->message);
      g_dbus_method_invocation_return_gerror (request->invocation, error);
      return;
    }

  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < metas->len; i++)
    {
      ChronicleSearchMeta *meta = g_ptr_array_index (metas, i);

      g_hash_table_insert (by_id, &meta->id, meta);
    }

  /* Answer in the order asked, leaving out what the backend does not know. */
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; i < request->ids->len; i++)
    {
      ChronicleSearchMeta *meta = g_hash_table_lookup (by_id,
                                                       &g_array_index (request->ids, gint64, i));
      char id[G_ASCII_DTOSTR_BUF_SIZE];

      if (meta == NULL)
        continue;

      g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, meta->id);
      g_variant_builder_open (&builder, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_add (&builder, "{sv}", "id", g_variant_new_string (id));
      g_variant_builder_add (&builder, "{sv}", "name", g_variant_new_string (meta->title));
      if (meta->description != NULL && *meta->description != '\0')
        g_variant_builder_add (&builder, "{sv}", "description",
                               g_variant_new_string (meta->description));
      g_variant_builder_close (&builder);
    }

  g_dbus_method_invocation_return_value (request->invocation,
                                         g_variant_new ("(aa{sv})", &builder));
}

static void
get_result_metas (ChronicleSearchProvider *self,
                  GDBusMethodInvocation   *invocation,
                  const char * const      *identifiers)
{
  g_autoptr(Request) request = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; identifiers[i] != NULL; i++)
    {
      gint64 id;

      if (parse_id (identifiers[i], &id))
        g_array_append_val (ids, id);
    }

  if (ids->len == 0 || self->backend == NULL)
    {
      g_dbus_method_invocation_return_value (invocation, g_variant_new_parsed ("(@aa{sv} [],)"));
      return;
    }

  request = request_new (self, invocation);
  request->ids = g_steal_pointer (&ids);
  chronicle_search_backend_get_metas_async (self->backend,
                                            (const gint64 *) (gpointer) request->ids->data,
                                            request->ids->len, self->cancellable, get_metas_cb,
                                            request);
  g_steal_pointer (&request);
}

static void
activate_action (ChronicleSearchProvider *self,
                 const char              *name,
                 GVariant                *parameter)
{
  g_autoptr(GVariant) owned = g_variant_ref_sink (parameter);

  if (self->actions == NULL || !g_action_group_has_action (self->actions, name))
    {
      g_debug ("No action “%s” to activate", name);
      return;
    }

  g_action_group_activate_action (self->actions, name, owned);
}

static void
method_call_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  ChronicleSearchProvider *self = user_data;

  if (g_str_equal (method_name, "GetInitialResultSet"))
    {
      g_autofree const char **terms = NULL;

      g_variant_get (parameters, "(^a&s)", &terms);
      start_search (self, invocation, terms);
    }
  else if (g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      g_autofree const char **previous = NULL;
      g_autofree const char **terms = NULL;

      /* A fresh search with the longer terms: the previous set may have been cut at
       * the maximum, and the index answers prefix queries quickly. */
      g_variant_get (parameters, "(^a&s^a&s)", &previous, &terms);
      start_search (self, invocation, terms);
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    {
      g_autofree const char **identifiers = NULL;

      g_variant_get (parameters, "(^a&s)", &identifiers);
      get_result_metas (self, invocation, identifiers);
    }
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      const char *identifier = NULL;
      gint64 id;

      g_variant_get (parameters, "(&sasu)", &identifier, NULL, NULL);
      if (!parse_id (identifier, &id))
        {
          g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR,
                                                 G_DBUS_ERROR_INVALID_ARGS,
                                                 "Not an article id: “%s”", identifier);
          return;
        }

      activate_action (self, "open-article", g_variant_new_int64 (id));
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_autofree const char **terms = NULL;
      g_auto(GStrv) cleaned = NULL;
      g_autofree char *text = NULL;

      g_variant_get (parameters, "(^a&su)", &terms, NULL);
      cleaned = clean_terms (terms);
      text = cleaned != NULL ? g_strjoinv (" ", cleaned) : g_strdup ("");
      activate_action (self, "search", g_variant_new_string (text));
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR,
                                             G_DBUS_ERROR_UNKNOWN_METHOD,
                                             "Unknown method %s", method_name);
    }
}

static const GDBusInterfaceVTable vtable = {
  .method_call = method_call_cb,
};

static void
chronicle_search_provider_dispose (GObject *object)
{
  ChronicleSearchProvider *self = CHRONICLE_SEARCH_PROVIDER (object);

  chronicle_search_provider_unexport (self);
  g_clear_weak_pointer (&self->actions);
  g_clear_object (&self->backend);

  G_OBJECT_CLASS (chronicle_search_provider_parent_class)->dispose (object);
}

static void
chronicle_search_provider_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  ChronicleSearchProvider *self = CHRONICLE_SEARCH_PROVIDER (object);

  switch (prop_id)
    {
    case PROP_ACTIONS:
      g_value_set_object (value, self->actions);
      break;

    case PROP_BACKEND:
      g_value_set_object (value, self->backend);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_search_provider_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  ChronicleSearchProvider *self = CHRONICLE_SEARCH_PROVIDER (object);

  switch (prop_id)
    {
    case PROP_ACTIONS:
      g_set_weak_pointer (&self->actions, g_value_get_object (value));
      break;

    case PROP_BACKEND:
      chronicle_search_provider_set_backend (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_search_provider_class_init (ChronicleSearchProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = chronicle_search_provider_dispose;
  object_class->get_property = chronicle_search_provider_get_property;
  object_class->set_property = chronicle_search_provider_set_property;

  /**
   * ChronicleSearchProvider:actions:
   *
   * Where "open-article" and "search" are activated: the application. Not referenced.
   */
  properties[PROP_ACTIONS] =
    g_param_spec_object ("actions", NULL, NULL, G_TYPE_ACTION_GROUP,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * ChronicleSearchProvider:backend:
   *
   * What answers the searches; without one every search has no results.
   */
  properties[PROP_BACKEND] =
    g_param_spec_object ("backend", NULL, NULL, CHRONICLE_TYPE_SEARCH_BACKEND,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chronicle_search_provider_init (ChronicleSearchProvider *self)
{
}

/**
 * chronicle_search_provider_new:
 * @actions: (nullable): the action group results are activated on, usually the application
 *
 * Returns: (transfer full): a new search provider without a backend
 */
ChronicleSearchProvider *
chronicle_search_provider_new (GActionGroup *actions)
{
  g_return_val_if_fail (actions == NULL || G_IS_ACTION_GROUP (actions), NULL);

  return g_object_new (CHRONICLE_TYPE_SEARCH_PROVIDER, "actions", actions, NULL);
}

/**
 * chronicle_search_provider_get_backend:
 * @self: a #ChronicleSearchProvider
 *
 * Returns: (transfer none) (nullable): the backend
 */
ChronicleSearchBackend *
chronicle_search_provider_get_backend (ChronicleSearchProvider *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SEARCH_PROVIDER (self), NULL);

  return self->backend;
}

/**
 * chronicle_search_provider_set_backend:
 * @self: a #ChronicleSearchProvider
 * @backend: (nullable): what answers the searches from now on
 */
void
chronicle_search_provider_set_backend (ChronicleSearchProvider *self,
                                       ChronicleSearchBackend  *backend)
{
  g_return_if_fail (CHRONICLE_IS_SEARCH_PROVIDER (self));
  g_return_if_fail (backend == NULL || CHRONICLE_IS_SEARCH_BACKEND (backend));

  if (g_set_object (&self->backend, backend))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACKEND]);
}

/**
 * chronicle_search_provider_export:
 * @self: a #ChronicleSearchProvider
 * @connection: the application's D-Bus connection
 * @object_path: where to export, e.g. the application's path + "/SearchProvider"
 * @error: return location for an error
 *
 * Exports org.gnome.Shell.SearchProvider2. At most one export at a time.
 *
 * Returns: %TRUE on success
 */
gboolean
chronicle_search_provider_export (ChronicleSearchProvider  *self,
                                  GDBusConnection          *connection,
                                  const char               *object_path,
                                  GError                  **error)
{
  g_autoptr(GDBusNodeInfo) info = NULL;
  guint id;

  g_return_val_if_fail (CHRONICLE_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), FALSE);
  g_return_val_if_fail (g_variant_is_object_path (object_path), FALSE);
  g_return_val_if_fail (self->registration_id == 0, FALSE);

  info = g_dbus_node_info_new_for_xml (introspection_xml, error);
  if (info == NULL)
    return FALSE;

  id = g_dbus_connection_register_object (connection, object_path, info->interfaces[0],
                                          &vtable, self, NULL, error);
  if (id == 0)
    return FALSE;

  self->registration_id = id;
  self->connection = g_object_ref (connection);
  self->cancellable = g_cancellable_new ();
  return TRUE;
}

/**
 * chronicle_search_provider_unexport:
 * @self: a #ChronicleSearchProvider
 *
 * Removes the export, if any, and cancels the searches in flight.
 */
void
chronicle_search_provider_unexport (ChronicleSearchProvider *self)
{
  g_return_if_fail (CHRONICLE_IS_SEARCH_PROVIDER (self));

  if (self->registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);
  self->registration_id = 0;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->connection);
}
