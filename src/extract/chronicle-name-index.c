/* chronicle-name-index.c: surnames across articles
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Within one article the extractor already maps "Kerry" to "John Kerry".
 * Across articles, a story that only says "Kerry" gets the full name when the
 * whole collection knows exactly one person of that surname. The store feeds
 * the index the full names it keeps; sync applies it to new extractions.
 */

#define G_LOG_DOMAIN "chronicle-extract"

#include "config.h"

#include <string.h>

#include "chronicle-extract-private.h"
#include "chronicle-name-index.h"

struct _ChronicleNameIndex {
  GObject     parent_instance;
  GMutex      lock;
  GHashTable *full_names;   /* set of full names (owned) */
  GHashTable *by_surname;   /* surname → full name, or AMBIGUOUS */
};

G_DEFINE_FINAL_TYPE (ChronicleNameIndex, chronicle_name_index, G_TYPE_OBJECT)

static const char *resolve_cb (gpointer data, const char *name);

/* Marks a surname shared by several full names. */
static const char ambiguous[] = "";

/* The last word of a name: "Bashar al-Assad" → "al-Assad" */
static const char *
last_word (const char *name)
{
  const char *space = strrchr (name, ' ');

  return space != NULL ? space + 1 : NULL;
}

static void
add_surname (ChronicleNameIndex *self,
             const char         *surname,
             const char         *full)
{
  const char *old = g_hash_table_lookup (self->by_surname, surname);

  if (old == NULL)
    g_hash_table_insert (self->by_surname, g_strdup (surname), (char *) full);
  else if (old != ambiguous && strcmp (old, full) != 0)
    g_hash_table_insert (self->by_surname, g_strdup (surname), (char *) ambiguous);
}

/**
 * chronicle_name_index_add:
 * @full_name: a person's full name ("John Kerry"); one-word names are ignored
 *
 * Thread-safe.
 */
void
chronicle_name_index_add (ChronicleNameIndex *self,
                          const char         *full_name)
{
  const char *surname;
  char *full;

  g_return_if_fail (CHRONICLE_IS_NAME_INDEX (self));
  g_return_if_fail (full_name != NULL);

  surname = last_word (full_name);
  if (surname == NULL || surname[0] == '\0')
    return;

  g_mutex_lock (&self->lock);
  full = g_hash_table_lookup (self->full_names, full_name);
  if (full == NULL)
    {
      full = g_strdup (full_name);
      g_hash_table_add (self->full_names, full);
      add_surname (self, surname, full);
      /* "al-Assad" is also "Assad" */
      if (strchr (surname, '-') != NULL && g_ascii_islower (surname[0]))
        add_surname (self, strchr (surname, '-') + 1, full);
    }
  g_mutex_unlock (&self->lock);
}

/**
 * chronicle_name_index_add_extraction:
 *
 * Adds the full names of the people @extraction found.
 */
void
chronicle_name_index_add_extraction (ChronicleNameIndex  *self,
                                     ChronicleExtraction *extraction)
{
  const ChronicleEntitySpan *ents;
  guint n = 0;

  g_return_if_fail (CHRONICLE_IS_NAME_INDEX (self));
  g_return_if_fail (extraction != NULL);

  ents = chronicle_extraction_get_entities (extraction, &n);
  for (guint i = 0; i < n; i++)
    if (ents[i].kind == CHRONICLE_ENTITY_KIND_PERSON && strchr (ents[i].canonical, ' ') != NULL)
      chronicle_name_index_add (self, ents[i].canonical);
}

/**
 * chronicle_name_index_resolve:
 * @name: a one-word name ("Kerry")
 *
 * Returns: (nullable): the one full name known for @name, or %NULL when
 *   none or several are known. Valid as long as the index.
 */
const char *
chronicle_name_index_resolve (ChronicleNameIndex *self,
                              const char         *name)
{
  const char *full;

  g_return_val_if_fail (CHRONICLE_IS_NAME_INDEX (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  g_mutex_lock (&self->lock);
  full = g_hash_table_lookup (self->by_surname, name);
  g_mutex_unlock (&self->lock);

  return full == ambiguous ? NULL : full;
}

/**
 * chronicle_name_index_apply:
 *
 * Gives every person of @extraction whose canonical name is one word the
 * one full name the index knows for it. Call it before sharing
 * @extraction with other threads: it changes the extraction in place.
 *
 * Returns: how many mentions changed
 */
guint
chronicle_name_index_apply (ChronicleNameIndex  *self,
                            ChronicleExtraction *extraction)
{
  g_return_val_if_fail (CHRONICLE_IS_NAME_INDEX (self), 0);
  g_return_val_if_fail (extraction != NULL, 0);

  return _chronicle_extraction_rename_people (extraction, resolve_cb, self);
}

static const char *
resolve_cb (gpointer    data,
            const char *name)
{
  return chronicle_name_index_resolve (data, name);
}

static void
chronicle_name_index_finalize (GObject *object)
{
  ChronicleNameIndex *self = CHRONICLE_NAME_INDEX (object);

  g_hash_table_unref (self->by_surname);
  g_hash_table_unref (self->full_names);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (chronicle_name_index_parent_class)->finalize (object);
}

static void
chronicle_name_index_class_init (ChronicleNameIndexClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = chronicle_name_index_finalize;
}

static void
chronicle_name_index_init (ChronicleNameIndex *self)
{
  g_mutex_init (&self->lock);
  self->full_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->by_surname = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

ChronicleNameIndex *
chronicle_name_index_new (void)
{
  return g_object_new (CHRONICLE_TYPE_NAME_INDEX, NULL);
}
