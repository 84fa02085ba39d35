/* chronicle-preferences-sources-private.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-preferences-sources.h"

G_BEGIN_DECLS

/* Shared by chronicle-preferences-sources.c (the list) and
 * chronicle-preferences-sources-add.c (adding, OPML, suggestions). */

typedef struct
{
  ChroniclePreferencesSources *self;     /* unowned */
  ChronicleSource             *source;
  AdwExpanderRow              *row;
  GtkWidget                   *warning_icon;
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

void       _chronicle_preferences_sources_toast              (ChroniclePreferencesSources *self,
                                                              const char *message);
GtkWindow *_chronicle_preferences_sources_parent             (ChroniclePreferencesSources *self);
void       _chronicle_preferences_sources_removed_cb         (GObject      *object,
                                                              GAsyncResult *result,
                                                              gpointer      user_data);
void       _chronicle_preferences_sources_update_suggestions (ChroniclePreferencesSources *self);
void       _chronicle_preferences_sources_load_suggestions   (ChroniclePreferencesSources *self);
void       _chronicle_preferences_sources_add_action         (GtkWidget  *widget,
                                                              const char *action_name,
                                                              GVariant   *parameter);
void       _chronicle_preferences_sources_import_action      (GtkWidget  *widget,
                                                              const char *action_name,
                                                              GVariant   *parameter);
void       _chronicle_preferences_sources_export_action      (GtkWidget  *widget,
                                                              const char *action_name,
                                                              GVariant   *parameter);

G_END_DECLS
