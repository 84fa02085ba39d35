/* chronicle-follow-notifier.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chronicle-store.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_FOLLOW_NOTIFIER (chronicle_follow_notifier_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleFollowNotifier, chronicle_follow_notifier, CHRONICLE,
                      FOLLOW_NOTIFIER, GObject)

ChronicleFollowNotifier *chronicle_follow_notifier_new   (ChronicleStore          *store,
                                                          GApplication            *application);
void                     chronicle_follow_notifier_check (ChronicleFollowNotifier *self);
gboolean                 chronicle_follow_notifier_is_busy (ChronicleFollowNotifier *self);

G_END_DECLS
