/* chronicle-time-ruler-private.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * Pointer input without a pointer, for the widget tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-time-ruler.h"

G_BEGIN_DECLS

void _chronicle_time_ruler_click      (ChronicleTimeRuler *self,
                                       double              x);
void _chronicle_time_ruler_drag       (ChronicleTimeRuler *self,
                                       double              x_from,
                                       double              x_to);
void _chronicle_time_ruler_scroll     (ChronicleTimeRuler *self,
                                       double              x,
                                       double              dy,
                                       gboolean            control);

G_END_DECLS
