/* chronicle-world-map.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-country-names.h"
#include "chronicle-map-canvas.h"
#include "chronicle-world-map.h"
#include "chronicle-ui.h"

/* A choropleth of the world: each country shaded by how many articles
 * mention it, with a legend, the country under the pointer named above the
 * map, zoom buttons, and a list of the same counts for screen readers and
 * keyboard users (the "Show as List" toggle). */

#define ZOOM_STEP 1.5

struct _ChronicleWorldMap
{
  GtkWidget                 parent_instance;

  GHashTable               *counts;  /* upper-case code → count */
  ChronicleMapScale         scale;
  char                     *selected_code;
  gboolean                  show_list;
  guint                     n_mentioned;  /* countries with articles */

  /* Template widgets */
  GtkWidget                *box;
  GtkInscription           *info_label;
  GtkWidget                *zoom_box;
  GtkToggleButton          *list_button;
  GtkWidget                *zoom_out_button;
  GtkStack                 *stack;
  ChronicleMapCanvas       *canvas;
  GtkStack                 *list_stack;
  GtkListView              *list_view;
  GtkStringList            *list_codes;
  GtkSignalListItemFactory *list_factory;
  GtkWidget                *legend;
};

G_DEFINE_FINAL_TYPE (ChronicleWorldMap, chronicle_world_map, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED_CODE,
  PROP_SHOW_LIST,
  PROP_HOVERED_CODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  COUNTRY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
country_display_name (const char *code)
{
  const char *name = chronicle_country_get_name (code);

  return name != NULL ? name : code;
}

static char *
format_articles (guint count)
{
  if (count == 0)
    return g_strdup (_("No articles"));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u article", "%'u articles", count),
                          count);
}

/* "🇫🇷 France — 12 articles" for the country under the pointer, else a summary. */
static void
update_info_label (ChronicleWorldMap *self)
{
  const char *code = chronicle_world_map_get_hovered_code (self);
  g_autofree char *text = NULL;

  if (code != NULL && !self->show_list)
    {
      g_autofree char *flag = chronicle_country_code_to_flag (code);
      g_autofree char *articles = format_articles (chronicle_world_map_get_count (self, code));

      /* Translators: a flag, a country and its number of articles */
      text = g_strdup_printf (_("%s %s — %s"), flag, country_display_name (code), articles);
    }
  else if (self->n_mentioned > 0)
    {
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Articles in %'u country",
                                           "Articles in %'u countries", self->n_mentioned),
                              self->n_mentioned);
    }
  else
    {
      text = g_strdup (_("No articles mention a country"));
    }

  gtk_inscription_set_text (self->info_label, text);
}

static int
compare_by_count_cb (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  ChronicleWorldMap *self = user_data;
  const char *code_a = *(const char *const *) a;
  const char *code_b = *(const char *const *) b;
  guint count_a = chronicle_world_map_get_count (self, code_a);
  guint count_b = chronicle_world_map_get_count (self, code_b);

  if (count_a != count_b)
    return count_a > count_b ? -1 : 1;

  return g_utf8_collate (country_display_name (code_a), country_display_name (code_b));
}

/* The list alternative and the map's accessible description, most first. */
static void
update_list (ChronicleWorldMap *self)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *text = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > 0)
      g_ptr_array_add (codes, key);
  g_ptr_array_sort_with_data (codes, compare_by_count_cb, self);
  self->n_mentioned = codes->len;

  g_ptr_array_add (codes, NULL);
  gtk_string_list_splice (self->list_codes, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->list_codes)),
                          (const char *const *) codes->pdata);
  gtk_stack_set_visible_child_name (self->list_stack, self->n_mentioned > 0 ? "countries" : "empty");

  g_string_append (description, _("Countries shaded by their number of articles."));
  for (guint i = 0; i < MIN (self->n_mentioned, 5); i++)
    {
      const char *code = g_ptr_array_index (codes, i);

      g_string_append_c (description, ' ');
      /* Translators: a country and its number of articles, in the map's description */
      g_string_append_printf (description, _("%s: %u."), country_display_name (code),
                              chronicle_world_map_get_count (self, code));
    }
  g_string_append_c (description, ' ');
  g_string_append (description, _("Show as List lists every country."));
  /* Through g_string_free(): newer GLib's inline GString functions make GCC 14 think
   * the string may be NULL here (-Wnull-dereference). */
  text = g_string_free (g_steal_pointer (&description), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static void
draw_swatch_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  ChronicleWorldMap *self = user_data;
  double radius = height / 2.0;
  GdkRGBA color;

  chronicle_map_canvas_get_shade_color (self->canvas,
                                        GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area),
                                                                             "shade")),
                                        &color);
  cairo_new_sub_path (cr);
  cairo_arc (cr, width - radius, radius, radius, -G_PI / 2, G_PI / 2);
  cairo_arc (cr, radius, radius, radius, G_PI / 2, 3 * G_PI / 2);
  cairo_close_path (cr);
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_fill (cr);
}

/* One segment of the legend's bar: its colour over its range of counts. */
static void
add_legend_entry (ChronicleWorldMap *self,
                  guint              shade,
                  const char        *text,
                  const char        *accessible)
{
  GtkWidget *entry = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *swatch = gtk_drawing_area_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_size_request (entry, 56, -1);
  g_object_set_data (G_OBJECT (swatch), "shade", GUINT_TO_POINTER (shade));
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 8);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch_cb, self, NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (swatch), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);

  gtk_box_append (GTK_BOX (entry), swatch);
  gtk_box_append (GTK_BOX (entry), label);
  gtk_box_append (GTK_BOX (self->legend), entry);
}

static void
update_legend (ChronicleWorldMap *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->legend)) != NULL)
    gtk_box_remove (GTK_BOX (self->legend), child);

  add_legend_entry (self, 0, _("None"), _("No articles"));
  for (guint step = 1; step <= self->scale.n_steps; step++)
    {
      guint lower = chronicle_map_scale_get_lower (&self->scale, step);
      guint upper = self->scale.upper[step - 1];
      g_autofree char *text = NULL;
      g_autofree char *accessible = NULL;

      if (lower == upper)
        {
          text = g_strdup_printf ("%'u", lower);
          accessible = format_articles (lower);
        }
      else
        {
          /* Translators: a range of article counts in the map's legend */
          text = g_strdup_printf (_("%'u–%'u"), lower, upper);
          /* Translators: a range of article counts in the map's legend, for screen readers */
          accessible = g_strdup_printf (_("%'u to %'u articles"), lower, upper);
        }
      add_legend_entry (self, chronicle_map_scale_get_shade (&self->scale, step), text,
                        accessible);
    }
}

static void
update_shades (ChronicleWorldMap *self)
{
  ChronicleWorldMapData *data = chronicle_map_canvas_get_data (self->canvas);
  guint n_countries = chronicle_world_map_data_get_n_countries (data);
  g_autofree guint8 *shades = g_new0 (guint8, n_countries);
  guint max_count = 0;

  /* Countries too small for the map (Singapore) are in the list, but do not
   * set the scale: they would wash out every shade on the map. */
  for (guint c = 0; c < n_countries; c++)
    max_count = MAX (max_count,
                     chronicle_world_map_get_count (self,
                                                    chronicle_world_map_data_get_code (data, c)));
  chronicle_map_scale_init (&self->scale, max_count);

  for (guint c = 0; c < n_countries; c++)
    {
      guint count = chronicle_world_map_get_count (self,
                                                   chronicle_world_map_data_get_code (data, c));

      shades[c] = chronicle_map_scale_get_shade (&self->scale,
                                                 chronicle_map_scale_get_step (&self->scale,
                                                                               count));
    }
  chronicle_map_canvas_set_shades (self->canvas, shades);
}

static void
update_actions (ChronicleWorldMap *self)
{
  double zoom = chronicle_map_canvas_get_zoom (self->canvas);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.zoom-in",
                                 !self->show_list && zoom < CHRONICLE_MAP_CANVAS_MAX_ZOOM);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.zoom-out",
                                 !self->show_list && zoom > CHRONICLE_MAP_CANVAS_MIN_ZOOM);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.zoom-reset",
                                 !self->show_list && zoom > CHRONICLE_MAP_CANVAS_MIN_ZOOM);
}

static void
zoom_by (ChronicleWorldMap *self,
         double             factor)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (self->canvas));

  chronicle_map_canvas_zoom_at (self->canvas, chronicle_map_canvas_get_zoom (self->canvas) * factor,
                                width / 2.0, height / 2.0);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  zoom_by (CHRONICLE_WORLD_MAP (widget), ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  zoom_by (CHRONICLE_WORLD_MAP (widget), 1 / ZOOM_STEP);
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  chronicle_map_canvas_reset_view (CHRONICLE_WORLD_MAP (widget)->canvas);
}

static void
zoom_changed_cb (ChronicleMapCanvas *canvas,
                 GParamSpec         *pspec,
                 ChronicleWorldMap  *self)
{
  update_actions (self);
}

static void
hovered_changed_cb (ChronicleMapCanvas *canvas,
                    GParamSpec         *pspec,
                    ChronicleWorldMap  *self)
{
  update_info_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVERED_CODE]);
}

static void
colors_changed_cb (ChronicleMapCanvas *canvas,
                   ChronicleWorldMap  *self)
{
  for (GtkWidget *entry = gtk_widget_get_first_child (self->legend);
       entry != NULL;
       entry = gtk_widget_get_next_sibling (entry))
    gtk_widget_queue_draw (gtk_widget_get_first_child (entry));
}

static void
canvas_country_activated_cb (ChronicleMapCanvas *canvas,
                             int                 country,
                             ChronicleWorldMap  *self)
{
  const char *code = chronicle_world_map_data_get_code (chronicle_map_canvas_get_data (canvas),
                                                        country);

  g_signal_emit (self, signals[COUNTRY_ACTIVATED], 0, code);
}

static void
list_activate_cb (GtkListView       *list_view,
                  guint              position,
                  ChronicleWorldMap *self)
{
  const char *code = gtk_string_list_get_string (self->list_codes, position);

  if (code != NULL)
    g_signal_emit (self, signals[COUNTRY_ACTIVATED], 0, code);
}

static void
list_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ChronicleWorldMap        *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *flag = gtk_label_new (NULL);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  /* The flag is decoration: the name says it. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (flag), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");

  gtk_box_append (GTK_BOX (row), flag);
  gtk_box_append (GTK_BOX (row), name);
  gtk_box_append (GTK_BOX (row), count);
  gtk_list_item_set_child (item, row);
}

static void
list_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ChronicleWorldMap        *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *flag = gtk_widget_get_first_child (row);
  GtkWidget *name = gtk_widget_get_next_sibling (flag);
  GtkWidget *count = gtk_widget_get_next_sibling (name);
  const char *code = gtk_string_object_get_string (gtk_list_item_get_item (item));
  guint n = chronicle_world_map_get_count (self, code);
  g_autofree char *flag_text = chronicle_country_code_to_flag (code);
  g_autofree char *count_text = g_strdup_printf ("%'u", n);
  g_autofree char *articles = format_articles (n);
  g_autofree char *accessible = NULL;

  gtk_label_set_label (GTK_LABEL (flag), flag_text);
  gtk_label_set_label (GTK_LABEL (name), country_display_name (code));
  gtk_label_set_label (GTK_LABEL (count), count_text);

  /* Translators: a country and its number of articles, read by screen readers */
  accessible = g_strdup_printf (_("%s, %s"), country_display_name (code), articles);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

static void
chronicle_world_map_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ChronicleWorldMap *self = CHRONICLE_WORLD_MAP (object);

  switch (prop_id)
    {
    case PROP_SELECTED_CODE:
      g_value_set_string (value, self->selected_code);
      break;
    case PROP_SHOW_LIST:
      g_value_set_boolean (value, self->show_list);
      break;
    case PROP_HOVERED_CODE:
      g_value_set_string (value, chronicle_world_map_get_hovered_code (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_world_map_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ChronicleWorldMap *self = CHRONICLE_WORLD_MAP (object);

  switch (prop_id)
    {
    case PROP_SELECTED_CODE:
      chronicle_world_map_set_selected_code (self, g_value_get_string (value));
      break;
    case PROP_SHOW_LIST:
      chronicle_world_map_set_show_list (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_world_map_dispose (GObject *object)
{
  ChronicleWorldMap *self = CHRONICLE_WORLD_MAP (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONICLE_TYPE_WORLD_MAP);

  G_OBJECT_CLASS (chronicle_world_map_parent_class)->dispose (object);
}

static void
chronicle_world_map_finalize (GObject *object)
{
  ChronicleWorldMap *self = CHRONICLE_WORLD_MAP (object);

  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->selected_code, g_free);

  G_OBJECT_CLASS (chronicle_world_map_parent_class)->finalize (object);
}

static void
chronicle_world_map_class_init (ChronicleWorldMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = chronicle_world_map_get_property;
  object_class->set_property = chronicle_world_map_set_property;
  object_class->dispose = chronicle_world_map_dispose;
  object_class->finalize = chronicle_world_map_finalize;

  /**
   * ChronicleWorldMap:selected-code:
   *
   * The ISO 3166-1 alpha-2 code of the country outlined on the map (the one
   * the timeline is filtered by), or %NULL.
   */
  properties[PROP_SELECTED_CODE] =
    g_param_spec_string ("selected-code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ChronicleWorldMap:show-list:
   *
   * Whether the counts show as a list of countries instead of the map.
   */
  properties[PROP_SHOW_LIST] =
    g_param_spec_boolean ("show-list", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ChronicleWorldMap:hovered-code:
   *
   * The code of the country under the pointer, or %NULL.
   */
  properties[PROP_HOVERED_CODE] =
    g_param_spec_string ("hovered-code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ChronicleWorldMap::country-activated:
   * @self: the map
   * @code: the ISO 3166-1 alpha-2 code of the country clicked or chosen in the list
   */
  signals[COUNTRY_ACTIVATED] =
    g_signal_new ("country-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  g_type_ensure (CHRONICLE_TYPE_MAP_CANVAS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/chronicle-world-map.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronicleWorldMap, box);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWorldMap, info_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWorldMap, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWorldMap, list_button);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWorldMap, zoom_out_button);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWorldMap, stack);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWorldMap, canvas);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWorldMap, list_stack);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWorldMap, list_view);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWorldMap, list_codes);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWorldMap, list_factory);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWorldMap, legend);

  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_install_property_action (widget_class, "map.show-list", "show-list");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "worldmapview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
chronicle_world_map_init (ChronicleWorldMap *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  chronicle_ui_expose_toggle (self->list_button);

  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_signal_connect_object (self->list_factory, "setup", G_CALLBACK (list_setup_cb), self, 0);
  g_signal_connect_object (self->list_factory, "bind", G_CALLBACK (list_bind_cb), self, 0);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (list_activate_cb), self, 0);
  g_signal_connect_object (self->canvas, "notify::zoom", G_CALLBACK (zoom_changed_cb), self, 0);
  g_signal_connect_object (self->canvas, "notify::hovered", G_CALLBACK (hovered_changed_cb),
                           self, 0);
  g_signal_connect_object (self->canvas, "colors-changed", G_CALLBACK (colors_changed_cb),
                           self, 0);
  g_signal_connect_object (self->canvas, "country-activated",
                           G_CALLBACK (canvas_country_activated_cb), self, 0);

  chronicle_world_map_set_counts (self, NULL);
  update_actions (self);
}

/**
 * chronicle_world_map_new:
 *
 * Returns: (transfer floating): a world map with no counts
 */
GtkWidget *
chronicle_world_map_new (void)
{
  return g_object_new (CHRONICLE_TYPE_WORLD_MAP, NULL);
}

/**
 * chronicle_world_map_set_counts:
 * @self: a world map
 * @counts: (nullable) (element-type utf8 guint): ISO 3166-1 alpha-2 codes (any
 *   case) to counts (`GUINT_TO_POINTER`), or %NULL for none
 *
 * Shades the map by @counts and lists them. The map copies what it needs;
 * codes it does not know are ignored, countries missing from @counts have
 * no articles.
 */
void
chronicle_world_map_set_counts (ChronicleWorldMap *self,
                                GHashTable        *counts)
{
  g_return_if_fail (CHRONICLE_IS_WORLD_MAP (self));

  g_hash_table_remove_all (self->counts);
  if (counts != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, counts);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          if (!chronicle_country_code_is_known (key))
            continue;
          g_hash_table_insert (self->counts, g_ascii_strup (key, -1), value);
        }
    }

  update_shades (self);
  update_legend (self);
  update_list (self);
  update_info_label (self);
}

/**
 * chronicle_world_map_get_count:
 * @self: a world map
 * @code: an ISO 3166-1 alpha-2 code, in any case
 *
 * Returns: the count given for @code, 0 if none
 */
guint
chronicle_world_map_get_count (ChronicleWorldMap *self,
                               const char        *code)
{
  char key[3];

  g_return_val_if_fail (CHRONICLE_IS_WORLD_MAP (self), 0);

  if (code == NULL || code[0] == '\0' || code[1] == '\0' || code[2] != '\0')
    return 0;
  key[0] = g_ascii_toupper (code[0]);
  key[1] = g_ascii_toupper (code[1]);
  key[2] = '\0';

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, key));
}

/**
 * chronicle_world_map_get_scale:
 * @self: a world map
 *
 * Returns: (transfer none): the steps the counts are shaded by
 */
const ChronicleMapScale *
chronicle_world_map_get_scale (ChronicleWorldMap *self)
{
  g_return_val_if_fail (CHRONICLE_IS_WORLD_MAP (self), NULL);

  return &self->scale;
}

/**
 * chronicle_world_map_get_shade:
 * @self: a world map
 * @code: an ISO 3166-1 alpha-2 code
 *
 * Returns: the shade @code is drawn in: 0 for no articles, then 1 (fewest)
 *   to %CHRONICLE_MAP_SCALE_MAX_STEPS (most)
 */
guint
chronicle_world_map_get_shade (ChronicleWorldMap *self,
                               const char        *code)
{
  guint count;

  g_return_val_if_fail (CHRONICLE_IS_WORLD_MAP (self), 0);

  count = chronicle_world_map_get_count (self, code);
  return chronicle_map_scale_get_shade (&self->scale,
                                        chronicle_map_scale_get_step (&self->scale, count));
}

const char *
chronicle_world_map_get_selected_code (ChronicleWorldMap *self)
{
  g_return_val_if_fail (CHRONICLE_IS_WORLD_MAP (self), NULL);

  return self->selected_code;
}

/**
 * chronicle_world_map_set_selected_code:
 * @self: a world map
 * @code: (nullable): the code of the country to outline, or %NULL
 */
void
chronicle_world_map_set_selected_code (ChronicleWorldMap *self,
                                       const char        *code)
{
  g_autofree char *upper = NULL;

  g_return_if_fail (CHRONICLE_IS_WORLD_MAP (self));

  upper = code != NULL ? g_ascii_strup (code, -1) : NULL;
  if (g_strcmp0 (upper, self->selected_code) == 0)
    return;

  g_free (self->selected_code);
  self->selected_code = g_steal_pointer (&upper);
  chronicle_map_canvas_set_selected (
    self->canvas, chronicle_world_map_data_find (chronicle_map_canvas_get_data (self->canvas),
                                                 self->selected_code));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CODE]);
}

gboolean
chronicle_world_map_get_show_list (ChronicleWorldMap *self)
{
  g_return_val_if_fail (CHRONICLE_IS_WORLD_MAP (self), FALSE);

  return self->show_list;
}

/**
 * chronicle_world_map_set_show_list:
 * @self: a world map
 * @show_list: whether to show the counts as a list instead of the map
 */
void
chronicle_world_map_set_show_list (ChronicleWorldMap *self,
                                   gboolean           show_list)
{
  g_return_if_fail (CHRONICLE_IS_WORLD_MAP (self));

  show_list = !!show_list;
  if (self->show_list == show_list)
    return;

  self->show_list = show_list;
  gtk_stack_set_visible_child_name (self->stack, show_list ? "list" : "map");
  gtk_widget_set_visible (self->zoom_box, !show_list);
  gtk_widget_set_visible (self->legend, !show_list);
  update_actions (self);
  update_info_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LIST]);
}

/**
 * chronicle_world_map_get_zoom:
 * @self: a world map
 *
 * Returns: how far the map is zoomed in; 1 shows the whole world
 */
double
chronicle_world_map_get_zoom (ChronicleWorldMap *self)
{
  g_return_val_if_fail (CHRONICLE_IS_WORLD_MAP (self), 1.0);

  return chronicle_map_canvas_get_zoom (self->canvas);
}

/**
 * chronicle_world_map_get_hovered_code:
 * @self: a world map
 *
 * Returns: (nullable): the code of the country under the pointer
 */
const char *
chronicle_world_map_get_hovered_code (ChronicleWorldMap *self)
{
  int country;

  g_return_val_if_fail (CHRONICLE_IS_WORLD_MAP (self), NULL);

  country = chronicle_map_canvas_get_hovered (self->canvas);
  if (country < 0)
    return NULL;

  return chronicle_world_map_data_get_code (chronicle_map_canvas_get_data (self->canvas),
                                            country);
}

/**
 * chronicle_world_map_country_at:
 * @self: a world map
 * @x: x in @self's coordinates
 * @y: y in @self's coordinates
 *
 * Returns: (nullable): the code of the country drawn at (@x, @y), or %NULL
 *   for the sea, the controls around the map, or when the list is shown
 */
const char *
chronicle_world_map_country_at (ChronicleWorldMap *self,
                                double             x,
                                double             y)
{
  double canvas_x, canvas_y;
  int country;

  g_return_val_if_fail (CHRONICLE_IS_WORLD_MAP (self), NULL);

  if (self->show_list ||
      !gtk_widget_translate_coordinates (GTK_WIDGET (self), GTK_WIDGET (self->canvas), x, y,
                                         &canvas_x, &canvas_y))
    return NULL;

  country = chronicle_map_canvas_country_at (self->canvas, canvas_x, canvas_y);
  if (country < 0)
    return NULL;

  return chronicle_world_map_data_get_code (chronicle_map_canvas_get_data (self->canvas),
                                            country);
}

/**
 * chronicle_world_map_activate_at:
 * @self: a world map
 * @x: x in @self's coordinates
 * @y: y in @self's coordinates
 *
 * Does what a click at (@x, @y) does: emits #ChronicleWorldMap::country-activated
 * for the country there.
 *
 * Returns: whether there was a country
 */
gboolean
chronicle_world_map_activate_at (ChronicleWorldMap *self,
                                 double             x,
                                 double             y)
{
  const char *code;

  g_return_val_if_fail (CHRONICLE_IS_WORLD_MAP (self), FALSE);

  code = chronicle_world_map_country_at (self, x, y);
  if (code == NULL)
    return FALSE;

  g_signal_emit (self, signals[COUNTRY_ACTIVATED], 0, code);
  return TRUE;
}

/**
 * chronicle_world_map_locate:
 * @self: a world map
 * @longitude: degrees east
 * @latitude: degrees north
 * @x: (out): x in @self's coordinates
 * @y: (out): y in @self's coordinates
 *
 * Where a place is drawn, at the current size, zoom and pan.
 *
 * Returns: whether the point is inside the map's area (it may be scrolled off)
 */
gboolean
chronicle_world_map_locate (ChronicleWorldMap *self,
                            double             longitude,
                            double             latitude,
                            double            *x,
                            double            *y)
{
  ChronicleWorldMapData *data;
  double map_x, map_y, canvas_x, canvas_y;

  g_return_val_if_fail (CHRONICLE_IS_WORLD_MAP (self), FALSE);

  data = chronicle_map_canvas_get_data (self->canvas);
  chronicle_world_map_data_project (data, longitude, latitude, &map_x, &map_y);
  chronicle_map_canvas_map_to_widget (self->canvas, map_x, map_y, &canvas_x, &canvas_y);
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (self->canvas), GTK_WIDGET (self),
                                         canvas_x, canvas_y, x, y))
    return FALSE;

  return canvas_x >= 0 && canvas_y >= 0 &&
         canvas_x < gtk_widget_get_width (GTK_WIDGET (self->canvas)) &&
         canvas_y < gtk_widget_get_height (GTK_WIDGET (self->canvas));
}
