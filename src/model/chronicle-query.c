/* chronicle-query.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-model"

#include "config.h"

#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

#include "chronicle-model-enums.h"
#include "chronicle-query.h"

/**
 * ChronicleQuery:
 *
 * An immutable filter over the stored articles: a date range (on the publication
 * date, `from` inclusive, `to` exclusive, 0 for open), entity facets (countries,
 * people, places, organisations, named by canonical name), sources (ids), text
 * (full-text search syntax), unread only, starred only, and a sort order.
 *
 * Inside one facet any value matches (France OR Germany); across facets all must
 * match (France AND Macron AND source 3). Derive a changed query with the
 * `chronicle_query_with_*()` functions, which return a new object.
 *
 * Queries compare with chronicle_query_equal() and chronicle_query_hash() and survive
 * chronicle_query_to_string() / chronicle_query_new_from_string(), so the UI can keep
 * one in GSettings. The string is a URL query (`v=1&country=France&from=…`), stable
 * across versions; unknown keys are ignored when reading.
 */
struct _ChronicleQuery
{
  GObject parent_instance;

  gint64 from;
  gint64 to;
  /* Sorted, deduplicated, never NULL. */
  GStrv entities[CHRONICLE_N_ENTITY_KINDS];
  /* Sorted, deduplicated. */
  GArray *sources;
  char *text;
  gboolean unread_only;
  gboolean starred_only;
  ChronicleQuerySort sort;
};

G_DEFINE_FINAL_TYPE (ChronicleQuery, chronicle_query, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FROM,
  PROP_TO,
  PROP_TEXT,
  PROP_UNREAD_ONLY,
  PROP_STARRED_ONLY,
  PROP_SORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const sort_names[] = {
  [CHRONICLE_QUERY_SORT_PUBLISHED] = "published",
  [CHRONICLE_QUERY_SORT_EVENT_DATE] = "event",
};

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Sorted, deduplicated copy without empty strings. */
static GStrv
normalise_names (const char * const *names)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new ();
  GStrv result;
  guint out = 0;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (names[i]));

      if (*stripped != '\0')
        g_ptr_array_add (array, g_steal_pointer (&stripped));
    }

  g_ptr_array_sort (array, compare_strings);

  result = g_new0 (char *, array->len + 1);
  for (guint i = 0; i < array->len; i++)
    {
      char *name = g_ptr_array_index (array, i);

      if (out > 0 && strcmp (result[out - 1], name) == 0)
        g_free (name);
      else
        result[out++] = name;
    }

  return result;
}

static ChronicleQuery *
copy_query (ChronicleQuery *self)
{
  ChronicleQuery *copy = g_object_new (CHRONICLE_TYPE_QUERY, NULL);

  copy->from = self->from;
  copy->to = self->to;
  for (guint k = 0; k < CHRONICLE_N_ENTITY_KINDS; k++)
    {
      g_strfreev (copy->entities[k]);
      copy->entities[k] = g_strdupv (self->entities[k]);
    }
  g_array_append_vals (copy->sources, self->sources->data, self->sources->len);
  copy->text = g_strdup (self->text);
  copy->unread_only = self->unread_only;
  copy->starred_only = self->starred_only;
  copy->sort = self->sort;

  return copy;
}

static void
set_sources (ChronicleQuery *self,
             const gint64   *ids,
             guint           n_ids)
{
  g_array_set_size (self->sources, 0);
  if (n_ids > 0)
    g_array_append_vals (self->sources, ids, n_ids);
  g_array_sort (self->sources, compare_int64);

  for (guint i = 1; i < self->sources->len;)
    {
      if (g_array_index (self->sources, gint64, i) == g_array_index (self->sources, gint64, i - 1))
        g_array_remove_index (self->sources, i);
      else
        i++;
    }
}

static char *
normalise_text (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);

  return copy;
}

static void
chronicle_query_finalize (GObject *object)
{
  ChronicleQuery *self = CHRONICLE_QUERY (object);

  for (guint k = 0; k < CHRONICLE_N_ENTITY_KINDS; k++)
    g_strfreev (self->entities[k]);
  g_clear_pointer (&self->sources, g_array_unref);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (chronicle_query_parent_class)->finalize (object);
}

static void
chronicle_query_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ChronicleQuery *self = CHRONICLE_QUERY (object);

  switch (prop_id)
    {
    case PROP_FROM:
      g_value_set_int64 (value, self->from);
      break;
    case PROP_TO:
      g_value_set_int64 (value, self->to);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_UNREAD_ONLY:
      g_value_set_boolean (value, self->unread_only);
      break;
    case PROP_STARRED_ONLY:
      g_value_set_boolean (value, self->starred_only);
      break;
    case PROP_SORT:
      g_value_set_enum (value, self->sort);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_query_class_init (ChronicleQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = chronicle_query_finalize;
  object_class->get_property = chronicle_query_get_property;

  /**
   * ChronicleQuery:from:
   *
   * Earliest publication time (Unix time, UTC, inclusive); 0 for no lower bound.
   */
  properties[PROP_FROM] = g_param_spec_int64 ("from", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /**
   * ChronicleQuery:to:
   *
   * End of the range (Unix time, UTC, exclusive); 0 for no upper bound.
   */
  properties[PROP_TO] = g_param_spec_int64 ("to", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /**
   * ChronicleQuery:text:
   *
   * Full-text search in the user's syntax (words, "phrases", prefix*, NEAR); %NULL
   * for none.
   */
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_UNREAD_ONLY] =
    g_param_spec_boolean ("unread-only", NULL, NULL, FALSE, flags);
  properties[PROP_STARRED_ONLY] =
    g_param_spec_boolean ("starred-only", NULL, NULL, FALSE, flags);
  properties[PROP_SORT] = g_param_spec_enum ("sort", NULL, NULL, CHRONICLE_TYPE_QUERY_SORT,
                                             CHRONICLE_QUERY_SORT_PUBLISHED, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chronicle_query_init (ChronicleQuery *self)
{
  for (guint k = 0; k < CHRONICLE_N_ENTITY_KINDS; k++)
    self->entities[k] = g_new0 (char *, 1);
  self->sources = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/**
 * chronicle_query_new:
 *
 * Returns: (transfer full): a query that matches every article, newest first
 */
ChronicleQuery *
chronicle_query_new (void)
{
  return g_object_new (CHRONICLE_TYPE_QUERY, NULL);
}

static void
append_param (GString    *out,
              const char *key,
              const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

  g_string_append_printf (out, "&%s=%s", key, escaped);
}

/**
 * chronicle_query_to_string:
 * @self: a #ChronicleQuery
 *
 * Equal queries give equal strings.
 *
 * Returns: (transfer full): a stable text form for chronicle_query_new_from_string()
 */
char *
chronicle_query_to_string (ChronicleQuery *self)
{
  GString *out;

  g_return_val_if_fail (CHRONICLE_IS_QUERY (self), NULL);

  out = g_string_new ("v=1");

  if (self->sort != CHRONICLE_QUERY_SORT_PUBLISHED)
    append_param (out, "sort", sort_names[self->sort]);
  if (self->from != 0)
    g_string_append_printf (out, "&from=%" G_GINT64_FORMAT, self->from);
  if (self->to != 0)
    g_string_append_printf (out, "&to=%" G_GINT64_FORMAT, self->to);
  for (guint k = 0; k < CHRONICLE_N_ENTITY_KINDS; k++)
    for (guint i = 0; self->entities[k][i] != NULL; i++)
      append_param (out, chronicle_entity_kind_to_string (k), self->entities[k][i]);
  for (guint i = 0; i < self->sources->len; i++)
    g_string_append_printf (out, "&source=%" G_GINT64_FORMAT,
                            g_array_index (self->sources, gint64, i));
  if (self->text != NULL)
    append_param (out, "text", self->text);
  if (self->unread_only)
    g_string_append (out, "&unread=1");
  if (self->starred_only)
    g_string_append (out, "&starred=1");

  return g_string_free (out, FALSE);
}

static gboolean
parse_int64 (const char  *key,
             const char  *value,
             gint64      *out,
             GError     **error)
{
  guint64 parsed = 0;

  if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT64, &parsed, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "Invalid value for “%s” in a saved filter", key);
      return FALSE;
    }

  *out = (gint64) parsed;
  return TRUE;
}

static gboolean
parse_pairs (ChronicleQuery  *self,
             const char      *str,
             GPtrArray      **names,
             GArray          *sources,
             GError         **error)
{
  g_auto(GStrv) pairs = NULL;

  pairs = g_strsplit (str, "&", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const char *eq = strchr (pairs[i], '=');
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;
      ChronicleEntityKind kind;

      if (*pairs[i] == '\0')
        continue;
      if (eq == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "Malformed saved filter “%s”", str);
          return FALSE;
        }

      key = g_strndup (pairs[i], eq - pairs[i]);
      value = g_uri_unescape_string (eq + 1, NULL);
      if (value == NULL || !g_utf8_validate (value, -1, NULL))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "Malformed value for “%s” in a saved filter", key);
          return FALSE;
        }

      if (g_str_equal (key, "v"))
        {
          if (!g_str_equal (value, "1"))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "Unsupported saved filter version “%s”", value);
              return FALSE;
            }
        }
      else if (g_str_equal (key, "sort"))
        {
          if (g_str_equal (value, sort_names[CHRONICLE_QUERY_SORT_EVENT_DATE]))
            self->sort = CHRONICLE_QUERY_SORT_EVENT_DATE;
          else if (g_str_equal (value, sort_names[CHRONICLE_QUERY_SORT_PUBLISHED]))
            self->sort = CHRONICLE_QUERY_SORT_PUBLISHED;
          else
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "Unknown sort order “%s” in a saved filter", value);
              return FALSE;
            }
        }
      else if (g_str_equal (key, "from"))
        {
          if (!parse_int64 (key, value, &self->from, error))
            return FALSE;
        }
      else if (g_str_equal (key, "to"))
        {
          if (!parse_int64 (key, value, &self->to, error))
            return FALSE;
        }
      else if (g_str_equal (key, "source"))
        {
          gint64 id;

          if (!parse_int64 (key, value, &id, error))
            return FALSE;
          g_array_append_val (sources, id);
        }
      else if (g_str_equal (key, "text"))
        {
          g_free (self->text);
          self->text = normalise_text (value);
        }
      else if (g_str_equal (key, "unread"))
        self->unread_only = g_str_equal (value, "1");
      else if (g_str_equal (key, "starred"))
        self->starred_only = g_str_equal (value, "1");
      else if (chronicle_entity_kind_from_string (key, &kind))
        g_ptr_array_add (names[kind], g_steal_pointer (&value));
      /* Anything else comes from a newer version: ignore it. */
    }


  return TRUE;
}

/**
 * chronicle_query_new_from_string:
 * @str: (nullable): a string from chronicle_query_to_string(); %NULL or "" give the
 *   query that matches everything
 * @error: return location for a #GError (%G_IO_ERROR_INVALID_DATA)
 *
 * Returns: (transfer full) (nullable): the query, or %NULL if @str is malformed
 */
ChronicleQuery *
chronicle_query_new_from_string (const char  *str,
                                 GError     **error)
{
  g_autoptr(ChronicleQuery) self = chronicle_query_new ();
  GPtrArray *names[CHRONICLE_N_ENTITY_KINDS] = { NULL, };
  g_autoptr(GArray) sources = g_array_new (FALSE, FALSE, sizeof (gint64));
  ChronicleQuery *result = NULL;

  if (str == NULL || *str == '\0')
    return g_steal_pointer (&self);

  for (guint k = 0; k < CHRONICLE_N_ENTITY_KINDS; k++)
    names[k] = g_ptr_array_new_with_free_func (g_free);

  if (parse_pairs (self, str, names, sources, error))
    {
      for (guint k = 0; k < CHRONICLE_N_ENTITY_KINDS; k++)
        {
          g_ptr_array_add (names[k], NULL);
          g_strfreev (self->entities[k]);
          self->entities[k] = normalise_names ((const char * const *) names[k]->pdata);
        }
      set_sources (self, (const gint64 *) (gpointer) sources->data, sources->len);
      result = g_steal_pointer (&self);
    }

  for (guint k = 0; k < CHRONICLE_N_ENTITY_KINDS; k++)
    g_ptr_array_unref (names[k]);

  return result;
}


/**
 * chronicle_query_equal:
 * @a: (type ChronicleQuery): a query
 * @b: (type ChronicleQuery): another
 *
 * Returns: %TRUE if @a and @b select the same articles in the same order
 */
gboolean
chronicle_query_equal (gconstpointer a,
                       gconstpointer b)
{
  const ChronicleQuery *x = a;
  const ChronicleQuery *y = b;

  if (x == y)
    return TRUE;
  if (x == NULL || y == NULL)
    return FALSE;

  if (x->from != y->from || x->to != y->to || x->unread_only != y->unread_only
      || x->starred_only != y->starred_only || x->sort != y->sort
      || g_strcmp0 (x->text, y->text) != 0 || x->sources->len != y->sources->len)
    return FALSE;

  if (x->sources->len > 0
      && memcmp (x->sources->data, y->sources->data, x->sources->len * sizeof (gint64)) != 0)
    return FALSE;

  for (guint k = 0; k < CHRONICLE_N_ENTITY_KINDS; k++)
    if (!g_strv_equal ((const char * const *) x->entities[k],
                       (const char * const *) y->entities[k]))
      return FALSE;

  return TRUE;
}

/**
 * chronicle_query_hash:
 * @query: (type ChronicleQuery): a query
 *
 * Returns: a hash consistent with chronicle_query_equal()
 */
guint
chronicle_query_hash (gconstpointer query)
{
  const ChronicleQuery *self = query;
  guint hash = 17;

  g_return_val_if_fail (self != NULL, 0);

  hash = hash * 31 + g_int64_hash (&self->from);
  hash = hash * 31 + g_int64_hash (&self->to);
  hash = hash * 31 + (self->text ? g_str_hash (self->text) : 0);
  hash = hash * 31 + (guint) self->unread_only * 2 + (guint) self->starred_only;
  hash = hash * 31 + (guint) self->sort;
  for (guint i = 0; i < self->sources->len; i++)
    hash = hash * 31 + g_int64_hash (&g_array_index (self->sources, gint64, i));
  for (guint k = 0; k < CHRONICLE_N_ENTITY_KINDS; k++)
    {
      hash = hash * 31 + k;
      for (guint i = 0; self->entities[k][i] != NULL; i++)
        hash = hash * 31 + g_str_hash (self->entities[k][i]);
    }

  return hash;
}

/**
 * chronicle_query_is_all:
 * @self: a #ChronicleQuery
 *
 * Returns: %TRUE if the query filters nothing (the sort order may still differ)
 */
gboolean
chronicle_query_is_all (ChronicleQuery *self)
{
  g_return_val_if_fail (CHRONICLE_IS_QUERY (self), FALSE);

  return self->from == 0 && self->to == 0 && self->text == NULL && !self->unread_only
         && !self->starred_only && self->sources->len == 0
         && chronicle_query_get_n_entity_facets (self) == 0;
}

gint64
chronicle_query_get_from (ChronicleQuery *self)
{
  g_return_val_if_fail (CHRONICLE_IS_QUERY (self), 0);
  return self->from;
}

gint64
chronicle_query_get_to (ChronicleQuery *self)
{
  g_return_val_if_fail (CHRONICLE_IS_QUERY (self), 0);
  return self->to;
}

/**
 * chronicle_query_get_entities:
 * @self: a #ChronicleQuery
 * @kind: a facet
 *
 * Returns: (transfer none): the canonical names selected in facet @kind, sorted;
 *   empty (never %NULL) when the facet does not filter
 */
const char * const *
chronicle_query_get_entities (ChronicleQuery      *self,
                              ChronicleEntityKind  kind)
{
  g_return_val_if_fail (CHRONICLE_IS_QUERY (self), NULL);
  g_return_val_if_fail ((guint) kind < CHRONICLE_N_ENTITY_KINDS, NULL);

  return (const char * const *) self->entities[kind];
}

/**
 * chronicle_query_get_n_entity_facets:
 * @self: a #ChronicleQuery
 *
 * Returns: how many entity facets filter (0 to 4)
 */
guint
chronicle_query_get_n_entity_facets (ChronicleQuery *self)
{
  guint n = 0;

  g_return_val_if_fail (CHRONICLE_IS_QUERY (self), 0);

  for (guint k = 0; k < CHRONICLE_N_ENTITY_KINDS; k++)
    n += self->entities[k][0] != NULL;

  return n;
}

/**
 * chronicle_query_get_sources:
 * @self: a #ChronicleQuery
 * @n_sources: (out): the number of ids
 *
 * Returns: (transfer none) (array length=n_sources): the source ids, sorted; none
 *   means every source
 */
const gint64 *
chronicle_query_get_sources (ChronicleQuery *self,
                             guint          *n_sources)
{
  g_return_val_if_fail (CHRONICLE_IS_QUERY (self), NULL);
  g_return_val_if_fail (n_sources != NULL, NULL);

  *n_sources = self->sources->len;
  return (const gint64 *) (gpointer) self->sources->data;
}

const char *
chronicle_query_get_text (ChronicleQuery *self)
{
  g_return_val_if_fail (CHRONICLE_IS_QUERY (self), NULL);
  return self->text;
}

gboolean
chronicle_query_get_unread_only (ChronicleQuery *self)
{
  g_return_val_if_fail (CHRONICLE_IS_QUERY (self), FALSE);
  return self->unread_only;
}

gboolean
chronicle_query_get_starred_only (ChronicleQuery *self)
{
  g_return_val_if_fail (CHRONICLE_IS_QUERY (self), FALSE);
  return self->starred_only;
}

ChronicleQuerySort
chronicle_query_get_sort (ChronicleQuery *self)
{
  g_return_val_if_fail (CHRONICLE_IS_QUERY (self), CHRONICLE_QUERY_SORT_PUBLISHED);
  return self->sort;
}

/**
 * chronicle_query_with_date_range:
 * @self: a #ChronicleQuery
 * @from: earliest publication time (inclusive), 0 for open
 * @to: end (exclusive), 0 for open
 *
 * Returns: (transfer full): a new query
 */
ChronicleQuery *
chronicle_query_with_date_range (ChronicleQuery *self,
                                 gint64          from,
                                 gint64          to)
{
  ChronicleQuery *copy;

  g_return_val_if_fail (CHRONICLE_IS_QUERY (self), NULL);
  g_return_val_if_fail (from >= 0 && to >= 0, NULL);

  copy = copy_query (self);
  copy->from = from;
  copy->to = to;
  return copy;
}

/**
 * chronicle_query_with_entities:
 * @self: a #ChronicleQuery
 * @kind: a facet
 * @names: (nullable) (array zero-terminated=1): canonical names; %NULL or empty to
 *   stop filtering on @kind
 *
 * Returns: (transfer full): a new query
 */
ChronicleQuery *
chronicle_query_with_entities (ChronicleQuery      *self,
                               ChronicleEntityKind  kind,
                               const char * const  *names)
{
  ChronicleQuery *copy;

  g_return_val_if_fail (CHRONICLE_IS_QUERY (self), NULL);
  g_return_val_if_fail ((guint) kind < CHRONICLE_N_ENTITY_KINDS, NULL);

  copy = copy_query (self);
  g_strfreev (copy->entities[kind]);
  copy->entities[kind] = normalise_names (names);
  return copy;
}

/**
 * chronicle_query_with_entity_added:
 * @self: a #ChronicleQuery
 * @kind: a facet
 * @name: a canonical name
 *
 * Returns: (transfer full): a new query that also accepts @name in facet @kind
 */
ChronicleQuery *
chronicle_query_with_entity_added (ChronicleQuery      *self,
                                   ChronicleEntityKind  kind,
                                   const char          *name)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (CHRONICLE_IS_QUERY (self), NULL);
  g_return_val_if_fail ((guint) kind < CHRONICLE_N_ENTITY_KINDS, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) self->entities[kind]);
  g_strv_builder_add (builder, name);
  names = g_strv_builder_end (builder);

  return chronicle_query_with_entities (self, kind, (const char * const *) names);
}

/**
 * chronicle_query_with_entity_removed:
 * @self: a #ChronicleQuery
 * @kind: a facet
 * @name: a canonical name
 *
 * Returns: (transfer full): a new query without @name in facet @kind
 */
ChronicleQuery *
chronicle_query_with_entity_removed (ChronicleQuery      *self,
                                     ChronicleEntityKind  kind,
                                     const char          *name)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (CHRONICLE_IS_QUERY (self), NULL);
  g_return_val_if_fail ((guint) kind < CHRONICLE_N_ENTITY_KINDS, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; self->entities[kind][i] != NULL; i++)
    if (!g_str_equal (self->entities[kind][i], name))
      g_strv_builder_add (builder, self->entities[kind][i]);
  names = g_strv_builder_end (builder);

  return chronicle_query_with_entities (self, kind, (const char * const *) names);
}

/**
 * chronicle_query_with_sources:
 * @self: a #ChronicleQuery
 * @ids: (array length=n_ids) (nullable): source ids
 * @n_ids: how many; 0 for every source
 *
 * Returns: (transfer full): a new query
 */
ChronicleQuery *
chronicle_query_with_sources (ChronicleQuery *self,
                              const gint64   *ids,
                              guint           n_ids)
{
  ChronicleQuery *copy;

  g_return_val_if_fail (CHRONICLE_IS_QUERY (self), NULL);
  g_return_val_if_fail (n_ids == 0 || ids != NULL, NULL);

  copy = copy_query (self);
  set_sources (copy, ids, n_ids);
  return copy;
}

/**
 * chronicle_query_with_text:
 * @self: a #ChronicleQuery
 * @text: (nullable): full-text search; blank for none
 *
 * Returns: (transfer full): a new query
 */
ChronicleQuery *
chronicle_query_with_text (ChronicleQuery *self,
                           const char     *text)
{
  ChronicleQuery *copy;

  g_return_val_if_fail (CHRONICLE_IS_QUERY (self), NULL);

  copy = copy_query (self);
  g_free (copy->text);
  copy->text = normalise_text (text);
  return copy;
}

/**
 * chronicle_query_with_unread_only:
 * @self: a #ChronicleQuery
 * @unread_only: whether to keep only unread articles
 *
 * Returns: (transfer full): a new query
 */
ChronicleQuery *
chronicle_query_with_unread_only (ChronicleQuery *self,
                                  gboolean        unread_only)
{
  ChronicleQuery *copy;

  g_return_val_if_fail (CHRONICLE_IS_QUERY (self), NULL);

  copy = copy_query (self);
  copy->unread_only = !!unread_only;
  return copy;
}

/**
 * chronicle_query_with_starred_only:
 * @self: a #ChronicleQuery
 * @starred_only: whether to keep only starred articles
 *
 * Returns: (transfer full): a new query
 */
ChronicleQuery *
chronicle_query_with_starred_only (ChronicleQuery *self,
                                   gboolean        starred_only)
{
  ChronicleQuery *copy;

  g_return_val_if_fail (CHRONICLE_IS_QUERY (self), NULL);

  copy = copy_query (self);
  copy->starred_only = !!starred_only;
  return copy;
}

/**
 * chronicle_query_with_sort:
 * @self: a #ChronicleQuery
 * @sort: the order
 *
 * Returns: (transfer full): a new query
 */
ChronicleQuery *
chronicle_query_with_sort (ChronicleQuery     *self,
                           ChronicleQuerySort  sort)
{
  ChronicleQuery *copy;

  g_return_val_if_fail (CHRONICLE_IS_QUERY (self), NULL);
  g_return_val_if_fail ((guint) sort < G_N_ELEMENTS (sort_names), NULL);

  copy = copy_query (self);
  copy->sort = sort;
  return copy;
}
