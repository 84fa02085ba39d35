/* chronicle-mention.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-model"

#include "config.h"

#include "chronicle-mention.h"

G_DEFINE_BOXED_TYPE (ChronicleMention, chronicle_mention,
                     chronicle_mention_copy, chronicle_mention_free)

/**
 * chronicle_mention_new:
 * @kind: what the entity is
 * @name: the entity's canonical name
 * @start: the first character's offset
 * @end: the offset one past the last character
 *
 * Returns: (transfer full): a new mention; set @country_code and @surface directly
 *   (owned strings, g_free()d by chronicle_mention_free())
 */
ChronicleMention *
chronicle_mention_new (ChronicleEntityKind  kind,
                       const char          *name,
                       guint                start,
                       guint                end)
{
  ChronicleMention *self;

  g_return_val_if_fail (name != NULL, NULL);

  self = g_new0 (ChronicleMention, 1);
  self->entity_kind = kind;
  self->entity_name = g_strdup (name);
  self->start = start;
  self->end = end;

  return self;
}

/**
 * chronicle_mention_copy:
 * @self: a #ChronicleMention
 *
 * Returns: (transfer full): a deep copy
 */
ChronicleMention *
chronicle_mention_copy (const ChronicleMention *self)
{
  ChronicleMention *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->entity_name = g_strdup (self->entity_name);
  copy->country_code = g_strdup (self->country_code);
  copy->surface = g_strdup (self->surface);

  return copy;
}

void
chronicle_mention_free (ChronicleMention *self)
{
  if (self == NULL)
    return;

  g_free (self->entity_name);
  g_free (self->country_code);
  g_free (self->surface);
  g_free (self);
}

/**
 * chronicle_mention_equal:
 * @a: a #ChronicleMention
 * @b: another
 *
 * Compares every field but @entity_id (which only says whether it was stored).
 *
 * Returns: %TRUE if @a and @b describe the same mention
 */
gboolean
chronicle_mention_equal (const ChronicleMention *a,
                         const ChronicleMention *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return a->entity_kind == b->entity_kind
         && a->start == b->start
         && a->end == b->end
         && g_strcmp0 (a->entity_name, b->entity_name) == 0
         && g_strcmp0 (a->country_code, b->country_code) == 0
         && g_strcmp0 (a->surface, b->surface) == 0;
}
