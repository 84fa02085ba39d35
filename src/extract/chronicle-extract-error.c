/* chronicle-extract-error.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-extract"

#include "config.h"

#include "chronicle-extract-error.h"

G_DEFINE_QUARK (chronicle-extract-error-quark, chronicle_extract_error)
