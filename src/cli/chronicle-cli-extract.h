/* chronicle-cli-extract.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-cli.h"

G_BEGIN_DECLS

int chronicle_cli_extract (ChronicleCli  *cli,
                           int            argc,
                           char         **argv);

G_END_DECLS
