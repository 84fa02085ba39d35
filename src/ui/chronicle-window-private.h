/* chronicle-window-private.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * The window's state, shared by chronicle-window.c (widgets, actions) and
 * chronicle-window-data.c (what it asks the store and the sync service).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-article-view.h"
#include "chronicle-entity-page.h"
#include "chronicle-sidebar.h"
#include "chronicle-store.h"
#include "chronicle-sync-service.h"
#include "chronicle-timeline-view.h"
#include "chronicle-window.h"
#include "chronicle-world-map.h"

G_BEGIN_DECLS

struct _ChronicleWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  ChronicleStore       *store;
  ChronicleSyncService *sync;
  ChronicleQuery       *query;
  GListModel           *articles;
  ChronicleArticle     *article;         /* the one in the article pane */

  GCancellable         *query_cancellable;
  GCancellable         *article_cancellable;
  GCancellable         *cancellable;     /* everything else; cancelled on dispose */
  guint                 refresh_id;
  gint64                filter_started;  /* profiling: when the query changed */
  gint64                facets_started;  /* profiling: the same, until both facet counts came */
  guint                 facets_pending;
  gboolean              syncing;
  gboolean              load_sample_when_empty;
  gboolean              ruler_fitted;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_pane;
  ChronicleSidebar     *sidebar;
  GtkWidget            *timeline_pane;
  AdwWindowTitle       *timeline_title;
  GtkStack             *timeline_stack;
  AdwStatusPage        *empty_page;
  GtkWidget            *add_source_button;
  GtkWidget            *load_sample_button;
  GtkWidget            *show_sidebar_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkStack             *sync_stack;
  GtkSpinner           *sync_spinner;
  GtkRevealer          *sync_revealer;
  GtkProgressBar       *sync_progress;
  ChronicleTimelineView *timeline_view;
  GtkWidget            *article_pane;
  GtkStack             *article_stack;
  ChronicleArticleView *article_view;
  GtkToggleButton      *search_button;
  GtkToggleButton      *star_button;
  GtkToggleButton      *read_button;

  /* chronicle-window-entities.c */
  ChronicleEntityPage  *entity_page;
  GtkWidget            *entity_browser;
  ChronicleWorldMap    *world_map;
  GCancellable         *map_cancellable;
  GHashTable           *map_codes;       /* country code → entity name */
  GHashTable           *map_names;       /* entity name → country code */
  gboolean              map_counted;
  gboolean              map_watching;
};

/* chronicle-window-data.c */
void _chronicle_window_data_attach      (ChronicleWindow  *self);
void _chronicle_window_data_detach      (ChronicleWindow  *self);
void _chronicle_window_data_run_query   (ChronicleWindow  *self);
void _chronicle_window_data_open        (ChronicleWindow  *self,
                                         ChronicleArticle *article);
void _chronicle_window_data_set_flags   (ChronicleWindow  *self,
                                         ChronicleArticle *article,
                                         gboolean          read,
                                         gboolean          starred);
void _chronicle_window_data_load_sample (ChronicleWindow  *self);
void _chronicle_window_data_add_source  (ChronicleWindow  *self,
                                         GtkWindow        *dialog,
                                         const char       *url,
                                         GFile            *file);
void _chronicle_window_data_sync        (ChronicleWindow  *self);
void _chronicle_window_data_open_id     (ChronicleWindow  *self,
                                         gint64            article_id);
void _chronicle_window_data_go_to_date  (ChronicleWindow  *self,
                                         gint64            unix_time);

/* chronicle-window-entities.c */
void _chronicle_window_entities_class_init   (GtkWidgetClass      *widget_class);
void _chronicle_window_entities_init         (ChronicleWindow     *self);
void _chronicle_window_entities_dispose      (ChronicleWindow     *self);
void _chronicle_window_entities_query_changed (ChronicleWindow    *self);
void _chronicle_window_show_entity           (ChronicleWindow     *self,
                                              ChronicleEntityKind  kind,
                                              const char          *name);
void _chronicle_window_show_entity_id        (ChronicleWindow     *self,
                                              gint64               entity_id);
void _chronicle_window_show_map              (ChronicleWindow     *self);
void _chronicle_window_show_browser          (ChronicleWindow     *self);

/* chronicle-window.c */
void _chronicle_window_show_article     (ChronicleWindow  *self,
                                         ChronicleArticle *article);
void _chronicle_window_show_state       (ChronicleWindow  *self,
                                         const char       *state);
void _chronicle_window_set_syncing      (ChronicleWindow  *self,
                                         gboolean          syncing,
                                         double           fraction);

G_END_DECLS
