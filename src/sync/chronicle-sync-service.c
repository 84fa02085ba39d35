/* chronicle-sync-service.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-sync-error.h"
#include "chronicle-sync-extract.h"
#include "chronicle-sync-service-private.h"

/* The sync service: runs every enabled source through fetch (HTTP on the main thread)
 * → parse and process (a worker thread) → store (one upsert transaction per source),
 * a few sources at a time. One failing source never stops the others: its error
 * becomes the source's last error. A sync requested while one runs joins it. */



G_DEFINE_FINAL_TYPE (ChronicleSyncService, chronicle_sync_service, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (ChronicleSyncResult, chronicle_sync_result,
                     chronicle_sync_result_copy, chronicle_sync_result_free)

enum {
  PROP_0,
  PROP_STORE,
  PROP_RUNNING,
  PROP_SOURCES_DONE,
  PROP_SOURCES_TOTAL,
  PROP_INTERVAL,
  N_PROPS
};

enum {
  SOURCE_FINISHED,
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void run_start_next (Run *run);

ChronicleSyncResult *
chronicle_sync_result_copy (const ChronicleSyncResult *result)
{
  ChronicleSyncResult *copy = g_memdup2 (result, sizeof *result);

  copy->title = g_strdup (result->title);
  copy->url = g_strdup (result->url);
  copy->error = g_strdup (result->error);
  copy->warning = g_strdup (result->warning);
  return copy;
}

void
chronicle_sync_result_free (ChronicleSyncResult *result)
{
  if (result == NULL)
    return;

  g_free (result->title);
  g_free (result->url);
  g_free (result->error);
  g_free (result->warning);
  g_free (result);
}

static void
run_finish (Run *run)
{
  ChronicleSyncService *self = run->self;

  self->run = NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  for (guint i = 0; i < run->waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (run->waiters, i);

      if (run->error != NULL)
        g_task_return_error (task, g_error_copy (run->error));
      else if (g_cancellable_is_cancelled (run->cancellable))
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                 _("The sync was cancelled."));
      else
        g_task_return_pointer (task, g_ptr_array_ref (run->results),
                               (GDestroyNotify) g_ptr_array_unref);
    }

  g_signal_emit (self, signals[FINISHED], 0);

  g_ptr_array_unref (run->waiters);
  g_queue_clear_full (&run->queue, g_object_unref);
  g_ptr_array_unref (run->results);
  g_object_unref (run->cancellable);
  g_clear_error (&run->error);
  g_free (run);
  g_object_unref (self);
}

/*< private >
 * _chronicle_sync_run_source_done:
 * @run: the run
 * @result: (transfer full): the source's outcome
 * @offline: the source was not tried because the computer is offline
 */
void
_chronicle_sync_run_source_done (Run                 *run,
                                 ChronicleSyncResult *result,
                                 gboolean             offline)
{
  ChronicleSyncService *self = run->self;
  gint64 *key = g_new (gint64, 1);

  result->finished = g_get_real_time () / G_USEC_PER_SEC;
  if (offline)
    self->missed_offline = TRUE;
  *key = result->source_id;
  g_hash_table_replace (self->status, key, chronicle_sync_result_copy (result));
  g_ptr_array_add (run->results, result);

  run->done++;
  run->in_flight--;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCES_DONE]);
  g_signal_emit (self, signals[SOURCE_FINISHED], 0, result);

  run_start_next (run);
  if (run->in_flight == 0 && g_queue_is_empty (&run->queue))
    run_finish (run);
}

static void
run_start_next (Run *run)
{
  while (run->in_flight < MAX_PARALLEL && !g_queue_is_empty (&run->queue))
    {
      ChronicleSource *source = g_queue_pop_head (&run->queue);

      if (g_cancellable_is_cancelled (run->cancellable))
        {
          g_object_unref (source);
          continue;
        }
      _chronicle_sync_job_start (run, source);
    }
}

/* A periodic sync leaves out sources synced more recently than their own interval
 * (a minute of slack, as the timer's ticks are not exact). */
static gboolean
is_due (ChronicleSource *source)
{
  gint64 last = chronicle_source_get_last_success (source);
  guint interval = chronicle_source_get_sync_interval (source);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  return last <= 0 || interval == 0 || last + (gint64) interval - 60 <= now;
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Run *run = user_data;
  ChronicleSyncService *self = run->self;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;

  sources = chronicle_store_list_sources_finish (CHRONICLE_STORE (object), result, &error);
  if (sources == NULL)
    {
      run->error = g_steal_pointer (&error);
      run_finish (run);
      return;
    }

  for (guint i = 0; i < sources->len; i++)
    {
      ChronicleSource *source = g_ptr_array_index (sources, i);

      if (run->only_source > 0 ? chronicle_source_get_id (source) != run->only_source
                               : !chronicle_source_get_enabled (source))
        continue;
      if (run->due_only && !is_due (source))
        continue;
      g_queue_push_tail (&run->queue, g_object_ref (source));
    }

  if (run->only_source > 0 && g_queue_is_empty (&run->queue))
    {
      run->error = g_error_new (CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_INVALID_SOURCE,
                                _("There is no source with the id %lld."),
                                (long long) run->only_source);
      run_finish (run);
      return;
    }

  run->total = g_queue_get_length (&run->queue);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCES_TOTAL]);

  if (run->total == 0)
    {
      run_finish (run);
      return;
    }

  run_start_next (run);
}

static void
waiter_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static void start_sync (ChronicleSyncService *self,
                        gint64                source_id,
                        gboolean              due_only,
                        GCancellable         *cancellable,
                        GAsyncReadyCallback   callback,
                        gpointer              user_data);
static void sync_now_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data);

/* Automatic syncs wait for an unmetered network unless the user allows them. */
static gboolean
metered_blocks (ChronicleSyncService *self)
{
  GNetworkMonitor *monitor = self->network_monitor != NULL ? self->network_monitor
                                                           : g_network_monitor_get_default ();

  if (self->settings == NULL || g_settings_get_boolean (self->settings, "sync-on-metered"))
    return FALSE;
  return g_network_monitor_get_network_metered (monitor);
}

static gboolean
timer_cb (gpointer user_data)
{
  ChronicleSyncService *self = user_data;

  if (metered_blocks (self))
    {
      g_debug ("Not syncing automatically on a metered connection");
      return G_SOURCE_CONTINUE;
    }

  start_sync (self, 0, TRUE, NULL, sync_now_cb, NULL);
  return G_SOURCE_CONTINUE;
}

/* Back online after a periodic sync found the network gone: catch up now. */
static void
network_changed_cb (GNetworkMonitor      *monitor,
                    gboolean              available,
                    ChronicleSyncService *self)
{
  if (available && self->missed_offline && self->interval > 0)
    {
      self->missed_offline = FALSE;
      chronicle_sync_service_sync_automatic (self);
    }
}

static void
restart_timer (ChronicleSyncService *self)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->interval > 0)
    {
      self->timer_id = g_timeout_add_seconds (self->interval, timer_cb, self);
      if (self->network_handler == 0)
        self->network_handler = g_signal_connect_object (g_network_monitor_get_default (),
                                                         "network-changed",
                                                         G_CALLBACK (network_changed_cb), self, 0);
    }
}

static void
interval_changed_cb (GSettings            *settings,
                     const char           *key,
                     ChronicleSyncService *self)
{
  /* off, 15min, 1h, 3h, daily */
  static const guint seconds[] = { 0, 15 * 60, 60 * 60, 3 * 60 * 60, 24 * 60 * 60 };
  int value = g_settings_get_enum (settings, "sync-interval");

  if (value >= 0 && (guint) value < G_N_ELEMENTS (seconds))
    chronicle_sync_service_set_interval (self, seconds[value]);
}

static void
chronicle_sync_service_dispose (GObject *object)
{
  ChronicleSyncService *self = (ChronicleSyncService *) object;

  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_object (&self->settings);
  if (self->process_destroy != NULL)
    g_clear_pointer (&self->process_data, self->process_destroy);
  self->process = NULL;

  G_OBJECT_CLASS (chronicle_sync_service_parent_class)->dispose (object);
}

static void
chronicle_sync_service_finalize (GObject *object)
{
  ChronicleSyncService *self = (ChronicleSyncService *) object;

  g_assert (self->run == NULL);
  g_clear_object (&self->store);
  g_clear_object (&self->http);
  g_clear_pointer (&self->status, g_hash_table_unref);
  g_clear_pointer (&self->extractor, _chronicle_sync_extractor_free);
  g_clear_pointer (&self->guardian_key, g_free);
  g_clear_object (&self->network_monitor);

  G_OBJECT_CLASS (chronicle_sync_service_parent_class)->finalize (object);
}

static void
chronicle_sync_service_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ChronicleSyncService *self = CHRONICLE_SYNC_SERVICE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, chronicle_sync_service_get_running (self));
      break;
    case PROP_SOURCES_DONE:
      g_value_set_uint (value, chronicle_sync_service_get_sources_done (self));
      break;
    case PROP_SOURCES_TOTAL:
      g_value_set_uint (value, chronicle_sync_service_get_sources_total (self));
      break;
    case PROP_INTERVAL:
      g_value_set_uint (value, self->interval);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_sync_service_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  ChronicleSyncService *self = CHRONICLE_SYNC_SERVICE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_INTERVAL:
      chronicle_sync_service_set_interval (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_sync_service_class_init (ChronicleSyncServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = chronicle_sync_service_dispose;
  object_class->finalize = chronicle_sync_service_finalize;
  object_class->get_property = chronicle_sync_service_get_property;
  object_class->set_property = chronicle_sync_service_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CHRONICLE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * ChronicleSyncService:running:
   *
   * Whether a sync runs now.
   */
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * ChronicleSyncService:sources-done:
   *
   * How many sources the running sync has finished (progress: done of total).
   */
  properties[PROP_SOURCES_DONE] =
    g_param_spec_uint ("sources-done", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCES_TOTAL] =
    g_param_spec_uint ("sources-total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * ChronicleSyncService:interval:
   *
   * Seconds between periodic syncs, 0 for none. Follows the `sync-interval` setting
   * after chronicle_sync_service_bind_settings().
   */
  properties[PROP_INTERVAL] =
    g_param_spec_uint ("interval", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ChronicleSyncService::source-finished:
   * @self: the service
   * @result: the source's #ChronicleSyncResult
   *
   * Emitted on the main thread when one source is done, with success or not.
   */
  signals[SOURCE_FINISHED] =
    g_signal_new ("source-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1,
                  CHRONICLE_TYPE_SYNC_RESULT | G_SIGNAL_TYPE_STATIC_SCOPE);
  /**
   * ChronicleSyncService::finished:
   * @self: the service
   *
   * Emitted when a sync run is over.
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
chronicle_sync_service_init (ChronicleSyncService *self)
{
  self->http = chronicle_http_new ();
  self->extractor = _chronicle_sync_extractor_new ();
  self->extract = TRUE;
  self->status = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                        (GDestroyNotify) chronicle_sync_result_free);
}

/**
 * chronicle_sync_service_new:
 * @store: the store to write to
 *
 * Returns: (transfer full): a sync service; periodic sync is off until
 *   chronicle_sync_service_set_interval() or chronicle_sync_service_bind_settings()
 */
ChronicleSyncService *
chronicle_sync_service_new (ChronicleStore *store)
{
  g_return_val_if_fail (CHRONICLE_IS_STORE (store), NULL);

  return g_object_new (CHRONICLE_TYPE_SYNC_SERVICE, "store", store, NULL);
}

ChronicleStore *
chronicle_sync_service_get_store (ChronicleSyncService *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SYNC_SERVICE (self), NULL);

  return self->store;
}

/**
 * chronicle_sync_service_get_http:
 * @self: a #ChronicleSyncService
 *
 * Returns: (transfer none): the HTTP client, e.g. to shorten its timeout in tests
 */
ChronicleHttp *
chronicle_sync_service_get_http (ChronicleSyncService *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SYNC_SERVICE (self), NULL);

  return self->http;
}

gboolean
chronicle_sync_service_get_running (ChronicleSyncService *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SYNC_SERVICE (self), FALSE);

  return self->run != NULL;
}

guint
chronicle_sync_service_get_sources_done (ChronicleSyncService *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SYNC_SERVICE (self), 0);

  return self->run != NULL ? self->run->done : 0;
}

guint
chronicle_sync_service_get_sources_total (ChronicleSyncService *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SYNC_SERVICE (self), 0);

  return self->run != NULL ? self->run->total : 0;
}

guint
chronicle_sync_service_get_interval (ChronicleSyncService *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SYNC_SERVICE (self), 0);

  return self->interval;
}

void
chronicle_sync_service_set_interval (ChronicleSyncService *self,
                                     guint                 seconds)
{
  g_return_if_fail (CHRONICLE_IS_SYNC_SERVICE (self));

  if (self->interval == seconds)
    return;

  self->interval = seconds;
  restart_timer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL]);
}

/**
 * chronicle_sync_service_bind_settings:
 * @self: a #ChronicleSyncService
 *
 * Follows the `sync-interval` key of the application's settings when its schema is
 * installed. Without the schema (the CLI from a build tree, say) nothing happens.
 *
 * Returns: %TRUE when the settings were found
 */
gboolean
chronicle_sync_service_bind_settings (ChronicleSyncService *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  g_return_val_if_fail (CHRONICLE_IS_SYNC_SERVICE (self), FALSE);

  if (source == NULL)
    return FALSE;
  schema = g_settings_schema_source_lookup (source, BASE_APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "sync-interval")
      || !g_settings_schema_has_key (schema, "sync-on-metered"))
    return FALSE;

  g_clear_object (&self->settings);
  self->settings = g_settings_new_full (schema, NULL, NULL);
  g_signal_connect_object (self->settings, "changed::sync-interval",
                           G_CALLBACK (interval_changed_cb), self, 0);
  interval_changed_cb (self->settings, "sync-interval", self);
  return TRUE;
}

/**
 * chronicle_sync_service_set_process_func:
 * @self: a #ChronicleSyncService
 * @func: (nullable): the step each article goes through on the worker thread
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data
 *
 * An extra step for each new or changed article, after the built-in extraction
 * (see chronicle_sync_service_set_extract()); see #ChronicleSyncProcessFunc.
 */
void
chronicle_sync_service_set_process_func (ChronicleSyncService     *self,
                                         ChronicleSyncProcessFunc  func,
                                         gpointer                  user_data,
                                         GDestroyNotify            destroy)
{
  g_return_if_fail (CHRONICLE_IS_SYNC_SERVICE (self));
  g_return_if_fail (self->run == NULL);

  if (self->process_destroy != NULL)
    g_clear_pointer (&self->process_data, self->process_destroy);
  self->process = func;
  self->process_data = user_data;
  self->process_destroy = destroy;
}

/**
 * chronicle_sync_service_set_extract:
 * @self: a #ChronicleSyncService
 * @extract: whether to run extraction
 *
 * Every new or changed article goes through extraction (people, countries, places,
 * organisations, dates, an inferred publication date, events) on a worker thread before
 * it is stored; articles the store holds already as they are skip it. On by default.
 */
void
chronicle_sync_service_set_extract (ChronicleSyncService *self,
                                    gboolean              extract)
{
  g_return_if_fail (CHRONICLE_IS_SYNC_SERVICE (self));
  g_return_if_fail (self->run == NULL);

  self->extract = !!extract;
}

/**
 * chronicle_sync_service_get_n_extracted:
 * @self: a #ChronicleSyncService
 *
 * Returns: how many articles went through extraction since the service was made
 */
guint
chronicle_sync_service_get_n_extracted (ChronicleSyncService *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SYNC_SERVICE (self), 0);

  return _chronicle_sync_extractor_get_n_extracted (self->extractor);
}

/**
 * chronicle_sync_service_get_status:
 * @self: a #ChronicleSyncService
 * @source_id: a source
 *
 * Returns: (nullable) (transfer none): the outcome of the source's last sync in this
 *   session (the store keeps last success and last error across sessions)
 */
const ChronicleSyncResult *
chronicle_sync_service_get_status (ChronicleSyncService *self,
                                   gint64                source_id)
{
  g_return_val_if_fail (CHRONICLE_IS_SYNC_SERVICE (self), NULL);

  return g_hash_table_lookup (self->status, &source_id);
}

static void
start_sync (ChronicleSyncService *self,
            gint64                source_id,
            gboolean              due_only,
            GCancellable         *cancellable,
            GAsyncReadyCallback   callback,
            gpointer              user_data)
{
  GTask *task;
  Run *run;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, chronicle_sync_service_sync_async);
  /* The run reports cancellation itself, with the results so far discarded. */
  g_task_set_check_cancellable (task, FALSE);

  if (self->run != NULL)
    {
      run = self->run;
      g_ptr_array_add (run->waiters, task);
      if (cancellable != NULL)
        g_cancellable_connect (cancellable, G_CALLBACK (waiter_cancelled_cb),
                               g_object_ref (run->cancellable), g_object_unref);
      return;
    }

  run = g_new0 (Run, 1);
  run->self = g_object_ref (self);
  run->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (run->waiters, task);
  g_queue_init (&run->queue);
  run->results = g_ptr_array_new_with_free_func ((GDestroyNotify) chronicle_sync_result_free);
  run->cancellable = g_cancellable_new ();
  run->only_source = source_id;
  run->due_only = due_only;
  if (cancellable != NULL)
    g_cancellable_connect (cancellable, G_CALLBACK (waiter_cancelled_cb),
                           g_object_ref (run->cancellable), g_object_unref);
  self->run = run;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCES_DONE]);

  chronicle_store_list_sources_async (self->store, NULL, listed_cb, run);
}


/**
 * chronicle_sync_service_sync_async:
 * @self: a #ChronicleSyncService
 * @source_id: one source's id, or 0 for every enabled source
 * @cancellable: (nullable): cancels the whole run
 * @callback: called when the run is over
 * @user_data: data for @callback
 *
 * Syncs. When a run is going on, the request joins it and completes with it.
 */
void
chronicle_sync_service_sync_async (ChronicleSyncService *self,
                                   gint64                source_id,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_return_if_fail (CHRONICLE_IS_SYNC_SERVICE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_sync (self, source_id, FALSE, cancellable, callback, user_data);
}

/**
 * chronicle_sync_service_sync_finish:
 * @self: a #ChronicleSyncService
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type ChronicleSyncResult): one result per
 *   source synced, failures included; %NULL with @error when the run could not happen
 *   or was cancelled
 */
GPtrArray *
chronicle_sync_service_sync_finish (ChronicleSyncService  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  g_return_val_if_fail (CHRONICLE_IS_SYNC_SERVICE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
sync_now_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  results = chronicle_sync_service_sync_finish (CHRONICLE_SYNC_SERVICE (object), result, &error);
  if (results == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Sync failed: %s", error->message);
}

/**
 * chronicle_sync_service_sync_now:
 * @self: a #ChronicleSyncService
 *
 * Starts a sync of every enabled source (or joins the running one); watch the
 * signals and properties for its progress.
 */
void
chronicle_sync_service_sync_now (ChronicleSyncService *self)
{
  g_return_if_fail (CHRONICLE_IS_SYNC_SERVICE (self));

  chronicle_sync_service_sync_async (self, 0, NULL, sync_now_cb, NULL);
}

/**
 * chronicle_sync_service_cancel:
 * @self: a #ChronicleSyncService
 *
 * Cancels the running sync, if any. Sources already stored stay stored.
 */
void
chronicle_sync_service_cancel (ChronicleSyncService *self)
{
  g_return_if_fail (CHRONICLE_IS_SYNC_SERVICE (self));

  if (self->run != NULL)
    g_cancellable_cancel (self->run->cancellable);
}

/**
 * chronicle_sync_service_set_guardian_key:
 * @self: a #ChronicleSyncService
 * @api_key: (nullable): the user's Guardian Open Platform key, or %NULL for the
 *   key each source was added with
 *
 * Guardian sources are fetched with @api_key from now on.
 */
void
chronicle_sync_service_set_guardian_key (ChronicleSyncService *self,
                                         const char           *api_key)
{
  g_return_if_fail (CHRONICLE_IS_SYNC_SERVICE (self));

  g_free (self->guardian_key);
  self->guardian_key = api_key != NULL && *api_key != '\0' ? g_strdup (api_key) : NULL;
}

/**
 * chronicle_sync_service_set_use_keyring:
 * @self: a #ChronicleSyncService
 * @use_keyring: whether Guardian sources take their key from the keyring
 *
 * With the keyring, a Guardian source is fetched with the key in the user's keyring
 * (looked up when no key was set with chronicle_sync_service_set_guardian_key()), and a
 * key an older version stored in a source's address is moved into the keyring and out
 * of the address. Without a readable keyring the sync still works (with the public test
 * key, or the key the address has) and the source's status carries a warning saying
 * so. Off by default (tests without a session bus); the app and chronicle-cli turn it
 * on.
 */
void
chronicle_sync_service_set_use_keyring (ChronicleSyncService *self,
                                        gboolean              use_keyring)
{
  g_return_if_fail (CHRONICLE_IS_SYNC_SERVICE (self));

  self->use_keyring = !!use_keyring;
}

/**
 * chronicle_sync_service_set_network_monitor:
 * @self: a #ChronicleSyncService
 * @monitor: (nullable): the monitor that says whether the network is metered
 *   (%NULL: the default one)
 *
 * For tests: automatic syncs ask @monitor whether the connection is metered.
 */
void
chronicle_sync_service_set_network_monitor (ChronicleSyncService *self,
                                            GNetworkMonitor      *monitor)
{
  g_return_if_fail (CHRONICLE_IS_SYNC_SERVICE (self));

  g_set_object (&self->network_monitor, monitor);
}

/**
 * chronicle_sync_service_sync_automatic:
 * @self: a #ChronicleSyncService
 *
 * Starts a sync of every source that nobody asked for (at start-up, or when the
 * network comes back), like chronicle_sync_service_sync_now(), unless the
 * connection is metered and the `sync-on-metered` setting is off.
 *
 * Returns: %TRUE when the sync started (or joined one that runs)
 */
gboolean
chronicle_sync_service_sync_automatic (ChronicleSyncService *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SYNC_SERVICE (self), FALSE);

  if (metered_blocks (self))
    {
      g_debug ("Not syncing automatically on a metered connection");
      return FALSE;
    }
  chronicle_sync_service_sync_now (self);
  return TRUE;
}

/**
 * chronicle_sync_service_get_automatic_allowed:
 * @self: a #ChronicleSyncService
 *
 * Returns: %FALSE when an automatic (periodic) sync would be skipped now because
 *   the connection is metered and the `sync-on-metered` setting is off
 */
gboolean
chronicle_sync_service_get_automatic_allowed (ChronicleSyncService *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SYNC_SERVICE (self), FALSE);

  return !metered_blocks (self);
}
