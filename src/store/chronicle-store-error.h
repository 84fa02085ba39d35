/* chronicle-store-error.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CHRONICLE_STORE_ERROR (chronicle_store_error_quark ())

/**
 * ChronicleStoreError:
 * @CHRONICLE_STORE_ERROR_FAILED: an unexpected failure
 * @CHRONICLE_STORE_ERROR_PATH: the database path cannot be used
 * @CHRONICLE_STORE_ERROR_CORRUPT: the cache was damaged (and has been rebuilt)
 * @CHRONICLE_STORE_ERROR_FULL: the disk is full
 * @CHRONICLE_STORE_ERROR_READ_ONLY: the database or its folder cannot be written
 * @CHRONICLE_STORE_ERROR_NOT_FOUND: no such row
 * @CHRONICLE_STORE_ERROR_EXISTS: a source with that URL is already stored
 * @CHRONICLE_STORE_ERROR_INVALID: the data given cannot be stored (a required field is
 *   missing, a constraint is violated)
 */
typedef enum {
  CHRONICLE_STORE_ERROR_FAILED,
  CHRONICLE_STORE_ERROR_PATH,
  CHRONICLE_STORE_ERROR_CORRUPT,
  CHRONICLE_STORE_ERROR_FULL,
  CHRONICLE_STORE_ERROR_READ_ONLY,
  CHRONICLE_STORE_ERROR_NOT_FOUND,
  CHRONICLE_STORE_ERROR_EXISTS,
  CHRONICLE_STORE_ERROR_INVALID,
} ChronicleStoreError;

GQuark chronicle_store_error_quark (void);

G_END_DECLS
