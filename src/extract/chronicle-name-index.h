/* chronicle-name-index.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "chronicle-extraction.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_NAME_INDEX (chronicle_name_index_get_type ())
G_DECLARE_FINAL_TYPE (ChronicleNameIndex, chronicle_name_index, CHRONICLE, NAME_INDEX, GObject)

ChronicleNameIndex *chronicle_name_index_new             (void);
void                chronicle_name_index_add             (ChronicleNameIndex  *self,
                                                          const char          *full_name);
void                chronicle_name_index_add_extraction  (ChronicleNameIndex  *self,
                                                          ChronicleExtraction *extraction);
const char         *chronicle_name_index_resolve         (ChronicleNameIndex  *self,
                                                          const char          *name);
guint               chronicle_name_index_apply           (ChronicleNameIndex  *self,
                                                          ChronicleExtraction *extraction);

G_END_DECLS
