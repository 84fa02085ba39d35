/* chronicle-timeline-view.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * The middle pane: the active filters as chips, the time ruler with its zoom
 * buttons, Today and a date picker, and the list of articles (newest first,
 * with day headings). The list model is the store's for the current query;
 * this view never blocks on it (rows fill in as pages load).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chronicle-article-list.h"
#include "chronicle-article-row.h"
#include "chronicle-chip-bar.h"
#include "chronicle-events-view.h"
#include "chronicle-format.h"
#include "chronicle-timeline-view.h"
#include "chronicle-ui.h"

struct _ChronicleTimelineView
{
  GtkWidget            parent_instance;

  GListModel          *model;
  GtkSingleSelection  *selection;
  ChronicleQuery      *query;
  char                *search;
  gulong               items_changed_id;

  ChronicleChipBar    *chip_bar;
  ChronicleTimeRuler  *ruler;
  GtkToggleButton     *zoom_day;
  GtkToggleButton     *zoom_week;
  GtkToggleButton     *zoom_month;
  GtkToggleButton     *zoom_year;
  GtkCalendar         *calendar;
  GtkMenuButton       *date_button;
  GtkStack            *list_stack;
  GtkScrolledWindow   *scrolled_window;
  GtkListView         *list_view;
  AdwStatusPage       *no_results_page;
  GtkToggleButton     *articles_toggle;
  GtkToggleButton     *events_toggle;
  GtkToggleButton     *events_compact_toggle;
  ChronicleEventsView *events_view;

  /* Rows of items the list view let go, for the next items it shows. */
  GPtrArray           *spare_rows;
  guint                prewarm_id;
};

/* GtkListView (GTK 4.8) makes new row widgets for new items instead of reusing the
 * ones of removed items: about 200 of them (the rows it keeps around the view) at
 * each filter change, which is most of the main thread's work for one. A row is
 * built from a template, so spare ones are kept and handed out again. */
#define MAX_SPARE_ROWS 256
/* Made while idle once there are articles, for the first filter change. */
#define PREWARM_ROWS     120
#define PREWARM_PER_IDLE 6
#define PREWARM_DELAY_MS 2000

G_DEFINE_FINAL_TYPE (ChronicleTimelineView, chronicle_timeline_view, GTK_TYPE_WIDGET)

enum {
  ARTICLE_SELECTED,
  ARTICLE_ACTIVATED,
  QUERY_CHANGED,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_SHOW_EVENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


static guint signals[N_SIGNALS];

/* The date the list is ordered by: publication, or the event's date. */
static gint64
date_of (ChronicleTimelineView *self,
         ChronicleArticle      *article)
{
  if (self->query != NULL && chronicle_query_get_sort (self->query) == CHRONICLE_QUERY_SORT_EVENT_DATE
      && chronicle_article_get_event_date (article) > 0)
    return chronicle_article_get_event_date (article);
  return chronicle_article_get_published (article);
}

static ChronicleArticle *
article_at (ChronicleTimelineView *self,
            guint                  position)
{
  if (self->model == NULL || position >= g_list_model_get_n_items (self->model))
    return NULL;
  return g_list_model_get_item (self->model, position);
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
update_heading (ChronicleTimelineView *self,
                GtkListItem           *item)
{
  ChronicleArticleRow *row = CHRONICLE_ARTICLE_ROW (gtk_list_item_get_child (item));
  ChronicleArticle *article = chronicle_article_row_get_article (row);
  guint position = gtk_list_item_get_position (item);
  g_autoptr(ChronicleArticle) previous = NULL;
  gint64 published;

  if (article == NULL || (published = date_of (self, article)) <= 0)
    {
      chronicle_article_row_set_heading (row, NULL);
      return;
    }

  if (position > 0 && position != GTK_INVALID_LIST_POSITION)
    previous = article_at (self, position - 1);

  if (previous == NULL || date_of (self, previous) <= 0
      || !same_day (date_of (self, previous), published))
    {
      g_autoptr(GDateTime) day = g_date_time_new_from_unix_local (published);
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *heading = NULL;

      /* An unloaded predecessor: no heading until it is known. */
      if (previous != NULL && !chronicle_article_get_loaded (previous))
        {
          chronicle_article_row_set_heading (row, NULL);
          return;
        }
      heading = chronicle_format_day_heading (day, now);
      chronicle_article_row_set_heading (row, heading);
    }
  else
    chronicle_article_row_set_heading (row, NULL);
}

static void
article_published_cb (ChronicleArticle *article,
                      GParamSpec       *pspec,
                      GtkListItem      *item)
{
  ChronicleTimelineView *self = g_object_get_data (G_OBJECT (item), "timeline-view");

  if (self != NULL)
    update_heading (self, item);
}

static void
row_released_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkListItem     *item)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  guint position = gtk_list_item_get_position (item);

  /* One click opens, as in mail and news readers (double-click also works). */
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (row, "list.activate-item", "u", position);
}

static GtkWidget *
new_row (void)
{
  GtkWidget *row = g_object_ref_sink (chronicle_article_row_new ());
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
  g_object_set_data (G_OBJECT (row), "click-gesture", click);
  return row;
}

static gboolean
prewarm_cb (gpointer user_data)
{
  ChronicleTimelineView *self = user_data;

  for (guint i = 0; i < PREWARM_PER_IDLE; i++)
    {
      if (self->spare_rows->len >= PREWARM_ROWS)
        {
          self->prewarm_id = 0;
          return G_SOURCE_REMOVE;
        }
      g_ptr_array_add (self->spare_rows, new_row ());
    }

  /* The next few as soon as the main loop is idle again. */
  if (g_source_get_ready_time (g_main_current_source ()) != -1)
    {
      self->prewarm_id = g_idle_add_full (G_PRIORITY_LOW, prewarm_cb, self, NULL);
      g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->prewarm_id),
                                "[chronicle] spare timeline rows");
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          ChronicleTimelineView    *self)
{
  GtkWidget *row = NULL;
  GtkGesture *click;

  if (self->spare_rows != NULL && self->spare_rows->len > 0)
    row = g_ptr_array_steal_index_fast (self->spare_rows, self->spare_rows->len - 1);

  if (row == NULL)
    row = new_row ();
  click = g_object_get_data (G_OBJECT (row), "click-gesture");

  g_signal_connect (click, "released", G_CALLBACK (row_released_cb), item);
  gtk_list_item_set_child (item, row);
  g_object_set_data_full (G_OBJECT (item), "row", row, g_object_unref);
  g_object_set_data (G_OBJECT (item), "timeline-view", self);
}

/* GTK has taken the row out of the item by now: the item keeps it for this. */
static void
teardown_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             ChronicleTimelineView    *self)
{
  GtkWidget *row = g_object_steal_data (G_OBJECT (item), "row");

  if (row == NULL)
    return;
  if (self->spare_rows != NULL && self->spare_rows->len < MAX_SPARE_ROWS
      && gtk_widget_get_parent (row) == NULL)
    {
      g_signal_handlers_disconnect_matched (g_object_get_data (G_OBJECT (row), "click-gesture"),
                                            G_SIGNAL_MATCH_FUNC, 0, 0, NULL, row_released_cb, NULL);
      g_ptr_array_add (self->spare_rows, row);
    }
  else
    g_object_unref (row);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         ChronicleTimelineView    *self)
{
  ChronicleArticleRow *row = CHRONICLE_ARTICLE_ROW (gtk_list_item_get_child (item));
  ChronicleArticle *article = gtk_list_item_get_item (item);
  gulong id;

  chronicle_article_row_set_search (row, self->search);
  chronicle_article_row_set_article (row, article);
  update_heading (self, item);

  id = g_signal_connect (article, "notify::published", G_CALLBACK (article_published_cb), item);
  g_object_set_data (G_OBJECT (item), "published-handler", GSIZE_TO_POINTER (id));
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           ChronicleTimelineView    *self)
{
  ChronicleArticleRow *row = CHRONICLE_ARTICLE_ROW (gtk_list_item_get_child (item));
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "published-handler"));
  ChronicleArticle *article = chronicle_article_row_get_article (row);

  if (article != NULL && id != 0)
    g_signal_handler_disconnect (article, id);
  g_object_set_data (G_OBJECT (item), "published-handler", NULL);
  chronicle_article_row_set_article (row, NULL);
}

static void
selection_changed_cb (ChronicleTimelineView *self)
{
  ChronicleArticle *selected = gtk_single_selection_get_selected_item (self->selection);

  /* The ruler marks where the reader is. */
  if (selected != NULL && date_of (self, selected) > 0)
    chronicle_time_ruler_set_position (self->ruler, date_of (self, selected));

  g_signal_emit (self, signals[ARTICLE_SELECTED], 0,
                 gtk_single_selection_get_selected_item (self->selection));
}

static void
activate_cb (GtkListView           *list_view,
             guint                  position,
             ChronicleTimelineView *self)
{
  g_autoptr(ChronicleArticle) article = article_at (self, position);

  if (article == NULL)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  g_signal_emit (self, signals[ARTICLE_ACTIVATED], 0, article);
}

static void
update_stack (ChronicleTimelineView *self)
{
  guint n = self->model ? g_list_model_get_n_items (self->model) : 0;

  if (gtk_toggle_button_get_active (self->events_toggle))
    gtk_stack_set_visible_child_name (self->list_stack, "events");
  else
    gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "no-results");
}

/* Articles | Events */

static void
mode_toggled_cb (GtkToggleButton       *button,
                 ChronicleTimelineView *self)
{
  gboolean events = gtk_toggle_button_get_active (self->events_toggle);

  if (!gtk_toggle_button_get_active (button))
    return;

  gtk_toggle_button_set_active (self->events_compact_toggle, events);
  chronicle_events_view_set_active (self->events_view, events);
  update_stack (self);
  if (events)
    chronicle_events_view_focus (self->events_view);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_EVENTS]);
}

/* The one-button switch the ruler bar shows when it is too narrow for both. */
static void
compact_toggled_cb (GtkToggleButton       *button,
                    ChronicleTimelineView *self)
{
  if (gtk_toggle_button_get_active (button))
    gtk_toggle_button_set_active (self->events_toggle, TRUE);
  else
    gtk_toggle_button_set_active (self->articles_toggle, TRUE);
}

static void
mark_event_date_cb (ChronicleEventSummary *event,
                    GParamSpec            *pspec,
                    ChronicleTimelineView *self)
{
  if (chronicle_event_summary_get_loaded (event) && chronicle_event_summary_get_start (event) > 0)
    chronicle_time_ruler_set_position (self->ruler, chronicle_event_summary_get_start (event));
}

/* The ruler marks the open event's date, as it marks the selected article's. */
static void
event_opened_cb (ChronicleEventsView   *view,
                 ChronicleEventSummary *event,
                 ChronicleTimelineView *self)
{
  if (chronicle_event_summary_get_loaded (event))
    mark_event_date_cb (event, NULL, self);
  else
    g_signal_connect_object (event, "notify::loaded", G_CALLBACK (mark_event_date_cb), self, 0);
}

static void
event_article_activated_cb (ChronicleEventsView   *view,
                            ChronicleArticle      *article,
                            ChronicleTimelineView *self)
{
  g_signal_emit (self, signals[ARTICLE_ACTIVATED], 0, article);
}

static void
items_changed_cb (GListModel            *model,
                  guint                  position,
                  guint                  removed,
                  guint                  added,
                  ChronicleTimelineView *self)
{
  update_stack (self);
  if (added > 0 && self->prewarm_id == 0 && self->spare_rows != NULL
      && self->spare_rows->len < PREWARM_ROWS)
    {
      /* Not while the window is still loading: its reads need the CPU. */
      self->prewarm_id = g_timeout_add_full (G_PRIORITY_LOW, PREWARM_DELAY_MS, prewarm_cb, self,
                                             NULL);
      g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->prewarm_id),
                                "[chronicle] spare timeline rows");
    }
}

static void
chip_bar_query_changed_cb (ChronicleChipBar      *chip_bar,
                           ChronicleQuery        *query,
                           ChronicleTimelineView *self)
{
  g_signal_emit (self, signals[QUERY_CHANGED], 0, query);
}

static void
ruler_date_activated_cb (ChronicleTimeRuler    *ruler,
                         gint64                 start,
                         gint64                 end,
                         ChronicleTimelineView *self)
{
  /* Newest first: the bar's articles begin at the last second of the bar. */
  chronicle_timeline_view_scroll_to_date (self, end - 1);
}

static void
ruler_range_selected_cb (ChronicleTimeRuler    *ruler,
                         gint64                 start,
                         gint64                 end,
                         ChronicleTimelineView *self)
{
  g_autoptr(ChronicleQuery) base = self->query ? g_object_ref (self->query) : chronicle_query_new ();
  g_autoptr(ChronicleQuery) query = chronicle_query_with_date_range (base, start, end);

  g_signal_emit (self, signals[QUERY_CHANGED], 0, query);
}

static void
sync_zoom_buttons (ChronicleTimelineView *self)
{
  GtkToggleButton *buttons[] = { self->zoom_day, self->zoom_week, self->zoom_month,
                                 self->zoom_year };

  gtk_toggle_button_set_active (buttons[chronicle_time_ruler_get_zoom (self->ruler)], TRUE);
}

static void
zoom_toggled_cb (GtkToggleButton       *button,
                 ChronicleTimelineView *self)
{
  GtkToggleButton *buttons[] = { self->zoom_day, self->zoom_week, self->zoom_month,
                                 self->zoom_year };

  if (!gtk_toggle_button_get_active (button))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    if (buttons[i] == button)
      chronicle_time_ruler_set_zoom (self->ruler, i);
}

static void
scrolled_cb (GtkAdjustment         *adjustment,
             ChronicleTimelineView *self)
{
  guint n = self->model ? g_list_model_get_n_items (self->model) : 0;
  double upper = gtk_adjustment_get_upper (adjustment);
  g_autoptr(ChronicleArticle) article = NULL;
  guint position;

  if (n == 0 || upper <= 0)
    return;

  /* GTK 4.8 does not say which rows are visible; the adjustment is close. */
  position = (guint) (gtk_adjustment_get_value (adjustment) / upper * n);
  article = article_at (self, MIN (position, n - 1));
  if (article != NULL && date_of (self, article) > 0)
    chronicle_time_ruler_set_position (self->ruler, date_of (self, article));
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ChronicleTimelineView *self = CHRONICLE_TIMELINE_VIEW (widget);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  chronicle_time_ruler_scroll_to (self->ruler, now);
  chronicle_timeline_view_scroll_to_date (self, now);
}

static void
day_selected_cb (GtkCalendar           *calendar,
                 ChronicleTimelineView *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autoptr(GDateTime) end = NULL;

  /* The end of the chosen day: the newest article on it comes first. */
  end = g_date_time_new_local (g_date_time_get_year (date), g_date_time_get_month (date),
                               g_date_time_get_day_of_month (date), 23, 59, 59);
  gtk_menu_button_popdown (self->date_button);
  chronicle_time_ruler_scroll_to (self->ruler, g_date_time_to_unix (end));
  chronicle_timeline_view_scroll_to_date (self, g_date_time_to_unix (end));
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  chronicle_time_ruler_zoom_in (CHRONICLE_TIMELINE_VIEW (widget)->ruler);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  chronicle_time_ruler_zoom_out (CHRONICLE_TIMELINE_VIEW (widget)->ruler);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ChronicleTimelineView *self = CHRONICLE_TIMELINE_VIEW (widget);
  g_autoptr(ChronicleQuery) query = chronicle_query_new ();

  g_signal_emit (self, signals[QUERY_CHANGED], 0, query);
}

static void
chronicle_timeline_view_dispose (GObject *object)
{
  ChronicleTimelineView *self = CHRONICLE_TIMELINE_VIEW (object);

  if (self->model != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->model);
  g_clear_handle_id (&self->prewarm_id, g_source_remove);
  /* No more spare rows: the list view's go with it. */
  g_clear_pointer (&self->spare_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONICLE_TYPE_TIMELINE_VIEW);
  /* Unnamed template children are not cleared by dispose_template in GTK 4.8. */
  while (gtk_widget_get_first_child (GTK_WIDGET (self)) != NULL)
    gtk_widget_unparent (gtk_widget_get_first_child (GTK_WIDGET (self)));
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->query);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (chronicle_timeline_view_parent_class)->dispose (object);
}

static void
chronicle_timeline_view_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  ChronicleTimelineView *self = CHRONICLE_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_EVENTS:
      g_value_set_boolean (value, chronicle_timeline_view_get_show_events (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_timeline_view_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  ChronicleTimelineView *self = CHRONICLE_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_EVENTS:
      chronicle_timeline_view_set_show_events (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_timeline_view_class_init (ChronicleTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chronicle_timeline_view_dispose;
  object_class->get_property = chronicle_timeline_view_get_property;
  object_class->set_property = chronicle_timeline_view_set_property;

  /**
   * ChronicleTimelineView:show-events:
   *
   * Whether the Events side shows instead of the articles (the window keeps
   * it in GSettings, `show-events`).
   */
  properties[PROP_SHOW_EVENTS] =
    g_param_spec_boolean ("show-events", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ChronicleTimelineView::article-selected:
   * @self: the view
   * @article: (nullable): the selected article
   *
   * The selection moved (a click, j/k, the arrow keys).
   */
  signals[ARTICLE_SELECTED] =
    g_signal_new ("article-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, CHRONICLE_TYPE_ARTICLE);

  /**
   * ChronicleTimelineView::article-activated:
   * @self: the view
   * @article: the article
   *
   * The user opened an article (a click or Enter).
   */
  signals[ARTICLE_ACTIVATED] =
    g_signal_new ("article-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, CHRONICLE_TYPE_ARTICLE);

  /**
   * ChronicleTimelineView::query-changed:
   * @self: the view
   * @query: the query the user asked for
   *
   * A filter chip was removed, or a date range was dragged on the ruler.
   */
  signals[QUERY_CHANGED] =
    g_signal_new ("query-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, CHRONICLE_TYPE_QUERY);

  g_type_ensure (CHRONICLE_TYPE_CHIP_BAR);
  g_type_ensure (CHRONICLE_TYPE_EVENTS_VIEW);
  g_type_ensure (CHRONICLE_TYPE_TIME_RULER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/chronicle-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronicleTimelineView, chip_bar);
  gtk_widget_class_bind_template_child (widget_class, ChronicleTimelineView, ruler);
  gtk_widget_class_bind_template_child (widget_class, ChronicleTimelineView, zoom_day);
  gtk_widget_class_bind_template_child (widget_class, ChronicleTimelineView, zoom_week);
  gtk_widget_class_bind_template_child (widget_class, ChronicleTimelineView, zoom_month);
  gtk_widget_class_bind_template_child (widget_class, ChronicleTimelineView, zoom_year);
  gtk_widget_class_bind_template_child (widget_class, ChronicleTimelineView, calendar);
  gtk_widget_class_bind_template_child (widget_class, ChronicleTimelineView, date_button);
  gtk_widget_class_bind_template_child (widget_class, ChronicleTimelineView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, ChronicleTimelineView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, ChronicleTimelineView, list_view);
  gtk_widget_class_bind_template_child (widget_class, ChronicleTimelineView, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, ChronicleTimelineView, articles_toggle);
  gtk_widget_class_bind_template_child (widget_class, ChronicleTimelineView, events_toggle);
  gtk_widget_class_bind_template_child (widget_class, ChronicleTimelineView, events_compact_toggle);
  gtk_widget_class_bind_template_callback (widget_class, compact_toggled_cb);
  gtk_widget_class_bind_template_child (widget_class, ChronicleTimelineView, events_view);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, event_article_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, event_opened_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, chip_bar_query_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, ruler_date_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, ruler_range_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);

  gtk_widget_class_install_action (widget_class, "timeline.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "timeline.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                       "timeline.today", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "timelineview");
}

static void
chronicle_timeline_view_init (ChronicleTimelineView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_cb), self);
  self->spare_rows = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_list_view_set_factory (self->list_view, factory);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (selection_changed_cb), self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect (gtk_scrolled_window_get_vadjustment (self->scrolled_window), "value-changed",
                    G_CALLBACK (scrolled_cb), self);
  g_signal_connect_swapped (self->ruler, "notify::zoom", G_CALLBACK (sync_zoom_buttons), self);
  sync_zoom_buttons (self);
  update_stack (self);

  /* Screen readers: the mode and zoom buttons are radio buttons, compact a check box. */
  chronicle_ui_expose_toggle (self->articles_toggle);
  chronicle_ui_expose_toggle (self->events_toggle);
  chronicle_ui_expose_toggle (self->zoom_day);
  chronicle_ui_expose_toggle (self->zoom_week);
  chronicle_ui_expose_toggle (self->zoom_month);
  chronicle_ui_expose_toggle (self->zoom_year);
  chronicle_ui_expose_toggle (self->events_compact_toggle);
}

/**
 * chronicle_timeline_view_new:
 *
 * Returns: (transfer floating): an empty timeline
 */
GtkWidget *
chronicle_timeline_view_new (void)
{
  return g_object_new (CHRONICLE_TYPE_TIMELINE_VIEW, NULL);
}

/**
 * chronicle_timeline_view_set_model:
 * @self: a #ChronicleTimelineView
 * @articles: (nullable): a list of #ChronicleArticle, newest first
 */
void
chronicle_timeline_view_set_model (ChronicleTimelineView *self,
                                   GListModel            *articles)
{
  g_return_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self));
  g_return_if_fail (articles == NULL || G_IS_LIST_MODEL (articles));

  if (self->model == articles)
    return;

  if (self->model != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->model);
  g_set_object (&self->model, articles);
  if (articles != NULL)
    self->items_changed_id = g_signal_connect (articles, "items-changed",
                                               G_CALLBACK (items_changed_cb), self);

  gtk_single_selection_set_model (self->selection, articles);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  /* The Events view reads the same store. */
  if (articles != NULL && CHRONICLE_IS_ARTICLE_LIST (articles))
    chronicle_events_view_set_store (self->events_view,
                                     chronicle_article_list_get_store (CHRONICLE_ARTICLE_LIST (articles)));
  update_stack (self);
}

/**
 * chronicle_timeline_view_get_model:
 * @self: a #ChronicleTimelineView
 *
 * Returns: (transfer none) (nullable): the articles shown
 */
GListModel *
chronicle_timeline_view_get_model (ChronicleTimelineView *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self), NULL);

  return self->model;
}

/**
 * chronicle_timeline_view_set_query:
 * @self: a #ChronicleTimelineView
 * @query: the query the list shows
 *
 * Shows its filters as chips, its date range on the ruler and its search
 * terms highlighted in the rows.
 */
void
chronicle_timeline_view_set_query (ChronicleTimelineView *self,
                                   ChronicleQuery        *query)
{
  const char *text;

  g_return_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self));
  g_return_if_fail (CHRONICLE_IS_QUERY (query));

  g_set_object (&self->query, query);
  chronicle_chip_bar_set_query (self->chip_bar, query);
  chronicle_events_view_set_query (self->events_view, query);
  if (chronicle_query_get_from (query) != 0 || chronicle_query_get_to (query) != 0)
    chronicle_time_ruler_set_selection (self->ruler, chronicle_query_get_from (query),
                                        chronicle_query_get_to (query) != 0
                                          ? chronicle_query_get_to (query)
                                          : g_get_real_time () / G_USEC_PER_SEC + 86400);
  else
    chronicle_time_ruler_set_selection (self->ruler, 0, 0);

  text = chronicle_query_get_text (query);
  g_free (self->search);
  self->search = text && *text ? g_strdup (text) : NULL;

  adw_status_page_set_description (self->no_results_page,
                                   chronicle_query_is_all (query)
                                     ? _("There are no articles yet.")
                                     : _("No article matches these filters. Remove a filter or clear them all."));
}

/**
 * chronicle_timeline_view_set_histogram:
 * @self: a #ChronicleTimelineView
 * @published: (array length=n_published): articles per day under the query
 * @n_published: how many buckets
 * @reported: (array length=n_reported) (nullable): articles reporting on each day
 * @n_reported: how many buckets
 */
void
chronicle_timeline_view_set_histogram (ChronicleTimelineView      *self,
                                       const ChronicleRulerBucket *published,
                                       gsize                       n_published,
                                       const ChronicleRulerBucket *reported,
                                       gsize                       n_reported)
{
  g_return_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self));

  chronicle_time_ruler_set_buckets (self->ruler, published, n_published);
  chronicle_time_ruler_set_reported_buckets (self->ruler, reported, n_reported);
}

/**
 * chronicle_timeline_view_get_show_events:
 * @self: a #ChronicleTimelineView
 *
 * Returns: whether the Events side is shown
 */
gboolean
chronicle_timeline_view_get_show_events (ChronicleTimelineView *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self), FALSE);

  return gtk_toggle_button_get_active (self->events_toggle);
}

/**
 * chronicle_timeline_view_set_show_events:
 * @self: a #ChronicleTimelineView
 * @show_events: %TRUE for Events, %FALSE for Articles
 *
 * Switches sides, as the Articles | Events buttons do.
 */
void
chronicle_timeline_view_set_show_events (ChronicleTimelineView *self,
                                         gboolean               show_events)
{
  g_return_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self));

  gtk_toggle_button_set_active (show_events ? self->events_toggle : self->articles_toggle, TRUE);
}

/**
 * chronicle_timeline_view_get_ruler:
 * @self: a #ChronicleTimelineView
 *
 * Returns: (transfer none): the time ruler
 */
ChronicleTimeRuler *
chronicle_timeline_view_get_ruler (ChronicleTimelineView *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self), NULL);

  return self->ruler;
}

/**
 * chronicle_timeline_view_get_selected:
 * @self: a #ChronicleTimelineView
 *
 * Returns: (transfer none) (nullable): the selected article
 */
ChronicleArticle *
chronicle_timeline_view_get_selected (ChronicleTimelineView *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

/**
 * chronicle_timeline_view_get_selected_position:
 * @self: a #ChronicleTimelineView
 *
 * Returns: the selected position, or %GTK_INVALID_LIST_POSITION
 */
guint
chronicle_timeline_view_get_selected_position (ChronicleTimelineView *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self), GTK_INVALID_LIST_POSITION);

  return gtk_single_selection_get_selected (self->selection);
}

/**
 * chronicle_timeline_view_select:
 * @self: a #ChronicleTimelineView
 * @position: the row to select and scroll to
 */
void
chronicle_timeline_view_select (ChronicleTimelineView *self,
                                guint                  position)
{
  g_return_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self));

  if (self->model == NULL || position >= g_list_model_get_n_items (self->model))
    return;

  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  gtk_single_selection_set_selected (self->selection, position);
}

/**
 * chronicle_timeline_view_move_selection:
 * @self: a #ChronicleTimelineView
 * @delta: rows to move: 1 is the next (older) article, -1 the previous (in
 *   Events: the next event, or the open event's next article)
 *
 * Returns: %TRUE if the selection moved
 */
gboolean
chronicle_timeline_view_move_selection (ChronicleTimelineView *self,
                                        int                    delta)
{
  guint n, selected;
  gint64 target;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self), FALSE);

  /* In Events: the events (or the open event's articles). */
  if (gtk_toggle_button_get_active (self->events_toggle))
    return chronicle_events_view_move_selection (self->events_view, delta);

  n = self->model ? g_list_model_get_n_items (self->model) : 0;
  if (n == 0)
    return FALSE;

  selected = gtk_single_selection_get_selected (self->selection);
  if (selected == GTK_INVALID_LIST_POSITION)
    target = delta > 0 ? 0 : (gint64) n - 1;
  else
    target = CLAMP ((gint64) selected + delta, 0, (gint64) n - 1);

  if (target == selected)
    return FALSE;

  chronicle_timeline_view_select (self, (guint) target);
  return TRUE;
}

/**
 * chronicle_timeline_view_activate_selected:
 * @self: a #ChronicleTimelineView
 *
 * Opens the selected article, as Enter does.
 *
 * Returns: %TRUE if an article was selected
 */
gboolean
chronicle_timeline_view_activate_selected (ChronicleTimelineView *self)
{
  guint selected;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self), FALSE);

  if (gtk_toggle_button_get_active (self->events_toggle))
    return chronicle_events_view_activate_selected (self->events_view);

  selected = gtk_single_selection_get_selected (self->selection);
  if (selected == GTK_INVALID_LIST_POSITION)
    return FALSE;

  activate_cb (self->list_view, selected, self);
  return TRUE;
}

/**
 * chronicle_timeline_view_position_for_date:
 * @self: a #ChronicleTimelineView
 * @unix_time: a time
 *
 * The list is newest first; this is the first row published at or before
 * @unix_time (binary search; rows still loading count as unknown and end the
 * search early).
 *
 * Returns: a position, or the number of rows when every article is newer
 */
guint
chronicle_timeline_view_position_for_date (ChronicleTimelineView *self,
                                           gint64                 unix_time)
{
  guint lo = 0, hi;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self), 0);

  hi = self->model ? g_list_model_get_n_items (self->model) : 0;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(ChronicleArticle) article = article_at (self, mid);

      if (article == NULL || !chronicle_article_get_loaded (article))
        return mid;
      if (date_of (self, article) > unix_time)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/**
 * chronicle_timeline_view_scroll_to_date:
 * @self: a #ChronicleTimelineView
 * @unix_time: a time
 *
 * Scrolls the list to the newest article published at or before @unix_time
 * and selects it; the ruler marks it. In Events, the newest event that started
 * then or before.
 */
void
chronicle_timeline_view_scroll_to_date (ChronicleTimelineView *self,
                                        gint64                 unix_time)
{
  guint n, position;

  g_return_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self));

  /* In Events the ruler, Today and the date picker act on the events. */
  if (gtk_toggle_button_get_active (self->events_toggle))
    {
      chronicle_events_view_scroll_to_date (self->events_view, unix_time);
      chronicle_time_ruler_set_position (self->ruler, unix_time);
      return;
    }

  n = self->model ? g_list_model_get_n_items (self->model) : 0;
  if (n == 0)
    return;

  position = MIN (chronicle_timeline_view_position_for_date (self, unix_time), n - 1);
  chronicle_timeline_view_select (self, position);
  chronicle_time_ruler_set_position (self->ruler, unix_time);
}

/**
 * chronicle_timeline_view_focus_list:
 * @self: a #ChronicleTimelineView
 *
 * Moves the keyboard focus to the list.
 */
void
chronicle_timeline_view_focus_list (ChronicleTimelineView *self)
{
  g_return_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self));

  if (gtk_toggle_button_get_active (self->events_toggle))
    chronicle_events_view_focus (self->events_view);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}
