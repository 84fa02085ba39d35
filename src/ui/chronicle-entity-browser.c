/* chronicle-entity-browser.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * Every person, country, organisation or place the news named: one kind at
 * a time, sorted by mentions, name or most recent mention, searchable, each
 * row with a sparkline of its articles per month. A row opens the entity's
 * page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chronicle-entity-browser.h"
#include "chronicle-format.h"
#include "chronicle-sparkline.h"

#define N_ROWS   300
#define N_MONTHS 240

struct _ChronicleEntityBrowser
{
  GtkWidget            parent_instance;

  ChronicleStore      *store;
  GCancellable        *cancellable;
  ChronicleEntityKind  kind;
  ChronicleEntitySort  sort;
  char                *search;
  gboolean             loading;
  GPtrArray           *names;

  GtkWidget           *box;
  GtkWidget           *kind_buttons[CHRONICLE_N_ENTITY_KINDS];
  GtkDropDown         *sort_dropdown;
  GtkWidget           *search_entry;
  GtkStack            *stack;
  GtkListBox          *list;
  GtkLabel            *total_label;
};

G_DEFINE_FINAL_TYPE (ChronicleEntityBrowser, chronicle_entity_browser, GTK_TYPE_WIDGET)

enum {
  ENTITY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
kind_icon (ChronicleEntityKind kind)
{
  switch (kind)
    {
    case CHRONICLE_ENTITY_KIND_PERSON:
      return "avatar-default-symbolic";
    case CHRONICLE_ENTITY_KIND_COUNTRY:
      return "emoji-flags-symbolic";
    case CHRONICLE_ENTITY_KIND_PLACE:
      return "mark-location-symbolic";
    case CHRONICLE_ENTITY_KIND_ORGANIZATION:
    default:
      return "system-users-symbolic";
    }
}

static GtkWidget *
make_row (ChronicleEntitySummary *s)
{
  ChronicleEntity *entity = s->entity;
  ChronicleEntityKind kind = chronicle_entity_get_kind (entity);
  g_autofree char *flag = chronicle_format_flag (chronicle_entity_get_country_code (entity));
  g_autofree char *count = g_strdup_printf ("%u", chronicle_entity_get_mention_count (entity));
  g_autofree char *a11y = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (chronicle_entity_get_name (entity));
  GtkWidget *spark = chronicle_sparkline_new ();
  GtkWidget *n = gtk_label_new (count);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  if (kind == CHRONICLE_ENTITY_KIND_COUNTRY && flag != NULL)
    gtk_box_append (GTK_BOX (box), gtk_label_new (flag));
  else
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (kind_icon (kind)));
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_box_append (GTK_BOX (box), name);
  if (s->followed)
    {
      GtkWidget *star = gtk_image_new_from_icon_name ("starred-symbolic");

      gtk_widget_set_tooltip_text (star, _("Followed"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (star), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Followed"), -1);
      gtk_box_append (GTK_BOX (box), star);
    }
  gtk_widget_set_size_request (spark, 96, 24);
  gtk_widget_set_valign (spark, GTK_ALIGN_CENTER);
  if (s->series != NULL)
    chronicle_sparkline_set_values (CHRONICLE_SPARKLINE (spark), (guint *) s->series->data,
                                    s->series->len);
  gtk_box_append (GTK_BOX (box), spark);
  gtk_widget_add_css_class (n, "dim-label");
  gtk_widget_add_css_class (n, "numeric");
  gtk_label_set_width_chars (GTK_LABEL (n), 4);
  gtk_label_set_xalign (GTK_LABEL (n), 1);
  gtk_box_append (GTK_BOX (box), n);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  a11y = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u article", "%s, %u articles",
                                       chronicle_entity_get_mention_count (entity)),
                          chronicle_entity_get_name (entity),
                          chronicle_entity_get_mention_count (entity));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  g_object_set_data (G_OBJECT (row), "entity-kind", GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (row), "entity-name",
                          g_strdup (chronicle_entity_get_name (entity)), g_free);
  return row;
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(ChronicleEntityBrowser) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleEntityList) list = NULL;
  g_autofree char *total = NULL;
  GtkWidget *child;

  list = chronicle_store_list_entities_finish (CHRONICLE_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  if (list == NULL)
    {
      g_debug ("Cannot list entities: %s", error->message);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->names, 0);
  for (guint i = 0; i < list->rows->len; i++)
    {
      ChronicleEntitySummary *s = g_ptr_array_index (list->rows, i);

      gtk_list_box_append (self->list, make_row (s));
      g_ptr_array_add (self->names, g_strdup (chronicle_entity_get_name (s->entity)));
    }

  total = list->total > list->rows->len
            ? g_strdup_printf (_("The %u most named of %u"), list->rows->len, list->total)
            : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u name", "%u names", list->total),
                               list->total);
  gtk_label_set_label (self->total_label, total);
  gtk_stack_set_visible_child_name (self->stack, list->rows->len > 0 ? "list" : "empty");
}

static void
kind_toggled_cb (GtkToggleButton        *button,
                 ChronicleEntityBrowser *self)
{
  if (gtk_toggle_button_get_active (button))
    chronicle_entity_browser_set_kind (
      self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "entity-kind")));
}

static void
sort_changed_cb (GtkDropDown            *dropdown,
                 GParamSpec             *pspec,
                 ChronicleEntityBrowser *self)
{
  chronicle_entity_browser_set_sort (self, gtk_drop_down_get_selected (dropdown));
}

static void
search_changed_cb (GtkSearchEntry         *entry,
                   ChronicleEntityBrowser *self)
{
  chronicle_entity_browser_set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
row_activated_cb (GtkListBox             *list,
                  GtkListBoxRow          *row,
                  ChronicleEntityBrowser *self)
{
  g_signal_emit (self, signals[ENTITY_ACTIVATED], 0,
                 GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "entity-kind")),
                 g_object_get_data (G_OBJECT (row), "entity-name"));
}

static void
chronicle_entity_browser_dispose (GObject *object)
{
  ChronicleEntityBrowser *self = CHRONICLE_ENTITY_BROWSER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->names, g_ptr_array_unref);

  G_OBJECT_CLASS (chronicle_entity_browser_parent_class)->dispose (object);
}

static void
chronicle_entity_browser_class_init (ChronicleEntityBrowserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chronicle_entity_browser_dispose;

  /**
   * ChronicleEntityBrowser::entity-activated:
   * @self: the browser
   * @kind: a #ChronicleEntityKind
   * @name: the entity's name
   */
  signals[ENTITY_ACTIVATED] =
    g_signal_new ("entity-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "entitybrowser");
}

static void
chronicle_entity_browser_init (ChronicleEntityBrowser *self)
{
  static const char *const titles[CHRONICLE_N_ENTITY_KINDS] = {
    N_("People"), N_("Countries"), N_("Places"), N_("Organisations"),
  };
  static const ChronicleEntityKind order[] = {
    CHRONICLE_ENTITY_KIND_PERSON, CHRONICLE_ENTITY_KIND_COUNTRY,
    CHRONICLE_ENTITY_KIND_ORGANIZATION, CHRONICLE_ENTITY_KIND_PLACE,
  };
  const char *sorts[] = { _("Most Named"), _("Name"), _("Most Recent"), NULL };
  GtkWidget *tools = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *kinds = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *row2 = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *first = NULL;

  self->names = g_ptr_array_new_with_free_func (g_free);
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_widget_set_margin_start (tools, 18);
  gtk_widget_set_margin_end (tools, 18);
  gtk_widget_set_margin_top (tools, 18);
  gtk_widget_set_margin_bottom (tools, 12);

  gtk_widget_add_css_class (kinds, "linked");
  gtk_widget_set_halign (kinds, GTK_ALIGN_CENTER);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      ChronicleEntityKind k = order[i];
      GtkWidget *button = gtk_toggle_button_new_with_label (_(titles[k]));

      if (first != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (first));
      else
        first = button;
      g_object_set_data (G_OBJECT (button), "entity-kind", GINT_TO_POINTER (k));
      g_signal_connect (button, "toggled", G_CALLBACK (kind_toggled_cb), self);
      gtk_box_append (GTK_BOX (kinds), button);
      self->kind_buttons[k] = button;
    }
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (first), TRUE);
  gtk_box_append (GTK_BOX (tools), kinds);

  self->search_entry = gtk_search_entry_new ();
  gtk_widget_set_hexpand (self->search_entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Names"), -1);
  g_object_set (self->search_entry, "placeholder-text", _("Search names"), NULL);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  gtk_box_append (GTK_BOX (row2), self->search_entry);
  self->sort_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (sorts));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sort_dropdown), _("Sort"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sort_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sort"), -1);
  g_signal_connect (self->sort_dropdown, "notify::selected", G_CALLBACK (sort_changed_cb), self);
  gtk_box_append (GTK_BOX (row2), GTK_WIDGET (self->sort_dropdown));
  gtk_box_append (GTK_BOX (tools), row2);

  self->total_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->total_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->total_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->total_label), "caption");
  gtk_box_append (GTK_BOX (tools), GTK_WIDGET (self->total_label));

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), tools);
  gtk_box_append (GTK_BOX (self->box), clamp);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Names"), -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_widget_set_margin_start (inner, 18);
  gtk_widget_set_margin_end (inner, 18);
  gtk_widget_set_margin_bottom (inner, 18);
  gtk_box_append (GTK_BOX (inner), GTK_WIDGET (self->list));
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), inner);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_stack_add_named (self->stack, scrolled, "list");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "edit-find-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Names Found"));
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->stack));
}

/**
 * chronicle_entity_browser_new:
 *
 * Returns: (transfer floating): an entity browser showing people
 */
GtkWidget *
chronicle_entity_browser_new (void)
{
  return g_object_new (CHRONICLE_TYPE_ENTITY_BROWSER, NULL);
}

/**
 * chronicle_entity_browser_reload:
 * @self: a #ChronicleEntityBrowser
 *
 * Asks the store again (after a sync or a correction).
 */
void
chronicle_entity_browser_reload (ChronicleEntityBrowser *self)
{
  g_return_if_fail (CHRONICLE_IS_ENTITY_BROWSER (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  chronicle_store_list_entities_async (self->store, self->kind, self->sort, self->search, 0,
                                       N_ROWS, N_MONTHS, self->cancellable, list_cb,
                                       g_object_ref (self));
}

/**
 * chronicle_entity_browser_set_store:
 * @self: a #ChronicleEntityBrowser
 * @store: (nullable): the store
 */
void
chronicle_entity_browser_set_store (ChronicleEntityBrowser *self,
                                    ChronicleStore         *store)
{
  g_return_if_fail (CHRONICLE_IS_ENTITY_BROWSER (self));

  if (g_set_object (&self->store, store))
    chronicle_entity_browser_reload (self);
}

/**
 * chronicle_entity_browser_set_kind:
 * @self: a #ChronicleEntityBrowser
 * @kind: which entities to list
 */
void
chronicle_entity_browser_set_kind (ChronicleEntityBrowser *self,
                                   ChronicleEntityKind     kind)
{
  g_return_if_fail (CHRONICLE_IS_ENTITY_BROWSER (self));
  g_return_if_fail (kind < CHRONICLE_N_ENTITY_KINDS);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->kind_buttons[kind]), TRUE);
  if (self->kind == kind && self->loading)
    return;
  self->kind = kind;
  chronicle_entity_browser_reload (self);
}

/**
 * chronicle_entity_browser_set_sort:
 * @self: a #ChronicleEntityBrowser
 * @sort: the order
 */
void
chronicle_entity_browser_set_sort (ChronicleEntityBrowser *self,
                                   ChronicleEntitySort     sort)
{
  g_return_if_fail (CHRONICLE_IS_ENTITY_BROWSER (self));

  if (gtk_drop_down_get_selected (self->sort_dropdown) != (guint) sort)
    gtk_drop_down_set_selected (self->sort_dropdown, sort);
  self->sort = sort;
  chronicle_entity_browser_reload (self);
}

/**
 * chronicle_entity_browser_set_search:
 * @self: a #ChronicleEntityBrowser
 * @search: (nullable): only names containing this
 */
void
chronicle_entity_browser_set_search (ChronicleEntityBrowser *self,
                                     const char             *search)
{
  g_return_if_fail (CHRONICLE_IS_ENTITY_BROWSER (self));

  g_free (self->search);
  self->search = search != NULL && *search != '\0' ? g_strdup (search) : NULL;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), search ? search : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search ? search : "");
  chronicle_entity_browser_reload (self);
}

/**
 * chronicle_entity_browser_is_loading:
 * @self: a #ChronicleEntityBrowser
 *
 * Returns: whether the store has not answered yet
 */
gboolean
chronicle_entity_browser_is_loading (ChronicleEntityBrowser *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ENTITY_BROWSER (self), FALSE);

  return self->loading;
}

/**
 * chronicle_entity_browser_get_n_rows:
 * @self: a #ChronicleEntityBrowser
 *
 * Returns: how many rows are listed
 */
guint
chronicle_entity_browser_get_n_rows (ChronicleEntityBrowser *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ENTITY_BROWSER (self), 0);

  return self->names->len;
}

/**
 * chronicle_entity_browser_get_row_name:
 * @self: a #ChronicleEntityBrowser
 * @index: a row
 *
 * Returns: (nullable): the name on that row
 */
const char *
chronicle_entity_browser_get_row_name (ChronicleEntityBrowser *self,
                                       guint                   index)
{
  g_return_val_if_fail (CHRONICLE_IS_ENTITY_BROWSER (self), NULL);

  return index < self->names->len ? g_ptr_array_index (self->names, index) : NULL;
}

/**
 * chronicle_entity_browser_activate_row:
 * @self: a #ChronicleEntityBrowser
 * @index: a row
 *
 * Opens that row's entity, as a click would.
 */
void
chronicle_entity_browser_activate_row (ChronicleEntityBrowser *self,
                                       guint                   index)
{
  GtkListBoxRow *row;

  g_return_if_fail (CHRONICLE_IS_ENTITY_BROWSER (self));

  row = gtk_list_box_get_row_at_index (self->list, index);
  if (row != NULL)
    row_activated_cb (self->list, row, self);
}
