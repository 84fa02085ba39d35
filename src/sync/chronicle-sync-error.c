/* chronicle-sync-error.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-sync"

#include "config.h"

#include "chronicle-sync-error.h"

G_DEFINE_QUARK (chronicle-sync-error-quark, chronicle_sync_error)
