/* chronicle-events-view.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * The Events side of the timeline: one row per story (its date, label, article
 * count, sources and main people and countries), newest first, for the current
 * query. Opening an event slides to its articles; Back (Alt+Left or Escape)
 * returns to the list with the event still selected. Activating an article
 * emits ::article-activated, as the timeline's own list does.
 *
 * The list is the store's #ChronicleEventList and only exists while the view is
 * active, so the Articles view pays nothing for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chronicle-article-row.h"
#include "chronicle-event-list.h"
#include "chronicle-event-row.h"
#include "chronicle-events-view.h"
#include "chronicle-format.h"
#include "chronicle-store-events.h"

/* An event's articles are read at once, up to this many. */
#define MAX_EVENT_ARTICLES 500

struct _ChronicleEventsView
{
  GtkWidget              parent_instance;

  ChronicleStore        *store;
  ChronicleQuery        *query;
  gboolean               active;
  ChronicleEventList    *events;
  GtkSingleSelection    *events_selection;
  GListStore            *articles;
  GtkSingleSelection    *articles_selection;
  ChronicleEventSummary *open_event;
  gulong                 open_loaded_id;
  GCancellable          *cancellable;

  GtkStack              *stack;
  GtkListView           *events_list;
  GtkListView           *articles_list;
  GtkLabel              *event_title;
  GtkLabel              *event_meta;
  AdwStatusPage         *empty_page;
};

G_DEFINE_FINAL_TYPE (ChronicleEventsView, chronicle_events_view, GTK_TYPE_WIDGET)

enum {
  ARTICLE_ACTIVATED,
  EVENT_OPENED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_stack (ChronicleEventsView *self)
{
  guint n = self->events != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->events)) : 0;
  gboolean loading = self->events != NULL && chronicle_event_list_get_loading (self->events);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "events.back", self->open_event != NULL);

  if (self->open_event != NULL)
    gtk_stack_set_visible_child_name (self->stack, "event");
  else if (n > 0 || loading)
    gtk_stack_set_visible_child_name (self->stack, "events");
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
update_empty_page (ChronicleEventsView *self)
{
  if (self->query != NULL && !chronicle_query_is_all (self->query))
    adw_status_page_set_description (self->empty_page,
                                     _("No event has an article matching these filters."));
  else
    adw_status_page_set_description (self->empty_page,
                                     _("Articles reporting the same story are grouped into "
                                       "events when they are imported."));
}

static void
update_header (ChronicleEventsView *self)
{
  ChronicleEventSummary *event = self->open_event;
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *day = NULL;
  g_autofree char *count = NULL;
  g_autofree char *sources = NULL;
  g_autofree char *meta = NULL;
  const char *label;

  if (event == NULL || !chronicle_event_summary_get_loaded (event))
    {
      gtk_label_set_text (self->event_title, "");
      gtk_label_set_text (self->event_meta, "");
      return;
    }

  label = chronicle_event_summary_get_label (event);
  gtk_label_set_text (self->event_title, label != NULL && *label ? label : _("Untitled Event"));

  date = g_date_time_new_from_unix_utc (chronicle_event_summary_get_start (event));
  day = chronicle_format_date (date);
  count = chronicle_format_count (chronicle_event_summary_get_n_articles (event));
  sources = chronicle_event_row_format_sources (chronicle_event_summary_get_sources (event), 4);
  /* Translators: under an event's label: its date, article count and sources */
  meta = g_strdup_printf (_("%s · %s · %s"), day, count, sources);
  gtk_label_set_text (self->event_meta, meta);
}

static void
events_changed_cb (ChronicleEventsView *self)
{
  update_stack (self);
}

static void
ensure_events (ChronicleEventsView *self)
{
  if (self->events != NULL || !self->active || self->store == NULL)
    return;

  self->events = chronicle_event_list_new (self->store, self->query);
  g_signal_connect_object (self->events, "items-changed", G_CALLBACK (events_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->events, "notify::loading", G_CALLBACK (events_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_single_selection_set_model (self->events_selection, G_LIST_MODEL (self->events));
  update_stack (self);
}

static void
drop_events (ChronicleEventsView *self)
{
  if (self->events == NULL)
    return;
  gtk_single_selection_set_model (self->events_selection, NULL);
  g_signal_handlers_disconnect_by_data (self->events, self);
  g_clear_object (&self->events);
}

static void
articles_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ChronicleEventsView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;

  articles = chronicle_store_get_articles_finish (CHRONICLE_STORE (object), result, &error);
  if (articles == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the event's articles: %s", error->message);
      return;
    }

  g_list_store_splice (self->articles, 0, g_list_model_get_n_items (G_LIST_MODEL (self->articles)),
                       articles->pdata, articles->len);
}

static void
article_ids_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ChronicleEventsView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  ids = chronicle_store_event_articles_finish (CHRONICLE_STORE (object), result, &error);
  if (ids == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the event's articles: %s", error->message);
      return;
    }

  chronicle_store_get_articles_async (self->store, (const gint64 *) (gpointer) ids->data,
                                      MIN (ids->len, MAX_EVENT_ARTICLES), self->cancellable,
                                      articles_cb, g_object_ref (self));
}

static void
set_open_event (ChronicleEventsView   *self,
                ChronicleEventSummary *event)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->open_event != NULL)
    g_clear_signal_handler (&self->open_loaded_id, self->open_event);
  g_set_object (&self->open_event, event);
  g_list_store_remove_all (self->articles);

  if (event != NULL)
    {
      self->open_loaded_id = g_signal_connect_swapped (event, "notify::loaded",
                                                       G_CALLBACK (update_header), self);
      self->cancellable = g_cancellable_new ();
      chronicle_store_event_articles_async (self->store, chronicle_event_summary_get_id (event),
                                            self->cancellable, article_ids_cb,
                                            g_object_ref (self));
    }
  update_header (self);
  update_stack (self);
  if (event != NULL)
    g_signal_emit (self, signals[EVENT_OPENED], 0, event);
}

/* Rows */

static void
event_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  gtk_list_item_set_child (item, chronicle_event_row_new ());
}

static void
event_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  chronicle_event_row_set_event (CHRONICLE_EVENT_ROW (gtk_list_item_get_child (item)),
                                 gtk_list_item_get_item (item));
}

static void
event_unbind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  chronicle_event_row_set_event (CHRONICLE_EVENT_ROW (gtk_list_item_get_child (item)), NULL);
}

static gboolean
same_day (gint64 a,
          gint64 b)
{
  g_autoptr(GDateTime) da = g_date_time_new_from_unix_local (a);
  g_autoptr(GDateTime) db = g_date_time_new_from_unix_local (b);

  return g_date_time_get_year (da) == g_date_time_get_year (db)
         && g_date_time_get_day_of_year (da) == g_date_time_get_day_of_year (db);
}

static void
article_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  gtk_list_item_set_child (item, chronicle_article_row_new ());
}

static void
article_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 ChronicleEventsView      *self)
{
  ChronicleArticleRow *row = CHRONICLE_ARTICLE_ROW (gtk_list_item_get_child (item));
  ChronicleArticle *article = gtk_list_item_get_item (item);
  guint position = gtk_list_item_get_position (item);
  gint64 published = chronicle_article_get_published (article);
  g_autoptr(ChronicleArticle) previous = NULL;

  chronicle_article_row_set_article (row, article);

  /* The articles are read before they are listed, so their dates are known. */
  if (position > 0 && position != GTK_INVALID_LIST_POSITION)
    previous = g_list_model_get_item (G_LIST_MODEL (self->articles), position - 1);
  if (published > 0
      && (previous == NULL || !same_day (chronicle_article_get_published (previous), published)))
    {
      g_autoptr(GDateTime) day = g_date_time_new_from_unix_local (published);
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *heading = chronicle_format_day_heading (day, now);

      chronicle_article_row_set_heading (row, heading);
    }
  else
    chronicle_article_row_set_heading (row, NULL);
}

static void
article_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  chronicle_article_row_set_article (CHRONICLE_ARTICLE_ROW (gtk_list_item_get_child (item)), NULL);
}

/* Callbacks and actions */

static void
event_activated_cb (GtkListView         *list_view,
                    guint                position,
                    ChronicleEventsView *self)
{
  chronicle_events_view_open_event (self, position);
}

static void
article_activated_cb (GtkListView         *list_view,
                      guint                position,
                      ChronicleEventsView *self)
{
  g_autoptr(ChronicleArticle) article = g_list_model_get_item (G_LIST_MODEL (self->articles),
                                                               position);

  if (article == NULL)
    return;
  gtk_single_selection_set_selected (self->articles_selection, position);
  g_signal_emit (self, signals[ARTICLE_ACTIVATED], 0, article);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  chronicle_events_view_show_events (CHRONICLE_EVENTS_VIEW (widget));
}

static void
chronicle_events_view_dispose (GObject *object)
{
  ChronicleEventsView *self = CHRONICLE_EVENTS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->open_event != NULL)
    g_clear_signal_handler (&self->open_loaded_id, self->open_event);
  g_clear_object (&self->open_event);
  drop_events (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONICLE_TYPE_EVENTS_VIEW);

  G_OBJECT_CLASS (chronicle_events_view_parent_class)->dispose (object);
}

static void
chronicle_events_view_finalize (GObject *object)
{
  ChronicleEventsView *self = CHRONICLE_EVENTS_VIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->query);
  g_clear_object (&self->events_selection);
  g_clear_object (&self->articles_selection);
  g_clear_object (&self->articles);

  G_OBJECT_CLASS (chronicle_events_view_parent_class)->finalize (object);
}

static void
chronicle_events_view_class_init (ChronicleEventsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chronicle_events_view_dispose;
  object_class->finalize = chronicle_events_view_finalize;

  /**
   * ChronicleEventsView::article-activated:
   * @self: the view
   * @article: the article to open
   */
  signals[ARTICLE_ACTIVATED] =
    g_signal_new ("article-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, CHRONICLE_TYPE_ARTICLE);

  /**
   * ChronicleEventsView::event-opened:
   * @self: the view
   * @event: the event whose articles are now shown (it may still be loading)
   */
  signals[EVENT_OPENED] =
    g_signal_new ("event-opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, CHRONICLE_TYPE_EVENT_SUMMARY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/chronicle_news/Chronicle/chronicle-events-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventsView, stack);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventsView, events_list);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventsView, articles_list);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventsView, event_title);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventsView, event_meta);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventsView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, event_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, article_activated_cb);

  gtk_widget_class_install_action (widget_class, "events.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "events.back",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "events.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "events.back", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "eventsview");
}

static void
chronicle_events_view_init (ChronicleEventsView *self)
{
  g_autoptr(GtkListItemFactory) events_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) articles_factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (events_factory, "setup", G_CALLBACK (event_setup_cb), self);
  g_signal_connect (events_factory, "bind", G_CALLBACK (event_bind_cb), self);
  g_signal_connect (events_factory, "unbind", G_CALLBACK (event_unbind_cb), self);
  gtk_list_view_set_factory (self->events_list, events_factory);
  self->events_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->events_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->events_selection, TRUE);
  gtk_list_view_set_model (self->events_list, GTK_SELECTION_MODEL (self->events_selection));

  g_signal_connect (articles_factory, "setup", G_CALLBACK (article_setup_cb), self);
  g_signal_connect (articles_factory, "bind", G_CALLBACK (article_bind_cb), self);
  g_signal_connect (articles_factory, "unbind", G_CALLBACK (article_unbind_cb), self);
  gtk_list_view_set_factory (self->articles_list, articles_factory);
  self->articles = g_list_store_new (CHRONICLE_TYPE_ARTICLE);
  self->articles_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->articles)));
  gtk_single_selection_set_autoselect (self->articles_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->articles_selection, TRUE);
  gtk_list_view_set_model (self->articles_list, GTK_SELECTION_MODEL (self->articles_selection));

  update_empty_page (self);
  update_stack (self);
}

GtkWidget *
chronicle_events_view_new (void)
{
  return g_object_new (CHRONICLE_TYPE_EVENTS_VIEW, NULL);
}

/**
 * chronicle_events_view_set_store:
 * @self: a #ChronicleEventsView
 * @store: (nullable): the store to read events from
 */
void
chronicle_events_view_set_store (ChronicleEventsView *self,
                                 ChronicleStore      *store)
{
  g_return_if_fail (CHRONICLE_IS_EVENTS_VIEW (self));
  g_return_if_fail (store == NULL || CHRONICLE_IS_STORE (store));

  if (self->store == store)
    return;

  set_open_event (self, NULL);
  drop_events (self);
  g_set_object (&self->store, store);
  ensure_events (self);
  update_stack (self);
}

/**
 * chronicle_events_view_set_query:
 * @self: a #ChronicleEventsView
 * @query: the filter: events with an article matching it are listed
 */
void
chronicle_events_view_set_query (ChronicleEventsView *self,
                                 ChronicleQuery      *query)
{
  g_return_if_fail (CHRONICLE_IS_EVENTS_VIEW (self));
  g_return_if_fail (CHRONICLE_IS_QUERY (query));

  g_set_object (&self->query, query);
  if (self->events != NULL)
    chronicle_event_list_set_query (self->events, query);
  update_empty_page (self);
}

/**
 * chronicle_events_view_set_active:
 * @self: a #ChronicleEventsView
 * @active: whether the view is shown
 *
 * The list of events is read while the view is active and dropped when it is not.
 */
void
chronicle_events_view_set_active (ChronicleEventsView *self,
                                  gboolean             active)
{
  g_return_if_fail (CHRONICLE_IS_EVENTS_VIEW (self));

  active = !!active;
  if (self->active == active)
    return;
  self->active = active;
  if (active)
    ensure_events (self);
  else
    {
      set_open_event (self, NULL);
      drop_events (self);
    }
  update_stack (self);
}

/**
 * chronicle_events_view_get_events:
 * @self: a #ChronicleEventsView
 *
 * Returns: (transfer none) (nullable): the #ChronicleEventList shown, %NULL while the
 *   view is inactive or has no store
 */
GListModel *
chronicle_events_view_get_events (ChronicleEventsView *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENTS_VIEW (self), NULL);
  return self->events != NULL ? G_LIST_MODEL (self->events) : NULL;
}

/**
 * chronicle_events_view_get_articles:
 * @self: a #ChronicleEventsView
 *
 * Returns: (transfer none): the articles of the open event, newest first (empty until
 *   they are read, or with no event open)
 */
GListModel *
chronicle_events_view_get_articles (ChronicleEventsView *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENTS_VIEW (self), NULL);
  return G_LIST_MODEL (self->articles);
}

/**
 * chronicle_events_view_get_open_event:
 * @self: a #ChronicleEventsView
 *
 * Returns: (transfer none) (nullable): the event whose articles are shown
 */
ChronicleEventSummary *
chronicle_events_view_get_open_event (ChronicleEventsView *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENTS_VIEW (self), NULL);
  return self->open_event;
}

/**
 * chronicle_events_view_open_event:
 * @self: a #ChronicleEventsView
 * @position: a position in the list of events
 *
 * Shows the articles of the event at @position.
 */
void
chronicle_events_view_open_event (ChronicleEventsView *self,
                                  guint                position)
{
  g_autoptr(ChronicleEventSummary) event = NULL;

  g_return_if_fail (CHRONICLE_IS_EVENTS_VIEW (self));

  if (self->events == NULL
      || (event = g_list_model_get_item (G_LIST_MODEL (self->events), position)) == NULL)
    return;

  gtk_single_selection_set_selected (self->events_selection, position);
  set_open_event (self, event);
  gtk_widget_grab_focus (GTK_WIDGET (self->articles_list));
}

/**
 * chronicle_events_view_show_events:
 * @self: a #ChronicleEventsView
 *
 * Closes the open event and goes back to the list, on the event that was open.
 */
void
chronicle_events_view_show_events (ChronicleEventsView *self)
{
  g_return_if_fail (CHRONICLE_IS_EVENTS_VIEW (self));

  if (self->open_event == NULL)
    return;
  set_open_event (self, NULL);
  chronicle_events_view_focus (self);
}

/**
 * chronicle_events_view_focus:
 * @self: a #ChronicleEventsView
 *
 * Moves the keyboard focus to the list shown (on its selected row).
 */
void
chronicle_events_view_focus (ChronicleEventsView *self)
{
  guint selected;

  g_return_if_fail (CHRONICLE_IS_EVENTS_VIEW (self));

  if (self->open_event != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->articles_list));
      return;
    }

  selected = gtk_single_selection_get_selected (self->events_selection);
  if (selected != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->events_list), "list.scroll-to-item", "u",
                                selected);
  gtk_widget_grab_focus (GTK_WIDGET (self->events_list));
}

/* The list the keyboard works on: the open event's articles, or the events. */
static GtkSingleSelection *
shown_selection (ChronicleEventsView *self,
                 GtkListView        **list)
{
  if (self->open_event != NULL)
    {
      *list = self->articles_list;
      return self->articles_selection;
    }
  *list = self->events_list;
  return self->events != NULL ? self->events_selection : NULL;
}

static void
select_position (GtkListView        *list,
                 GtkSingleSelection *selection,
                 guint               position)
{
  gtk_widget_activate_action (GTK_WIDGET (list), "list.scroll-to-item", "u", position);
  gtk_single_selection_set_selected (selection, position);
}

/**
 * chronicle_events_view_move_selection:
 * @self: a #ChronicleEventsView
 * @delta: rows to move: 1 is the next (older) row, -1 the previous
 *
 * What j and k do: moves the selection in the list shown (the events, or the
 * open event's articles).
 *
 * Returns: %TRUE if the selection moved
 */
gboolean
chronicle_events_view_move_selection (ChronicleEventsView *self,
                                      int                  delta)
{
  GtkListView *list;
  GtkSingleSelection *selection;
  guint n, selected;
  gint64 target;

  g_return_val_if_fail (CHRONICLE_IS_EVENTS_VIEW (self), FALSE);

  selection = shown_selection (self, &list);
  n = selection != NULL ? g_list_model_get_n_items (G_LIST_MODEL (selection)) : 0;
  if (n == 0)
    return FALSE;

  selected = gtk_single_selection_get_selected (selection);
  if (selected == GTK_INVALID_LIST_POSITION)
    target = delta > 0 ? 0 : (gint64) n - 1;
  else
    target = CLAMP ((gint64) selected + delta, 0, (gint64) n - 1);
  if (target == selected)
    return FALSE;

  select_position (list, selection, (guint) target);
  return TRUE;
}

/**
 * chronicle_events_view_activate_selected:
 * @self: a #ChronicleEventsView
 *
 * What Enter does: opens the selected event, or the open event's selected article.
 *
 * Returns: %TRUE if a row was selected
 */
gboolean
chronicle_events_view_activate_selected (ChronicleEventsView *self)
{
  GtkListView *list;
  GtkSingleSelection *selection;
  guint selected;

  g_return_val_if_fail (CHRONICLE_IS_EVENTS_VIEW (self), FALSE);

  selection = shown_selection (self, &list);
  selected = selection != NULL ? gtk_single_selection_get_selected (selection)
                               : GTK_INVALID_LIST_POSITION;
  if (selected == GTK_INVALID_LIST_POSITION)
    return FALSE;

  if (list == self->articles_list)
    article_activated_cb (list, selected, self);
  else
    chronicle_events_view_open_event (self, selected);
  return TRUE;
}

/**
 * chronicle_events_view_position_for_date:
 * @self: a #ChronicleEventsView
 * @unix_time: a time
 *
 * The events are newest first; this is the first one that started at or before
 * @unix_time (binary search; events still loading end it early).
 *
 * Returns: a position, or the number of events when every event is newer
 */
guint
chronicle_events_view_position_for_date (ChronicleEventsView *self,
                                         gint64               unix_time)
{
  guint lo = 0, hi;

  g_return_val_if_fail (CHRONICLE_IS_EVENTS_VIEW (self), 0);

  hi = self->events != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->events)) : 0;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(ChronicleEventSummary) event = g_list_model_get_item (G_LIST_MODEL (self->events),
                                                                     mid);

      if (event == NULL || !chronicle_event_summary_get_loaded (event))
        return mid;
      if (chronicle_event_summary_get_start (event) > unix_time)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/**
 * chronicle_events_view_scroll_to_date:
 * @self: a #ChronicleEventsView
 * @unix_time: a time
 *
 * What the ruler, Today and the date picker do in Events: back to the list of
 * events, on the newest event that started at or before @unix_time.
 */
void
chronicle_events_view_scroll_to_date (ChronicleEventsView *self,
                                      gint64               unix_time)
{
  guint n;

  g_return_if_fail (CHRONICLE_IS_EVENTS_VIEW (self));

  n = self->events != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->events)) : 0;
  if (n == 0)
    return;

  if (self->open_event != NULL)
    set_open_event (self, NULL);
  select_position (self->events_list, self->events_selection,
                   MIN (chronicle_events_view_position_for_date (self, unix_time), n - 1));
}
