/* chronicle-entity-corrections.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chronicle-store-entities.h"

G_BEGIN_DECLS

/**
 * ChronicleCorrectedFunc:
 * @kind: the kind of the entity to show now
 * @name: (nullable): its name, or %NULL when the entity is gone (stop list)
 * @user_data: the object given
 *
 * Called on the main thread once the store has applied a correction.
 */
typedef void (*ChronicleCorrectedFunc) (ChronicleEntityKind  kind,
                                        const char          *name,
                                        GObject             *user_data);

void chronicle_entity_corrections_rename (GtkWidget              *parent,
                                          ChronicleStore         *store,
                                          ChronicleEntity        *entity,
                                          ChronicleCorrectedFunc  done,
                                          GObject                *user_data);
void chronicle_entity_corrections_merge  (GtkWidget              *parent,
                                          ChronicleStore         *store,
                                          ChronicleEntity        *entity,
                                          ChronicleCorrectedFunc  done,
                                          GObject                *user_data);
void chronicle_entity_corrections_split  (GtkWidget              *parent,
                                          ChronicleStore         *store,
                                          ChronicleEntity        *merged,
                                          ChronicleEntity        *into,
                                          ChronicleCorrectedFunc  done,
                                          GObject                *user_data);
void chronicle_entity_corrections_stop   (GtkWidget              *parent,
                                          ChronicleStore         *store,
                                          ChronicleEntity        *entity,
                                          ChronicleCorrectedFunc  done,
                                          GObject                *user_data);
const char *chronicle_entity_corrections_stop_label (ChronicleEntityKind kind);

G_END_DECLS
