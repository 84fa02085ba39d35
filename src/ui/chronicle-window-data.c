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

#include "chronicle-add-source-dialog.h"
#include "chronicle-article-list.h"
#include "chronicle-format.h"
#include "chronicle-profile.h"
#include "chronicle-time-mention.h"
#include "chronicle-window-private.h"

#define FACETS_PER_KIND  8
#define REFRESH_DELAY_MS 250
#define MAX_REPORTED     50000

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
  chronicle_timeline_view_set_query (self->timeline_view, self->query);
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

/* Internal API */

void
_chronicle_window_data_attach (ChronicleWindow *self)
{
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, 0);
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

void
_chronicle_window_data_load_sample (ChronicleWindow *self)
{
  chronicle_window_add_toast (self, _("The sample news is not available in this build yet"));
}

void
_chronicle_window_data_add_source (ChronicleWindow *self,
                                   GtkWindow       *dialog,
                                   const char      *url,
                                   GFile           *file)
{
  chronicle_add_source_dialog_show_error (CHRONICLE_ADD_SOURCE_DIALOG (dialog),
                                          _("Adding sources needs the sync service, which this build does not have yet."));
}

void
_chronicle_window_data_sync (ChronicleWindow *self)
{
  chronicle_window_add_toast (self, _("Syncing is not available in this build yet"));
}
