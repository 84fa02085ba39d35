/* chronicle-sync-guardian-key.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-secret.h"
#include "chronicle-sync-service-private.h"
#include "chronicle-sync-source.h"

/* Before a Guardian source is fetched (when the service uses the keyring): the key
 * comes from the keyring, never from the database. An address stored by an older
 * version with the key in it has the key moved to the keyring (when the keyring has
 * none yet) and is stored without it from then on. Without a keyring the sync goes on
 * (with the key the address has, or the public test key) and says so in a warning;
 * a key is never newly written to the database. */

typedef struct {
  char *url;        /* as stored */
  char *bare_url;   /* without its key */
  char *url_key;    /* the key the stored address carried, or NULL */
} Step;

static void
step_free (Step *step)
{
  g_free (step->url);
  g_free (step->bare_url);
  g_free (step->url_key);
  g_free (step);
}

void
_chronicle_guardian_key_free (ChronicleGuardianKey *key)
{
  if (key == NULL)
    return;

  g_free (key->url);
  g_free (key->key);
  g_free (key->warning);
  g_free (key);
}

static gboolean
is_real_key (const char *key)
{
  return key != NULL && *key != '\0' && g_strcmp0 (key, CHRONICLE_GUARDIAN_TEST_KEY) != 0;
}

static void
finish (GTask      *task,
        const char *url,
        const char *key,
        char       *warning)
{
  ChronicleGuardianKey *result = g_new0 (ChronicleGuardianKey, 1);

  result->url = g_strdup (url);
  result->key = g_strdup (key);
  result->warning = warning;
  g_task_return_pointer (task, result, (GDestroyNotify) _chronicle_guardian_key_free);
}

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ChronicleSyncService *self = g_task_get_source_object (task);
  Step *step = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!chronicle_secret_store_api_key_finish (result, &error))
    {
      finish (task, step->url, step->url_key,
              g_strdup_printf (_("The API key in this source’s address could not be moved "
                                 "to the keyring (%s); it stays in the address."),
                               error->message));
      return;
    }

  chronicle_sync_service_set_guardian_key (self, step->url_key);
  finish (task, step->bare_url, step->url_key, NULL);
}

static void
looked_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ChronicleSyncService *self = g_task_get_source_object (task);
  Step *step = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *key = chronicle_secret_lookup_api_key_finish (result, &error);

  if (error != NULL)
    {
      if (is_real_key (step->url_key))
        finish (task, step->url, step->url_key,
                g_strdup_printf (_("The keyring could not be read (%s), so the API key stays "
                                   "in this source’s address."), error->message));
      else
        finish (task, step->bare_url, NULL,
                g_strdup_printf (_("The keyring could not be read (%s); the Guardian’s public "
                                   "test key was used."), error->message));
      return;
    }

  if (key != NULL && *key != '\0')
    {
      /* The keyring's key is the one the person chose last: it wins. */
      chronicle_sync_service_set_guardian_key (self, key);
      finish (task, step->bare_url, key, NULL);
      return;
    }

  if (is_real_key (step->url_key))
    {
      chronicle_secret_store_api_key_async (CHRONICLE_SECRET_SERVICE_GUARDIAN, step->url_key,
                                            g_task_get_cancellable (task), stored_cb,
                                            g_object_ref (task));
      return;
    }

  finish (task, step->bare_url, NULL, NULL);
}

/*< private >
 * _chronicle_sync_guardian_key_async:
 * @self: the service
 * @url: the source's address as stored
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Finds the key to fetch a Guardian source with, moving a key out of its address into
 * the keyring. Never fails: problems become the result's warning.
 */
void
_chronicle_sync_guardian_key_async (ChronicleSyncService *self,
                                    const char           *url,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Step *step = g_new0 (Step, 1);

  g_task_set_source_tag (task, _chronicle_sync_guardian_key_async);
  step->url = g_strdup (url);
  step->bare_url = chronicle_guardian_url_take_key (url, &step->url_key);
  g_task_set_task_data (task, step, (GDestroyNotify) step_free);

  if (self->guardian_key != NULL)
    {
      finish (task, step->bare_url, self->guardian_key, NULL);
      return;
    }

  chronicle_secret_lookup_api_key_async (CHRONICLE_SECRET_SERVICE_GUARDIAN, cancellable,
                                         looked_up_cb, g_steal_pointer (&task));
}

ChronicleGuardianKey *
_chronicle_sync_guardian_key_finish (ChronicleSyncService  *self,
                                     GAsyncResult          *result,
                                     GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
