/* chronicle-secret.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-sync"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "chronicle-secret.h"

/* API keys live in the user's keyring (the Secret Service: GNOME Keyring, KWallet, or the
 * Secret portal inside Flatpak), never in GSettings. Every item carries the schema name,
 * which is the application id, and one attribute: the service the key belongs to. */

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    BASE_APP_ID, SECRET_SCHEMA_NONE,
    {
      { "service", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

/* What to do once the session bus is there. */
typedef enum {
  OP_STORE,
  OP_LOOKUP,
  OP_CLEAR,
} OpKind;

typedef struct {
  OpKind  kind;
  char   *service;
  char   *api_key;
  char   *label;
} Op;

static void
op_free (Op *op)
{
  g_free (op->service);
  if (op->api_key != NULL)
    memset (op->api_key, 0, strlen (op->api_key));
  g_free (op->api_key);
  g_free (op->label);
  g_free (op);
}

static void store_cb  (GObject *object, GAsyncResult *result, gpointer user_data);
static void lookup_cb (GObject *object, GAsyncResult *result, gpointer user_data);
static void clear_cb  (GObject *object, GAsyncResult *result, gpointer user_data);

/* The Secret Service is reached over the session bus. Without one (a text console, a
 * build sandbox) this is a clear error here, instead of libsecret's warning. */
static void
bus_ready_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable = g_task_get_cancellable (task);
  Op *op = g_task_get_task_data (task);

  bus = g_bus_get_finish (result, &error);
  if (bus == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                               _("no session bus to reach it through: %s"),
                               error->message);
      return;
    }

  switch (op->kind)
    {
    case OP_STORE:
      secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, op->label, op->api_key,
                             cancellable, store_cb, g_steal_pointer (&task),
                             "service", op->service,
                             NULL);
      break;
    case OP_LOOKUP:
      secret_password_lookup (get_schema (), cancellable, lookup_cb, g_steal_pointer (&task),
                              "service", op->service,
                              NULL);
      break;
    case OP_CLEAR:
      secret_password_clear (get_schema (), cancellable, clear_cb, g_steal_pointer (&task),
                             "service", op->service,
                             NULL);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
start_op (GTask      *task,
          OpKind      kind,
          const char *service,
          const char *api_key,
          char       *label)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->service = g_strdup (service);
  op->api_key = g_strdup (api_key);
  op->label = label;
  g_task_set_task_data (task, op, (GDestroyNotify) op_free);
  g_bus_get (G_BUS_TYPE_SESSION, g_task_get_cancellable (task), bus_ready_cb, task);
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * chronicle_secret_store_api_key_async:
 * @service: the service the key is for, e.g. %CHRONICLE_SECRET_SERVICE_GUARDIAN
 * @api_key: the key; an existing key of @service is replaced
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the key is stored
 * @user_data: data for @callback
 *
 * Stores @api_key in the user's default keyring.
 */
void
chronicle_secret_store_api_key_async (const char          *service,
                                      const char          *api_key,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (service != NULL && *service != '\0');
  g_return_if_fail (api_key != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, chronicle_secret_store_api_key_async);

  /* Translators: the label of the keyring item, as Passwords and Keys shows it;
   * %s is the service, e.g. "guardian". */
  label = g_strdup_printf (_("Chronicle API key for %s"), service);
  start_op (g_steal_pointer (&task), OP_STORE, service, api_key, g_steal_pointer (&label));
}

/**
 * chronicle_secret_store_api_key_finish:
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Returns: %TRUE if the key is stored
 */
gboolean
chronicle_secret_store_api_key_finish (GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        chronicle_secret_store_api_key_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *secret = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* The secret comes in non-pageable memory; hand out an ordinary copy and wipe it. */
  g_task_return_pointer (task, g_strdup (secret), g_free);
  secret_password_free (secret);
}

/**
 * chronicle_secret_lookup_api_key_async:
 * @service: the service the key is for
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Looks up the key of @service. Unlocking a locked keyring may ask the user.
 */
void
chronicle_secret_lookup_api_key_async (const char          *service,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (service != NULL && *service != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, chronicle_secret_lookup_api_key_async);

  start_op (g_steal_pointer (&task), OP_LOOKUP, service, NULL, NULL);
}

/**
 * chronicle_secret_lookup_api_key_finish:
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the key, or %NULL with @error unset when there is
 *   none, or %NULL with @error set when the keyring cannot be reached
 */
char *
chronicle_secret_lookup_api_key_finish (GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        chronicle_secret_lookup_api_key_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
clear_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* FALSE without an error means there was nothing to remove: that is fine. */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * chronicle_secret_clear_api_key_async:
 * @service: the service the key is for
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the key is removed
 * @user_data: data for @callback
 *
 * Removes the key of @service from the keyring; succeeds when there is none.
 */
void
chronicle_secret_clear_api_key_async (const char          *service,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (service != NULL && *service != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, chronicle_secret_clear_api_key_async);

  start_op (g_steal_pointer (&task), OP_CLEAR, service, NULL, NULL);
}

/**
 * chronicle_secret_clear_api_key_finish:
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Returns: %TRUE if no key of the service is left in the keyring
 */
gboolean
chronicle_secret_clear_api_key_finish (GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        chronicle_secret_clear_api_key_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
