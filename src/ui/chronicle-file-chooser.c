/* chronicle-file-chooser.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * Choosing a file, as an async call. GTK 4.8 has GtkFileChooserNative, which
 * GTK 4.10 replaces with GtkFileDialog; this file is the only one that knows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-file-chooser.h"

static void
response_cb (GtkNativeDialog *dialog,
             int              response,
             gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);

  if (g_task_return_error_if_cancelled (task))
    return;

  if (file == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("No file was chosen"));
  else
    g_task_return_pointer (task, g_steal_pointer (&file), g_object_unref);
}

/**
 * chronicle_file_chooser_open_async:
 * @parent: (nullable): the window the chooser belongs to
 * @title: the chooser's title
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when a file was chosen or the chooser was dismissed
 * @user_data: data for @callback
 *
 * Asks the user for a file to open (feeds, articles, OPML: any file; the
 * importer detects the format).
 */
void
chronicle_file_chooser_open_async (GtkWindow           *parent,
                                   const char          *title,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) feeds = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (title != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, chronicle_file_chooser_open_async);

  dialog = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  gtk_file_filter_set_name (feeds, _("Feeds, articles and source lists"));
  for (const char *const *p = (const char *const[]) { "application/rss+xml",
                                                      "application/atom+xml",
                                                      "application/feed+json",
                                                      "application/json",
                                                      "application/xml", "text/xml",
                                                      "text/x-opml+xml", "text/plain",
                                                      "text/html", NULL };
       *p != NULL; p++)
    gtk_file_filter_add_mime_type (feeds, *p);
  gtk_file_filter_add_suffix (feeds, "jsonl");
  gtk_file_filter_add_suffix (feeds, "opml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), feeds);

  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);

  /* A cancellation is reported when the chooser closes. */
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), g_object_ref (task));

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/**
 * chronicle_file_chooser_open_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError; %G_IO_ERROR_CANCELLED when the
 *   user chose nothing
 *
 * Returns: (transfer full): the chosen file, or %NULL
 */
GFile *
chronicle_file_chooser_open_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * chronicle_file_chooser_save_async:
 * @parent: (nullable): the window the chooser belongs to
 * @title: the chooser's title
 * @suggested_name: the file name offered first
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the chosen file
 * @user_data: data for @callback
 *
 * Asks where to save a file (GtkFileChooserNative: the portal in a sandbox).
 */
void
chronicle_file_chooser_save_async (GtkWindow           *parent,
                                   const char          *title,
                                   const char          *suggested_name,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GtkFileChooserNative *dialog;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (title != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, chronicle_file_chooser_save_async);

  dialog = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested_name);

  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), g_object_ref (task));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/**
 * chronicle_file_chooser_save_finish:
 * @result: the #GAsyncResult
 * @error: return location for a #GError (%G_IO_ERROR_CANCELLED when none was chosen)
 *
 * Returns: (transfer full): the file to write
 */
GFile *
chronicle_file_chooser_save_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
