/* chronicle-country-names.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean    chronicle_country_code_is_known   (const char *code);
char       *chronicle_country_code_to_flag    (const char *code);
const char *chronicle_country_get_english_name (const char *code);
const char *chronicle_country_get_name        (const char *code);

G_END_DECLS
