/* chronicle-cli.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * ChronicleCli:
 * @db_path: the absolute database file name (`--db PATH` or the default)
 *
 * What every subcommand gets: the global options, already parsed.
 */
typedef struct {
  char *db_path;
} ChronicleCli;

/**
 * ChronicleCliCommandFunc:
 * @cli: the global options
 * @argc: the number of arguments, the command's own name first
 * @argv: the arguments
 *
 * Returns: the process exit status
 */
typedef int (*ChronicleCliCommandFunc) (ChronicleCli  *cli,
                                        int            argc,
                                        char         **argv);

typedef struct {
  const char              *name;
  const char              *summary;
  ChronicleCliCommandFunc  run;
} ChronicleCliCommand;

int chronicle_cli_run (int    argc,
                       char **argv);

G_END_DECLS
