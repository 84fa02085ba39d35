/* chronicle-window.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chronicle-application.h"
#include "chronicle-query.h"
#include "chronicle-store.h"
#include "chronicle-sync-service.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_WINDOW (chronicle_window_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleWindow, chronicle_window, CHRONICLE, WINDOW, AdwApplicationWindow)

ChronicleWindow *chronicle_window_new               (ChronicleApplication *application);
ChronicleWindow *chronicle_window_new_with_settings (GSettings            *settings);
ChronicleWindow *chronicle_window_new_with_store    (GSettings            *settings,
                                                     ChronicleStore       *store,
                                                     ChronicleSyncService *sync);
void             chronicle_window_add_toast         (ChronicleWindow      *self,
                                                     const char           *title);
ChronicleQuery  *chronicle_window_get_query         (ChronicleWindow      *self);
void             chronicle_window_set_query         (ChronicleWindow      *self,
                                                     ChronicleQuery       *query);
void             chronicle_window_load_sample_if_empty (ChronicleWindow *self);
void             chronicle_window_search            (ChronicleWindow      *self,
                                                     const char           *text);
void             chronicle_window_open_article      (ChronicleWindow      *self,
                                                     gint64                article_id);
void             chronicle_window_go_to_date        (ChronicleWindow      *self,
                                                     gint64                start,
                                                     gint64                end);

G_END_DECLS
