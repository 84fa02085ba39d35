/* chronicle-test-utils.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char *chronicle_test_make_tmpdir (void);
void  chronicle_test_rm_rf       (const char  *path);
int   chronicle_test_spawn       (const char *const *argv,
                                  const char *const *envp,
                                  char              **out,
                                  char              **err);

void  chronicle_test_result_cb   (GObject            *object,
                                  GAsyncResult       *result,
                                  gpointer            user_data);
void  chronicle_test_wait_for    (GAsyncResult      **result);

GDBusConnection *chronicle_test_dbus_connect  (GTestDBus       *bus);
void             chronicle_test_dbus_own_name (GDBusConnection *connection,
                                               const char      *name);

G_END_DECLS
