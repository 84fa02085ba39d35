/* main.c
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

#include "chronicle-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(ChronicleApplication) app = NULL;

#ifdef __GLIBC__
  /* The timeline's id arrays (8 MB at a million articles) are made and dropped at
   * each filter change, on reader threads and on the main thread. glibc's default
   * raises its mmap threshold after the first such free, after which they are
   * kept in the threads' arenas for good (tens of MB of RSS); a fixed threshold
   * gives them back to the system. */
  mallopt (M_MMAP_THRESHOLD, 256 * 1024);
#endif

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = chronicle_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
