/* chronicle-preferences-sources.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-format.h"
#include "chronicle-preferences-sources-private.h"
#include "chronicle-sync-source.h"

/* Preferences → Sources: every source with its state in words, editable in
 * place; removal waits for the undo toast to go; suggestions add with a click. */

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

void
_chronicle_preferences_sources_toast (ChroniclePreferencesSources *self,
       const char                  *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
  else
    g_debug ("%s", message);
}

GtkWindow *
_chronicle_preferences_sources_parent (ChroniclePreferencesSources *self)
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
 *   sync, and its last error or else what its last sync had to repair, in words, on
 *   one or two lines
 */
char *
chronicle_preferences_sources_describe (ChronicleSource *source,
                                        GDateTime       *now)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint count = chronicle_source_get_article_count (source);
  gint64 last = chronicle_source_get_last_success (source);
  const char *error = chronicle_source_get_last_error (source);
  const char *warning = chronicle_source_get_last_warning (source);

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
  else if (warning != NULL && *warning != '\0')
    {
      g_auto(GStrv) sentences = g_strsplit (warning, "\n", -1);
      g_autofree char *joined = g_strjoinv (" ", sentences);

      g_string_append_c (text, '\n');
      /* Translators: %s says what had to be repaired in what a source sent (the sync
       * worked all the same) */
      g_string_append_printf (text, _("Warning: %s"), joined);
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
        _chronicle_preferences_sources_toast (self, error->message);
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
      _chronicle_preferences_sources_toast (row->self, _("A source needs a title"));
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
      _chronicle_preferences_sources_toast (row->self, error->message);
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
        _chronicle_preferences_sources_toast (self, error->message);
      return;
    }

  r = g_ptr_array_index (results, 0);
  if (!r->ok)
    _chronicle_preferences_sources_toast (self, r->error != NULL ? r->error
                                                         : _("The source could not be read."));
  else if (r->added == 0)
    _chronicle_preferences_sources_toast (self, _("No new articles"));
  else
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u new article",
                                                               "%u new articles", r->added),
                                                  r->added);
      _chronicle_preferences_sources_toast (self, message);
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

void
_chronicle_preferences_sources_removed_cb (GObject      *object,
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
    chronicle_store_remove_source_async (self->store, id, NULL,
                                         _chronicle_preferences_sources_removed_cb, NULL);
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

  /* Shown when the last sync had to repair what the source sent. */
  row->warning_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (row->warning_icon, "warning");
  gtk_widget_set_visible (row->warning_icon, FALSE);
  adw_expander_row_add_prefix (row->row, row->warning_icon);

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
  {
    const char *warning = chronicle_source_get_last_warning (source);
    gboolean show = warning != NULL && *warning != '\0'
                    && chronicle_source_get_last_error (source) == NULL;

    gtk_widget_set_visible (row->warning_icon, show);
    gtk_widget_set_tooltip_text (row->warning_icon, show ? warning : NULL);
    if (show)
      {
        /* Translators: the accessible name of a source's warning icon */
        g_autofree char *name = g_strdup_printf (_("Warning: %s"), warning);

        gtk_accessible_update_property (GTK_ACCESSIBLE (row->warning_icon),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      }
  }
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

void
_chronicle_preferences_sources_update_suggestions (ChroniclePreferencesSources *self)
{
  for (guint i = 0; self->suggestions != NULL && i < self->suggestions->len; i++)
    {
      Suggestion *suggestion = g_ptr_array_index (self->suggestions, i);
      gboolean added = g_hash_table_contains (self->urls, suggestion->url);

      g_autofree char *label = NULL;

      gtk_widget_set_sensitive (GTK_WIDGET (suggestion->button), !added && self->store != NULL);
      gtk_button_set_label (suggestion->button, added ? _("Added") : _("Add"));
      /* Translators: %s is a suggested source's title (a button's accessible name) */
      label = g_strdup_printf (added ? _("“%s” Is Added") : _("Add “%s”"),
                               suggestion->title);
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
        _chronicle_preferences_sources_toast (self, error->message);
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
  _chronicle_preferences_sources_update_suggestions (self);
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

  gtk_widget_class_install_action (widget_class, "sources.add", NULL,
                                   _chronicle_preferences_sources_add_action);
  gtk_widget_class_install_action (widget_class, "sources.import", NULL,
                                   _chronicle_preferences_sources_import_action);
  gtk_widget_class_install_action (widget_class, "sources.export", NULL,
                                   _chronicle_preferences_sources_export_action);
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
  _chronicle_preferences_sources_load_suggestions (self);
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
  _chronicle_preferences_sources_update_suggestions (self);
}
