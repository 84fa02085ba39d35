/* chronicle-cli-main.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "chronicle-cli.h"

int
main (int    argc,
      char **argv)
{
#ifdef __GLIBC__
  /* A sync runs parsing, extraction and SQLite on several threads; glibc gives each
   * its own malloc arena, which a batch tool pays for in resident memory. Two arenas
   * cost no measurable time here. */
  mallopt (M_ARENA_MAX, 2);
#endif

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return chronicle_cli_run (argc, argv);
}
