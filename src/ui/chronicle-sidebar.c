/* chronicle-sidebar.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * The left pane: All / Unread / Starred, the sources (with their last error,
 * in words, when the last sync failed), and the countries, people,
 * organisations and places the current query's articles are about, with
 * counts. A click toggles that filter; the sidebar emits the new query.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chronicle-entity.h"
#include "chronicle-format.h"
#include "chronicle-sidebar.h"
#include "chronicle-ui.h"
#include "chronicle-source.h"
#include "chronicle-store-entities.h"

/* A facet shows this many rows until "Show All". */
#define FACET_ROWS 8
#define FACET_ALL  500

struct _ChronicleSidebar
{
  GtkWidget       parent_instance;

  ChronicleQuery *query;
  GPtrArray      *sources;
  guint           n_failed;
  /* Source id -> articles under the query (without its source filter); NULL: the
   * sources' totals. */
  GHashTable     *source_counts;

  GtkListBox     *library_list;
  GtkListBox     *sources_list;
  GtkWidget      *sources_heading;
  GtkListBox     *facet_lists[CHRONICLE_N_ENTITY_KINDS];
  GtkWidget      *facet_headings[CHRONICLE_N_ENTITY_KINDS];

  /* Each facet's own search and "Show All", answered by the store. */
  ChronicleStore *store;
  GtkWidget      *facet_search_buttons[CHRONICLE_N_ENTITY_KINDS];
  GtkWidget      *facet_searches[CHRONICLE_N_ENTITY_KINDS];
  GtkWidget      *facet_more_buttons[CHRONICLE_N_ENTITY_KINDS];
  gboolean        facet_expanded[CHRONICLE_N_ENTITY_KINDS];
  guint           facet_shown[CHRONICLE_N_ENTITY_KINDS];
  GCancellable   *facet_cancellables[CHRONICLE_N_ENTITY_KINDS];
  GPtrArray      *facets;
};

G_DEFINE_FINAL_TYPE (ChronicleSidebar, chronicle_sidebar, GTK_TYPE_WIDGET)

enum {
  QUERY_CHANGED,
  ENTITY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  LIBRARY_ALL,
  LIBRARY_UNREAD,
  LIBRARY_STARRED,
};

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
make_row (const char *icon_name,
          const char *title,
          const char *count,
          const char *error)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *label = gtk_label_new (title);

  if (icon_name != NULL)
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  if (error != NULL)
    {
      GtkWidget *warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (warning, "error");
      gtk_widget_set_tooltip_text (warning, error);
      gtk_accessible_update_property (GTK_ACCESSIBLE (warning), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Sync Failed"), -1);
      gtk_box_append (GTK_BOX (box), warning);
    }
  if (count != NULL)
    {
      GtkWidget *count_label = gtk_label_new (count);

      gtk_widget_add_css_class (count_label, "dim-label");
      gtk_widget_add_css_class (count_label, "numeric");
      gtk_widget_add_css_class (count_label, "caption");
      gtk_box_append (GTK_BOX (box), count_label);
      g_object_set_data (G_OBJECT (row), "count-label", count_label);
    }
  gtk_box_append (GTK_BOX (outer), box);

  if (error != NULL)
    {
      /* The error in words, where the source is listed. */
      GtkWidget *error_label = gtk_label_new (error);

      gtk_label_set_xalign (GTK_LABEL (error_label), 0);
      gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (error_label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (error_label), 3);
      gtk_label_set_ellipsize (GTK_LABEL (error_label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (error_label, "caption");
      gtk_widget_add_css_class (error_label, "error");
      /* Under the title, past the icon. */
      gtk_widget_set_margin_start (error_label, icon_name != NULL ? 26 : 0);
      gtk_box_append (GTK_BOX (outer), error_label);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), outer);
  return row;
}

static void
emit_query (ChronicleSidebar *self,
            ChronicleQuery   *query)
{
  g_set_object (&self->query, query);
  g_signal_emit (self, signals[QUERY_CHANGED], 0, query);
}

static ChronicleQuery *
current_query (ChronicleSidebar *self)
{
  if (self->query == NULL)
    self->query = chronicle_query_new ();
  return self->query;
}

static void
library_activated_cb (GtkListBox       *list,
                      GtkListBoxRow    *row,
                      ChronicleSidebar *self)
{
  ChronicleQuery *q = current_query (self);
  g_autoptr(ChronicleQuery) query = NULL;

  switch (gtk_list_box_row_get_index (row))
    {
    case LIBRARY_ALL:
      {
        g_autoptr(ChronicleQuery) unread = chronicle_query_with_unread_only (q, FALSE);
        query = chronicle_query_with_starred_only (unread, FALSE);
      }
      break;
    case LIBRARY_UNREAD:
      query = chronicle_query_with_unread_only (q, !chronicle_query_get_unread_only (q));
      break;
    case LIBRARY_STARRED:
    default:
      query = chronicle_query_with_starred_only (q, !chronicle_query_get_starred_only (q));
      break;
    }

  emit_query (self, query);
}

static void
source_activated_cb (GtkListBox       *list,
                     GtkListBoxRow    *row,
                     ChronicleSidebar *self)
{
  ChronicleQuery *q = current_query (self);
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "source-id");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(ChronicleQuery) query = NULL;
  const gint64 *current;
  guint n = 0;
  gboolean had = FALSE;

  current = chronicle_query_get_sources (q, &n);
  for (guint i = 0; i < n; i++)
    {
      if (current[i] == id)
        had = TRUE;
      else
        g_array_append_val (ids, current[i]);
    }
  if (!had)
    g_array_append_val (ids, id);

  query = chronicle_query_with_sources (q, (gint64 *) ids->data, ids->len);
  emit_query (self, query);
}

static void
facet_activated_cb (GtkListBox       *list,
                    GtkListBoxRow    *row,
                    ChronicleSidebar *self)
{
  ChronicleQuery *q = current_query (self);
  ChronicleEntityKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "entity-kind"));
  const char *name = g_object_get_data (G_OBJECT (row), "entity-name");
  const char *const *active = chronicle_query_get_entities (q, kind);
  g_autoptr(ChronicleQuery) query = NULL;

  if (active != NULL && g_strv_contains (active, name))
    query = chronicle_query_with_entity_removed (q, kind, name);
  else
    query = chronicle_query_with_entity_added (q, kind, name);

  emit_query (self, query);
}

static void
open_entity_cb (GtkButton        *button,
                ChronicleSidebar *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  g_signal_emit (self, signals[ENTITY_ACTIVATED], 0,
                 GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "entity-kind")),
                 g_object_get_data (G_OBJECT (row), "entity-name"));
}

/* A facet row filters on click; its arrow opens the entity's page. */
static void
add_open_button (ChronicleSidebar *self,
                 GtkWidget        *row,
                 const char       *name)
{
  GtkWidget *box = gtk_widget_get_first_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
  GtkWidget *button = gtk_button_new_from_icon_name ("go-next-symbolic");
  g_autofree char *label = g_strdup_printf (_("Open %s"), name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_add_css_class (button, "facet-open");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (open_entity_cb), self, 0);
  gtk_box_append (GTK_BOX (box), button);
}

/* The rows of active filters are selected; GTK 4.8 does not tell assistive
 * technologies about a list box row's selection, so say it (selected or not). */
static void
mark_rows (GtkListBox *list,
           gboolean  (*is_active) (GtkWidget *row, gpointer data),
           gpointer    data)
{
  gtk_list_box_unselect_all (list);
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (list)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      gboolean active;

      if (!GTK_IS_LIST_BOX_ROW (c))
        continue;
      active = is_active (c, data);
      if (active)
        gtk_list_box_select_row (list, GTK_LIST_BOX_ROW (c));
      gtk_accessible_update_state (GTK_ACCESSIBLE (c), GTK_ACCESSIBLE_STATE_SELECTED, active, -1);
    }
}

static gboolean
source_is_active (GtkWidget *row,
                  gpointer   data)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "source-id");
  const gint64 *ids;
  guint n = 0;

  ids = chronicle_query_get_sources (data, &n);
  for (guint i = 0; id != NULL && i < n; i++)
    if (ids[i] == *id)
      return TRUE;
  return FALSE;
}

static gboolean
entity_is_active (GtkWidget *row,
                  gpointer   data)
{
  const char *const *active = data;
  const char *name = g_object_get_data (G_OBJECT (row), "entity-name");

  return name != NULL && active != NULL && g_strv_contains (active, name);
}

static void
mark_active (ChronicleSidebar *self)
{
  ChronicleQuery *q = current_query (self);
  GtkListBoxRow *row;

  /* Library */
  row = gtk_list_box_get_row_at_index (self->library_list,
                                       chronicle_query_get_unread_only (q) ? LIBRARY_UNREAD
                                       : chronicle_query_get_starred_only (q) ? LIBRARY_STARRED
                                                                              : LIBRARY_ALL);
  gtk_list_box_select_row (self->library_list, row);

  /* Sources and facets: the rows of active filters are selected. */
  mark_rows (self->sources_list, source_is_active, q);
  for (guint k = 0; k < CHRONICLE_N_ENTITY_KINDS; k++)
    mark_rows (self->facet_lists[k], entity_is_active,
               (gpointer) chronicle_query_get_entities (q, k));
}

/* Facet search and "Show All" */

static const char *
facet_search_text (ChronicleSidebar   *self,
                   ChronicleEntityKind kind)
{
  const char *text;

  if (!gtk_widget_get_visible (self->facet_searches[kind]))
    return NULL;
  text = gtk_editable_get_text (GTK_EDITABLE (self->facet_searches[kind]));
  return text != NULL && *text != '\0' ? text : NULL;
}

static gboolean
facet_is_own (ChronicleSidebar   *self,
              ChronicleEntityKind kind)
{
  return self->store != NULL && (self->facet_expanded[kind] || facet_search_text (self, kind) != NULL);
}

static void
fill_facet (ChronicleSidebar    *self,
            ChronicleEntityKind  kind,
            GPtrArray           *entities)
{
  guint n = 0;

  clear_list (self->facet_lists[kind]);
  for (guint i = 0; entities != NULL && i < entities->len; i++)
    {
      ChronicleEntity *entity = g_ptr_array_index (entities, i);
      const char *name = chronicle_entity_get_name (entity);
      g_autofree char *flag = chronicle_format_flag (chronicle_entity_get_country_code (entity));
      g_autofree char *title = NULL;
      g_autofree char *count = g_strdup_printf ("%u", chronicle_entity_get_mention_count (entity));
      GtkWidget *row;

      if (chronicle_entity_get_kind (entity) != kind || name == NULL)
        continue;

      title = kind == CHRONICLE_ENTITY_KIND_COUNTRY && flag != NULL
                ? g_strdup_printf ("%s  %s", flag, name)
                : g_strdup (name);
      row = make_row (NULL, title, count, NULL);
      g_object_set_data (G_OBJECT (row), "entity-kind", GINT_TO_POINTER (kind));
      g_object_set_data_full (G_OBJECT (row), "entity-name", g_strdup (name), g_free);
      add_open_button (self, row, name);
      gtk_list_box_append (self->facet_lists[kind], row);
      n++;
    }
  self->facet_shown[kind] = n;

  /* Hidden only when the query names none of this kind and nobody searches it. */
  gtk_widget_set_visible (gtk_widget_get_parent (self->facet_headings[kind]),
                          n > 0 || facet_search_text (self, kind) != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->facet_lists[kind]), n > 0);
  gtk_widget_set_visible (self->facet_more_buttons[kind],
                          self->store != NULL && (self->facet_expanded[kind] || n >= FACET_ROWS));
  gtk_button_set_label (GTK_BUTTON (self->facet_more_buttons[kind]),
                        self->facet_expanded[kind] ? _("Show Fewer") : _("Show All"));
}

typedef struct {
  ChronicleSidebar   *self;
  ChronicleEntityKind kind;
} FacetRequest;

static void
facet_entities_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  FacetRequest *request = user_data;
  g_autoptr(ChronicleSidebar) self = request->self;
  ChronicleEntityKind kind = request->kind;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entities = NULL;

  g_free (request);
  entities = chronicle_store_facet_entities_finish (CHRONICLE_STORE (object), result, &error);
  if (entities == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Cannot search a facet: %s", error->message);
      return;
    }

  fill_facet (self, kind, entities);
  mark_active (self);
}

static void
load_facet (ChronicleSidebar    *self,
            ChronicleEntityKind  kind)
{
  g_cancellable_cancel (self->facet_cancellables[kind]);
  g_clear_object (&self->facet_cancellables[kind]);
  if (!facet_is_own (self, kind))
    {
      g_autoptr(GPtrArray) top = g_ptr_array_new ();

      for (guint i = 0; self->facets != NULL && i < self->facets->len; i++)
        g_ptr_array_add (top, g_ptr_array_index (self->facets, i));
      fill_facet (self, kind, top);
      mark_active (self);
      return;
    }

  {
    FacetRequest *request = g_new0 (FacetRequest, 1);

    request->self = g_object_ref (self);
    request->kind = kind;
    self->facet_cancellables[kind] = g_cancellable_new ();
    chronicle_store_facet_entities_async (self->store, current_query (self), kind,
                                          facet_search_text (self, kind),
                                          self->facet_expanded[kind] ? FACET_ALL : FACET_ROWS * 2,
                                          self->facet_cancellables[kind], facet_entities_cb,
                                          request);
  }
}

static void
facet_search_changed_cb (GtkSearchEntry   *entry,
                         ChronicleSidebar *self)
{
  load_facet (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "entity-kind")));
}

static void
facet_search_toggled_cb (GtkToggleButton  *button,
                         ChronicleSidebar *self)
{
  ChronicleEntityKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "entity-kind"));
  gboolean active = gtk_toggle_button_get_active (button);

  gtk_widget_set_visible (self->facet_searches[kind], active);
  if (active)
    gtk_widget_grab_focus (self->facet_searches[kind]);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->facet_searches[kind]), "");
  load_facet (self, kind);
}

static void
facet_stop_search_cb (GtkSearchEntry   *entry,
                      ChronicleSidebar *self)
{
  ChronicleEntityKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "entity-kind"));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->facet_search_buttons[kind]), FALSE);
}

static void
facet_more_clicked_cb (GtkButton        *button,
                       ChronicleSidebar *self)
{
  ChronicleEntityKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "entity-kind"));

  self->facet_expanded[kind] = !self->facet_expanded[kind];
  load_facet (self, kind);
}

/* Each facet heading gets a search button; a search field and "Show All"
 * go below its list. */
static void
build_facet_tools (ChronicleSidebar *self)
{
  static const char *const search_names[CHRONICLE_N_ENTITY_KINDS] = {
    N_("Search People"), N_("Search Countries"), N_("Search Places"), N_("Search Organisations"),
  };
  static const char *const more_names[CHRONICLE_N_ENTITY_KINDS] = {
    N_("Show All People"), N_("Show All Countries"), N_("Show All Places"),
    N_("Show All Organisations"),
  };

  for (guint k = 0; k < CHRONICLE_N_ENTITY_KINDS; k++)
    {
      GtkWidget *heading = self->facet_headings[k];
      GtkWidget *column = gtk_widget_get_parent (heading);
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *toggle = g_object_new (GTK_TYPE_TOGGLE_BUTTON,
                                        "accessible-role", GTK_ACCESSIBLE_ROLE_CHECKBOX, NULL);
      GtkWidget *search = gtk_search_entry_new ();
      GtkWidget *more = gtk_button_new_with_label (_("Show All"));

      /* heading → [heading, search toggle] */
      gtk_box_insert_child_after (GTK_BOX (column), header, heading);
      g_object_ref (heading);
      gtk_box_remove (GTK_BOX (column), heading);
      gtk_widget_set_hexpand (heading, TRUE);
      gtk_box_append (GTK_BOX (header), heading);
      g_object_unref (heading);

      gtk_button_set_icon_name (GTK_BUTTON (toggle), "system-search-symbolic");
      gtk_widget_add_css_class (toggle, "flat");
      gtk_widget_add_css_class (toggle, "circular");
      gtk_widget_add_css_class (toggle, "facet-tool");
      gtk_widget_set_valign (toggle, GTK_ALIGN_END);
      gtk_widget_set_margin_end (toggle, 12);
      gtk_widget_set_tooltip_text (toggle, _(search_names[k]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(search_names[k]), -1);
      g_object_set_data (G_OBJECT (toggle), "entity-kind", GINT_TO_POINTER (k));
      chronicle_ui_expose_toggle (GTK_TOGGLE_BUTTON (toggle));
      g_signal_connect (toggle, "toggled", G_CALLBACK (facet_search_toggled_cb), self);
      gtk_box_append (GTK_BOX (header), toggle);
      self->facet_search_buttons[k] = toggle;

      gtk_widget_set_margin_start (search, 12);
      gtk_widget_set_margin_end (search, 12);
      gtk_widget_set_margin_bottom (search, 6);
      gtk_widget_set_visible (search, FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(search_names[k]), -1);
      g_object_set_data (G_OBJECT (search), "entity-kind", GINT_TO_POINTER (k));
      g_signal_connect (search, "search-changed", G_CALLBACK (facet_search_changed_cb), self);
      g_signal_connect (search, "stop-search", G_CALLBACK (facet_stop_search_cb), self);
      gtk_box_insert_child_after (GTK_BOX (column), search, header);
      self->facet_searches[k] = search;

      gtk_widget_add_css_class (more, "flat");
      gtk_widget_add_css_class (more, "facet-more");
      gtk_widget_set_halign (more, GTK_ALIGN_START);
      gtk_widget_set_margin_start (more, 12);
      gtk_accessible_update_property (GTK_ACCESSIBLE (more), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(more_names[k]), -1);
      g_object_set_data (G_OBJECT (more), "entity-kind", GINT_TO_POINTER (k));
      g_signal_connect (more, "clicked", G_CALLBACK (facet_more_clicked_cb), self);
      gtk_box_insert_child_after (GTK_BOX (column), more, GTK_WIDGET (self->facet_lists[k]));
      gtk_widget_set_visible (more, FALSE);
      self->facet_more_buttons[k] = more;
    }
}

static void
chronicle_sidebar_dispose (GObject *object)
{
  ChronicleSidebar *self = CHRONICLE_SIDEBAR (object);

  for (guint k = 0; k < CHRONICLE_N_ENTITY_KINDS; k++)
    {
      g_cancellable_cancel (self->facet_cancellables[k]);
      g_clear_object (&self->facet_cancellables[k]);
    }
  g_clear_object (&self->store);
  g_clear_pointer (&self->facets, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONICLE_TYPE_SIDEBAR);
  while (gtk_widget_get_first_child (GTK_WIDGET (self)) != NULL)
    gtk_widget_unparent (gtk_widget_get_first_child (GTK_WIDGET (self)));
  g_clear_object (&self->query);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->source_counts, g_hash_table_unref);

  G_OBJECT_CLASS (chronicle_sidebar_parent_class)->dispose (object);
}

static void
chronicle_sidebar_class_init (ChronicleSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chronicle_sidebar_dispose;

  /**
   * ChronicleSidebar::query-changed:
   * @self: the sidebar
   * @query: the query with the clicked filter toggled
   */
  signals[QUERY_CHANGED] =
    g_signal_new ("query-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, CHRONICLE_TYPE_QUERY);

  /**
   * ChronicleSidebar::entity-activated:
   * @self: the sidebar
   * @kind: a #ChronicleEntityKind
   * @name: the entity's name
   *
   * A facet's "open" arrow was clicked: show the entity's page.
   */
  signals[ENTITY_ACTIVATED] =
    g_signal_new ("entity-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/chronicle-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, library_list);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, sources_list);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, sources_heading);
  gtk_widget_class_bind_template_child_full (widget_class, "people_list", FALSE,
    G_STRUCT_OFFSET (ChronicleSidebar, facet_lists) + CHRONICLE_ENTITY_KIND_PERSON * sizeof (gpointer));
  gtk_widget_class_bind_template_child_full (widget_class, "countries_list", FALSE,
    G_STRUCT_OFFSET (ChronicleSidebar, facet_lists) + CHRONICLE_ENTITY_KIND_COUNTRY * sizeof (gpointer));
  gtk_widget_class_bind_template_child_full (widget_class, "places_list", FALSE,
    G_STRUCT_OFFSET (ChronicleSidebar, facet_lists) + CHRONICLE_ENTITY_KIND_PLACE * sizeof (gpointer));
  gtk_widget_class_bind_template_child_full (widget_class, "organizations_list", FALSE,
    G_STRUCT_OFFSET (ChronicleSidebar, facet_lists) + CHRONICLE_ENTITY_KIND_ORGANIZATION * sizeof (gpointer));
  gtk_widget_class_bind_template_child_full (widget_class, "people_heading", FALSE,
    G_STRUCT_OFFSET (ChronicleSidebar, facet_headings) + CHRONICLE_ENTITY_KIND_PERSON * sizeof (gpointer));
  gtk_widget_class_bind_template_child_full (widget_class, "countries_heading", FALSE,
    G_STRUCT_OFFSET (ChronicleSidebar, facet_headings) + CHRONICLE_ENTITY_KIND_COUNTRY * sizeof (gpointer));
  gtk_widget_class_bind_template_child_full (widget_class, "places_heading", FALSE,
    G_STRUCT_OFFSET (ChronicleSidebar, facet_headings) + CHRONICLE_ENTITY_KIND_PLACE * sizeof (gpointer));
  gtk_widget_class_bind_template_child_full (widget_class, "organizations_heading", FALSE,
    G_STRUCT_OFFSET (ChronicleSidebar, facet_headings) + CHRONICLE_ENTITY_KIND_ORGANIZATION * sizeof (gpointer));
  gtk_widget_class_bind_template_callback (widget_class, library_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, source_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, facet_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sidebar");
}

static void
chronicle_sidebar_init (ChronicleSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_facet_tools (self);

  gtk_list_box_append (self->library_list,
                       make_row ("view-list-symbolic", _("All Articles"), NULL, NULL));
  gtk_list_box_append (self->library_list,
                       make_row ("mail-unread-symbolic", _("Unread"), NULL, NULL));
  gtk_list_box_append (self->library_list,
                       make_row ("starred-symbolic", _("Starred"), NULL, NULL));
  mark_active (self);
  chronicle_sidebar_set_sources (self, NULL);
  chronicle_sidebar_set_facets (self, NULL);
}

/**
 * chronicle_sidebar_new:
 *
 * Returns: (transfer floating): an empty sidebar
 */
GtkWidget *
chronicle_sidebar_new (void)
{
  return g_object_new (CHRONICLE_TYPE_SIDEBAR, NULL);
}

/**
 * chronicle_sidebar_set_query:
 * @self: a #ChronicleSidebar
 * @query: the timeline's query; its filters show as selected rows
 */
void
chronicle_sidebar_set_query (ChronicleSidebar *self,
                             ChronicleQuery   *query)
{
  g_return_if_fail (CHRONICLE_IS_SIDEBAR (self));
  g_return_if_fail (CHRONICLE_IS_QUERY (query));

  g_set_object (&self->query, query);
  mark_active (self);
}

static guint
source_count (ChronicleSidebar *self,
              ChronicleSource  *source)
{
  gint64 id = chronicle_source_get_id (source);

  if (self->source_counts == NULL)
    return chronicle_source_get_article_count (source);
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->source_counts, &id));
}

/**
 * chronicle_sidebar_set_source_counts:
 * @self: a #ChronicleSidebar
 * @counts: (nullable) (element-type ChronicleSourceCount): the articles of each source
 *   under the query (chronicle_store_source_counts_async()); %NULL shows the totals
 *
 * The Sources facet's counts; a source not in @counts shows 0.
 */
void
chronicle_sidebar_set_source_counts (ChronicleSidebar *self,
                                     GArray           *counts)
{
  g_return_if_fail (CHRONICLE_IS_SIDEBAR (self));

  g_clear_pointer (&self->source_counts, g_hash_table_unref);
  if (counts != NULL)
    {
      self->source_counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; i < counts->len; i++)
        {
          ChronicleSourceCount *c = &g_array_index (counts, ChronicleSourceCount, i);

          g_hash_table_insert (self->source_counts, g_memdup2 (&c->source_id, sizeof (gint64)),
                               GUINT_TO_POINTER (c->count));
        }
    }

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sources_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      gint64 *id = g_object_get_data (G_OBJECT (row), "source-id");
      GtkLabel *label = g_object_get_data (G_OBJECT (row), "count-label");

      for (guint i = 0; id != NULL && label != NULL && self->sources != NULL
                        && i < self->sources->len; i++)
        {
          ChronicleSource *source = g_ptr_array_index (self->sources, i);

          if (chronicle_source_get_id (source) == *id)
            {
              g_autofree char *text = g_strdup_printf ("%u", source_count (self, source));

              gtk_label_set_text (label, text);
            }
        }
    }
}

/**
 * chronicle_sidebar_set_sources:
 * @self: a #ChronicleSidebar
 * @sources: (nullable) (element-type ChronicleSource): the sources
 */
void
chronicle_sidebar_set_sources (ChronicleSidebar *self,
                               GPtrArray        *sources)
{
  g_return_if_fail (CHRONICLE_IS_SIDEBAR (self));

  clear_list (self->sources_list);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  self->n_failed = 0;
  if (sources != NULL)
    self->sources = g_ptr_array_ref (sources);

  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      ChronicleSource *source = g_ptr_array_index (sources, i);
      const char *title = chronicle_source_get_title (source);
      const char *error = chronicle_source_get_last_error (source);
      gint64 id = chronicle_source_get_id (source);
      g_autofree char *count = g_strdup_printf ("%u", source_count (self, source));
      GtkWidget *row;

      if (title == NULL || *title == '\0')
        title = chronicle_source_get_url (source);
      if (error != NULL && *error == '\0')
        error = NULL;
      if (error != NULL)
        self->n_failed++;

      row = make_row ("application-rss+xml-symbolic", title, count, error);
      g_object_set_data_full (G_OBJECT (row), "source-id", g_memdup2 (&id, sizeof id), g_free);
      gtk_list_box_append (self->sources_list, row);
    }

  gtk_widget_set_visible (self->sources_heading, sources != NULL && sources->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->sources_list), sources != NULL && sources->len > 0);
  mark_active (self);
}

/**
 * chronicle_sidebar_set_facets:
 * @self: a #ChronicleSidebar
 * @entities: (nullable) (element-type ChronicleEntity): the most frequent
 *   entities under the query, with their counts as mention-count
 */
void
chronicle_sidebar_set_facets (ChronicleSidebar *self,
                              GPtrArray        *entities)
{
  g_return_if_fail (CHRONICLE_IS_SIDEBAR (self));

  g_clear_pointer (&self->facets, g_ptr_array_unref);
  if (entities != NULL)
    self->facets = g_ptr_array_ref (entities);

  /* Searched and expanded facets ask the store under the new query. */
  for (guint k = 0; k < CHRONICLE_N_ENTITY_KINDS; k++)
    load_facet (self, k);
  mark_active (self);
}

/**
 * chronicle_sidebar_set_store:
 * @self: a #ChronicleSidebar
 * @store: (nullable): what each facet's search and "Show All" ask
 */
void
chronicle_sidebar_set_store (ChronicleSidebar *self,
                             ChronicleStore   *store)
{
  g_return_if_fail (CHRONICLE_IS_SIDEBAR (self));

  g_set_object (&self->store, store);
}

/**
 * chronicle_sidebar_dup_source_title:
 * @self: a #ChronicleSidebar
 * @source_id: a source's id
 *
 * Returns: (transfer full) (nullable): its title, if the sidebar lists it
 */
char *
chronicle_sidebar_dup_source_title (ChronicleSidebar *self,
                                    gint64            source_id)
{
  g_return_val_if_fail (CHRONICLE_IS_SIDEBAR (self), NULL);

  for (guint i = 0; self->sources != NULL && i < self->sources->len; i++)
    {
      ChronicleSource *source = g_ptr_array_index (self->sources, i);

      if (chronicle_source_get_id (source) == source_id)
        return g_strdup (chronicle_source_get_title (source) ? chronicle_source_get_title (source)
                                                             : chronicle_source_get_url (source));
    }

  return NULL;
}

/**
 * chronicle_sidebar_get_n_failed_sources:
 * @self: a #ChronicleSidebar
 *
 * Returns: how many sources show an error
 */
guint
chronicle_sidebar_get_n_failed_sources (ChronicleSidebar *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SIDEBAR (self), 0);

  return self->n_failed;
}
