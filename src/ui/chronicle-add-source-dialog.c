/* chronicle-add-source-dialog.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * "Add Source": a web address (a feed, or a website whose feed is found) or a
 * file (a feed, an article, an OPML list; the importer detects the format).
 * The dialog checks what it can (a web address or an existing file) and says
 * what is wrong in words, under the entry; the owner does the adding through
 * ::submit and reports back with set_busy() and show_error(), or closes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-add-source-dialog.h"
#include "chronicle-file-chooser.h"

struct _ChronicleAddSourceDialog
{
  AdwWindow     parent_instance;

  GCancellable *cancellable;
  gboolean      busy;

  AdwEntryRow  *address_row;
  GtkButton    *add_button;
  GtkButton    *choose_file_button;
  GtkRevealer  *error_revealer;
  GtkLabel     *error_label;
  GtkSpinner   *spinner;
};

G_DEFINE_FINAL_TYPE (ChronicleAddSourceDialog, chronicle_add_source_dialog, ADW_TYPE_WINDOW)

enum {
  SUBMIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * chronicle_add_source_parse_input:
 * @text: what the user typed
 * @url: (out) (optional) (transfer full): the web address, when it is one
 * @file: (out) (optional) (transfer full): the local file, when it is one
 * @error: return location for a #GError with a sentence for the user
 *
 * Reads the Add Source entry: an http or https address (a bare host such as
 * `example.com/feed` gets https://), a file:// URI, or an absolute or `~`
 * path to an existing regular file. Anything else is refused.
 *
 * Returns: %TRUE if @text names a source
 */
gboolean
chronicle_add_source_parse_input (const char  *text,
                                  char       **url,
                                  GFile      **file,
                                  GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(GFile) local = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *scheme = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  if (url != NULL)
    *url = NULL;
  if (file != NULL)
    *file = NULL;

  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Enter the address of a news feed or website, or choose a file."));
      return FALSE;
    }

  if (trimmed[0] == '/' || trimmed[0] == '~' || g_str_has_prefix (trimmed, "file:"))
    {
      GFileType type;

      if (trimmed[0] == '~')
        {
          g_autofree char *path = g_build_filename (g_get_home_dir (), trimmed + 1, NULL);
          local = g_file_new_for_path (path);
        }
      else if (trimmed[0] == '/')
        local = g_file_new_for_path (trimmed);
      else
        local = g_file_new_for_uri (trimmed);

      type = g_file_query_file_type (local, G_FILE_QUERY_INFO_NONE, NULL);
      if (type == G_FILE_TYPE_UNKNOWN)
        {
          g_autofree char *name = g_file_get_parse_name (local);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("There is no file “%s”."), name);
          return FALSE;
        }
      if (type != G_FILE_TYPE_REGULAR)
        {
          g_autofree char *name = g_file_get_parse_name (local);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                       _("“%s” is a folder; choose a feed or article file in it."), name);
          return FALSE;
        }

      if (file != NULL)
        *file = g_steal_pointer (&local);
      return TRUE;
    }

  scheme = g_uri_parse_scheme (trimmed);
  if (scheme == NULL)
    {
      /* "example.com/feed.xml": a web address without its scheme. */
      g_autofree char *with_scheme = g_strconcat ("https://", trimmed, NULL);

      g_free (trimmed);
      trimmed = g_steal_pointer (&with_scheme);
      scheme = g_strdup ("https");
    }

  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Chronicle reads web addresses (http or https) and files, not “%s:” links."),
                   scheme);
      return FALSE;
    }

  uri = g_uri_parse (trimmed, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0'
      || strchr (trimmed, ' ') != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("This is not a complete web address; it should look like "
                             "https://example.com/feed.xml."));
      return FALSE;
    }

  if (url != NULL)
    {
      g_autofree char *scheme_lower = g_ascii_strdown (g_uri_get_scheme (uri), -1);
      g_autofree char *host_lower = g_ascii_strdown (g_uri_get_host (uri), -1);
      g_autoptr(GUri) normal = g_uri_build (G_URI_FLAGS_NONE, scheme_lower, NULL, host_lower,
                                            g_uri_get_port (uri), g_uri_get_path (uri),
                                            g_uri_get_query (uri), g_uri_get_fragment (uri));

      *url = g_uri_to_string (normal);
    }
  return TRUE;
}

static void
submit (ChronicleAddSourceDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GFile) file = NULL;

  if (self->busy)
    return;

  if (!chronicle_add_source_parse_input (gtk_editable_get_text (GTK_EDITABLE (self->address_row)),
                                         &url, &file, &error))
    {
      chronicle_add_source_dialog_show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SUBMIT], 0, url, file);
}

static void
text_changed_cb (ChronicleAddSourceDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->address_row));

  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->address_row), "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), !self->busy && *text != '\0');
}

static void
entry_activated_cb (ChronicleAddSourceDialog *self)
{
  submit (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  submit (CHRONICLE_ADD_SOURCE_DIALOG (widget));
}

static void
file_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ChronicleAddSourceDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = chronicle_file_chooser_open_finish (result, &error);

  if (file == NULL)
    return;

  if (g_file_get_path (file) != NULL)
    {
      g_autofree char *path = g_file_get_path (file);
      gtk_editable_set_text (GTK_EDITABLE (self->address_row), path);
    }
  else
    {
      g_autofree char *uri = g_file_get_uri (file);
      gtk_editable_set_text (GTK_EDITABLE (self->address_row), uri);
    }

  submit (self);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ChronicleAddSourceDialog *self = CHRONICLE_ADD_SOURCE_DIALOG (widget);

  chronicle_file_chooser_open_async (GTK_WINDOW (self), _("Choose a Feed or Article File"),
                                     self->cancellable, file_chosen_cb, g_object_ref (self));
}

static void
chronicle_add_source_dialog_dispose (GObject *object)
{
  ChronicleAddSourceDialog *self = CHRONICLE_ADD_SOURCE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONICLE_TYPE_ADD_SOURCE_DIALOG);

  G_OBJECT_CLASS (chronicle_add_source_dialog_parent_class)->dispose (object);
}

static void
chronicle_add_source_dialog_class_init (ChronicleAddSourceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chronicle_add_source_dialog_dispose;

  /**
   * ChronicleAddSourceDialog::submit:
   * @self: the dialog
   * @url: (nullable): the web address to add
   * @file: (nullable): the file to import
   *
   * The user asked to add a source; exactly one of @url and @file is set.
   */
  signals[SUBMIT] =
    g_signal_new ("submit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/chronicle-add-source-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronicleAddSourceDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, ChronicleAddSourceDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, ChronicleAddSourceDialog, choose_file_button);
  gtk_widget_class_bind_template_child (widget_class, ChronicleAddSourceDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, ChronicleAddSourceDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleAddSourceDialog, spinner);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "source.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "source.choose-file", NULL, choose_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "source.choose-file", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
chronicle_add_source_dialog_init (ChronicleAddSourceDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->address_row));
  text_changed_cb (self);
}

/**
 * chronicle_add_source_dialog_new:
 * @parent: (nullable): the main window
 *
 * Returns: (transfer full): a modal Add Source dialog, not yet shown
 */
ChronicleAddSourceDialog *
chronicle_add_source_dialog_new (GtkWindow *parent)
{
  return g_object_new (CHRONICLE_TYPE_ADD_SOURCE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}

/**
 * chronicle_add_source_dialog_set_busy:
 * @self: a #ChronicleAddSourceDialog
 * @busy: whether the source is being added
 *
 * Shows a spinner and stops further input while the owner works.
 */
void
chronicle_add_source_dialog_set_busy (ChronicleAddSourceDialog *self,
                                      gboolean                  busy)
{
  g_return_if_fail (CHRONICLE_IS_ADD_SOURCE_DIALOG (self));

  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->address_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->choose_file_button), !busy);
  text_changed_cb (self);
}

/**
 * chronicle_add_source_dialog_show_error:
 * @self: a #ChronicleAddSourceDialog
 * @message: what went wrong, as a sentence
 *
 * Shows @message under the entry, until the text changes.
 */
void
chronicle_add_source_dialog_show_error (ChronicleAddSourceDialog *self,
                                        const char               *message)
{
  g_return_if_fail (CHRONICLE_IS_ADD_SOURCE_DIALOG (self));
  g_return_if_fail (message != NULL);

  chronicle_add_source_dialog_set_busy (self, FALSE);
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->address_row), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->address_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

/**
 * chronicle_add_source_dialog_get_text:
 * @self: a #ChronicleAddSourceDialog
 *
 * Returns: (transfer none): what is in the entry
 */
const char *
chronicle_add_source_dialog_get_text (ChronicleAddSourceDialog *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ADD_SOURCE_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->address_row));
}

/**
 * chronicle_add_source_dialog_set_text:
 * @self: a #ChronicleAddSourceDialog
 * @text: an address or a path
 */
void
chronicle_add_source_dialog_set_text (ChronicleAddSourceDialog *self,
                                      const char               *text)
{
  g_return_if_fail (CHRONICLE_IS_ADD_SOURCE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->address_row), text);
}
