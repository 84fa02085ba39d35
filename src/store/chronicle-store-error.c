/* chronicle-store-error.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-store"

#include "config.h"

#include "chronicle-store-error.h"

G_DEFINE_QUARK (chronicle-store-error-quark, chronicle_store_error)
