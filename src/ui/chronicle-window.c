/* chronicle-window.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * The main window: filters and sources | timeline | article, on an
 * AdwLeaflet that folds below about 1000 px (the timeline first; the filters
 * and the article one step away; Alt+Left goes back). The query (search,
 * dates, entities, sources) is kept in GSettings and restored at start-up.
 * What the window asks of the store lives in chronicle-window-data.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-add-source-dialog.h"
#include "chronicle-article-view.h"
#include "chronicle-chip-bar.h"
#include "chronicle-profile.h"
#include "chronicle-sidebar.h"
#include "chronicle-timeline-view.h"
#include "chronicle-ui.h"
#include "chronicle-uri.h"
#include "chronicle-window-private.h"

G_DEFINE_FINAL_TYPE (ChronicleWindow, chronicle_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_STORE,
  PROP_SYNC,
  PROP_QUERY,
  PROP_ORDER_BY_EVENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bind_window_state (ChronicleWindow *self)
{
  if (self->settings == NULL)
    return;

  g_settings_bind (self->settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);
  /* Articles | Events, like the filter, as the reader left it. */
  g_settings_bind (self->settings, "show-events", self->timeline_view, "show-events",
                   G_SETTINGS_BIND_DEFAULT);
}

static ChronicleQuery *
restore_query (ChronicleWindow *self)
{
  g_autofree char *saved = NULL;
  g_autoptr(GError) error = NULL;
  ChronicleQuery *query;

  if (self->settings == NULL)
    return chronicle_query_new ();

  saved = g_settings_get_string (self->settings, "query");
  if (saved == NULL || *saved == '\0')
    return chronicle_query_new ();

  query = chronicle_query_new_from_string (saved, &error);
  if (query == NULL)
    {
      g_debug ("Ignoring the saved filter “%s”: %s", saved, error->message);
      return chronicle_query_new ();
    }

  return query;
}

static char *
source_title_cb (gint64   source_id,
                 gpointer user_data)
{
  ChronicleWindow *self = user_data;

  return chronicle_sidebar_dup_source_title (self->sidebar, source_id);
}

static void
update_article_buttons (ChronicleWindow *self)
{
  gboolean has = self->article != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-in-browser",
                                 has && chronicle_uri_is_web (chronicle_article_get_url (self->article)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-star", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-read", has);

  gtk_toggle_button_set_active (self->star_button, has && chronicle_article_get_starred (self->article));
  gtk_button_set_icon_name (GTK_BUTTON (self->star_button),
                            has && chronicle_article_get_starred (self->article)
                              ? "starred-symbolic" : "non-starred-symbolic");
  gtk_toggle_button_set_active (self->read_button, has && chronicle_article_get_read (self->article));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->read_button),
                               has && chronicle_article_get_read (self->article)
                                 ? _("Mark as Unread (M)") : _("Mark as Read (M)"));
}

static void
article_flags_cb (ChronicleArticle *article,
                  GParamSpec       *pspec,
                  ChronicleWindow  *self)
{
  update_article_buttons (self);
}

static void
show_article (ChronicleWindow  *self,
              ChronicleArticle *article)
{
  if (self->article != NULL)
    g_signal_handlers_disconnect_by_func (self->article, article_flags_cb, self);
  g_set_object (&self->article, article);
  if (article != NULL)
    g_signal_connect_object (article, "notify", G_CALLBACK (article_flags_cb), self, 0);

  gtk_stack_set_visible_child_name (self->article_stack, article ? "article" : "placeholder");
  update_article_buttons (self);
  if (article != NULL)
    _chronicle_window_data_open (self, article);
  else
    chronicle_article_view_set_article (self->article_view, NULL, NULL, NULL);
}

/* Callbacks */

static void
folded_cb (ChronicleWindow *self)
{
  /* Folded, the timeline comes first. */
  if (adw_leaflet_get_folded (self->leaflet)
      && adw_leaflet_get_visible_child (self->leaflet) == self->sidebar_pane)
    adw_leaflet_set_visible_child (self->leaflet, self->timeline_pane);
}

static void
query_requested_cb (GtkWidget       *source,
                    ChronicleQuery  *query,
                    ChronicleWindow *self)
{
  chronicle_window_set_query (self, query);
  if (source == GTK_WIDGET (self->sidebar) && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->timeline_pane);
}

static void
search_changed_cb (ChronicleWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(ChronicleQuery) query = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  query = chronicle_query_with_text (self->query, *trimmed ? trimmed : NULL);
  chronicle_window_set_query (self, query);
}

static void
stop_search_cb (ChronicleWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.clear-search", NULL);
}

static void
search_activated_cb (ChronicleWindow *self)
{
  /* Enter in the search field: go to the results. */
  chronicle_timeline_view_move_selection (self->timeline_view, 1);
  chronicle_timeline_view_focus_list (self->timeline_view);
}

static void
article_selected_cb (ChronicleTimelineView *view,
                     ChronicleArticle      *article,
                     ChronicleWindow       *self)
{
  if (article != NULL && article != self->article)
    show_article (self, article);
}

static void
article_activated_cb (GtkWidget        *source,
                      ChronicleArticle *article,
                      ChronicleWindow  *self)
{
  if (article != self->article)
    show_article (self, article);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->article_pane);
}

static void
entity_activated_cb (ChronicleArticleView *view,
                     int                   kind,
                     const char           *name,
                     ChronicleWindow      *self)
{
  _chronicle_window_show_entity (self, kind, name);
}

static void
date_activated_cb (ChronicleArticleView *view,
                   gint64                start,
                   gint64                end,
                   ChronicleWindow      *self)
{
  chronicle_window_go_to_date (self, start, end);
}

static void
ruler_date_activated_cb (ChronicleTimeRuler *ruler,
                         gint64              start,
                         gint64              end,
                         ChronicleWindow    *self)
{
  if (self->store != NULL)
    _chronicle_window_data_go_to_date (self, end - 1);
}

/* Actions */

static void
add_source_submit_cb (ChronicleAddSourceDialog *dialog,
                      const char               *url,
                      GFile                    *file,
                      ChronicleWindow          *self)
{
  _chronicle_window_data_add_source (self, GTK_WINDOW (dialog), url, file);
}

static void
add_source_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (widget);
  ChronicleAddSourceDialog *dialog = chronicle_add_source_dialog_new (GTK_WINDOW (self));

  g_signal_connect_object (dialog, "submit", G_CALLBACK (add_source_submit_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
load_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _chronicle_window_data_load_sample (CHRONICLE_WINDOW (widget));
}

static void
sync_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _chronicle_window_data_sync (CHRONICLE_WINDOW (widget));
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar_pane);
}

static void
show_timeline_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->timeline_pane);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (widget);

  if (!adw_leaflet_get_folded (self->leaflet))
    return;

  /* From the article or the filters, back is the timeline. */
  if (adw_leaflet_get_visible_child (self->leaflet) != self->timeline_pane)
    {
      adw_leaflet_set_visible_child (self->leaflet, self->timeline_pane);
      chronicle_timeline_view_focus_list (self->timeline_view);
    }
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->timeline_pane);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (widget);
  const char *text = chronicle_query_get_text (self->query);

  if (!gtk_search_bar_get_search_mode (self->search_bar) && (text == NULL || *text == '\0'))
    {
      /* Nothing to clear: Escape goes back in the narrow layout. */
      go_back_action (widget, NULL, NULL);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  if (text != NULL)
    {
      g_autoptr(ChronicleQuery) query = chronicle_query_with_text (self->query, NULL);
      chronicle_window_set_query (self, query);
    }
  chronicle_timeline_view_focus_list (self->timeline_view);
}

static void
next_article_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (widget);

  chronicle_timeline_view_move_selection (self->timeline_view,
                                          g_str_equal (action_name, "win.next-article") ? 1 : -1);
}

static void
open_article_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (widget);

  chronicle_timeline_view_activate_selected (self->timeline_view);
}

static void
open_in_browser_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->article == NULL)
    return;

  if (!chronicle_uri_open_in_browser (widget, chronicle_article_get_url (self->article), &error))
    chronicle_window_add_toast (self, error->message);
}

static void
toggle_star_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (widget);

  if (self->article != NULL)
    _chronicle_window_data_set_flags (self, self->article, chronicle_article_get_read (self->article),
                                      !chronicle_article_get_starred (self->article));
}

static void
toggle_read_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (widget);

  if (self->article != NULL)
    _chronicle_window_data_set_flags (self, self->article, !chronicle_article_get_read (self->article),
                                      chronicle_article_get_starred (self->article));
}

/* Overrides */

static void
chronicle_window_constructed (GObject *object)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (object);
  g_autoptr(ChronicleQuery) query = NULL;

  G_OBJECT_CLASS (chronicle_window_parent_class)->constructed (object);

  bind_window_state (self);

  query = restore_query (self);
  chronicle_window_set_query (self, query);
  if (chronicle_query_get_text (query) != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), chronicle_query_get_text (query));
      gtk_search_bar_set_search_mode (self->search_bar, TRUE);
    }

  if (self->store != NULL)
    _chronicle_window_data_attach (self);
  else
    _chronicle_window_show_state (self, "empty");
}

static void
chronicle_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SYNC:
      g_value_set_object (value, self->sync);
      break;
    case PROP_QUERY:
      g_value_set_object (value, self->query);
      break;
    case PROP_ORDER_BY_EVENT:
      g_value_set_boolean (value, self->query != NULL
                                    && chronicle_query_get_sort (self->query)
                                         == CHRONICLE_QUERY_SORT_EVENT_DATE);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_window_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SYNC:
      self->sync = g_value_dup_object (value);
      break;
    case PROP_QUERY:
      chronicle_window_set_query (self, g_value_get_object (value));
      break;
    case PROP_ORDER_BY_EVENT:
      {
        g_autoptr(ChronicleQuery) query =
          chronicle_query_with_sort (self->query, g_value_get_boolean (value)
                                                    ? CHRONICLE_QUERY_SORT_EVENT_DATE
                                                    : CHRONICLE_QUERY_SORT_PUBLISHED);
        chronicle_window_set_query (self, query);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_window_dispose (GObject *object)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (object);

  _chronicle_window_data_detach (self);
  if (self->article != NULL)
    g_signal_handlers_disconnect_by_func (self->article, article_flags_cb, self);
  _chronicle_window_entities_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONICLE_TYPE_WINDOW);
  g_clear_object (&self->article);
  g_clear_object (&self->query);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->sync);

  G_OBJECT_CLASS (chronicle_window_parent_class)->dispose (object);
}

static void
chronicle_window_class_init (ChronicleWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = chronicle_window_constructed;
  object_class->get_property = chronicle_window_get_property;
  object_class->set_property = chronicle_window_set_property;
  object_class->dispose = chronicle_window_dispose;

  /**
   * ChronicleWindow:settings:
   *
   * Where the window keeps its size, state and query; %NULL keeps nothing.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * ChronicleWindow:store:
   *
   * The articles to show; %NULL shows the empty state.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CHRONICLE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * ChronicleWindow:sync:
   *
   * What syncs sources and imports files; %NULL disables both.
   */
  properties[PROP_SYNC] =
    g_param_spec_object ("sync", NULL, NULL,
                         CHRONICLE_TYPE_SYNC_SERVICE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * ChronicleWindow:query:
   *
   * The filter of the timeline.
   */
  properties[PROP_QUERY] =
    g_param_spec_object ("query", NULL, NULL,
                         CHRONICLE_TYPE_QUERY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * ChronicleWindow:order-by-event:
   *
   * Whether the timeline is ordered by the date of the event an article is
   * about (the query's sort) instead of its publication.
   */
  properties[PROP_ORDER_BY_EVENT] =
    g_param_spec_boolean ("order-by-event", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CHRONICLE_TYPE_SIDEBAR);
  g_type_ensure (CHRONICLE_TYPE_TIMELINE_VIEW);
  g_type_ensure (CHRONICLE_TYPE_ARTICLE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/chronicle-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, sidebar_pane);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, timeline_pane);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, timeline_title);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, timeline_stack);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, add_source_button);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, load_sample_button);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, show_sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, sync_stack);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, sync_spinner);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, sync_revealer);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, sync_progress);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, article_pane);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, article_stack);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, star_button);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, read_button);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, search_button);
  gtk_widget_class_bind_template_callback (widget_class, folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, query_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, article_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, article_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, entity_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_activated_cb);

  _chronicle_window_entities_class_init (widget_class);

  /* Actions, each with its shortcuts (listed in gtk/help-overlay.ui). */
  gtk_widget_class_install_action (widget_class, "win.add-source", NULL, add_source_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.add-source", NULL);
  gtk_widget_class_install_action (widget_class, "win.load-sample", NULL, load_sample_action);
  gtk_widget_class_install_action (widget_class, "win.sync", NULL, sync_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.sync", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.sync", NULL);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "win.clear-search", NULL, clear_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.clear-search", NULL);
  gtk_widget_class_install_action (widget_class, "win.next-article", NULL, next_article_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, 0, "win.next-article", NULL);
  gtk_widget_class_install_action (widget_class, "win.previous-article", NULL, next_article_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, 0, "win.previous-article", NULL);
  gtk_widget_class_install_action (widget_class, "win.open-article", NULL, open_article_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.show-timeline", NULL, show_timeline_action);
  gtk_widget_class_install_action (widget_class, "win.open-in-browser", NULL,
                                   open_in_browser_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, 0, "win.open-in-browser", NULL);
  gtk_widget_class_install_property_action (widget_class, "win.order-by-event", "order-by-event");
  gtk_widget_class_install_action (widget_class, "win.toggle-star", NULL, toggle_star_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, 0, "win.toggle-star", NULL);
  gtk_widget_class_install_action (widget_class, "win.toggle-read", NULL, toggle_read_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, 0, "win.toggle-read", NULL);
}

static void
chronicle_window_init (ChronicleWindow *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  chronicle_profile_watch_window (GTK_WINDOW (self));
  _chronicle_window_entities_init (self);

  /* Folded, the timeline comes first; the filters are one step away. */
  adw_leaflet_set_visible_child (self->leaflet, self->timeline_pane);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  chronicle_chip_bar_set_source_title_func (
    CHRONICLE_CHIP_BAR (gtk_widget_get_template_child (GTK_WIDGET (self->timeline_view),
                                                       CHRONICLE_TYPE_TIMELINE_VIEW, "chip_bar")),
    source_title_cb, self, NULL);
  update_article_buttons (self);
  /* Screen readers: search, star and read are check boxes, checked or not. */
  chronicle_ui_expose_toggle (self->search_button);
  chronicle_ui_expose_toggle (self->star_button);
  chronicle_ui_expose_toggle (self->read_button);
  /* A click on the ruler: the store knows the exact article to go to. */
  g_signal_connect_object (chronicle_timeline_view_get_ruler (self->timeline_view), "date-activated",
                           G_CALLBACK (ruler_date_activated_cb), self, 0);

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/* Internal, shared with chronicle-window-data.c */

void
_chronicle_window_show_state (ChronicleWindow *self,
                              const char      *state)
{
  gtk_stack_set_visible_child_name (self->timeline_stack, state);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", g_str_equal (state, "timeline"));
}

void
_chronicle_window_set_syncing (ChronicleWindow *self,
                               gboolean         syncing,
                               double           fraction)
{
  self->syncing = syncing;
  gtk_stack_set_visible_child_name (self->sync_stack, syncing ? "busy" : "idle");
  gtk_spinner_set_spinning (self->sync_spinner, syncing);
  gtk_revealer_set_reveal_child (self->sync_revealer, syncing);
  if (fraction >= 0)
    gtk_progress_bar_set_fraction (self->sync_progress, fraction);
  else
    gtk_progress_bar_pulse (self->sync_progress);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sync", !syncing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-sample", !syncing);
}

/* Public API */

/**
 * chronicle_window_new:
 * @application: the application
 *
 * Returns: (transfer none): a new main window, owned by @application
 */
ChronicleWindow *
chronicle_window_new (ChronicleApplication *application)
{
  g_return_val_if_fail (CHRONICLE_IS_APPLICATION (application), NULL);

  return g_object_new (CHRONICLE_TYPE_WINDOW,
                       "application", application,
                       "settings", chronicle_application_get_settings (application),
                       "store", chronicle_application_get_store (application),
                       "sync", chronicle_application_get_sync_service (application),
                       NULL);
}

/**
 * chronicle_window_new_with_settings:
 * @settings: (nullable): where to keep the window state
 *
 * A window outside an application and without a store, for tests.
 *
 * Returns: (transfer full): a new main window
 */
ChronicleWindow *
chronicle_window_new_with_settings (GSettings *settings)
{
  return g_object_new (CHRONICLE_TYPE_WINDOW, "settings", settings, NULL);
}

/**
 * chronicle_window_new_with_store:
 * @settings: (nullable): where to keep the window state
 * @store: the articles to show
 * @sync: (nullable): what syncs and imports
 *
 * A window outside an application, for tests.
 *
 * Returns: (transfer full): a new main window
 */
ChronicleWindow *
chronicle_window_new_with_store (GSettings            *settings,
                                 ChronicleStore       *store,
                                 ChronicleSyncService *sync)
{
  return g_object_new (CHRONICLE_TYPE_WINDOW, "settings", settings, "store", store, "sync", sync,
                       NULL);
}

/**
 * chronicle_window_load_sample_if_empty:
 * @self: a #ChronicleWindow
 *
 * Imports the bundled sample news once the window knows the database is
 * empty (`chronicle --load-sample`, as the README's first command runs it).
 */
void
chronicle_window_load_sample_if_empty (ChronicleWindow *self)
{
  g_return_if_fail (CHRONICLE_IS_WINDOW (self));

  self->load_sample_when_empty = TRUE;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->timeline_stack), "empty") == 0)
    {
      self->load_sample_when_empty = FALSE;
      _chronicle_window_data_load_sample (self);
    }
}

/**
 * chronicle_window_add_toast:
 * @self: a #ChronicleWindow
 * @title: what to tell the user
 *
 * Shows a short message at the bottom of the window.
 */
void
chronicle_window_add_toast (ChronicleWindow *self,
                            const char      *title)
{
  g_return_if_fail (CHRONICLE_IS_WINDOW (self));
  g_return_if_fail (title != NULL);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/**
 * chronicle_window_get_query:
 * @self: a #ChronicleWindow
 *
 * Returns: (transfer none): the timeline's filter
 */
ChronicleQuery *
chronicle_window_get_query (ChronicleWindow *self)
{
  g_return_val_if_fail (CHRONICLE_IS_WINDOW (self), NULL);

  return self->query;
}

/**
 * chronicle_window_set_query:
 * @self: a #ChronicleWindow
 * @query: the filter to show
 *
 * Shows the articles matching @query, its filters as chips, and keeps it in
 * GSettings so it survives a restart.
 */
void
chronicle_window_set_query (ChronicleWindow *self,
                            ChronicleQuery  *query)
{
  g_autofree char *saved = NULL;
  const char *text;

  g_return_if_fail (CHRONICLE_IS_WINDOW (self));
  g_return_if_fail (CHRONICLE_IS_QUERY (query));

  if (self->query != NULL && chronicle_query_equal (self->query, query))
    return;

  g_set_object (&self->query, query);
  self->filter_started = g_get_monotonic_time ();

  saved = chronicle_query_to_string (query);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "query", saved);

  chronicle_timeline_view_set_query (self->timeline_view, query);
  chronicle_sidebar_set_query (self->sidebar, query);
  text = chronicle_query_get_text (query);
  chronicle_article_view_set_search (self->article_view, text);
  if (g_strcmp0 (text ? text : "", gtk_editable_get_text (GTK_EDITABLE (self->search_entry))) != 0
      && !gtk_widget_has_focus (GTK_WIDGET (self->search_entry)))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");

  if (self->store != NULL)
    _chronicle_window_data_run_query (self);
  _chronicle_window_entities_query_changed (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDER_BY_EVENT]);
}

/**
 * chronicle_window_go_to_date:
 * @self: a #ChronicleWindow
 * @start: the start of a period (Unix time)
 * @end: its end, exclusive
 *
 * Shows the timeline at that period: the ruler marks it and the list goes to
 * the newest article published in it or before it. A date filter that
 * excludes it is removed first.
 */
void
chronicle_window_go_to_date (ChronicleWindow *self,
                             gint64           start,
                             gint64           end)
{
  gint64 from, to;

  g_return_if_fail (CHRONICLE_IS_WINDOW (self));

  from = chronicle_query_get_from (self->query);
  to = chronicle_query_get_to (self->query);
  if ((from != 0 && end <= from) || (to != 0 && start >= to))
    {
      g_autoptr(ChronicleQuery) query = chronicle_query_with_date_range (self->query, 0, 0);
      chronicle_window_set_query (self, query);
    }

  chronicle_time_ruler_scroll_to (chronicle_timeline_view_get_ruler (self->timeline_view), start);
  if (self->store != NULL)
    _chronicle_window_data_go_to_date (self, end - 1);
  else
    chronicle_timeline_view_scroll_to_date (self->timeline_view, end - 1);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->timeline_pane);
}

void
_chronicle_window_show_article (ChronicleWindow  *self,
                                ChronicleArticle *article)
{
  article_activated_cb (NULL, article, self);
}

/**
 * chronicle_window_search:
 * @self: a #ChronicleWindow
 * @text: what to search for (from GNOME Shell's search, say)
 *
 * Opens the search bar with @text and shows the matching articles.
 */
void
chronicle_window_search (ChronicleWindow *self,
                         const char      *text)
{
  g_return_if_fail (CHRONICLE_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  search_changed_cb (self);
}

/**
 * chronicle_window_open_article:
 * @self: a #ChronicleWindow
 * @article_id: a stored article's id (from a notification, say)
 *
 * Shows that article in the article pane.
 */
void
chronicle_window_open_article (ChronicleWindow *self,
                               gint64           article_id)
{
  g_return_if_fail (CHRONICLE_IS_WINDOW (self));

  if (self->store != NULL && article_id > 0)
    _chronicle_window_data_open_id (self, article_id);
}

/**
 * chronicle_window_open_entity:
 * @self: a #ChronicleWindow
 * @entity_id: a stored entity's id (from a notification, say)
 *
 * Shows that entity's page.
 */
void
chronicle_window_open_entity (ChronicleWindow *self,
                              gint64           entity_id)
{
  g_return_if_fail (CHRONICLE_IS_WINDOW (self));

  if (entity_id > 0)
    _chronicle_window_show_entity_id (self, entity_id);
}
