/* chronicle-sync-job.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-feed-article.h"
#include "chronicle-feed-parser.h"
#include "chronicle-html.h"
#include "chronicle-local.h"
#include "chronicle-sync-error.h"
#include "chronicle-sync-service-private.h"
#include "chronicle-sync-source.h"

/* One source in a sync run: fetch (HTTP on the main thread) or read (a local file),
 * parse, discover and convert on a worker thread, keep first-seen dates, ask the store
 * which articles it holds as they are, extract the others on a worker thread
 * (chronicle-sync-extract.c), store in one upsert, save the source's state. Every failure becomes the source's
 * last error, and the run goes on. */

typedef struct {
  Run                 *run;
  ChronicleSource     *source;
  ChronicleSyncResult *result;
  char                *fetch_url;
  gboolean             discovered;
  char                *etag;
  char                *last_modified;
  char                *feed_title;
  char                *feed_link;
  char                *format;
  GPtrArray           *articles;
  GPtrArray           *events;
  GPtrArray           *fresh;      /* the articles extraction looks at */
  gboolean             offline;
  ChronicleGuardianKey *key;       /* a Guardian source's key, once known */
} Job;

/* What the worker thread gets and gives back. */
typedef struct {
  ChronicleSourceKind       kind;
  GBytes                   *body;
  char                     *url;
  char                     *charset;
  gint64                    source_id;
  char                     *source_title;
} ParseInput;

/* The extraction step's input, on a worker thread. */
typedef struct {
  ChronicleSyncExtractor   *extractor;
  ChronicleSyncProcessFunc  process;
  gpointer                  process_data;
  GPtrArray                *articles;
  GPtrArray                *events;
} ExtractInput;

typedef struct {
  char      *title;
  char      *link;
  char      *format;
  char      *warning;
  GPtrArray *articles;
  GPtrArray *events;
  GPtrArray *discovered;
} ParseOutput;


static void
parse_input_free (ParseInput *input)
{
  g_clear_pointer (&input->body, g_bytes_unref);
  g_free (input->url);
  g_free (input->charset);
  g_free (input->source_title);
  g_free (input);
}

static void
extract_input_free (ExtractInput *input)
{
  g_clear_pointer (&input->articles, g_ptr_array_unref);
  g_clear_pointer (&input->events, g_ptr_array_unref);
  g_free (input);
}

/* Worker thread: extraction, then the extra process step, for the new and changed
 * articles only. */
static void
extract_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ExtractInput *input = task_data;

  if (input->extractor != NULL)
    _chronicle_sync_extractor_process (input->extractor, input->articles, input->events,
                                       cancellable);

  if (input->process != NULL)
    for (guint i = 0; i < input->articles->len; i++)
      {
        if (g_cancellable_is_cancelled (cancellable))
          break;
        input->process (g_ptr_array_index (input->articles, i), input->events,
                        input->process_data);
      }

  if (!g_task_return_error_if_cancelled (task))
    g_task_return_boolean (task, TRUE);
}

static void
parse_output_free (ParseOutput *output)
{
  g_free (output->title);
  g_free (output->link);
  g_free (output->format);
  g_free (output->warning);
  g_clear_pointer (&output->articles, g_ptr_array_unref);
  g_clear_pointer (&output->events, g_ptr_array_unref);
  g_clear_pointer (&output->discovered, g_ptr_array_unref);
  g_free (output);
}

static void
job_free (Job *job)
{
  g_clear_object (&job->source);
  chronicle_sync_result_free (job->result);
  g_free (job->fetch_url);
  g_free (job->etag);
  g_free (job->last_modified);
  g_free (job->feed_title);
  g_free (job->feed_link);
  g_free (job->format);
  g_clear_pointer (&job->articles, g_ptr_array_unref);
  g_clear_pointer (&job->events, g_ptr_array_unref);
  g_clear_pointer (&job->fresh, g_ptr_array_unref);
  g_clear_pointer (&job->key, _chronicle_guardian_key_free);
  g_free (job);
}

/* Worker thread: parse, discover, convert. */
static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ParseInput *input = task_data;
  g_autoptr(ChronicleFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  ParseOutput *output;
  gsize len = 0;
  const char *data = NULL;

  if (input->kind == CHRONICLE_SOURCE_KIND_FILE)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (input->url);
      feed = chronicle_local_load_file (file, cancellable, &error);
    }
  else
    {
      data = g_bytes_get_data (input->body, &len);
      feed = chronicle_feed_parse_for_kind (input->kind, data, len, input->url, input->charset,
                                            &error);
    }

  output = g_new0 (ParseOutput, 1);

  if (feed == NULL)
    {
      if (g_error_matches (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_WEB_PAGE) && data != NULL)
        {
          output->discovered = chronicle_html_discover_feeds (data, len, input->url);
          if (output->discovered->len > 0)
            {
              g_task_return_pointer (task, output, (GDestroyNotify) parse_output_free);
              return;
            }
          g_clear_error (&error);
          g_set_error (&error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_WEB_PAGE,
                       _("This address is a web page, not a feed, and the page names no feed."));
        }
      parse_output_free (output);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  output->title = g_strdup (feed->title);
  output->link = g_strdup (feed->link);
  output->format = g_strdup (feed->format);
  if (feed->warnings->len > 0)
    {
      g_ptr_array_add (feed->warnings, NULL);
      output->warning = g_strjoinv ("\n", (char **) feed->warnings->pdata);
      g_ptr_array_remove_index (feed->warnings, feed->warnings->len - 1);
    }
  output->articles = chronicle_feed_to_articles (feed, input->source_id, input->source_title,
                                                 g_get_real_time () / G_USEC_PER_SEC);
  output->events = g_ptr_array_new_with_free_func (g_object_unref);

  if (g_task_return_error_if_cancelled (task))
    {
      parse_output_free (output);
      return;
    }

  g_task_return_pointer (task, output, (GDestroyNotify) parse_output_free);
}


static void
job_done (Job *job)
{
  Run *run = job->run;
  ChronicleSyncResult *result = g_steal_pointer (&job->result);
  gboolean offline = job->offline;

  job_free (job);
  _chronicle_sync_run_source_done (run, result, offline);
}

static void
source_saved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;

  if (!chronicle_store_update_source_finish (CHRONICLE_STORE (object), result, &error))
    {
      g_debug ("Could not save the state of source %" G_GINT64_FORMAT ": %s",
                      job->result->source_id, error->message);
      if (job->result->ok)
        {
          job->result->ok = FALSE;
          job->result->error = g_strdup_printf (_("The source's state could not be saved: %s"),
                                                error->message);
        }
    }

  job_done (job);
}

static void
job_fail (Job    *job,
          GError *error)
{
  ChronicleSyncService *self = job->run->self;

  job->result->ok = FALSE;
  job->result->error = g_strdup (error->message);
  job->offline = g_error_matches (error, CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_OFFLINE);

  /* A cancelled sync is no fault of the source. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      job_done (job);
      return;
    }

  chronicle_source_set_last_error (job->source, error->message);
  /* A key moved to the keyring leaves the stored address even when the fetch failed. */
  if (job->key != NULL && g_strcmp0 (job->key->url, chronicle_source_get_url (job->source)) != 0
      && g_strcmp0 (job->key->url, job->fetch_url) == 0)
    chronicle_source_set_url (job->source, job->key->url);
  chronicle_store_update_source_async (self->store, job->source, NULL, source_saved_cb, job);
}

static void
job_succeed (Job *job)
{
  ChronicleSyncService *self = job->run->self;
  ChronicleSourceKind kind;

  job->result->ok = TRUE;
  if (job->key != NULL && job->key->warning != NULL)
    {
      char *joined = job->result->warning != NULL
                     ? g_strconcat (job->key->warning, "\n", job->result->warning, NULL)
                     : g_strdup (job->key->warning);

      g_free (job->result->warning);
      job->result->warning = joined;
    }
  chronicle_source_set_last_error (job->source, NULL);
  /* Not modified: what was repaired last time still is. */
  if (!job->result->not_modified)
    chronicle_source_set_last_warning (job->source, job->result->warning);
  else if (job->result->warning == NULL)
    job->result->warning = g_strdup (chronicle_source_get_last_warning (job->source));
  chronicle_source_set_last_success (job->source, g_get_real_time () / G_USEC_PER_SEC);
  if (!job->result->not_modified)
    {
      chronicle_source_set_etag (job->source, job->etag);
      chronicle_source_set_last_modified (job->source, job->last_modified);
    }
  if (g_strcmp0 (job->fetch_url, chronicle_source_get_url (job->source)) != 0)
    chronicle_source_set_url (job->source, job->fetch_url);
  if (job->format != NULL && chronicle_source_get_kind (job->source) != CHRONICLE_SOURCE_KIND_FILE
      && chronicle_sync_kind_from_format (job->format, &kind))
    chronicle_source_set_kind (job->source, kind);
  if ((chronicle_source_get_title (job->source) == NULL
       || *chronicle_source_get_title (job->source) == '\0') && job->feed_title != NULL)
    chronicle_source_set_title (job->source, job->feed_title);
  if (chronicle_source_get_site_url (job->source) == NULL && job->feed_link != NULL)
    chronicle_source_set_site_url (job->source, job->feed_link);

  g_free (job->result->url);
  job->result->url = g_strdup (chronicle_source_get_url (job->source));
  if (job->result->title == NULL)
    job->result->title = g_strdup (chronicle_source_get_title (job->source));

  chronicle_store_update_source_async (self->store, job->source, NULL, source_saved_cb, job);
}

static void
upserted_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  ChronicleUpsertStats stats = { 0 };

  ids = chronicle_store_upsert_articles_finish (CHRONICLE_STORE (object), result, &stats, &error);
  if (ids == NULL)
    {
      g_autoptr(GError) sentence =
        g_error_new (CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_PARSE,
                     _("The articles could not be stored: %s"), error->message);
      job_fail (job, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ? error : sentence);
      return;
    }

  job->result->added = stats.inserted;
  job->result->updated = stats.updated;
  job->result->unchanged = stats.unchanged;
  job->result->duplicates = stats.duplicates;
  job_succeed (job);
}

static void job_fetch (Job *job);

static void
store_articles (Job *job)
{
  ChronicleSyncService *self = job->run->self;

  chronicle_store_upsert_articles_async (self->store, job->articles,
                                         job->events->len > 0 ? job->events : NULL,
                                         NULL, upserted_cb, job);
}

/* Extraction runs on a pool of its own, as many threads as cores (at most 2): all
 * sources in flight share it, so a big sync keeps both cores busy without a thread
 * (and a malloc arena) per source. */
static void
extract_pool_func (gpointer data,
                   gpointer user_data)
{
  GTask *task = data;

  extract_thread (task, g_task_get_source_object (task), g_task_get_task_data (task),
                  g_task_get_cancellable (task));
  g_object_unref (task);
}

static GThreadPool *
get_extract_pool (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    {
      GThreadPool *made = g_thread_pool_new (extract_pool_func, NULL,
                                             CLAMP (g_get_num_processors (), 1, 2), FALSE,
                                             NULL);

      g_once_init_leave (&pool, made);
    }
  return pool;
}

static void
extracted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      job_fail (job, error);
      return;
    }

  store_articles (job);
}

static void
extract_fresh (Job       *job,
               GPtrArray *fresh)
{
  ChronicleSyncService *self = job->run->self;
  g_autoptr(GTask) task = g_task_new (self, job->run->cancellable, extracted_cb, job);
  ExtractInput *input = g_new0 (ExtractInput, 1);

  input->extractor = self->extract ? self->extractor : NULL;
  input->process = self->process;
  input->process_data = self->process_data;
  input->articles = g_ptr_array_ref (fresh);
  input->events = g_ptr_array_ref (job->events);
  g_task_set_source_tag (task, extract_fresh);
  g_task_set_task_data (task, input, (GDestroyNotify) extract_input_free);
  g_thread_pool_push (get_extract_pool (), g_object_ref (task), NULL);
}

static void
seeded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Job *job = user_data;

  _chronicle_sync_extractor_seed_finish (job->run->self->extractor, result);
  extract_fresh (job, job->fresh);
}

/* Only what the store does not hold as it is goes through extraction. */
static void
found_stored_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Job *job = user_data;
  ChronicleSyncService *self = job->run->self;
  g_autoptr(GArray) known = NULL;
  g_autoptr(GError) error = NULL;

  known = chronicle_store_find_stored_finish (CHRONICLE_STORE (object), result, &error);
  if (known == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          job_fail (job, error);
          return;
        }
      g_debug ("Could not look up the stored articles: %s", error->message);
    }

  job->fresh = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < job->articles->len; i++)
    if (known == NULL || i >= known->len || !g_array_index (known, gboolean, i))
      g_ptr_array_add (job->fresh, g_object_ref (g_ptr_array_index (job->articles, i)));

  if (job->fresh->len == 0)
    store_articles (job);
  else if (self->extract && !_chronicle_sync_extractor_get_seeded (self->extractor))
    _chronicle_sync_extractor_seed_async (self->extractor, self->store, NULL, seeded_cb, job);
  else
    extract_fresh (job, job->fresh);
}

static void
find_stored (Job *job)
{
  ChronicleSyncService *self = job->run->self;

  if (!self->extract && self->process == NULL)
    {
      store_articles (job);
      return;
    }

  chronicle_store_find_stored_async (self->store, job->articles, job->run->cancellable,
                                     found_stored_cb, job);
}

static gboolean
has_inferred_dates (GPtrArray *articles)
{
  for (guint i = 0; i < articles->len; i++)
    if (chronicle_article_get_published_inferred (g_ptr_array_index (articles, i)))
      return TRUE;

  return FALSE;
}

/* An undated article keeps the time it was first seen: the stored one, when it is
 * stored already (else every sync would "update" it with a new time). */
static void
stored_articles_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GHashTable) first_seen = NULL;
  g_autoptr(GError) error = NULL;

  stored = chronicle_store_get_articles_finish (CHRONICLE_STORE (object), result, &error);
  if (stored == NULL)
    {
      g_debug ("Could not read the stored articles: %s", error->message);
      find_stored (job);
      return;
    }

  first_seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < stored->len; i++)
    {
      ChronicleArticle *article = g_ptr_array_index (stored, i);

      if (chronicle_article_get_published_inferred (article)
          && chronicle_article_get_guid (article) != NULL)
        g_hash_table_insert (first_seen, (gpointer) chronicle_article_get_guid (article), article);
    }

  for (guint i = 0; i < job->articles->len; i++)
    {
      ChronicleArticle *article = g_ptr_array_index (job->articles, i);
      ChronicleArticle *old;

      if (!chronicle_article_get_published_inferred (article))
        continue;
      old = g_hash_table_lookup (first_seen, chronicle_article_get_guid (article));
      if (old != NULL)
        chronicle_article_set_published (article, chronicle_article_get_published (old));
    }

  find_stored (job);
}

static void
stored_ids_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  ids = chronicle_store_timeline_finish (CHRONICLE_STORE (object), result, &error);
  if (ids == NULL || ids->len == 0)
    {
      find_stored (job);
      return;
    }

  chronicle_store_get_articles_async (CHRONICLE_STORE (object), (const gint64 *) ids->data,
                                      ids->len, NULL, stored_articles_cb, job);
}

static void
find_first_seen (Job *job)
{
  ChronicleSyncService *self = job->run->self;
  gint64 source_id = chronicle_source_get_id (job->source);
  g_autoptr(ChronicleQuery) all = chronicle_query_new ();
  g_autoptr(ChronicleQuery) query = chronicle_query_with_sources (all, &source_id, 1);

  chronicle_store_timeline_async (self->store, query, 0, NULL, stored_ids_cb, job);
}

static void
parsed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Job *job = user_data;
    g_autoptr(GError) error = NULL;
  ParseOutput *output;

  output = g_task_propagate_pointer (G_TASK (result), &error);
  if (output == NULL)
    {
      job_fail (job, error);
      return;
    }

  if (output->discovered != NULL)
    {
      if (job->discovered)
        {
          g_autoptr(GError) loop = g_error_new (CHRONICLE_SYNC_ERROR, CHRONICLE_SYNC_ERROR_WEB_PAGE,
                                                _("The feed the web page names is a web page too."));
          parse_output_free (output);
          job_fail (job, loop);
          return;
        }
      /* A web site: follow its first feed link and keep that address. */
      job->discovered = TRUE;
      g_free (job->fetch_url);
      job->fetch_url = g_strdup (g_ptr_array_index (output->discovered, 0));
      parse_output_free (output);
      job_fetch (job);
      return;
    }

  job->feed_title = g_steal_pointer (&output->title);
  job->feed_link = g_steal_pointer (&output->link);
  job->format = g_steal_pointer (&output->format);
  job->result->warning = g_steal_pointer (&output->warning);

  if (output->articles->len == 0)
    {
      parse_output_free (output);
      job_succeed (job);
      return;
    }

  job->articles = g_steal_pointer (&output->articles);
  job->events = g_steal_pointer (&output->events);
  parse_output_free (output);

  if (has_inferred_dates (job->articles))
    find_first_seen (job);
  else
    find_stored (job);
}

static void
job_parse (Job        *job,
           GBytes     *body,
           const char *charset)
{
  ChronicleSyncService *self = job->run->self;
  g_autoptr(GTask) task = g_task_new (self, job->run->cancellable, parsed_cb, job);
  ParseInput *input = g_new0 (ParseInput, 1);

  input->kind = chronicle_source_get_kind (job->source);
  input->body = body != NULL ? g_bytes_ref (body) : NULL;
  input->url = g_strdup (job->fetch_url);
  input->charset = g_strdup (charset);
  input->source_id = chronicle_source_get_id (job->source);
  input->source_title = g_strdup (chronicle_source_get_title (job->source));
  g_task_set_source_tag (task, job_parse);
  g_task_set_task_data (task, input, (GDestroyNotify) parse_input_free);
  g_task_run_in_thread (task, parse_thread);
}

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleHttpResponse) response = NULL;

  response = chronicle_http_fetch_finish (CHRONICLE_HTTP (object), result, &error);
  if (response == NULL)
    {
      job_fail (job, error);
      return;
    }

  /* A permanent redirect: the new address is kept once this sync succeeds. */
  if (response->permanent_url != NULL)
    {
      g_free (job->fetch_url);
      /* The key the request carried never goes into the stored address. */
      if (chronicle_source_get_kind (job->source) == CHRONICLE_SOURCE_KIND_GUARDIAN)
        job->fetch_url = chronicle_guardian_url_take_key (response->permanent_url, NULL);
      else
        job->fetch_url = g_strdup (response->permanent_url);
    }

  if (response->status == 304)
    {
      job->result->not_modified = TRUE;
      job_succeed (job);
      return;
    }

  job->etag = g_strdup (response->etag);
  job->last_modified = g_strdup (response->last_modified);
  job_parse (job, response->body, response->charset);
}

static void
key_found_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Job *job = user_data;

  job->key = _chronicle_sync_guardian_key_finish (CHRONICLE_SYNC_SERVICE (object), result, NULL);
  if (job->key != NULL && g_strcmp0 (job->key->url, job->fetch_url) != 0)
    {
      g_free (job->fetch_url);
      job->fetch_url = g_strdup (job->key->url);
    }
  job_fetch (job);
}

static void
job_fetch (Job *job)
{
  ChronicleSyncService *self = job->run->self;
  gboolean guardian = chronicle_source_get_kind (job->source) == CHRONICLE_SOURCE_KIND_GUARDIAN;
  gboolean same_url;
  g_autofree char *url = NULL;

  /* First the key: from the keyring, moved out of an old address. */
  if (guardian && self->use_keyring && job->key == NULL)
    {
      _chronicle_sync_guardian_key_async (self, job->fetch_url, job->run->cancellable,
                                          key_found_cb, job);
      return;
    }

  /* The key is used for the request only, never stored. */
  same_url = g_strcmp0 (job->fetch_url, chronicle_source_get_url (job->source)) == 0;
  if (guardian)
    url = chronicle_guardian_url_with_key (job->fetch_url, job->key != NULL && job->key->key != NULL
                                                           ? job->key->key : self->guardian_key);
  else
    url = g_strdup (job->fetch_url);

  /* Validators belong to the stored address only. */
  chronicle_http_fetch_async (self->http, url,
                              same_url ? chronicle_source_get_etag (job->source) : NULL,
                              same_url ? chronicle_source_get_last_modified (job->source) : NULL,
                              job->run->cancellable, fetched_cb, job);
}

/*< private >
 * _chronicle_sync_job_start:
 * @run: the run
 * @source: (transfer full): the source to sync
 *
 * Syncs one source; reports with _chronicle_sync_run_source_done().
 */
void
_chronicle_sync_job_start (Run             *run,
                           ChronicleSource *source)
{
  Job *job = g_new0 (Job, 1);

  job->run = run;
  job->source = source;
  job->fetch_url = g_strdup (chronicle_source_get_url (source));
  job->result = g_new0 (ChronicleSyncResult, 1);
  job->result->source_id = chronicle_source_get_id (source);
  job->result->title = g_strdup (chronicle_source_get_title (source));
  job->result->url = g_strdup (job->fetch_url);
  run->in_flight++;

  if (chronicle_source_get_kind (source) == CHRONICLE_SOURCE_KIND_FILE)
    job_parse (job, NULL, NULL);
  else
    job_fetch (job);
}

