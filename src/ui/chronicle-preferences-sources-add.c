/* chronicle-preferences-sources-add.c
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
#include "chronicle-opml.h"
#include "chronicle-preferences-sources-private.h"
#include "chronicle-sync-source.h"

/* The Sources page's ways in and out: the Add Source dialog, one-click
 * suggestions, OPML import and export. */

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
    _chronicle_preferences_sources_toast (request->self, why);
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
                                             _chronicle_preferences_sources_removed_cb, NULL);
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
  _chronicle_preferences_sources_toast (request->self, message);
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

void
_chronicle_preferences_sources_add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ChroniclePreferencesSources *self = CHRONICLE_PREFERENCES_SOURCES (widget);
  GtkWindow *parent = _chronicle_preferences_sources_parent (self);
  ChronicleAddSourceDialog *dialog = chronicle_add_source_dialog_new (parent);

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
      _chronicle_preferences_sources_toast (run->self, message);
      if (run->self->sync != NULL && run->added > 0)
        chronicle_sync_service_sync_now (run->self->sync);
      g_object_unref (run->self);
      g_free (run);
    }
}

/**
 * chronicle_preferences_sources_import_opml:
 * @self: the page
 * @data: an OPML document
 * @len: its length
 *
 * Adds the document's feeds that are not subscribed yet, then syncs; a toast
 * says how many (or why none).
 */
void
chronicle_preferences_sources_import_opml (ChroniclePreferencesSources *self,
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
      _chronicle_preferences_sources_toast (self, error->message);
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
      _chronicle_preferences_sources_toast (self, _("No new sources in this file"));
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
      _chronicle_preferences_sources_toast (self, error->message);
      return;
    }
  chronicle_preferences_sources_import_opml (self, data, len);
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

void
_chronicle_preferences_sources_import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ChroniclePreferencesSources *self = CHRONICLE_PREFERENCES_SOURCES (widget);

  if (self->store == NULL)
    return;
  chronicle_file_chooser_open_async (_chronicle_preferences_sources_parent (self),
                                     _("Import Sources"), self->cancellable,
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
    _chronicle_preferences_sources_toast (self, error->message);
  else
    _chronicle_preferences_sources_toast (self, _("Sources exported"));
}

/**
 * chronicle_preferences_sources_dup_opml:
 * @self: the page
 *
 * Returns: (transfer full): the listed sources (not local files, not those being
 *   removed) as an OPML document
 */
char *
chronicle_preferences_sources_dup_opml (ChroniclePreferencesSources *self)
{
  g_autoptr(GPtrArray) outlines = NULL;
  GHashTableIter iter;
  SourceRow *row;

  g_return_val_if_fail (CHRONICLE_IS_PREFERENCES_SOURCES (self), NULL);

  outlines = g_ptr_array_new_with_free_func ((GDestroyNotify) chronicle_opml_outline_free);
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
    {
      ChronicleOpmlOutline *outline;

      if (row->removing || chronicle_source_get_kind (row->source) == CHRONICLE_SOURCE_KIND_FILE)
        continue;
      outline = g_new0 (ChronicleOpmlOutline, 1);
      outline->url = chronicle_source_shareable_url (row->source);
      outline->title = g_strdup (chronicle_source_get_title (row->source));
      outline->html_url = g_strdup (chronicle_source_get_site_url (row->source));
      g_ptr_array_add (outlines, outline);
    }

  return chronicle_opml_write (outlines, _("Chronicle Sources"));
}

static void
export_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ChroniclePreferencesSources) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = chronicle_file_chooser_save_finish (result, &error);
  g_autoptr(GBytes) bytes = NULL;
  char *text;

  if (file == NULL)
    return;

  text = chronicle_preferences_sources_dup_opml (self);
  bytes = g_bytes_new_take (text, strlen (text));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       self->cancellable, export_written_cb, g_object_ref (self));
}

void
_chronicle_preferences_sources_export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ChroniclePreferencesSources *self = CHRONICLE_PREFERENCES_SOURCES (widget);

  chronicle_file_chooser_save_async (_chronicle_preferences_sources_parent (self),
                                     _("Export Sources"),
                                     "chronicle-sources.opml", self->cancellable,
                                     export_chosen_cb, g_object_ref (self));
}

/* Suggestions, from the bundled data/suggested-sources.json */

static const char *
member (JsonObject *item,
        const char *name)
{
  return item != NULL ? json_object_get_string_member_with_default (item, name, NULL) : NULL;
}

void
_chronicle_preferences_sources_load_suggestions (ChroniclePreferencesSources *self)
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
      const char *title = member (item, "title");
      const char *address = member (item, "address");
      const char *country = member (item, "country");
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
          suggestion->title = g_strdup_printf (_("News from %s"),
                                               chronicle_country_get_name (country));
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
  _chronicle_preferences_sources_update_suggestions (self);
}

