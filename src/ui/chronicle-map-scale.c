/* chronicle-map-scale.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <math.h>

#include "chronicle-map-scale.h"

/* The number of the form 1, 2 or 5 × 10ⁿ nearest to @value (in ratio). */
static double
nice_number (double value)
{
  static const double mantissas[] = { 1, 2, 5, 10 };
  double power = pow (10, floor (log10 (value)));
  double best = power;

  for (guint i = 0; i < G_N_ELEMENTS (mantissas); i++)
    if (fabs (log (mantissas[i] * power / value)) < fabs (log (best / value)))
      best = mantissas[i] * power;

  return best;
}

/**
 * chronicle_map_scale_init:
 * @scale: (out caller-allocates): the scale to fill in
 * @max_count: the largest count on the map
 *
 * Chooses the steps for counts from 0 to @max_count. Up to five counts get a
 * step each; beyond, five steps grow geometrically to @max_count.
 */
void
chronicle_map_scale_init (ChronicleMapScale *scale,
                          guint              max_count)
{
  scale->n_steps = 0;

  if (max_count <= CHRONICLE_MAP_SCALE_MAX_STEPS)
    {
      for (guint i = 1; i <= max_count; i++)
        scale->upper[scale->n_steps++] = i;
      return;
    }

  for (guint k = 1; k < CHRONICLE_MAP_SCALE_MAX_STEPS; k++)
    {
      double raw = pow (max_count, (double) k / CHRONICLE_MAP_SCALE_MAX_STEPS);
      guint upper = (guint) nice_number (raw);

      if ((scale->n_steps == 0 || upper > scale->upper[scale->n_steps - 1]) && upper < max_count)
        scale->upper[scale->n_steps++] = upper;
    }
  scale->upper[scale->n_steps++] = max_count;
}

/**
 * chronicle_map_scale_get_step:
 * @scale: a scale
 * @count: a count
 *
 * Returns: 0 for no articles, else the step (1 to @scale->n_steps) @count falls into;
 *   counts above the largest fall into the last step
 */
guint
chronicle_map_scale_get_step (const ChronicleMapScale *scale,
                              guint                    count)
{
  if (count == 0 || scale->n_steps == 0)
    return 0;

  for (guint i = 0; i < scale->n_steps; i++)
    if (count <= scale->upper[i])
      return i + 1;

  return scale->n_steps;
}

/**
 * chronicle_map_scale_get_lower:
 * @scale: a scale
 * @step: a step, 1 to @scale->n_steps
 *
 * Returns: the smallest count of @step (its largest is `upper[step - 1]`)
 */
guint
chronicle_map_scale_get_lower (const ChronicleMapScale *scale,
                               guint                    step)
{
  g_return_val_if_fail (step >= 1 && step <= scale->n_steps, 0);

  return step == 1 ? 1 : scale->upper[step - 2] + 1;
}

/**
 * chronicle_map_scale_get_shade:
 * @scale: a scale
 * @step: 0 or a step, 1 to @scale->n_steps
 *
 * Fewer steps than shades skip shades evenly, keeping the lightest and the
 * darkest, so the most-covered countries always get the strongest shade.
 *
 * Returns: 0 for step 0, else the shade, 1 (fewest) to %CHRONICLE_MAP_SCALE_MAX_STEPS (most)
 */
guint
chronicle_map_scale_get_shade (const ChronicleMapScale *scale,
                               guint                    step)
{
  if (step == 0 || scale->n_steps == 0)
    return 0;
  if (scale->n_steps == 1)
    return CHRONICLE_MAP_SCALE_MAX_STEPS;

  return 1 + (guint) round ((double) (step - 1) * (CHRONICLE_MAP_SCALE_MAX_STEPS - 1) /
                            (scale->n_steps - 1));
}
