/* chronicle-extract-error.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CHRONICLE_EXTRACT_ERROR (chronicle_extract_error_quark ())

GQuark chronicle_extract_error_quark (void);

G_END_DECLS
