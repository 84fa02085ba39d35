/* chronicle-event-row.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * One row of the Events view: the event's date as a small calendar leaf, its
 * label, how many articles and from which sources, and its main people and
 * countries as chips. A placeholder (a summary still being read) shows an
 * empty row of the same height.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-event-row.h"
#include "chronicle-format.h"

#define MAX_SOURCES 3
#define MAX_CHIPS 3

struct _ChronicleEventRow
{
  GtkWidget              parent_instance;

  ChronicleEventSummary *event;
  gulong                 loaded_id;

  GtkLabel              *day_label;
  GtkLabel              *month_label;
  GtkLabel              *title_label;
  GtkLabel              *count_label;
  GtkInscription        *sources_label;
  GtkBox                *chips_box;
};

G_DEFINE_FINAL_TYPE (ChronicleEventRow, chronicle_event_row, GTK_TYPE_WIDGET)

static void
clear_chips (ChronicleEventRow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL)
    gtk_box_remove (self->chips_box, child);
}

static void
add_chip (ChronicleEventRow *self,
          ChronicleEntity   *entity)
{
  ChronicleEntityKind kind = chronicle_entity_get_kind (entity);
  const char *name = chronicle_entity_get_name (entity);
  g_autofree char *flag = NULL;
  g_autofree char *text = NULL;
  GtkWidget *label;

  if (kind == CHRONICLE_ENTITY_KIND_COUNTRY)
    flag = chronicle_format_flag (chronicle_entity_get_country_code (entity));
  text = flag != NULL ? g_strdup_printf ("%s %s", flag, name) : g_strdup (name);

  label = gtk_label_new (text);
  gtk_widget_add_css_class (label, "entity-chip");
  gtk_widget_add_css_class (label, kind == CHRONICLE_ENTITY_KIND_COUNTRY ? "country" : "person");
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  gtk_box_append (self->chips_box, label);
}

static char *
title_of (ChronicleEventSummary *event)
{
  const char *label = chronicle_event_summary_get_label (event);

  if (label != NULL && *label != '\0')
    return g_strdup (label);
  return g_strdup (_("Untitled Event"));
}

static void
update (ChronicleEventRow *self)
{
  ChronicleEventSummary *event = self->event;
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *day = NULL;
  g_autofree char *month = NULL;
  g_autofree char *title = NULL;
  g_autofree char *count = NULL;
  g_autofree char *sources = NULL;
  g_autofree char *long_date = NULL;
  g_autofree char *accessible = NULL;
  GPtrArray *entities;

  clear_chips (self);

  if (event == NULL || !chronicle_event_summary_get_loaded (event))
    {
      gtk_label_set_text (self->day_label, "");
      gtk_label_set_text (self->month_label, "");
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->count_label, "");
      gtk_inscription_set_text (self->sources_label, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->chips_box), FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Loading event"), -1);
      return;
    }

  /* Event dates are whole UTC days. */
  date = g_date_time_new_from_unix_utc (chronicle_event_summary_get_start (event));
  day = g_date_time_format (date, "%-d");
  /* Translators: the month (and year) on an event's calendar leaf, e.g. "Dec 2015" */
  /* xgettext:no-c-format */
  month = g_date_time_format (date, _("%b %Y"));
  long_date = chronicle_format_date (date);
  title = title_of (event);
  count = chronicle_format_count (chronicle_event_summary_get_n_articles (event));
  sources = chronicle_event_row_format_sources (chronicle_event_summary_get_sources (event),
                                                MAX_SOURCES);

  gtk_label_set_text (self->day_label, day);
  gtk_label_set_text (self->month_label, month);
  gtk_widget_set_tooltip_text (gtk_widget_get_parent (GTK_WIDGET (self->day_label)), long_date);
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->count_label, count);
  gtk_inscription_set_text (self->sources_label, sources);

  entities = chronicle_event_summary_get_entities (event);
  for (guint i = 0; i < entities->len && i < MAX_CHIPS; i++)
    add_chip (self, g_ptr_array_index (entities, i));
  gtk_widget_set_visible (GTK_WIDGET (self->chips_box), entities->len > 0);

  /* Translators: an event row read by a screen reader: label, date, article count, sources */
  accessible = g_strdup_printf (_("%s, %s, %s, %s"), title, long_date, count, sources);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

static void
loaded_cb (ChronicleEventRow *self)
{
  update (self);
}

static void
chronicle_event_row_dispose (GObject *object)
{
  ChronicleEventRow *self = CHRONICLE_EVENT_ROW (object);

  chronicle_event_row_set_event (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONICLE_TYPE_EVENT_ROW);
  /* Unnamed template children are not cleared by dispose_template in GTK 4.8. */
  while (gtk_widget_get_first_child (GTK_WIDGET (self)) != NULL)
    gtk_widget_unparent (gtk_widget_get_first_child (GTK_WIDGET (self)));

  G_OBJECT_CLASS (chronicle_event_row_parent_class)->dispose (object);
}

static void
chronicle_event_row_class_init (ChronicleEventRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chronicle_event_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/chronicle_news/Chronicle/chronicle-event-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventRow, day_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventRow, month_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventRow, count_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventRow, sources_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventRow, chips_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "eventrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
chronicle_event_row_init (ChronicleEventRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

GtkWidget *
chronicle_event_row_new (void)
{
  return g_object_new (CHRONICLE_TYPE_EVENT_ROW, NULL);
}

/**
 * chronicle_event_row_get_event:
 * @self: a #ChronicleEventRow
 *
 * Returns: (transfer none) (nullable): the event shown
 */
ChronicleEventSummary *
chronicle_event_row_get_event (ChronicleEventRow *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT_ROW (self), NULL);
  return self->event;
}

/**
 * chronicle_event_row_set_event:
 * @self: a #ChronicleEventRow
 * @event: (nullable): the event to show; a placeholder fills in when it loads
 */
void
chronicle_event_row_set_event (ChronicleEventRow     *self,
                               ChronicleEventSummary *event)
{
  g_return_if_fail (CHRONICLE_IS_EVENT_ROW (self));
  g_return_if_fail (event == NULL || CHRONICLE_IS_EVENT_SUMMARY (event));

  if (self->event == event)
    return;

  if (self->event != NULL)
    g_clear_signal_handler (&self->loaded_id, self->event);
  g_set_object (&self->event, event);
  if (event != NULL)
    self->loaded_id = g_signal_connect_swapped (event, "notify::loaded", G_CALLBACK (loaded_cb),
                                                self);
  if (self->chips_box != NULL)
    update (self);
}

/**
 * chronicle_event_row_format_sources:
 * @sources: (array zero-terminated=1): source titles, most articles first
 * @max_shown: how many to name
 *
 * Returns: (transfer full): e.g. "Alpha News, Beta Wire and 2 more"
 */
char *
chronicle_event_row_format_sources (const char * const *sources,
                                    guint               max_shown)
{
  guint n = sources != NULL ? g_strv_length ((char **) sources) : 0;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n && i < max_shown; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, sources[i]);
    }
  if (n > max_shown)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%s and %u more",
                                                            "%s and %u more",
                                                            n - max_shown),
                                               text->str, n - max_shown);
      return g_steal_pointer (&more);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
