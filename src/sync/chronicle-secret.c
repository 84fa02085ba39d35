/* chronicle-secret.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-sync"

#include "config.h"

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
  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, label, api_key,
                         cancellable, store_cb, g_steal_pointer (&task),
                         "service", service,
                         NULL);
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

  secret_password_lookup (get_schema (), cancellable, lookup_cb, g_steal_pointer (&task),
                          "service", service,
                          NULL);
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

  secret_password_clear (get_schema (), cancellable, clear_cb, g_steal_pointer (&task),
                         "service", service,
                         NULL);
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
