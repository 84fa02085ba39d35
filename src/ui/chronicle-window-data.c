/* chronicle-window-data.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * What the main window asks the store: the timeline list model for the
 * query, the histogram for the ruler (and the "reported for this day" layer
 * from the dates articles mention), the facets and sources for the sidebar,
 * an article's full text, mentions and event, read/star writes, and the
 * sample news and new sources through the sync layer's import.
 * Every call is async; a newer query cancels the older one's reads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "chronicle-add-source-dialog.h"
#include "chronicle-article-list.h"
#include "chronicle-chip-bar.h"
#include "chronicle-format.h"
#include "chronicle-profile.h"
#include "chronicle-source.h"
#include "chronicle-sync-source.h"
#include "chronicle-time-mention.h"
#include "chronicle-window-private.h"

#define FACETS_PER_KIND  8
#define REFRESH_DELAY_MS 250
#define MAX_REPORTED     50000
#define SAMPLE_RESOURCE  RESOURCE_PREFIX "/sample-news/wikinews-sample.jsonl"

/* One import or add-source request in flight. */
typedef struct
{
  ChronicleWindow *window;
  GtkWindow       *dialog;   /* Add Source, or NULL */
  ChronicleSource *source;
  gboolean         sample;
} AddRequest;

static void
add_request_free (AddRequest *request)
{
  g_clear_object (&request->window);
  g_clear_object (&request->dialog);
  g_clear_object (&request->source);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AddRequest, add_request_free)

/* Profiling: a query change is shown when its list has rows and a frame
 * with them was drawn. */
static gboolean
filter_frame_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (widget);

  if (self->filter_started != 0)
    {
      chronicle_profile_report ("filter-update",
                                (g_get_monotonic_time () - self->filter_started) / 1000.0, "ms");
      self->filter_started = 0;
    }

  return G_SOURCE_REMOVE;
}

static void
update_title (ChronicleWindow *self)
{
  guint n = self->articles ? g_list_model_get_n_items (self->articles) : 0;
  g_autofree char *subtitle = chronicle_format_count (n);

  adw_window_title_set_subtitle (self->timeline_title, n > 0 ? subtitle : NULL);
}

/* Loading, the empty state (nothing stored at all), or the timeline (which
 * has its own "no results" page for a query that matches nothing). */
static void
update_state (ChronicleWindow *self)
{
  ChronicleArticleList *list = CHRONICLE_ARTICLE_LIST (self->articles);

  if (g_list_model_get_n_items (self->articles) > 0 || !chronicle_query_is_all (self->query))
    {
      if (!chronicle_article_list_get_loading (list) || g_list_model_get_n_items (self->articles) > 0)
        _chronicle_window_show_state (self, "timeline");
    }
  else if (!chronicle_article_list_get_loading (list))
    {
      _chronicle_window_show_state (self, "empty");
      if (self->load_sample_when_empty)
        {
          self->load_sample_when_empty = FALSE;
          _chronicle_window_data_load_sample (self);
        }
    }
}

static void
loading_cb (ChronicleWindow *self)
{
  update_state (self);
}

static void
articles_changed_cb (GListModel      *model,
                     guint            position,
                     guint            removed,
                     guint            added,
                     ChronicleWindow *self)
{
  update_title (self);
  update_state (self);

  if (self->filter_started != 0 && chronicle_profile_enabled ())
    gtk_widget_add_tick_callback (GTK_WIDGET (self), filter_frame_cb, NULL, NULL);
}

/* The ruler */

static void
reported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ChronicleWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(GArray) buckets = g_array_new (FALSE, FALSE, sizeof (ChronicleRulerBucket));

  mentions = chronicle_store_time_mentions_finish (CHRONICLE_STORE (object), result, &error);
  if (mentions == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No time mentions for the ruler: %s", error->message);
      return;
    }

  /* Only periods of a day count for "reported for this day". */
  for (guint i = 0; i < mentions->len; i++)
    {
      const ChronicleTimeMention *m = g_ptr_array_index (mentions, i);
      ChronicleRulerBucket bucket = { m->start + 12 * 3600, 1 };

      if (m->granularity == CHRONICLE_GRANULARITY_DAY)
        g_array_append_val (buckets, bucket);
    }

  chronicle_time_ruler_set_reported_buckets (chronicle_timeline_view_get_ruler (self->timeline_view),
                                             (ChronicleRulerBucket *) buckets->data, buckets->len);
}

static void
histogram_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ChronicleWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) bins = NULL;
  g_autoptr(GArray) buckets = g_array_new (FALSE, FALSE, sizeof (ChronicleRulerBucket));

  bins = chronicle_store_histogram_finish (CHRONICLE_STORE (object), result, &error);
  if (bins == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot count the articles for the time ruler: %s", error->message);
      return;
    }

  /* The store counts per UTC day; noon of that day is the same date in
   * every time zone the ruler might draw in. */
  for (guint i = 0; i < bins->len; i++)
    {
      const ChronicleHistogramBin *bin = &g_array_index (bins, ChronicleHistogramBin, i);
      ChronicleRulerBucket bucket = { bin->start + 12 * 3600, bin->count };

      g_array_append_val (buckets, bucket);
    }

  chronicle_timeline_view_set_histogram (self->timeline_view,
                                         (ChronicleRulerBucket *) buckets->data, buckets->len,
                                         NULL, 0);
  /* The first time there is news, show all of it. */
  if (!self->ruler_fitted && buckets->len > 0)
    {
      self->ruler_fitted = TRUE;
      chronicle_time_ruler_zoom_to_fit (chronicle_timeline_view_get_ruler (self->timeline_view));
    }

  if (bins->len > 0)
    {
      gint64 first = g_array_index (bins, ChronicleHistogramBin, 0).start;
      gint64 last = g_array_index (bins, ChronicleHistogramBin, bins->len - 1).start;

      /* Reports reach into the future: a year past the newest article. */
      chronicle_store_time_mentions_async (self->store, first, last + 366 * 86400, MAX_REPORTED,
                                           self->query_cancellable, reported_cb,
                                           g_object_ref (self));
    }
}

/* The sidebar */

/* Profiling: the entity facets and the Sources facet of a query change are both shown. */
static void
facet_counts_done (ChronicleWindow *self)
{
  if (self->facets_started != 0 && self->facets_pending > 0 && --self->facets_pending == 0)
    {
      chronicle_profile_report ("facet-counts",
                                (g_get_monotonic_time () - self->facets_started) / 1000.0, "ms");
      self->facets_started = 0;
    }
}

static void
facets_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ChronicleWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entities = NULL;

  entities = chronicle_store_facet_counts_finish (CHRONICLE_STORE (object), result, &error);
  if (entities == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot count the entities for the sidebar: %s", error->message);
      return;
    }

  chronicle_sidebar_set_facets (self->sidebar, entities);
  facet_counts_done (self);
}

static void
source_counts_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ChronicleWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) counts = NULL;

  counts = chronicle_store_source_counts_finish (CHRONICLE_STORE (object), result, &error);
  if (counts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot count the articles of each source: %s", error->message);
      return;
    }

  chronicle_sidebar_set_source_counts (self->sidebar, counts);
  facet_counts_done (self);
}

static void
sources_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ChronicleWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sources = NULL;

  sources = chronicle_store_list_sources_finish (CHRONICLE_STORE (object), result, &error);
  if (sources == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot list the sources: %s", error->message);
      return;
    }

  chronicle_sidebar_set_sources (self->sidebar, sources);
  /* Chips of source filters show the titles now known. */
  chronicle_chip_bar_refresh (CHRONICLE_CHIP_BAR (
    gtk_widget_get_template_child (GTK_WIDGET (self->timeline_view), CHRONICLE_TYPE_TIMELINE_VIEW,
                                   "chip_bar")));
}

static void
load_aggregates (ChronicleWindow *self)
{
  g_autoptr(ChronicleQuery) undated = chronicle_query_with_date_range (self->query, 0, 0);

  /* The ruler shows the query without its date range, with the range as the
   * selection, so that there is something to select from. */
  chronicle_store_histogram_async (self->store, undated, CHRONICLE_GRANULARITY_DAY,
                                   self->query_cancellable, histogram_cb, g_object_ref (self));
  chronicle_store_facet_counts_async (self->store, self->query, FACETS_PER_KIND,
                                      self->query_cancellable, facets_cb, g_object_ref (self));
  self->facets_started = chronicle_profile_enabled () ? self->filter_started : 0;
  self->facets_pending = 2;
  /* The Sources facet follows the query too (counted in the same pass). */
  chronicle_store_source_counts_async (self->store, self->query, self->query_cancellable,
                                       source_counts_cb, g_object_ref (self));
}

static gboolean
refresh_cb (gpointer user_data)
{
  ChronicleWindow *self = user_data;

  self->refresh_id = 0;
  load_aggregates (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (ChronicleStore       *store,
                  ChronicleStoreChange  change,
                  GArray               *ids,
                  ChronicleWindow      *self)
{
  if (change & CHRONICLE_STORE_CHANGE_SOURCES)
    chronicle_store_list_sources_async (self->store, self->cancellable, sources_cb,
                                        g_object_ref (self));

  /* New articles during a sync arrive in batches: count them once. */
  if (change & (CHRONICLE_STORE_CHANGE_ARTICLES_ADDED | CHRONICLE_STORE_CHANGE_ARTICLES_REMOVED
                | CHRONICLE_STORE_CHANGE_ENTITIES))
    {
      g_clear_handle_id (&self->refresh_id, g_source_remove);
      self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_cb, self);
    }
}

/* The article pane */

static void
related_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ChronicleWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GListStore) list = g_list_store_new (CHRONICLE_TYPE_ARTICLE);

  articles = chronicle_store_get_articles_finish (CHRONICLE_STORE (object), result, &error);
  if (articles == NULL)
    return;

  for (guint i = 0; i < articles->len; i++)
    g_list_store_append (list, g_ptr_array_index (articles, i));
  chronicle_article_view_set_related (self->article_view, G_LIST_MODEL (list));
}

static void
events_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ChronicleWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GArray) others = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 current;

  events = chronicle_store_events_for_article_finish (CHRONICLE_STORE (object), result, &error);
  if (events == NULL || events->len == 0 || self->article == NULL)
    return;

  current = chronicle_article_get_id (self->article);
  for (guint e = 0; e < events->len && others->len < 10; e++)
    {
      GArray *ids = chronicle_event_get_article_ids (g_ptr_array_index (events, e));

      for (guint i = 0; ids != NULL && i < ids->len && others->len < 10; i++)
        if (g_array_index (ids, gint64, i) != current)
          g_array_append_val (others, g_array_index (ids, gint64, i));
    }

  if (others->len > 0)
    chronicle_store_get_articles_async (self->store, (gint64 *) others->data, others->len,
                                        self->article_cancellable, related_cb, g_object_ref (self));
}

static void
article_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ChronicleWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleArticle) full = NULL;

  full = chronicle_store_get_article_finish (CHRONICLE_STORE (object), result, &error);
  if (full == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        chronicle_window_add_toast (self, _("This article could not be read from the cache"));
      return;
    }

  chronicle_article_view_set_article (self->article_view, full,
                                      chronicle_article_get_mentions (full),
                                      chronicle_article_get_time_mentions (full));
  chronicle_store_events_for_article_async (self->store, chronicle_article_get_id (full),
                                            self->article_cancellable, events_cb,
                                            g_object_ref (self));

  /* Opening an article reads it. */
  if (!chronicle_article_get_read (self->article))
    _chronicle_window_data_set_flags (self, self->article, TRUE,
                                      chronicle_article_get_starred (self->article));
}

static void progress_cb        (ChronicleWindow           *self);
static void source_finished_cb (ChronicleSyncService      *sync,
                                const ChronicleSyncResult *result,
                                ChronicleWindow           *self);

/* Internal API */

void
_chronicle_window_data_attach (ChronicleWindow *self)
{
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, 0);
  if (self->sync != NULL)
    {
      g_signal_connect_object (self->sync, "notify::running", G_CALLBACK (progress_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->sync, "notify::sources-done", G_CALLBACK (progress_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->sync, "source-finished", G_CALLBACK (source_finished_cb), self,
                               0);
    }
  chronicle_store_list_sources_async (self->store, self->cancellable, sources_cb,
                                      g_object_ref (self));
  _chronicle_window_show_state (self, "loading");
  _chronicle_window_data_run_query (self);
}

void
_chronicle_window_data_detach (ChronicleWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->query_cancellable != NULL)
    g_cancellable_cancel (self->query_cancellable);
  g_clear_object (&self->query_cancellable);
  if (self->article_cancellable != NULL)
    g_cancellable_cancel (self->article_cancellable);
  g_clear_object (&self->article_cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->articles != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->articles, articles_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->articles, loading_cb, self);
    }
  g_clear_object (&self->articles);
}

void
_chronicle_window_data_run_query (ChronicleWindow *self)
{
  if (self->query_cancellable != NULL)
    g_cancellable_cancel (self->query_cancellable);
  g_clear_object (&self->query_cancellable);
  self->query_cancellable = g_cancellable_new ();

  if (self->articles != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->articles, articles_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->articles, loading_cb, self);
    }
  g_clear_object (&self->articles);

  self->articles = G_LIST_MODEL (chronicle_article_list_new (self->store, self->query));
  g_signal_connect (self->articles, "items-changed", G_CALLBACK (articles_changed_cb), self);
  g_signal_connect_swapped (self->articles, "notify::loading", G_CALLBACK (loading_cb), self);
  chronicle_timeline_view_set_model (self->timeline_view, self->articles);
  update_title (self);
  update_state (self);

  load_aggregates (self);
}

void
_chronicle_window_data_open (ChronicleWindow  *self,
                             ChronicleArticle *article)
{
  if (self->article_cancellable != NULL)
    g_cancellable_cancel (self->article_cancellable);
  g_clear_object (&self->article_cancellable);
  self->article_cancellable = g_cancellable_new ();

  /* Show what is known at once; the text and mentions follow. */
  chronicle_article_view_set_article (self->article_view, article, NULL, NULL);
  if (self->store != NULL)
    chronicle_store_get_article_async (self->store, chronicle_article_get_id (article),
                                       self->article_cancellable, article_cb, g_object_ref (self));
}

static void
read_written_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ChronicleWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!chronicle_store_set_read_finish (CHRONICLE_STORE (object), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    chronicle_window_add_toast (self, _("The change could not be saved"));
}

static void
starred_written_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ChronicleWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!chronicle_store_set_starred_finish (CHRONICLE_STORE (object), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    chronicle_window_add_toast (self, _("The change could not be saved"));
}

void
_chronicle_window_data_set_flags (ChronicleWindow  *self,
                                  ChronicleArticle *article,
                                  gboolean          read,
                                  gboolean          starred)
{
  gint64 id = chronicle_article_get_id (article);

  if (self->store == NULL)
    {
      chronicle_article_set_read (article, read);
      chronicle_article_set_starred (article, starred);
      return;
    }

  if (read != chronicle_article_get_read (article))
    chronicle_store_set_read_async (self->store, &id, 1, read, self->cancellable, read_written_cb,
                                    g_object_ref (self));
  if (starred != chronicle_article_get_starred (article))
    chronicle_store_set_starred_async (self->store, &id, 1, starred, self->cancellable,
                                       starred_written_cb, g_object_ref (self));
}

/* Syncing and importing */

static gboolean
pulse_cb (gpointer user_data)
{
  ChronicleWindow *self = user_data;

  if (!self->syncing)
    return G_SOURCE_REMOVE;
  gtk_progress_bar_pulse (self->sync_progress);
  return G_SOURCE_CONTINUE;
}

static void
begin_busy (ChronicleWindow *self)
{
  if (!self->syncing)
    g_timeout_add_full (G_PRIORITY_DEFAULT, 120, pulse_cb, g_object_ref (self), g_object_unref);
  _chronicle_window_set_syncing (self, TRUE, -1);
}

static void
progress_cb (ChronicleWindow *self)
{
  guint total = chronicle_sync_service_get_sources_total (self->sync);
  guint done = chronicle_sync_service_get_sources_done (self->sync);

  if (chronicle_sync_service_get_running (self->sync))
    {
      if (!self->syncing)
        begin_busy (self);
      if (total > 1)
        _chronicle_window_set_syncing (self, TRUE, (double) done / total);
    }
  else
    _chronicle_window_set_syncing (self, FALSE, 1);
}

static void
source_finished_cb (ChronicleSyncService      *sync,
                    const ChronicleSyncResult *result,
                    ChronicleWindow           *self)
{
  /* Last success, last error and counts changed: list the sources again. */
  chronicle_store_list_sources_async (self->store, self->cancellable, sources_cb,
                                      g_object_ref (self));
}

static char *
describe_results (GPtrArray *results,
                  guint     *n_failed)
{
  guint added = 0, failed = 0;

  for (guint i = 0; i < results->len; i++)
    {
      const ChronicleSyncResult *r = g_ptr_array_index (results, i);

      added += r->added;
      if (!r->ok)
        failed++;
    }

  if (n_failed != NULL)
    *n_failed = failed;

  if (failed > 0 && added == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u source could not be synced; see the sidebar",
                                         "%u sources could not be synced; see the sidebar",
                                         failed),
                            failed);
  if (failed > 0)
    /* Translators: "%u new articles" then how many sources failed */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u new articles; %u source failed",
                                         "%u new articles; %u sources failed",
                                         failed),
                            added, failed);
  if (added == 0)
    return g_strdup (_("No new articles"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new article", "%u new articles",
                                       added),
                          added);
}

static void
sync_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ChronicleWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *message = NULL;

  results = chronicle_sync_service_sync_finish (CHRONICLE_SYNC_SERVICE (object), result, &error);
  progress_cb (self);
  if (results == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        chronicle_window_add_toast (self, error->message);
      return;
    }

  message = describe_results (results, NULL);
  chronicle_window_add_toast (self, message);
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AddRequest) request = user_data;
  ChronicleWindow *self = request->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  const ChronicleSyncResult *r = NULL;

  results = chronicle_sync_service_sync_finish (CHRONICLE_SYNC_SERVICE (object), result, &error);
  progress_cb (self);

  for (guint i = 0; results != NULL && i < results->len; i++)
    if (((ChronicleSyncResult *) g_ptr_array_index (results, i))->source_id
        == chronicle_source_get_id (request->source))
      r = g_ptr_array_index (results, i);

  if (r == NULL || !r->ok)
    {
      const char *why = r != NULL && r->error != NULL ? r->error
                        : error != NULL ? error->message
                                        : _("The source could not be read.");

      /* A new source that never worked is not kept; the dialog says why. */
      if (!request->sample)
        chronicle_store_remove_source_async (self->store, chronicle_source_get_id (request->source),
                                             NULL, NULL, NULL);
      if (request->dialog != NULL)
        chronicle_add_source_dialog_show_error (CHRONICLE_ADD_SOURCE_DIALOG (request->dialog), why);
      else
        chronicle_window_add_toast (self, why);
      return;
    }

  if (request->dialog != NULL)
    gtk_window_destroy (request->dialog);

  {
    g_autofree char *count = r->added == 0 ? g_strdup (_("No new articles"))
                             : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new article",
                                                             "%u new articles", r->added),
                                                r->added);
    chronicle_window_add_toast (self, count);
  }
}

static void
source_added_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AddRequest) request = user_data;
  ChronicleWindow *self = request->window;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = chronicle_store_add_source_finish (CHRONICLE_STORE (object), result, &error);
  if (id <= 0)
    {
      if (request->dialog != NULL)
        chronicle_add_source_dialog_show_error (CHRONICLE_ADD_SOURCE_DIALOG (request->dialog),
                                                error->message);
      else
        chronicle_window_add_toast (self, error->message);
      _chronicle_window_set_syncing (self, FALSE, 1);
      return;
    }

  chronicle_source_set_id (request->source, id);
  chronicle_sync_service_sync_async (self->sync, id, self->cancellable, imported_cb,
                                     g_steal_pointer (&request));
}

static void
existing_sources_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AddRequest) request = user_data;
  ChronicleWindow *self = request->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  const char *url = chronicle_source_get_url (request->source);

  sources = chronicle_store_list_sources_finish (CHRONICLE_STORE (object), result, &error);
  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      ChronicleSource *known = g_ptr_array_index (sources, i);

      if (g_strcmp0 (chronicle_source_get_url (known), url) == 0)
        {
          /* Already there: sync it again instead of adding a twin. */
          g_set_object (&request->source, known);
          chronicle_sync_service_sync_async (self->sync, chronicle_source_get_id (known),
                                             self->cancellable, imported_cb,
                                             g_steal_pointer (&request));
          return;
        }
    }

  {
    /* Arguments are evaluated in any order: take the source before the request moves. */
    ChronicleSource *source = request->source;

    chronicle_store_add_source_async (self->store, source, self->cancellable, source_added_cb,
                                      g_steal_pointer (&request));
  }
}

static void
add_and_sync (ChronicleWindow *self,
              GtkWindow       *dialog,
              const char      *address,
              const char      *title,
              gboolean         sample)
{
  g_autoptr(AddRequest) request = g_new0 (AddRequest, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *resolved_title = NULL;
  ChronicleSourceKind kind;

  request->window = g_object_ref (self);
  request->dialog = dialog ? g_object_ref (dialog) : NULL;
  request->sample = sample;

  if (self->store == NULL || self->sync == NULL)
    {
      const char *why = _("The news cache is not open, so nothing can be added.");

      if (dialog != NULL)
        chronicle_add_source_dialog_show_error (CHRONICLE_ADD_SOURCE_DIALOG (dialog), why);
      else
        chronicle_window_add_toast (self, why);
      return;
    }

  if (!chronicle_sync_resolve_address (address, NULL, &kind, &url, &resolved_title, &error))
    {
      if (dialog != NULL)
        chronicle_add_source_dialog_show_error (CHRONICLE_ADD_SOURCE_DIALOG (dialog), error->message);
      else
        chronicle_window_add_toast (self, error->message);
      return;
    }

  request->source = chronicle_source_new (kind, url);
  chronicle_source_set_title (request->source, title ? title : resolved_title);
  /* A file is imported once (and again on request); periodic syncs skip it. */
  chronicle_source_set_enabled (request->source, kind != CHRONICLE_SOURCE_KIND_FILE);

  if (dialog != NULL)
    chronicle_add_source_dialog_set_busy (CHRONICLE_ADD_SOURCE_DIALOG (dialog), TRUE);
  begin_busy (self);
  chronicle_store_list_sources_async (self->store, self->cancellable, existing_sources_cb,
                                      g_steal_pointer (&request));
}

/* The sample news is bundled in the resources; the importer reads files, so
 * it is written once to the user's data folder. */
static char *
sample_file (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "chronicle", "sample-news", NULL);
  g_autofree char *path = g_build_filename (dir, "wikinews-sample.jsonl", NULL);
  GStatBuf st;

  bytes = g_resources_lookup_data (SAMPLE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  if (g_stat (path, &st) == 0 && (gsize) st.st_size == g_bytes_get_size (bytes))
    return g_steal_pointer (&path);

  if (g_mkdir_with_parents (dir, 0700) != 0
      || !g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write %s"), dir);
      return NULL;
    }

  return g_steal_pointer (&path);
}

void
_chronicle_window_data_load_sample (ChronicleWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sample_file (&error);

  if (path == NULL)
    {
      chronicle_window_add_toast (self, error->message);
      return;
    }

  add_and_sync (self, NULL, path, _("Wikinews Sample"), TRUE);
}

void
_chronicle_window_data_add_source (ChronicleWindow *self,
                                   GtkWindow       *dialog,
                                   const char      *url,
                                   GFile           *file)
{
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  g_autofree char *uri = file != NULL && path == NULL ? g_file_get_uri (file) : NULL;

  add_and_sync (self, dialog, url ? url : path ? path : uri, NULL, FALSE);
}

void
_chronicle_window_data_sync (ChronicleWindow *self)
{
  if (self->sync == NULL)
    {
      chronicle_window_add_toast (self, _("The news cache is not open, so nothing can be synced."));
      return;
    }

  begin_busy (self);
  chronicle_sync_service_sync_async (self->sync, 0, self->cancellable, sync_done_cb,
                                     g_object_ref (self));
}

typedef struct
{
  ChronicleWindow *window;
  GListModel      *articles;
  gint64           unix_time;
} GoTo;

static void
go_to_free (GoTo *go)
{
  g_clear_object (&go->window);
  g_clear_object (&go->articles);
  g_free (go);
}

static void
newest_before_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GoTo *go = user_data;
  ChronicleWindow *self = go->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  int position;

  ids = chronicle_store_timeline_finish (CHRONICLE_STORE (object), result, &error);
  /* The query changed meanwhile: that list is gone. */
  if (ids == NULL || self->articles != go->articles)
    {
      go_to_free (go);
      return;
    }

  if (ids->len == 0)
    {
      /* Nothing that old: the oldest article is the nearest. */
      guint n = g_list_model_get_n_items (self->articles);
      if (n > 0)
        chronicle_timeline_view_select (self->timeline_view, n - 1);
    }
  else
    {
      position = chronicle_article_list_find (CHRONICLE_ARTICLE_LIST (self->articles),
                                              g_array_index (ids, gint64, 0));
      if (position >= 0)
        chronicle_timeline_view_select (self->timeline_view, position);
    }
  chronicle_time_ruler_set_position (chronicle_timeline_view_get_ruler (self->timeline_view),
                                     go->unix_time);
  go_to_free (go);
}

/* The newest article published at or before @unix_time, asked of the store so
 * that rows not yet loaded do not matter. */
void
_chronicle_window_data_go_to_date (ChronicleWindow *self,
                                   gint64           unix_time)
{
  g_autoptr(ChronicleQuery) before = NULL;
  GoTo *go;

  if (self->articles == NULL)
    return;

  before = chronicle_query_with_date_range (self->query, chronicle_query_get_from (self->query),
                                            unix_time + 1);
  go = g_new0 (GoTo, 1);
  go->window = g_object_ref (self);
  go->articles = g_object_ref (self->articles);
  go->unix_time = unix_time;
  chronicle_store_timeline_async (self->store, before, 1, self->query_cancellable,
                                  newest_before_cb, go);
}

static void
article_by_id_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ChronicleWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleArticle) article = NULL;

  article = chronicle_store_get_article_finish (CHRONICLE_STORE (object), result, &error);
  if (article == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        chronicle_window_add_toast (self, _("This article is no longer in the cache"));
      return;
    }

  _chronicle_window_show_article (self, article);
}

void
_chronicle_window_data_open_id (ChronicleWindow *self,
                                gint64           article_id)
{
  chronicle_store_get_article_async (self->store, article_id, self->cancellable, article_by_id_cb,
                                     g_object_ref (self));
}
