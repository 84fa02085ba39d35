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

/**
 * ChronicleExtractError:
 * @CHRONICLE_EXTRACT_ERROR_TOO_LARGE: the text is longer than
 *   %CHRONICLE_EXTRACT_MAX_LENGTH bytes
 */
typedef enum {
  CHRONICLE_EXTRACT_ERROR_TOO_LARGE,
} ChronicleExtractError;

/* The longest text chronicle_extract() accepts, in bytes. */
#define CHRONICLE_EXTRACT_MAX_LENGTH (64 * 1024 * 1024)

GQuark chronicle_extract_error_quark (void);

G_END_DECLS
