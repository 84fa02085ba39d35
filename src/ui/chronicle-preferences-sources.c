/* chronicle-preferences-sources.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "chronicle-add-source-dialog.h"
#include "chronicle-country-names.h"
#include "chronicle-file-chooser.h"
#include "chronicle-format.h"
#include "chronicle-opml.h"
#include "chronicle-preferences-sources.h"
#include "chronicle-sync-source.h"

/* Preferences → Sources: every source with its state in words, editable in
 * place; removal waits for the undo toast to go; suggestions add with a click. */

typedef struct
{
  ChroniclePreferencesSources *self;     /* unowned */
  ChronicleSource             *source;
  AdwExpanderRow              *row;
  GtkSwitch                   *enabled;
  AdwEntryRow                 *title_entry;
  AdwEntryRow                 *url_entry;
  AdwComboRow                 *interval;
  GtkButton                   *sync_button;
  GtkButton                   *remove_button;
  gboolean                     removing;
  gboolean                     updating;  /* setting widgets from the store */
} SourceRow;

struct _ChroniclePreferencesSources
{
  AdwPreferencesPage    parent_instance;

  ChronicleStore       *store;
  ChronicleSyncService *sync;
  GCancellable         *cancellable;
  GHashTable           *rows;         /* gint64 * → SourceRow * */
  GHashTable           *urls;         /* the subscribed addresses */
  GPtrArray            *suggestions;  /* Suggestion * */

  AdwPreferencesGroup  *sources_group;
  AdwPreferencesGroup  *suggested_group;
  AdwActionRow         *empty_row;
};

typedef struct
{
  ChroniclePreferencesSources *self;  /* unowned */
  char                        *title;
  char                        *address;
  char                        *url;     /* resolved */
  GtkButton                   *button;
} Suggestion;

G_DEFINE_FINAL_TYPE (ChroniclePreferencesSources, chronicle_preferences_sources,
                     ADW_TYPE_PREFERENCES_PAGE)

/* Per-source intervals in the combo's order; 0 follows the Sync page. */
static const guint source_intervals[] = { 0, 15 * 60, 60 * 60, 3 * 60 * 60, 24 * 60 * 60 };

static void refresh (ChroniclePreferencesSources *self);

static void
source_row_free (SourceRow *row)
{
  g_clear_object (&row->source);
  g_free (row);
}

static void
suggestion_free (Suggestion *suggestion)
{
  g_free (suggestion->title);
  g_free (suggestion->address);
  g_free (suggestion->url);
  g_free (suggestion);
}

static void
toast (ChroniclePreferencesSources *self,
       const char                  *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
  else
    g_debug ("%s", message);
}

static GtkWindow *
parent_window (ChroniclePreferencesSources *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static const char *
kind_in_words (ChronicleSourceKind kind)
{
  switch (kind)
    {
    case CHRONICLE_SOURCE_KIND_RSS:
      return _("RSS feed");
    case CHRONICLE_SOURCE_KIND_ATOM:
      return _("Atom feed");
    case CHRONICLE_SOURCE_KIND_JSONFEED:
      return _("JSON Feed");
    case CHRONICLE_SOURCE_KIND_GDELT:
      return _("GDELT news search");
    case CHRONICLE_SOURCE_KIND_GUARDIAN:
      return _("The Guardian search");
    case CHRONICLE_SOURCE_KIND_FILE:
      return _("Local file");
    default:
      return _("Source");
    }
}

/**
 * chronicle_preferences_sources_describe:
 * @source: a source as the store lists it
 * @now: (nullable): the current time, for tests (%NULL: now)
 *
 * Returns: (transfer full): the source's kind, article count, last successful
 *   sync and last error, in words, on one or two lines
 */
char *
chronicle_preferences_sources_describe (ChronicleSource *source,
                                        GDateTime       *now)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint count = chronicle_source_get_article_count (source);
  gint64 last = chronicle_source_get_last_success (source);
  const char *error = chronicle_source_get_last_error (source);

  g_string_append (text, kind_in_words (chronicle_source_get_kind (source)));
  g_string_append (text, " · ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", count),
                          count);
  g_string_append (text, " · ");
  if (last > 0)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (last);
      g_autoptr(GDateTime) when = g_date_time_to_local (utc);
      g_autoptr(GDateTime) local_now = now != NULL ? g_date_time_to_local (now)
                                                   : g_date_time_new_now_local ();
      g_autofree char *date = chronicle_format_date (when);
      g_autofree char *time = chronicle_format_time (when);

      if (g_date_time_get_year (when) == g_date_time_get_year (local_now)
          && g_date_time_get_day_of_year (when) == g_date_time_get_day_of_year (local_now))
        /* Translators: %s is a time of day */
        g_string_append_printf (text, _("last synced today at %s"), time);
      else
        /* Translators: a date, then a time of day */
        g_string_append_printf (text, _("last synced on %s at %s"), date, time);
    }
  else
    g_string_append (text, _("never synced"));

  if (error != NULL && *error != '\0')
    {
      g_string_append_c (text, '\n');
      /* Translators: %s explains why the last sync of a source failed */
      g_string_append_printf (text, _("Last error: %s"), error);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Writing a source */

static void
updated_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ChroniclePreferencesSources) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!chronicle_store_update_source_finish (CHRONICLE_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      refresh (self);
    }
}

static void
save_source (SourceRow *row)
{
  ChroniclePreferencesSources *self = row->self;

  if (self->store == NULL)
    return;
  chronicle_store_update_source_async (self->store, row->source, NULL, updated_cb,
                                       g_object_ref (self));
}

static void
enabled_changed_cb (GtkSwitch  *widget,
                    GParamSpec *pspec,
                    SourceRow  *row)
{
  gboolean active = gtk_switch_get_active (widget);

  if (row->updating || active == chronicle_source_get_enabled (row->source))
    return;
  chronicle_source_set_enabled (row->source, active);
  save_source (row);
}

static void
title_apply_cb (AdwEntryRow *entry,
                SourceRow   *row)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (*title == '\0')
    {
      toast (row->self, _("A source needs a title"));
      gtk_editable_set_text (GTK_EDITABLE (entry), chronicle_source_get_title (row->source));
      return;
    }
  chronicle_source_set_title (row->source, title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), title);
  save_source (row);
}

static void
url_apply_cb (AdwEntryRow *entry,
              SourceRow   *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *title = NULL;
  ChronicleSourceKind kind;

  if (!chronicle_sync_resolve_address (gtk_editable_get_text (GTK_EDITABLE (entry)), NULL, &kind,
                                       &url, &title, &error))
    {
      toast (row->self, error->message);
      gtk_editable_set_text (GTK_EDITABLE (entry), chronicle_source_get_url (row->source));
      return;
    }

  /* A new address starts over: old validators do not apply to it. */
  chronicle_source_set_url (row->source, url);
  chronicle_source_set_kind (row->source, kind);
  chronicle_source_set_etag (row->source, NULL);
  chronicle_source_set_last_modified (row->source, NULL);
  save_source (row);
}

static void
interval_changed_cb (AdwComboRow *combo,
                     GParamSpec  *pspec,
                     SourceRow   *row)
{
  guint selected = adw_combo_row_get_selected (combo);

  if (row->updating || selected >= G_N_ELEMENTS (source_intervals))
    return;
  if (source_intervals[selected] == chronicle_source_get_sync_interval (row->source))
    return;
  chronicle_source_set_sync_interval (row->source, source_intervals[selected]);
  save_source (row);
}

/* Sync one source */

static void
synced_one_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ChroniclePreferencesSources) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  const ChronicleSyncResult *r;

  results = chronicle_sync_service_sync_finish (CHRONICLE_SYNC_SERVICE (object), result, &error);
  if (results == NULL || results->len == 0)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }

  r = g_ptr_array_index (results, 0);
  if (!r->ok)
    toast (self, r->error != NULL ? r->error : _("The source could not be read."));
  else if (r->added == 0)
    toast (self, _("No new articles"));
  else
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u new article",
                                                               "%u new articles", r->added),
                                                  r->added);
      toast (self, message);
    }
  refresh (self);
}

static void
sync_clicked_cb (GtkButton *button,
                 SourceRow *row)
{
  ChroniclePreferencesSources *self = row->self;

  if (self->sync == NULL)
    return;
  chronicle_sync_service_sync_async (self->sync, chronicle_source_get_id (row->source),
                                     self->cancellable, synced_one_cb, g_object_ref (self));
}

/* Removing, with undo */

static void
removed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!chronicle_store_remove_source_finish (CHRONICLE_STORE (object), result, &error))
    g_message ("Cannot remove a source: %s", error->message);
}

static void
remove_now (ChroniclePreferencesSources *self,
            SourceRow                   *row)
{
  gint64 id = chronicle_source_get_id (row->source);

  if (self->store != NULL)
    chronicle_store_remove_source_async (self->store, id, NULL, removed_cb, NULL);
  adw_preferences_group_remove (self->sources_group, GTK_WIDGET (row->row));
  g_hash_table_remove (self->rows, &id);
}

static SourceRow *
toast_row (ChroniclePreferencesSources *self,
           AdwToast                    *toast_)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast_), "source-id"));

  /* The page may be gone already (the window closed and removed it). */
  return self->rows != NULL ? g_hash_table_lookup (self->rows, &id) : NULL;
}

static void
undo_clicked_cb (AdwToast                    *toast_,
                 ChroniclePreferencesSources *self)
{
  SourceRow *row = toast_row (self, toast_);

  if (row == NULL)
    return;
  row->removing = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (row->row), TRUE);
}

static void
toast_dismissed_cb (AdwToast                    *toast_,
                    ChroniclePreferencesSources *self)
{
  SourceRow *row = toast_row (self, toast_);

  if (row != NULL && row->removing)
    remove_now (self, row);
}

static void
remove_clicked_cb (GtkButton *button,
                   SourceRow *row)
{
  ChroniclePreferencesSources *self = row->self;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *message = NULL;
  AdwToast *undo;

  row->removing = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (row->row), FALSE);

  if (!ADW_IS_PREFERENCES_WINDOW (root))
    {
      remove_now (self, row);
      return;
    }

  /* Translators: %s is a source's title; a toast with an Undo button */
  message = g_strdup_printf (_("“%s” removed"), chronicle_source_get_title (row->source));
  undo = adw_toast_new (message);
  adw_toast_set_button_label (undo, _("_Undo"));
  adw_toast_set_priority (undo, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (undo), "source-id",
                     GSIZE_TO_POINTER ((gsize) chronicle_source_get_id (row->source)));
  g_signal_connect_object (undo, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  g_signal_connect_object (undo, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), undo);
}

/**
 * chronicle_preferences_sources_commit_removals:
 * @self: the page
 *
 * Removes the sources whose undo toast is still showing (the window is closing).
 */
void
chronicle_preferences_sources_commit_removals (ChroniclePreferencesSources *self)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();
  GHashTableIter iter;
  SourceRow *row;

  g_return_if_fail (CHRONICLE_IS_PREFERENCES_SOURCES (self));

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
    if (row->removing)
      g_ptr_array_add (pending, row);
  for (guint i = 0; i < pending->len; i++)
    remove_now (self, g_ptr_array_index (pending, i));
}

/* Rows */

static GtkWidget *
suffix_button (const char *icon,
               const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  return button;
}

static SourceRow *
build_row (ChroniclePreferencesSources *self,
           ChronicleSource             *source)
{
  SourceRow *row = g_new0 (SourceRow, 1);
  g_autofree char *remove_label = NULL;
  g_autofree char *sync_label = NULL;
  g_autofree char *enable_label = NULL;
  g_autoptr(GtkStringList) intervals = NULL;
  AdwActionRow *actions;
  GtkWidget *remove;

  row->self = self;
  row->source = g_object_ref (source);
  row->row = ADW_EXPANDER_ROW (adw_expander_row_new ());

  /* Translators: %s is a source's title (accessible names of buttons) */
  enable_label = g_strdup_printf (_("Sync “%s”"), chronicle_source_get_title (source));
  row->enabled = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (row->enabled), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->enabled), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  enable_label, -1);
  adw_expander_row_add_action (row->row, GTK_WIDGET (row->enabled));
  g_signal_connect (row->enabled, "notify::active", G_CALLBACK (enabled_changed_cb), row);

  row->title_entry = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->title_entry), _("Title"));
  adw_entry_row_set_show_apply_button (row->title_entry, TRUE);
  g_signal_connect (row->title_entry, "apply", G_CALLBACK (title_apply_cb), row);
  adw_expander_row_add_row (row->row, GTK_WIDGET (row->title_entry));

  row->url_entry = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->url_entry), _("Address"));
  adw_entry_row_set_show_apply_button (row->url_entry, TRUE);
  gtk_editable_set_editable (GTK_EDITABLE (row->url_entry),
                             chronicle_source_get_kind (source) != CHRONICLE_SOURCE_KIND_FILE);
  g_signal_connect (row->url_entry, "apply", G_CALLBACK (url_apply_cb), row);
  adw_expander_row_add_row (row->row, GTK_WIDGET (row->url_entry));

  intervals = gtk_string_list_new ((const char *const[]) {
    _("As on the Sync Page"), _("Every 15 Minutes"), _("Every Hour"), _("Every 3 Hours"),
    _("Daily"), NULL });
  row->interval = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->interval), _("Check for News"));
  adw_combo_row_set_model (row->interval, G_LIST_MODEL (intervals));
  g_signal_connect (row->interval, "notify::selected", G_CALLBACK (interval_changed_cb), row);
  adw_expander_row_add_row (row->row, GTK_WIDGET (row->interval));

  actions = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (actions), _("Sync or Remove"));
  sync_label = g_strdup_printf (_("Sync “%s” Now"), chronicle_source_get_title (source));
  row->sync_button = GTK_BUTTON (suffix_button ("view-refresh-symbolic", sync_label));
  gtk_button_set_label (row->sync_button, _("Sync Now"));
  /* A label replaces the accessible name: give it back. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->sync_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, sync_label, -1);
  g_signal_connect (row->sync_button, "clicked", G_CALLBACK (sync_clicked_cb), row);
  adw_action_row_add_suffix (actions, GTK_WIDGET (row->sync_button));
  remove_label = g_strdup_printf (_("Remove “%s”"), chronicle_source_get_title (source));
  remove = suffix_button ("user-trash-symbolic", remove_label);
  gtk_button_set_label (GTK_BUTTON (remove), _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  gtk_widget_remove_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "destructive-action");
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), row);
  adw_action_row_add_suffix (actions, remove);
  row->remove_button = GTK_BUTTON (remove);
  adw_expander_row_add_row (row->row, GTK_WIDGET (actions));

  adw_preferences_group_add (self->sources_group, GTK_WIDGET (row->row));
  return row;
}

/* Accessible names say which source a button is for. */
static void
label_buttons (SourceRow  *row,
               const char *title)
{
  g_autofree char *enable_label = g_strdup_printf (_("Sync “%s”"), title);
  g_autofree char *sync_label = g_strdup_printf (_("Sync “%s” Now"), title);
  g_autofree char *remove_label = g_strdup_printf (_("Remove “%s”"), title);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row->enabled), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  enable_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->sync_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, sync_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
}

static gboolean
is_editing (GtkWidget *entry)
{
  GtkRoot *root = gtk_widget_get_root (entry);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

static void
update_row (SourceRow       *row,
            ChronicleSource *source)
{
  g_autofree char *subtitle = chronicle_preferences_sources_describe (source, NULL);
  const char *title = chronicle_source_get_title (source);
  guint interval = chronicle_source_get_sync_interval (source);
  guint selected = 0;

  g_set_object (&row->source, source);
  row->updating = TRUE;

  if (title == NULL || *title == '\0')
    title = chronicle_source_get_url (source);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), title);
  label_buttons (row, title);
  adw_expander_row_set_subtitle (row->row, subtitle);
  gtk_switch_set_active (row->enabled, chronicle_source_get_enabled (source));
  /* Leave what a person is typing alone. */
  if (!is_editing (GTK_WIDGET (row->title_entry))
      && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row->title_entry)), title) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row->title_entry), title != NULL ? title : "");
  if (!is_editing (GTK_WIDGET (row->url_entry))
      && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row->url_entry)),
                    chronicle_source_get_url (source)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row->url_entry), chronicle_source_get_url (source));
  for (guint i = 0; i < G_N_ELEMENTS (source_intervals); i++)
    if (source_intervals[i] == interval)
      selected = i;
  adw_combo_row_set_selected (row->interval, selected);

  row->updating = FALSE;
}

static void
update_suggestions (ChroniclePreferencesSources *self)
{
  for (guint i = 0; self->suggestions != NULL && i < self->suggestions->len; i++)
    {
      Suggestion *suggestion = g_ptr_array_index (self->suggestions, i);
      gboolean added = g_hash_table_contains (self->urls, suggestion->url);

      g_autofree char *label = NULL;

      gtk_widget_set_sensitive (GTK_WIDGET (suggestion->button), !added && self->store != NULL);
      gtk_button_set_label (suggestion->button, added ? _("Added") : _("Add"));
      /* Translators: %s is a suggested source's title (a button's accessible name) */
      label = g_strdup_printf (added ? _("“%s” Is Added") : _("Add “%s”"), suggestion->title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (suggestion->button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ChroniclePreferencesSources) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);  /* SourceRow * */
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  GHashTableIter iter;
  SourceRow *row;
  gint64 *id;

  sources = chronicle_store_list_sources_finish (CHRONICLE_STORE (object), result, &error);
  if (sources == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }

  g_hash_table_remove_all (self->urls);
  for (guint i = 0; i < sources->len; i++)
    {
      ChronicleSource *source = g_ptr_array_index (sources, i);
      gint64 key = chronicle_source_get_id (source);

      row = g_hash_table_lookup (self->rows, &key);
      if (row == NULL)
        {
          row = build_row (self, source);
          g_hash_table_insert (self->rows, g_memdup2 (&key, sizeof key), row);
        }
      update_row (row, source);
      g_hash_table_add (seen, row);
      g_hash_table_add (self->urls, g_strdup (chronicle_source_get_url (source)));
    }

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, (gpointer *) &row))
    if (!g_hash_table_contains (seen, row))
      g_ptr_array_add (gone, row);
  for (guint i = 0; i < gone->len; i++)
    {
      gint64 key;

      row = g_ptr_array_index (gone, i);
      key = chronicle_source_get_id (row->source);
      adw_preferences_group_remove (self->sources_group, GTK_WIDGET (row->row));
      g_hash_table_remove (self->rows, &key);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->empty_row), sources->len == 0);
  update_suggestions (self);
}

static void
refresh (ChroniclePreferencesSources *self)
{
  if (self->store == NULL)
    return;
  chronicle_store_list_sources_async (self->store, self->cancellable, listed_cb,
                                      g_object_ref (self));
}

static void
store_changed_cb (ChronicleStore              *store,
                  ChronicleStoreChange         change,
                  GArray                      *article_ids,
                  ChroniclePreferencesSources *self)
{
  if (change & (CHRONICLE_STORE_CHANGE_SOURCES | CHRONICLE_STORE_CHANGE_ARTICLES_ADDED
                | CHRONICLE_STORE_CHANGE_ARTICLES_REMOVED))
    refresh (self);
}

/* Adding: from the dialog, a suggestion or an OPML file */

typedef struct
{
  ChroniclePreferencesSources *self;
  ChronicleAddSourceDialog    *dialog;  /* nullable */
  ChronicleSource             *source;
} AddRequest;

static void
add_request_free (AddRequest *request)
{
  g_clear_object (&request->self);
  g_clear_object (&request->dialog);
  g_clear_object (&request->source);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AddRequest, add_request_free)

static void
add_failed (AddRequest *request,
            const char *why)
{
  if (request->dialog != NULL)
    chronicle_add_source_dialog_show_error (request->dialog, why);
  else
    toast (request->self, why);
}

static void
first_sync_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AddRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  const ChronicleSyncResult *r = NULL;
  g_autofree char *message = NULL;

  results = chronicle_sync_service_sync_finish (CHRONICLE_SYNC_SERVICE (object), result, &error);
  if (results != NULL && results->len > 0)
    r = g_ptr_array_index (results, 0);

  if (r == NULL || !r->ok)
    {
      /* A new source that never worked is not kept; the dialog says why. */
      if (request->dialog != NULL && request->self->store != NULL)
        chronicle_store_remove_source_async (request->self->store,
                                             chronicle_source_get_id (request->source), NULL,
                                             removed_cb, NULL);
      add_failed (request, r != NULL && r->error != NULL ? r->error
                           : error != NULL ? error->message
                                           : _("The source could not be read."));
      return;
    }

  if (request->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (request->dialog));
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Source added with %u new article",
                                          "Source added with %u new articles", r->added),
                             r->added);
  toast (request->self, message);
}

static void
source_added_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AddRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = chronicle_store_add_source_finish (CHRONICLE_STORE (object), result, &error);
  if (id <= 0)
    {
      add_failed (request, error->message);
      return;
    }
  chronicle_source_set_id (request->source, id);
  if (request->self->sync == NULL)
    {
      if (request->dialog != NULL)
        gtk_window_destroy (GTK_WINDOW (request->dialog));
      return;
    }
  {
    /* Arguments are evaluated in any order: take what is needed before the request moves. */
    ChroniclePreferencesSources *self = request->self;

    chronicle_sync_service_sync_async (self->sync, id, self->cancellable, first_sync_cb,
                                       g_steal_pointer (&request));
  }
}

static void
add_address (ChroniclePreferencesSources *self,
             ChronicleAddSourceDialog    *dialog,
             const char                  *address,
             const char                  *title)
{
  g_autoptr(AddRequest) request = g_new0 (AddRequest, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *resolved_title = NULL;
  ChronicleSourceKind kind;

  request->self = g_object_ref (self);
  request->dialog = dialog != NULL ? g_object_ref (dialog) : NULL;

  if (self->store == NULL)
    {
      add_failed (request, _("The news cache is not open, so nothing can be added."));
      return;
    }
  if (!chronicle_sync_resolve_address (address, NULL, &kind, &url, &resolved_title, &error))
    {
      add_failed (request, error->message);
      return;
    }
  if (g_hash_table_contains (self->urls, url))
    {
      add_failed (request, _("This source is already in the list."));
      return;
    }

  request->source = chronicle_source_new (kind, url);
  /* Without a title, the first sync takes the feed's. */
  chronicle_source_set_title (request->source, title != NULL ? title : resolved_title);
  chronicle_source_set_enabled (request->source, kind != CHRONICLE_SOURCE_KIND_FILE);
  if (dialog != NULL)
    chronicle_add_source_dialog_set_busy (dialog, TRUE);

  {
    ChronicleSource *source = request->source;

    chronicle_store_add_source_async (self->store, source, self->cancellable, source_added_cb,
                                      g_steal_pointer (&request));
  }
}

static void
dialog_submit_cb (ChronicleAddSourceDialog    *dialog,
                  const char                  *url,
                  GFile                       *file,
                  ChroniclePreferencesSources *self)
{
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  add_address (self, dialog, url != NULL ? url : path, NULL);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ChroniclePreferencesSources *self = CHRONICLE_PREFERENCES_SOURCES (widget);
  ChronicleAddSourceDialog *dialog = chronicle_add_source_dialog_new (parent_window (self));

  g_signal_connect_object (dialog, "submit", G_CALLBACK (dialog_submit_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
suggestion_clicked_cb (GtkButton  *button,
                       Suggestion *suggestion)
{
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  add_address (suggestion->self, NULL, suggestion->address, suggestion->title);
}

/* OPML */

typedef struct
{
  ChroniclePreferencesSources *self;
  guint                        pending;
  guint                        added;
  guint                        failed;
} ImportRun;

static void
import_step_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImportRun *run = user_data;
  g_autoptr(GError) error = NULL;

  if (chronicle_store_add_source_finish (CHRONICLE_STORE (object), result, &error) > 0)
    run->added++;
  else
    run->failed++;

  if (--run->pending == 0)
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u source imported",
                                                               "%u sources imported", run->added),
                                                  run->added);
      toast (run->self, message);
      if (run->self->sync != NULL && run->added > 0)
        chronicle_sync_service_sync_now (run->self->sync);
      g_object_unref (run->self);
      g_free (run);
    }
}

static void
import_opml (ChroniclePreferencesSources *self,
             const char                  *data,
             gsize                        len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outlines = NULL;
  ImportRun *run;
  guint skipped = 0;

  outlines = chronicle_opml_parse (data, len, &skipped, &error);
  if (outlines == NULL)
    {
      toast (self, error->message);
      return;
    }

  run = g_new0 (ImportRun, 1);
  run->self = g_object_ref (self);
  run->pending = 1;  /* held until every add is queued */
  for (guint i = 0; i < outlines->len; i++)
    {
      ChronicleOpmlOutline *outline = g_ptr_array_index (outlines, i);
      g_autoptr(ChronicleSource) source = NULL;

      if (g_hash_table_contains (self->urls, outline->url))
        continue;
      source = chronicle_source_new (chronicle_sync_kind_for_url (outline->url), outline->url);
      chronicle_source_set_title (source, outline->title != NULL ? outline->title : outline->url);
      chronicle_source_set_site_url (source, outline->html_url);
      run->pending++;
      chronicle_store_add_source_async (self->store, source, NULL, import_step_cb, run);
    }

  if (--run->pending == 0)
    {
      toast (self, _("No new sources in this file"));
      g_object_unref (run->self);
      g_free (run);
    }
}

static void
import_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ChroniclePreferencesSources) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_load_contents_finish (G_FILE (object), result, &data, &len, NULL, &error))
    {
      toast (self, error->message);
      return;
    }
  import_opml (self, data, len);
}

static void
import_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ChroniclePreferencesSources) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = chronicle_file_chooser_open_finish (result, &error);

  if (file == NULL)
    return;
  g_file_load_contents_async (file, self->cancellable, import_loaded_cb, g_object_ref (self));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ChroniclePreferencesSources *self = CHRONICLE_PREFERENCES_SOURCES (widget);

  if (self->store == NULL)
    return;
  chronicle_file_chooser_open_async (parent_window (self), _("Import Sources"), self->cancellable,
                                     import_chosen_cb, g_object_ref (self));
}

static void
export_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ChroniclePreferencesSources) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    toast (self, error->message);
  else
    toast (self, _("Sources exported"));
}

static void
export_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ChroniclePreferencesSources) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = chronicle_file_chooser_save_finish (result, &error);
  g_autoptr(GPtrArray) outlines = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GHashTableIter iter;
  SourceRow *row;
  char *text;

  if (file == NULL)
    return;

  outlines = g_ptr_array_new_with_free_func ((GDestroyNotify) chronicle_opml_outline_free);
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
    {
      ChronicleOpmlOutline *outline;

      if (row->removing || chronicle_source_get_kind (row->source) == CHRONICLE_SOURCE_KIND_FILE)
        continue;
      outline = g_new0 (ChronicleOpmlOutline, 1);
      outline->url = g_strdup (chronicle_source_get_url (row->source));
      outline->title = g_strdup (chronicle_source_get_title (row->source));
      outline->html_url = g_strdup (chronicle_source_get_site_url (row->source));
      g_ptr_array_add (outlines, outline);
    }

  text = chronicle_opml_write (outlines, _("Chronicle Sources"));
  bytes = g_bytes_new_take (text, strlen (text));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       self->cancellable, export_written_cb, g_object_ref (self));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ChroniclePreferencesSources *self = CHRONICLE_PREFERENCES_SOURCES (widget);

  chronicle_file_chooser_save_async (parent_window (self), _("Export Sources"),
                                     "chronicle-sources.opml", self->cancellable,
                                     export_chosen_cb, g_object_ref (self));
}

/* Suggestions, from the bundled data/suggested-sources.json */

static void
load_suggestions (ChroniclePreferencesSources *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;

  bytes = g_resources_lookup_data (RESOURCE_PREFIX "/suggested-sources.json",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL
      || !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), &error)
      || !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    {
      g_message ("No suggested sources: %s", error != NULL ? error->message : "not a list");
      return;
    }

  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);
      const char *title = item != NULL ? json_object_get_string_member_with_default (item, "title", NULL) : NULL;
      const char *address = item != NULL ? json_object_get_string_member_with_default (item, "address", NULL) : NULL;
      const char *country = item != NULL ? json_object_get_string_member_with_default (item, "country", NULL) : NULL;
      g_autofree char *resolved_title = NULL;
      g_autofree char *subtitle = NULL;
      g_autoptr(GError) resolve_error = NULL;
      Suggestion *suggestion;
      ChronicleSourceKind kind;
      AdwActionRow *row;
      g_autofree char *url = NULL;

      if (address == NULL
          || !chronicle_sync_resolve_address (address, NULL, &kind, &url, &resolved_title,
                                              &resolve_error))
        continue;

      suggestion = g_new0 (Suggestion, 1);
      suggestion->self = self;
      suggestion->address = g_strdup (address);
      suggestion->url = g_steal_pointer (&url);
      if (kind == CHRONICLE_SOURCE_KIND_GDELT && country != NULL)
        {
          /* Translators: a suggested news search; %s is a country's name */
          suggestion->title = g_strdup_printf (_("News from %s"), chronicle_country_get_name (country));
          subtitle = g_strdup (_("GDELT: articles published in the country, in many languages"));
        }
      else
        {
          g_autoptr(GUri) uri = g_uri_parse (suggestion->url, G_URI_FLAGS_NONE, NULL);

          suggestion->title = g_strdup (title != NULL ? title : resolved_title);
          subtitle = g_strdup (uri != NULL ? g_uri_get_host (uri) : suggestion->url);
        }
      g_ptr_array_add (self->suggestions, suggestion);

      row = ADW_ACTION_ROW (adw_action_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), suggestion->title);
      adw_action_row_set_subtitle (row, subtitle);
      suggestion->button = GTK_BUTTON (gtk_button_new_with_label (_("Add")));
      gtk_widget_set_valign (GTK_WIDGET (suggestion->button), GTK_ALIGN_CENTER);
      g_signal_connect (suggestion->button, "clicked", G_CALLBACK (suggestion_clicked_cb),
                        suggestion);
      adw_action_row_add_suffix (row, GTK_WIDGET (suggestion->button));
      adw_preferences_group_add (self->suggested_group, GTK_WIDGET (row));
    }
  update_suggestions (self);
}

/* Object */

static void
chronicle_preferences_sources_dispose (GObject *object)
{
  ChroniclePreferencesSources *self = CHRONICLE_PREFERENCES_SOURCES (object);

  if (self->rows != NULL)
    chronicle_preferences_sources_commit_removals (self);
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONICLE_TYPE_PREFERENCES_SOURCES);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->urls, g_hash_table_unref);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->sync);

  G_OBJECT_CLASS (chronicle_preferences_sources_parent_class)->dispose (object);
}

static void
chronicle_preferences_sources_class_init (ChroniclePreferencesSourcesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chronicle_preferences_sources_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/chronicle-preferences-sources.ui");
  gtk_widget_class_bind_template_child (widget_class, ChroniclePreferencesSources, sources_group);
  gtk_widget_class_bind_template_child (widget_class, ChroniclePreferencesSources,
                                        suggested_group);
  gtk_widget_class_bind_template_child (widget_class, ChroniclePreferencesSources, empty_row);

  gtk_widget_class_install_action (widget_class, "sources.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "sources.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "sources.export", NULL, export_action);
}

static void
chronicle_preferences_sources_init (ChroniclePreferencesSources *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                      (GDestroyNotify) source_row_free);
  self->urls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify) suggestion_free);
  load_suggestions (self);
}

/**
 * chronicle_preferences_sources_set_services:
 * @self: the page
 * @store: (nullable): the store whose sources are shown
 * @sync: (nullable): the sync service for "Sync Now" and new sources
 */
void
chronicle_preferences_sources_set_services (ChroniclePreferencesSources *self,
                                            ChronicleStore              *store,
                                            ChronicleSyncService        *sync)
{
  g_return_if_fail (CHRONICLE_IS_PREFERENCES_SOURCES (self));

  g_set_object (&self->sync, sync);
  if (g_set_object (&self->store, store) && store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sources.import", store != NULL);
  refresh (self);
  update_suggestions (self);
}
