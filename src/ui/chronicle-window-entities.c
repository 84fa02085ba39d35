/* chronicle-window-entities.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * The window's entity side: the entity page and the world map, both shown in
 * the right-hand pane (a leaflet page of their own in the narrow layout, with
 * Back), and what happens when the user picks an entity or a country there.
 * The map is shaded by how many articles under the current query name each
 * country, and follows every change of the query while it is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chronicle-entity-browser.h"
#include "chronicle-entity-page.h"
#include "chronicle-window-private.h"
#include "chronicle-world-map.h"

/* Enough for every country in the world under any query. */
#define MAP_FACETS 300

static void
reveal_pane (ChronicleWindow *self,
             const char      *page)
{
  gtk_stack_set_visible_child_name (self->article_stack, page);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->article_pane);
}

static void
select_query_country (ChronicleWindow *self)
{
  const char *const *countries =
    chronicle_query_get_entities (self->query, CHRONICLE_ENTITY_KIND_COUNTRY);
  const char *code = NULL;

  if (countries != NULL && countries[0] != NULL && self->map_codes != NULL)
    code = g_hash_table_lookup (self->map_names, countries[0]);
  chronicle_world_map_set_selected_code (self->world_map, code);
}

static void
map_counts_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ChronicleWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  entities = chronicle_store_facet_counts_finish (CHRONICLE_STORE (object), result, &error);
  if (entities == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Cannot count countries for the map: %s", error->message);
      return;
    }

  for (guint i = 0; i < entities->len; i++)
    {
      ChronicleEntity *entity = g_ptr_array_index (entities, i);
      const char *code = chronicle_entity_get_country_code (entity);

      if (chronicle_entity_get_kind (entity) != CHRONICLE_ENTITY_KIND_COUNTRY || code == NULL)
        continue;
      g_hash_table_insert (counts, g_ascii_strup (code, -1),
                           GUINT_TO_POINTER (chronicle_entity_get_mention_count (entity)));
      g_hash_table_insert (self->map_codes, g_ascii_strup (code, -1),
                           g_strdup (chronicle_entity_get_name (entity)));
      g_hash_table_insert (self->map_names, g_strdup (chronicle_entity_get_name (entity)),
                           g_ascii_strup (code, -1));
    }

  chronicle_world_map_set_counts (self->world_map, counts);
  select_query_country (self);
  self->map_counted = TRUE;
}

static void
refresh_map (ChronicleWindow *self)
{
  if (self->store == NULL || self->query == NULL)
    return;

  g_cancellable_cancel (self->map_cancellable);
  g_clear_object (&self->map_cancellable);
  self->map_cancellable = g_cancellable_new ();
  self->map_counted = FALSE;
  chronicle_store_facet_counts_async (self->store, self->query, MAP_FACETS, self->map_cancellable,
                                      map_counts_cb, g_object_ref (self));
}

/* New articles or corrections: a shown map counts again, a hidden one later. */
static void
store_changed_cb (ChronicleStore       *store,
                  ChronicleStoreChange  change,
                  GArray               *ids,
                  ChronicleWindow      *self)
{
  if (!(change & (CHRONICLE_STORE_CHANGE_ARTICLES_ADDED | CHRONICLE_STORE_CHANGE_ARTICLES_REMOVED
                  | CHRONICLE_STORE_CHANGE_ENTITIES)))
    return;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->article_stack), "map") == 0)
    refresh_map (self);
  else
    self->map_counted = FALSE;
}

static void
country_activated_cb (ChronicleWorldMap *map,
                      const char        *code,
                      ChronicleWindow   *self)
{
  g_autofree char *upper = g_ascii_strup (code, -1);
  const char *name = g_hash_table_lookup (self->map_codes, upper);
  const char *const *active =
    chronicle_query_get_entities (self->query, CHRONICLE_ENTITY_KIND_COUNTRY);
  g_autoptr(ChronicleQuery) query = NULL;

  /* A country no article names: nothing to filter by. */
  if (name == NULL)
    {
      chronicle_window_add_toast (self, _("No article names this country"));
      return;
    }

  /* One country at a time from the map; the same one again removes it. */
  if (active != NULL && g_strv_contains (active, name))
    query = chronicle_query_with_entities (self->query, CHRONICLE_ENTITY_KIND_COUNTRY, NULL);
  else
    {
      const char *names[] = { name, NULL };
      query = chronicle_query_with_entities (self->query, CHRONICLE_ENTITY_KIND_COUNTRY, names);
    }
  chronicle_window_set_query (self, query);
}

static void
page_entity_activated_cb (ChronicleEntityPage *page,
                          int                  kind,
                          const char          *name,
                          ChronicleWindow     *self)
{
  _chronicle_window_show_entity (self, kind, name);
}

static void
open_entity_cb (GtkWidget       *source,
                int              kind,
                const char      *name,
                ChronicleWindow *self)
{
  _chronicle_window_show_entity (self, kind, name);
}

static void
page_filter_requested_cb (ChronicleEntityPage *page,
                          int                  kind,
                          const char          *name,
                          ChronicleWindow     *self)
{
  g_autoptr(ChronicleQuery) query = chronicle_query_with_entity_added (self->query, kind, name);

  chronicle_window_set_query (self, query);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->timeline_pane);
}

static void
page_article_activated_cb (ChronicleEntityPage *page,
                           ChronicleArticle    *article,
                           ChronicleWindow     *self)
{
  _chronicle_window_show_article (self, article);
}

static void
page_follow_toggled_cb (ChronicleEntityPage *page,
                        ChronicleEntity     *entity,
                        gboolean             follow,
                        ChronicleWindow     *self)
{
  g_autofree char *message = NULL;

  /* Translators: %s is a person's, country's… name */
  message = g_strdup_printf (follow ? _("Following %s") : _("No longer following %s"),
                             chronicle_entity_get_name (entity));
  chronicle_window_add_toast (self, message);
}

static void
detail_for_id_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ChronicleWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleEntityDetail) detail = NULL;

  detail = chronicle_store_entity_detail_finish (CHRONICLE_STORE (object), result, &error);
  if (detail == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Cannot open entity: %s", error->message);
      return;
    }

  _chronicle_window_show_entity (self, chronicle_entity_get_kind (detail->entity),
                                 chronicle_entity_get_name (detail->entity));
}

/* The article's buttons (read, star, browser) only where an article is shown. */
static void
pane_changed_cb (GtkStack        *stack,
                 GParamSpec      *pspec,
                 ChronicleWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (stack);
  gboolean article = g_strcmp0 (name, "article") == 0 || g_strcmp0 (name, "placeholder") == 0;
  GtkWidget *bar = gtk_widget_get_parent (GTK_WIDGET (self->star_button));

  /* Open in Browser sits beside them in the header bar. */
  for (GtkWidget *c = gtk_widget_get_first_child (bar); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_ACTIONABLE (c)
        && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (c)), "win.open-in-browser") == 0)
      gtk_widget_set_visible (c, article);
  gtk_widget_set_visible (GTK_WIDGET (self->star_button), article);
  gtk_widget_set_visible (GTK_WIDGET (self->read_button), article);
}

static void
browse_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _chronicle_window_show_browser (CHRONICLE_WINDOW (widget));
}

static void
show_map_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  _chronicle_window_show_map (CHRONICLE_WINDOW (widget));
}

/* Internal, called by chronicle-window.c */

void
_chronicle_window_entities_class_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (CHRONICLE_TYPE_ENTITY_PAGE);
  g_type_ensure (CHRONICLE_TYPE_WORLD_MAP);

  gtk_widget_class_install_action (widget_class, "win.show-map", NULL, show_map_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.show-map",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "win.browse-entities", NULL, browse_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.browse-entities", NULL);
}

void
_chronicle_window_entities_init (ChronicleWindow *self)
{
  GtkWidget *page = chronicle_entity_page_new ();
  GtkWidget *map = chronicle_world_map_new ();
  GtkStackPage *stack_page;

  self->map_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->map_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  self->entity_page = CHRONICLE_ENTITY_PAGE (page);
  g_signal_connect_object (page, "entity-activated", G_CALLBACK (page_entity_activated_cb),
                           self, 0);
  g_signal_connect_object (page, "filter-requested", G_CALLBACK (page_filter_requested_cb),
                           self, 0);
  g_signal_connect_object (page, "article-activated", G_CALLBACK (page_article_activated_cb),
                           self, 0);
  g_signal_connect_object (page, "follow-toggled", G_CALLBACK (page_follow_toggled_cb),
                           self, 0);
  stack_page = gtk_stack_add_named (self->article_stack, page, "entity");
  gtk_stack_page_set_title (stack_page, _("Entity"));

  /* The sidebar's facets and the chips above the timeline open entity pages. */
  g_signal_connect_object (self->sidebar, "entity-activated", G_CALLBACK (open_entity_cb), self, 0);
  g_signal_connect_object (gtk_widget_get_template_child (GTK_WIDGET (self->timeline_view),
                                                          CHRONICLE_TYPE_TIMELINE_VIEW, "chip_bar"),
                           "entity-activated", G_CALLBACK (open_entity_cb), self, 0);

  self->entity_browser = chronicle_entity_browser_new ();
  g_signal_connect_object (self->entity_browser, "entity-activated", G_CALLBACK (open_entity_cb),
                           self, 0);
  stack_page = gtk_stack_add_named (self->article_stack, self->entity_browser, "browser");
  gtk_stack_page_set_title (stack_page, _("People, Countries and More"));

  g_signal_connect_object (self->article_stack, "notify::visible-child-name",
                           G_CALLBACK (pane_changed_cb), self, 0);

  self->world_map = CHRONICLE_WORLD_MAP (map);
  gtk_widget_set_vexpand (map, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (map), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("World Map"), -1);
  g_signal_connect_object (map, "country-activated", G_CALLBACK (country_activated_cb), self, 0);
  stack_page = gtk_stack_add_named (self->article_stack, map, "map");
  gtk_stack_page_set_title (stack_page, _("Map"));
}

void
_chronicle_window_entities_dispose (ChronicleWindow *self)
{
  g_cancellable_cancel (self->map_cancellable);
  g_clear_object (&self->map_cancellable);
  g_clear_pointer (&self->map_codes, g_hash_table_unref);
  g_clear_pointer (&self->map_names, g_hash_table_unref);
}

/* The query changed: the map follows it while it is shown. */
void
_chronicle_window_entities_query_changed (ChronicleWindow *self)
{
  if (self->world_map == NULL)
    return;

  /* The sidebar's facet searches ask the store themselves. */
  chronicle_sidebar_set_store (self->sidebar, self->store);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->article_stack), "map") == 0)
    refresh_map (self);
  else
    self->map_counted = FALSE;
  select_query_country (self);
}

void
_chronicle_window_show_entity (ChronicleWindow     *self,
                               ChronicleEntityKind  kind,
                               const char          *name)
{
  chronicle_entity_page_set_store (self->entity_page, self->store);
  chronicle_entity_page_show_entity (self->entity_page, kind, name);
  reveal_pane (self, "entity");
}

void
_chronicle_window_show_entity_id (ChronicleWindow *self,
                                  gint64           entity_id)
{
  if (self->store == NULL)
    return;

  chronicle_store_entity_detail_async (self->store, entity_id, CHRONICLE_GRANULARITY_MONTH, 1,
                                       self->cancellable, detail_for_id_cb, g_object_ref (self));
}

void
_chronicle_window_show_map (ChronicleWindow *self)
{
  if (self->store != NULL && !self->map_watching)
    {
      g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, 0);
      self->map_watching = TRUE;
    }
  if (!self->map_counted)
    refresh_map (self);
  reveal_pane (self, "map");
}

void
_chronicle_window_show_browser (ChronicleWindow *self)
{
  ChronicleEntityBrowser *browser = CHRONICLE_ENTITY_BROWSER (self->entity_browser);

  chronicle_entity_browser_set_store (browser, self->store);
  chronicle_entity_browser_reload (browser);
  reveal_pane (self, "browser");
}
