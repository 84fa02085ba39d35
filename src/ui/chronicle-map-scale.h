/* chronicle-map-scale.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CHRONICLE_MAP_SCALE_MAX_STEPS 5

/**
 * ChronicleMapScale:
 * @n_steps: how many shades counts above zero fall into, 0 to 5
 * @upper: the largest count of each step; step 1 starts at 1
 *
 * Classes for a choropleth: counts from 1 to the largest fall into up to five
 * steps whose bounds grow geometrically and are rounded to 1, 2 or 5 times a
 * power of ten, so the legend reads "1–5, 6–20, 21–100, …".
 */
typedef struct
{
  guint n_steps;
  guint upper[CHRONICLE_MAP_SCALE_MAX_STEPS];
} ChronicleMapScale;

void  chronicle_map_scale_init      (ChronicleMapScale       *scale,
                                     guint                    max_count);
guint chronicle_map_scale_get_step  (const ChronicleMapScale *scale,
                                     guint                    count);
guint chronicle_map_scale_get_lower (const ChronicleMapScale *scale,
                                     guint                    step);
guint chronicle_map_scale_get_shade (const ChronicleMapScale *scale,
                                     guint                    step);

G_END_DECLS
