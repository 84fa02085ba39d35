/* chronicle-entity-corrections.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * Fixing what extraction got wrong, from the entity page: rename an entity,
 * merge it into another ("Putin" into "Vladimir Putin", with Undo right
 * after and Split later), and put a name on the stop list ("not a person").
 * Each asks first in an AdwMessageDialog; the store applies the correction to
 * the stored mentions at once and to everything extracted later.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chronicle-entity-corrections.h"
#include "chronicle-store-error.h"

#define N_CANDIDATES 40

typedef struct {
  GtkWidget              *parent;
  ChronicleStore         *store;
  ChronicleEntity        *entity;    /* the one corrected */
  ChronicleEntity        *target;    /* merge: the one that stays; split: the one it was in */
  ChronicleCorrectedFunc  done;
  GObject                *user_data;
  GtkEditable            *entry;
  GtkListBox             *candidates;
  AdwMessageDialog       *dialog;
  GCancellable           *cancellable;
  char                   *new_name;
} Correction;

static void
correction_free (Correction *c)
{
  g_clear_object (&c->user_data);
  g_cancellable_cancel (c->cancellable);
  g_clear_object (&c->cancellable);
  g_clear_object (&c->parent);
  g_clear_object (&c->store);
  g_clear_object (&c->entity);
  g_clear_object (&c->target);
  g_free (c->new_name);
  g_free (c);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Correction, correction_free)

static Correction *
correction_new (GtkWidget              *parent,
                ChronicleStore         *store,
                ChronicleEntity        *entity,
                ChronicleCorrectedFunc  done,
                GObject                *user_data)
{
  Correction *c = g_new0 (Correction, 1);

  c->parent = g_object_ref (parent);
  c->store = g_object_ref (store);
  c->entity = g_object_ref (entity);
  c->done = done;
  c->user_data = g_object_ref (user_data);
  c->cancellable = g_cancellable_new ();
  return c;
}

static AdwMessageDialog *
new_dialog (Correction *c,
            const char *heading,
            const char *body)
{
  GtkRoot *root = gtk_widget_get_root (c->parent);

  c->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                                : NULL,
                                                          heading, body));
  adw_message_dialog_add_response (c->dialog, "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (c->dialog, "cancel");
  return c->dialog;
}

static void
toast (Correction *c,
       AdwToast   *toast_)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (c->parent, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast_);
  else
    g_object_unref (g_object_ref_sink (toast_));
}

static void
toast_text (Correction *c,
            const char *text)
{
  toast (c, adw_toast_new (text));
}

static void
report_error (Correction   *c,
              const GError *error)
{
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast_text (c, error->message);
}

/* The dialog answered: nothing it still emits while going reaches @c. */
static void
disconnect_dialog (Correction *c)
{
  g_signal_handlers_disconnect_by_data (c->dialog, c);
  if (c->entry != NULL)
    g_signal_handlers_disconnect_by_data (c->entry, c);
  if (c->candidates != NULL)
    {
      g_signal_handlers_disconnect_by_data (c->candidates, c);
      g_object_set_data (G_OBJECT (c->candidates), "correction", NULL);
    }
  c->entry = NULL;
  c->candidates = NULL;
  c->dialog = NULL;
}

/* Rename */

static void
renamed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Correction) c = user_data;
  g_autoptr(GError) error = NULL;

  if (!chronicle_store_rename_entity_finish (CHRONICLE_STORE (object), result, &error))
    {
      if (g_error_matches (error, CHRONICLE_STORE_ERROR, CHRONICLE_STORE_ERROR_EXISTS))
        toast_text (c, _("Another entity has that name: merge them instead"));
      else
        report_error (c, error);
      return;
    }

  c->done (chronicle_entity_get_kind (c->entity), c->new_name, c->user_data);
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Correction       *c)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (c->entry)));

  disconnect_dialog (c);
  if (!g_str_equal (response, "rename") || *name == '\0')
    {
      correction_free (c);
      return;
    }

  c->new_name = g_steal_pointer (&name);
  chronicle_store_rename_entity_async (c->store, chronicle_entity_get_id (c->entity), c->new_name,
                                       NULL, renamed_cb, c);
}

static void
rename_changed_cb (GtkEditable *entry,
                   Correction  *c)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (
    c->dialog, "rename", *name != '\0' && g_strcmp0 (name, chronicle_entity_get_name (c->entity)) != 0);
}

static void
rename_activate_cb (GtkEntry   *entry,
                    Correction *c)
{
  if (adw_message_dialog_get_response_enabled (c->dialog, "rename"))
    adw_message_dialog_response (c->dialog, "rename");
}

/**
 * chronicle_entity_corrections_rename:
 * @parent: the widget asking (its window is the dialog's parent, its toast
 *   overlay shows what happened)
 * @store: the store
 * @entity: the entity to rename
 * @done: called with the new name once renamed
 * @user_data: an object given to @done (kept alive until then)
 *
 * Asks for a new name and renames. The old name stays as an alias.
 */
void
chronicle_entity_corrections_rename (GtkWidget              *parent,
                                     ChronicleStore         *store,
                                     ChronicleEntity        *entity,
                                     ChronicleCorrectedFunc  done,
                                     GObject                *user_data)
{
  Correction *c = correction_new (parent, store, entity, done, user_data);
  AdwMessageDialog *dialog;
  GtkWidget *entry = gtk_entry_new ();

  dialog = new_dialog (c, _("Rename"),
                       _("Articles keep leading here under the old name, which is kept as another "
                         "name for it."));
  adw_message_dialog_add_response (dialog, "rename", _("_Rename"));
  adw_message_dialog_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "rename");
  adw_message_dialog_set_response_enabled (dialog, "rename", FALSE);

  gtk_editable_set_text (GTK_EDITABLE (entry), chronicle_entity_get_name (entity));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New Name"), -1);
  c->entry = GTK_EDITABLE (entry);
  g_signal_connect (entry, "changed", G_CALLBACK (rename_changed_cb), c);
  g_signal_connect (entry, "activate", G_CALLBACK (rename_activate_cb), c);
  adw_message_dialog_set_extra_child (dialog, entry);

  g_signal_connect (dialog, "response", G_CALLBACK (rename_response_cb), c);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Merge and split */

static void
unmerged_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Correction) c = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!chronicle_store_unmerge_entity_finish (CHRONICLE_STORE (object), result, &error))
    {
      report_error (c, error);
      return;
    }

  /* Translators: %s is a name split off again after a merge */
  message = g_strdup_printf (_("“%s” is on its own again"), chronicle_entity_get_name (c->entity));
  toast_text (c, message);
  c->done (chronicle_entity_get_kind (c->target), chronicle_entity_get_name (c->target),
           c->user_data);
}

static void
undo_merge_cb (AdwToast   *toast_,
               Correction *kept)
{
  Correction *c = correction_new (kept->parent, kept->store, kept->entity, kept->done,
                                  kept->user_data);

  c->target = g_object_ref (kept->target);
  chronicle_store_unmerge_entity_async (c->store, chronicle_entity_get_id (c->entity), NULL,
                                        unmerged_cb, c);
}

static void
merged_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Correction) c = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *undo;
  Correction *kept;

  if (!chronicle_store_merge_entities_finish (CHRONICLE_STORE (object), result, &error))
    {
      report_error (c, error);
      return;
    }

  c->done (chronicle_entity_get_kind (c->target), chronicle_entity_get_name (c->target),
           c->user_data);

  /* Undo, right after: the toast owns a copy of what it needs. */
  kept = correction_new (c->parent, c->store, c->entity, c->done, c->user_data);
  kept->target = g_object_ref (c->target);
  /* Translators: "Putin" merged into "Vladimir Putin" */
  message = g_strdup_printf (_("“%s” merged into “%s”"), chronicle_entity_get_name (c->entity),
                             chronicle_entity_get_name (c->target));
  undo = adw_toast_new (message);
  adw_toast_set_button_label (undo, _("_Undo"));
  adw_toast_set_priority (undo, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (undo, 10);
  g_signal_connect (undo, "button-clicked", G_CALLBACK (undo_merge_cb), kept);
  g_object_set_data_full (G_OBJECT (undo), "correction", kept, (GDestroyNotify) correction_free);
  toast (c, undo);
}

static void
candidates_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GtkWidget) list_box = user_data;
  Correction *c = g_object_get_data (G_OBJECT (list_box), "correction");
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleEntityList) list = NULL;
  GtkWidget *row;

  list = chronicle_store_list_entities_finish (CHRONICLE_STORE (object), result, &error);
  if (list == NULL || c == NULL)
    return;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (c->candidates))) != NULL)
    gtk_list_box_remove (c->candidates, row);
  adw_message_dialog_set_response_enabled (c->dialog, "merge", FALSE);

  for (guint i = 0; i < list->rows->len; i++)
    {
      ChronicleEntitySummary *s = g_ptr_array_index (list->rows, i);
      g_autofree char *count = NULL;
      GtkWidget *box, *name, *n;

      if (chronicle_entity_get_id (s->entity) == chronicle_entity_get_id (c->entity))
        continue;

      count = g_strdup_printf ("%u", chronicle_entity_get_mention_count (s->entity));
      row = gtk_list_box_row_new ();
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      name = gtk_label_new (chronicle_entity_get_name (s->entity));
      n = gtk_label_new (count);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_widget_set_margin_top (box, 8);
      gtk_widget_set_margin_bottom (box, 8);
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_widget_add_css_class (n, "dim-label");
      gtk_widget_add_css_class (n, "numeric");
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), n);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      chronicle_entity_get_name (s->entity), -1);
      g_object_set_data_full (G_OBJECT (row), "entity", g_object_ref (s->entity), g_object_unref);
      gtk_list_box_append (c->candidates, row);
    }
}

static void
search_candidates (Correction *c)
{
  const char *text = gtk_editable_get_text (c->entry);

  g_cancellable_cancel (c->cancellable);
  g_clear_object (&c->cancellable);
  c->cancellable = g_cancellable_new ();
  chronicle_store_list_entities_async (c->store, chronicle_entity_get_kind (c->entity),
                                       CHRONICLE_ENTITY_SORT_MENTIONS,
                                       text != NULL && *text != '\0' ? text : NULL, 0,
                                       N_CANDIDATES, 0, c->cancellable, candidates_cb,
                                       g_object_ref (c->candidates));
}

static void
candidate_selected_cb (GtkListBox    *list,
                       GtkListBoxRow *row,
                       Correction    *c)
{
  ChronicleEntity *target = row != NULL ? g_object_get_data (G_OBJECT (row), "entity") : NULL;
  g_autofree char *body = NULL;

  g_set_object (&c->target, target);
  adw_message_dialog_set_response_enabled (c->dialog, "merge", target != NULL);
  if (target != NULL)
    {
      /* Translators: "Putin" and its articles go to "Vladimir Putin" */
      body = g_strdup_printf (_("“%s” and its articles will be listed as “%s”. You can split them "
                                "again later from its page."),
                              chronicle_entity_get_name (c->entity),
                              chronicle_entity_get_name (target));
      adw_message_dialog_set_body (c->dialog, body);
    }
}

static void
merge_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   Correction       *c)
{
  /* The dialog goes: a late search result finds no correction. */
  g_cancellable_cancel (c->cancellable);
  disconnect_dialog (c);
  if (!g_str_equal (response, "merge") || c->target == NULL)
    {
      correction_free (c);
      return;
    }

  chronicle_store_merge_entities_async (c->store, chronicle_entity_get_id (c->entity),
                                        chronicle_entity_get_id (c->target), NULL, merged_cb, c);
}

/**
 * chronicle_entity_corrections_merge:
 * @parent: the widget asking
 * @store: the store
 * @entity: the entity to merge away
 * @done: called with the entity that stays once merged (and again after Undo)
 * @user_data: an object given to @done (kept alive until then)
 *
 * "Merge into…": a dialog to search the entity it is the same as, then a
 * toast with Undo.
 */
void
chronicle_entity_corrections_merge (GtkWidget              *parent,
                                    ChronicleStore         *store,
                                    ChronicleEntity        *entity,
                                    ChronicleCorrectedFunc  done,
                                    GObject                *user_data)
{
  Correction *c = correction_new (parent, store, entity, done, user_data);
  g_autofree char *heading = g_strdup_printf (_("Merge “%s” Into…"), chronicle_entity_get_name (entity));
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *search = gtk_search_entry_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  dialog = new_dialog (c, heading, _("Choose the entity it is another name for."));
  adw_message_dialog_add_response (dialog, "merge", _("_Merge"));
  adw_message_dialog_set_response_appearance (dialog, "merge", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (dialog, "merge", FALSE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search Entities to Merge Into"), -1);
  c->entry = GTK_EDITABLE (search);
  g_signal_connect_swapped (search, "search-changed", G_CALLBACK (search_candidates), c);
  gtk_box_append (GTK_BOX (box), search);

  c->candidates = GTK_LIST_BOX (list);
  g_object_set_data (G_OBJECT (list), "correction", c);
  gtk_list_box_set_selection_mode (c->candidates, GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Merge Into"), -1);
  g_signal_connect (list, "row-selected", G_CALLBACK (candidate_selected_cb), c);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_message_dialog_set_extra_child (dialog, box);

  g_signal_connect (dialog, "response", G_CALLBACK (merge_response_cb), c);
  search_candidates (c);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (search);
}

/**
 * chronicle_entity_corrections_split:
 * @parent: the widget asking
 * @store: the store
 * @merged: an entity merged into @into
 * @into: the entity it was merged into
 * @done: called with @into once split
 * @user_data: an object given to @done (kept alive until then)
 *
 * Undoes an old merge, without asking: it can be merged again.
 */
void
chronicle_entity_corrections_split (GtkWidget              *parent,
                                    ChronicleStore         *store,
                                    ChronicleEntity        *merged,
                                    ChronicleEntity        *into,
                                    ChronicleCorrectedFunc  done,
                                    GObject                *user_data)
{
  Correction *c = correction_new (parent, store, merged, done, user_data);

  c->target = g_object_ref (into);
  chronicle_store_unmerge_entity_async (store, chronicle_entity_get_id (merged), NULL,
                                        unmerged_cb, c);
}

/* Stop list */

/**
 * chronicle_entity_corrections_stop_label:
 * @kind: what the entity was taken for
 *
 * Returns: the menu label, "Not a Person" and the like
 */
const char *
chronicle_entity_corrections_stop_label (ChronicleEntityKind kind)
{
  switch (kind)
    {
    case CHRONICLE_ENTITY_KIND_PERSON:
      return _("Not a Person");
    case CHRONICLE_ENTITY_KIND_COUNTRY:
      return _("Not a Country");
    case CHRONICLE_ENTITY_KIND_PLACE:
      return _("Not a Place");
    case CHRONICLE_ENTITY_KIND_ORGANIZATION:
    default:
      return _("Not an Organisation");
    }
}

static void
stopped_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Correction) c = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!chronicle_store_stop_entity_finish (CHRONICLE_STORE (object), result, &error))
    {
      report_error (c, error);
      return;
    }

  message = g_strdup_printf (_("“%s” is no longer listed"), chronicle_entity_get_name (c->entity));
  toast_text (c, message);
  c->done (chronicle_entity_get_kind (c->entity), NULL, c->user_data);
}

static void
stop_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  Correction       *c)
{
  disconnect_dialog (c);
  if (!g_str_equal (response, "stop"))
    {
      correction_free (c);
      return;
    }

  chronicle_store_stop_entity_async (c->store, chronicle_entity_get_kind (c->entity),
                                     chronicle_entity_get_name (c->entity), TRUE, NULL,
                                     stopped_cb, c);
}

/**
 * chronicle_entity_corrections_stop:
 * @parent: the widget asking
 * @store: the store
 * @entity: the entity that is not what extraction took it for
 * @done: called with a %NULL name once stopped
 * @user_data: an object given to @done (kept alive until then)
 *
 * Asks, then puts the name on the stop list for its kind.
 */
void
chronicle_entity_corrections_stop (GtkWidget              *parent,
                                   ChronicleStore         *store,
                                   ChronicleEntity        *entity,
                                   ChronicleCorrectedFunc  done,
                                   GObject                *user_data)
{
  Correction *c = correction_new (parent, store, entity, done, user_data);
  g_autofree char *heading = g_strdup_printf ("%s?", chronicle_entity_corrections_stop_label (
                                                       chronicle_entity_get_kind (entity)));
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  /* Translators: %s is a name extraction got wrong */
  body = g_strdup_printf (_("“%s” will no longer be listed, in the articles stored now and in "
                            "those to come."), chronicle_entity_get_name (entity));
  dialog = new_dialog (c, heading, body);
  adw_message_dialog_add_response (dialog, "stop", _("_Stop Listing"));
  adw_message_dialog_set_response_appearance (dialog, "stop", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect (dialog, "response", G_CALLBACK (stop_response_cb), c);
  gtk_window_present (GTK_WINDOW (dialog));
}
