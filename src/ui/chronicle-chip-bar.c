/* chronicle-chip-bar.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * The active filters above the timeline, one removable chip each: the search
 * text, the date range, every country, person, place and organisation, every
 * source, "unread" and "starred". Removing a chip derives a new query and
 * emits ::query-changed; the owner runs it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-chip-bar.h"
#include "chronicle-format.h"

typedef enum
{
  CHIP_TEXT,
  CHIP_DATES,
  CHIP_ENTITY,
  CHIP_SOURCE,
  CHIP_UNREAD,
  CHIP_STARRED,
} ChipKind;

struct _ChronicleChipBar
{
  GtkWidget                 parent_instance;

  ChronicleQuery           *query;
  ChronicleSourceTitleFunc  source_title_func;
  gpointer                  source_title_data;
  GDestroyNotify            source_title_destroy;
  guint                     n_chips;

  GtkFlowBox               *flow_box;
  GtkWidget                *clear_button;
};

G_DEFINE_FINAL_TYPE (ChronicleChipBar, chronicle_chip_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_QUERY,
  N_PROPS
};

enum {
  QUERY_CHANGED,
  ENTITY_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
entity_icon (ChronicleEntityKind kind)
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

static char *
describe_dates (gint64 from,
                gint64 to)
{
  g_autoptr(GDateTime) start = from != 0 ? g_date_time_new_from_unix_local (from) : NULL;
  /* "to" is exclusive: the range ends the second before. */
  g_autoptr(GDateTime) end = to != 0 ? g_date_time_new_from_unix_local (to - 1) : NULL;
  g_autofree char *a = start ? chronicle_format_date (start) : NULL;
  g_autofree char *b = end ? chronicle_format_date (end) : NULL;

  if (a != NULL && b != NULL)
    {
      if (g_strcmp0 (a, b) == 0)
        return g_steal_pointer (&a);
      /* Translators: a date range, e.g. "1 December 2015 – 15 December 2015" */
      return g_strdup_printf (_("%s – %s"), a, b);
    }
  if (a != NULL)
    /* Translators: an open date range, e.g. "From 1 December 2015" */
    return g_strdup_printf (_("From %s"), a);
  /* Translators: an open date range, e.g. "Until 15 December 2015" */
  return g_strdup_printf (_("Until %s"), b);
}

static void
remove_chip_cb (GtkButton        *button,
                ChronicleChipBar *self)
{
  ChipKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "chip-kind"));
  const char *name = g_object_get_data (G_OBJECT (button), "chip-name");
  gint64 *source_id = g_object_get_data (G_OBJECT (button), "chip-source");
  ChronicleEntityKind entity_kind =
    GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "chip-entity-kind"));
  g_autoptr(ChronicleQuery) query = NULL;

  switch (kind)
    {
    case CHIP_TEXT:
      query = chronicle_query_with_text (self->query, NULL);
      break;
    case CHIP_DATES:
      query = chronicle_query_with_date_range (self->query, 0, 0);
      break;
    case CHIP_ENTITY:
      query = chronicle_query_with_entity_removed (self->query, entity_kind, name);
      break;
    case CHIP_SOURCE:
      {
        guint n = 0;
        const gint64 *ids = chronicle_query_get_sources (self->query, &n);
        g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (gint64));

        for (guint i = 0; i < n; i++)
          if (ids[i] != *source_id)
            g_array_append_val (kept, ids[i]);
        query = chronicle_query_with_sources (self->query, (gint64 *) kept->data, kept->len);
      }
      break;
    case CHIP_UNREAD:
      query = chronicle_query_with_unread_only (self->query, FALSE);
      break;
    case CHIP_STARRED:
    default:
      query = chronicle_query_with_starred_only (self->query, FALSE);
      break;
    }

  chronicle_chip_bar_set_query (self, query);
  g_signal_emit (self, signals[QUERY_CHANGED], 0, query);
}

static void
clear_all_cb (GtkButton        *button,
              ChronicleChipBar *self)
{
  g_autoptr(ChronicleQuery) query = chronicle_query_new ();

  query = chronicle_query_with_sort (query, chronicle_query_get_sort (self->query));
  chronicle_chip_bar_set_query (self, query);
  g_signal_emit (self, signals[QUERY_CHANGED], 0, query);
}

static void
open_chip_cb (GtkButton        *button,
              ChronicleChipBar *self)
{
  g_signal_emit (self, signals[ENTITY_ACTIVATED], 0,
                 GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "chip-entity-kind")),
                 g_object_get_data (G_OBJECT (button), "chip-name"));
}

/* An entity's chip opens its page: its icon and name become a button. */
static void
make_chip_openable (ChronicleChipBar    *self,
                    GtkWidget           *remove,
                    ChronicleEntityKind  kind,
                    const char          *name)
{
  GtkWidget *box = gtk_widget_get_parent (remove);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *text = gtk_widget_get_next_sibling (icon);
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *button = gtk_button_new ();
  g_autofree char *open_name = NULL;

  g_object_ref (icon);
  g_object_ref (text);
  gtk_box_remove (GTK_BOX (box), icon);
  gtk_box_remove (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (inner), icon);
  gtk_box_append (GTK_BOX (inner), text);
  g_object_unref (icon);
  g_object_unref (text);

  gtk_button_set_child (GTK_BUTTON (button), inner);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "chip-open");
  /* Translators: the accessible name of a filter chip's name; %s is a person, country… */
  open_name = g_strdup_printf (_("Open %s"), name);
  gtk_widget_set_tooltip_text (button, open_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  open_name, -1);
  g_object_set_data (G_OBJECT (button), "chip-entity-kind", GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (button), "chip-name", g_strdup (name), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (open_chip_cb), self);
  gtk_box_prepend (GTK_BOX (box), button);
  gtk_widget_add_css_class (box, "openable");
}

static GtkWidget *
add_chip (ChronicleChipBar *self,
          ChipKind          kind,
          const char       *icon_name,
          const char       *label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *text = gtk_label_new (label);
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  g_autofree char *remove_name = NULL;

  gtk_widget_add_css_class (box, "chip");
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 28);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), text);

  /* Translators: the accessible name of the button on a filter chip; %s is the filter */
  remove_name = g_strdup_printf (_("Remove Filter %s"), label);
  gtk_widget_set_tooltip_text (remove, remove_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_name, -1);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  g_object_set_data (G_OBJECT (remove), "chip-kind", GINT_TO_POINTER (kind));
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_chip_cb), self);
  gtk_box_append (GTK_BOX (box), remove);

  gtk_flow_box_append (self->flow_box, box);
  gtk_widget_set_focusable (gtk_widget_get_parent (box), FALSE);
  self->n_chips++;

  return remove;
}

static void
rebuild (ChronicleChipBar *self)
{
  GtkWidget *child;
  const char *text;
  gint64 from, to;
  const gint64 *sources;
  guint n_sources = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->flow_box))) != NULL)
    gtk_flow_box_remove (self->flow_box, child);
  self->n_chips = 0;

  if (self->query == NULL)
    goto done;

  text = chronicle_query_get_text (self->query);
  if (text != NULL && *text != '\0')
    {
      /* Translators: a search filter chip, %s is what was searched for */
      g_autofree char *label = g_strdup_printf (_("“%s”"), text);
      add_chip (self, CHIP_TEXT, "system-search-symbolic", label);
    }

  from = chronicle_query_get_from (self->query);
  to = chronicle_query_get_to (self->query);
  if (from != 0 || to != 0)
    {
      g_autofree char *label = describe_dates (from, to);
      add_chip (self, CHIP_DATES, "x-office-calendar-symbolic", label);
    }

  for (ChronicleEntityKind kind = 0; kind < CHRONICLE_N_ENTITY_KINDS; kind++)
    {
      const char *const *names = chronicle_query_get_entities (self->query, kind);

      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        {
          GtkWidget *remove = add_chip (self, CHIP_ENTITY, entity_icon (kind), names[i]);

          g_object_set_data_full (G_OBJECT (remove), "chip-name", g_strdup (names[i]), g_free);
          g_object_set_data (G_OBJECT (remove), "chip-entity-kind", GINT_TO_POINTER (kind));
          make_chip_openable (self, remove, kind, names[i]);
        }
    }

  sources = chronicle_query_get_sources (self->query, &n_sources);
  for (guint i = 0; i < n_sources; i++)
    {
      g_autofree char *title = NULL;
      GtkWidget *remove;

      if (self->source_title_func != NULL)
        title = self->source_title_func (sources[i], self->source_title_data);
      if (title == NULL)
        /* Translators: a source filter chip when the source's title is unknown */
        title = g_strdup_printf (_("Source %lld"), (long long) sources[i]);

      remove = add_chip (self, CHIP_SOURCE, "application-rss+xml-symbolic", title);
      g_object_set_data_full (G_OBJECT (remove), "chip-source", g_memdup2 (&sources[i], sizeof (gint64)),
                              g_free);
    }

  if (chronicle_query_get_unread_only (self->query))
    add_chip (self, CHIP_UNREAD, "mail-unread-symbolic", _("Unread"));
  if (chronicle_query_get_starred_only (self->query))
    add_chip (self, CHIP_STARRED, "starred-symbolic", _("Starred"));

done:
  gtk_widget_set_visible (self->clear_button, self->n_chips >= 2);
  gtk_widget_set_visible (GTK_WIDGET (self), self->n_chips > 0);
}

static void
chronicle_chip_bar_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ChronicleChipBar *self = CHRONICLE_CHIP_BAR (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      g_value_set_object (value, self->query);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_chip_bar_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ChronicleChipBar *self = CHRONICLE_CHIP_BAR (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      chronicle_chip_bar_set_query (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_chip_bar_dispose (GObject *object)
{
  ChronicleChipBar *self = CHRONICLE_CHIP_BAR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONICLE_TYPE_CHIP_BAR);
  /* Unnamed template children are not cleared by dispose_template in GTK 4.8. */
  while (gtk_widget_get_first_child (GTK_WIDGET (self)) != NULL)
    gtk_widget_unparent (gtk_widget_get_first_child (GTK_WIDGET (self)));
  g_clear_object (&self->query);
  if (self->source_title_destroy != NULL)
    self->source_title_destroy (self->source_title_data);
  self->source_title_destroy = NULL;
  self->source_title_func = NULL;

  G_OBJECT_CLASS (chronicle_chip_bar_parent_class)->dispose (object);
}

static void
chronicle_chip_bar_class_init (ChronicleChipBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = chronicle_chip_bar_get_property;
  object_class->set_property = chronicle_chip_bar_set_property;
  object_class->dispose = chronicle_chip_bar_dispose;

  /**
   * ChronicleChipBar:query:
   *
   * The query whose filters are shown.
   */
  properties[PROP_QUERY] =
    g_param_spec_object ("query", NULL, NULL, CHRONICLE_TYPE_QUERY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ChronicleChipBar::query-changed:
   * @self: the chip bar
   * @query: the query without the filter that was removed
   *
   * The user removed a filter.
   */
  signals[QUERY_CHANGED] =
    g_signal_new ("query-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, CHRONICLE_TYPE_QUERY);

  /**
   * ChronicleChipBar::entity-activated:
   * @self: the chip bar
   * @kind: a #ChronicleEntityKind
   * @name: the entity's name
   *
   * The name on an entity's chip was clicked: show the entity's page.
   */
  signals[ENTITY_ACTIVATED] =
    g_signal_new ("entity-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/chronicle-chip-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronicleChipBar, flow_box);
  gtk_widget_class_bind_template_child (widget_class, ChronicleChipBar, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, clear_all_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chipbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
chronicle_chip_bar_init (ChronicleChipBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rebuild (self);
}

/**
 * chronicle_chip_bar_new:
 *
 * Returns: (transfer floating): a chip bar with no filters (hidden)
 */
GtkWidget *
chronicle_chip_bar_new (void)
{
  return g_object_new (CHRONICLE_TYPE_CHIP_BAR, NULL);
}

/**
 * chronicle_chip_bar_get_query:
 * @self: a #ChronicleChipBar
 *
 * Returns: (transfer none) (nullable): the query shown
 */
ChronicleQuery *
chronicle_chip_bar_get_query (ChronicleChipBar *self)
{
  g_return_val_if_fail (CHRONICLE_IS_CHIP_BAR (self), NULL);

  return self->query;
}

/**
 * chronicle_chip_bar_set_query:
 * @self: a #ChronicleChipBar
 * @query: (nullable): the query to show
 *
 * Shows a chip for every filter of @query; hides the bar when there is none.
 */
void
chronicle_chip_bar_set_query (ChronicleChipBar *self,
                              ChronicleQuery   *query)
{
  g_return_if_fail (CHRONICLE_IS_CHIP_BAR (self));
  g_return_if_fail (query == NULL || CHRONICLE_IS_QUERY (query));

  if (self->query == query
      || (self->query != NULL && query != NULL && chronicle_query_equal (self->query, query)))
    return;

  g_set_object (&self->query, query);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

/**
 * chronicle_chip_bar_set_source_title_func:
 * @self: a #ChronicleChipBar
 * @func: (nullable): names sources for their chips
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data
 */
void
chronicle_chip_bar_set_source_title_func (ChronicleChipBar         *self,
                                          ChronicleSourceTitleFunc  func,
                                          gpointer                  user_data,
                                          GDestroyNotify            destroy)
{
  g_return_if_fail (CHRONICLE_IS_CHIP_BAR (self));

  if (self->source_title_destroy != NULL)
    self->source_title_destroy (self->source_title_data);
  self->source_title_func = func;
  self->source_title_data = user_data;
  self->source_title_destroy = destroy;
  rebuild (self);
}

/**
 * chronicle_chip_bar_get_n_chips:
 * @self: a #ChronicleChipBar
 *
 * Returns: how many filters are shown
 */
guint
chronicle_chip_bar_get_n_chips (ChronicleChipBar *self)
{
  g_return_val_if_fail (CHRONICLE_IS_CHIP_BAR (self), 0);

  return self->n_chips;
}

/**
 * chronicle_chip_bar_refresh:
 * @self: a #ChronicleChipBar
 *
 * Builds the chips again, e.g. when source titles became known.
 */
void
chronicle_chip_bar_refresh (ChronicleChipBar *self)
{
  g_return_if_fail (CHRONICLE_IS_CHIP_BAR (self));

  rebuild (self);
}
