/* chronicle-world-map-data.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <math.h>
#include <string.h>

#include "chronicle-world-map-data.h"

/* The outlines of the world's countries, projected and quantised by
 * build-aux/make-world-map.py (which documents the file format). Coordinates
 * here are "map units": the file's grid, x to the right and y downwards. */

#define MAGIC "CHWM"
#define FORMAT_VERSION 1
#define HEADER_SIZE 24

typedef struct
{
  char  code[3];
  guint first_ring;
  guint n_rings;
  float bounds[4]; /* x0, y0, x1, y1 */
} Country;

typedef struct
{
  guint first_point; /* index of its first (x, y) pair in points */
  guint n_points;
} Ring;

struct _ChronicleWorldMapData
{
  guint   width;
  guint   height;
  double  left;   /* projected x of the grid's left edge */
  double  top;    /* projected y of its top edge */
  double  units;  /* grid units per projected unit */
  GArray *countries; /* Country, sorted by code */
  GArray *rings;     /* Ring */
  GArray *points;    /* float x, y, … */
  GArray *borders;   /* Ring, into border_points */
  GArray *border_points;
};

G_DEFINE_BOXED_TYPE (ChronicleWorldMapData, chronicle_world_map_data,
                     chronicle_world_map_data_ref, chronicle_world_map_data_unref)

typedef struct
{
  const guint8 *data;
  gsize         size;
  gsize         pos;
} Reader;

static gboolean
read_u16 (Reader  *reader,
          guint16 *value)
{
  if (reader->size - reader->pos < 2)
    return FALSE;
  *value = reader->data[reader->pos] | (reader->data[reader->pos + 1] << 8);
  reader->pos += 2;
  return TRUE;
}

static gboolean
read_i32 (Reader *reader,
          gint32 *value)
{
  guint32 u;

  if (reader->size - reader->pos < 4)
    return FALSE;
  u = (guint32) reader->data[reader->pos] |
      (guint32) reader->data[reader->pos + 1] << 8 |
      (guint32) reader->data[reader->pos + 2] << 16 |
      (guint32) reader->data[reader->pos + 3] << 24;
  *value = (gint32) u;
  reader->pos += 4;
  return TRUE;
}

static void
clear_data (ChronicleWorldMapData *self)
{
  g_clear_pointer (&self->countries, g_array_unref);
  g_clear_pointer (&self->rings, g_array_unref);
  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->borders, g_array_unref);
  g_clear_pointer (&self->border_points, g_array_unref);
}

/* An undirected segment between two grid points, as a hash key. */
static guint64
segment_key (const float *a,
             const float *b)
{
  guint32 p = (guint32) a[0] << 16 | (guint32) a[1];
  guint32 q = (guint32) b[0] << 16 | (guint32) b[1];

  return p < q ? (guint64) p << 32 | q : (guint64) q << 32 | p;
}

static gboolean
segment_is_shared (GHashTable  *segments,
                   const float *a,
                   const float *b)
{
  guint64 key = segment_key (a, b);

  return GPOINTER_TO_UINT (g_hash_table_lookup (segments, &key)) >= 2;
}

/* Finds the land borders: the segments two countries share (their rings go
 * through the same points, as Natural Earth's topology has them), as runs of
 * connected segments, each once. Drawing them, rather than every ring, halves
 * the work and leaves out the coasts, where a border would only thin the land. */
static void
find_borders (ChronicleWorldMapData *self)
{
  g_autoptr(GHashTable) segments = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                          g_free, NULL);
  g_autoptr(GHashTable) drawn = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                       g_free, NULL);

  for (guint r = 0; r < self->rings->len; r++)
    {
      const Ring *ring = &g_array_index (self->rings, Ring, r);
      const float *p = &g_array_index (self->points, float, ring->first_point * 2);

      for (guint i = 0; i < ring->n_points; i++)
        {
          guint64 key = segment_key (&p[2 * i], &p[2 * ((i + 1) % ring->n_points)]);
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (segments, &key));

          g_hash_table_insert (segments, g_memdup2 (&key, sizeof key),
                               GUINT_TO_POINTER (count + 1));
        }
    }

  for (guint r = 0; r < self->rings->len; r++)
    {
      const Ring *ring = &g_array_index (self->rings, Ring, r);
      const float *p = &g_array_index (self->points, float, ring->first_point * 2);
      Ring run = { 0, 0 };

      for (guint i = 0; i < ring->n_points; i++)
        {
          const float *a = &p[2 * i];
          const float *b = &p[2 * ((i + 1) % ring->n_points)];
          guint64 key = segment_key (a, b);

          if (segment_is_shared (segments, a, b) && !g_hash_table_contains (drawn, &key))
            {
              g_hash_table_add (drawn, g_memdup2 (&key, sizeof key));
              if (run.n_points == 0)
                {
                  run.first_point = self->border_points->len / 2;
                  g_array_append_vals (self->border_points, a, 2);
                  run.n_points = 1;
                }
              g_array_append_vals (self->border_points, b, 2);
              run.n_points++;
              continue;
            }

          if (run.n_points > 0)
            g_array_append_val (self->borders, run);
          run.n_points = 0;
        }
      if (run.n_points > 0)
        g_array_append_val (self->borders, run);
    }
}

static gboolean
parse (ChronicleWorldMapData  *self,
       Reader                 *reader,
       GError                **error)
{
  guint16 version, n_countries, width, height;
  gint32 left, top, units;

  if (reader->size < HEADER_SIZE || memcmp (reader->data, MAGIC, 4) != 0)
    goto invalid;
  reader->pos = 4;
  if (!read_u16 (reader, &version) || !read_u16 (reader, &n_countries) ||
      !read_u16 (reader, &width) || !read_u16 (reader, &height) ||
      !read_i32 (reader, &left) || !read_i32 (reader, &top) || !read_i32 (reader, &units))
    goto invalid;
  if (version != FORMAT_VERSION)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "World map data version %u is not supported", version);
      return FALSE;
    }
  if (width == 0 || height == 0 || units <= 0)
    goto invalid;

  self->width = width;
  self->height = height;
  self->left = left / 1e6;
  self->top = top / 1e6;
  self->units = units / 1e3;

  for (guint c = 0; c < n_countries; c++)
    {
      Country country = { { 0 }, self->rings->len, 0, { G_MAXFLOAT, G_MAXFLOAT, 0, 0 } };
      guint16 n_rings;

      if (reader->size - reader->pos < 2)
        goto invalid;
      country.code[0] = reader->data[reader->pos];
      country.code[1] = reader->data[reader->pos + 1];
      reader->pos += 2;
      if (!g_ascii_isupper (country.code[0]) || !g_ascii_isupper (country.code[1]) ||
          (c > 0 && strcmp (g_array_index (self->countries, Country, c - 1).code,
                            country.code) >= 0))
        goto invalid;
      if (!read_u16 (reader, &n_rings) || n_rings == 0)
        goto invalid;
      country.n_rings = n_rings;

      for (guint r = 0; r < n_rings; r++)
        {
          Ring ring = { self->points->len / 2, 0 };
          guint16 n_points;

          if (!read_u16 (reader, &n_points) || n_points < 3 ||
              reader->size - reader->pos < (gsize) n_points * 4)
            goto invalid;
          ring.n_points = n_points;

          for (guint p = 0; p < n_points; p++)
            {
              guint16 x = 0, y = 0;
              float xy[2];

              read_u16 (reader, &x);
              read_u16 (reader, &y);
              if (x >= width || y >= height)
                goto invalid;
              xy[0] = x;
              xy[1] = y;
              g_array_append_vals (self->points, xy, 2);
              country.bounds[0] = MIN (country.bounds[0], x);
              country.bounds[1] = MIN (country.bounds[1], y);
              country.bounds[2] = MAX (country.bounds[2], x);
              country.bounds[3] = MAX (country.bounds[3], y);
            }
          g_array_append_val (self->rings, ring);
        }
      g_array_append_val (self->countries, country);
    }

  if (reader->pos != reader->size)
    goto invalid;

  find_borders (self);
  return TRUE;

invalid:
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "The world map data is damaged");
  return FALSE;
}

/**
 * chronicle_world_map_data_new_from_bytes:
 * @bytes: the contents of a file written by build-aux/make-world-map.py
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the outlines, or %NULL if @bytes is not such a file
 */
ChronicleWorldMapData *
chronicle_world_map_data_new_from_bytes (GBytes  *bytes,
                                         GError **error)
{
  g_autoptr(ChronicleWorldMapData) self = NULL;
  Reader reader = { 0 };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_atomic_rc_box_new0 (ChronicleWorldMapData);
  self->countries = g_array_new (FALSE, FALSE, sizeof (Country));
  self->rings = g_array_new (FALSE, FALSE, sizeof (Ring));
  self->points = g_array_new (FALSE, FALSE, sizeof (float));
  self->borders = g_array_new (FALSE, FALSE, sizeof (Ring));
  self->border_points = g_array_new (FALSE, FALSE, sizeof (float));

  reader.data = g_bytes_get_data (bytes, &reader.size);
  if (!parse (self, &reader, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * chronicle_world_map_data_get_default:
 *
 * The bundled outlines (Natural Earth 1:110m), loaded once from the
 * resources registered by chronicle_ui_init().
 *
 * Returns: (transfer none): the bundled outlines
 */
ChronicleWorldMapData *
chronicle_world_map_data_get_default (void)
{
  static ChronicleWorldMapData *default_data;

  if (g_once_init_enter (&default_data))
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      ChronicleWorldMapData *data = NULL;

      bytes = g_resources_lookup_data (RESOURCE_PREFIX "/map/world-110m.bin",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes != NULL)
        data = chronicle_world_map_data_new_from_bytes (bytes, &error);
      if (data == NULL)
        {
          /* It is built into the program: without it, the build is broken.
           * Carry on with an empty map. */
          g_critical ("Cannot load the world map: %s", error->message);
          data = g_atomic_rc_box_new0 (ChronicleWorldMapData);
          data->width = data->height = 1;
          data->units = 1;
          data->countries = g_array_new (FALSE, FALSE, sizeof (Country));
          data->rings = g_array_new (FALSE, FALSE, sizeof (Ring));
          data->points = g_array_new (FALSE, FALSE, sizeof (float));
          data->borders = g_array_new (FALSE, FALSE, sizeof (Ring));
          data->border_points = g_array_new (FALSE, FALSE, sizeof (float));
        }

      g_once_init_leave (&default_data, data);
    }

  return default_data;
}

ChronicleWorldMapData *
chronicle_world_map_data_ref (ChronicleWorldMapData *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
chronicle_world_map_data_unref (ChronicleWorldMapData *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) clear_data);
}

/**
 * chronicle_world_map_data_get_width:
 * @self: the outlines
 *
 * Returns: the width of the map, in map units
 */
double
chronicle_world_map_data_get_width (ChronicleWorldMapData *self)
{
  return self->width;
}

/**
 * chronicle_world_map_data_get_height:
 * @self: the outlines
 *
 * Returns: the height of the map, in map units
 */
double
chronicle_world_map_data_get_height (ChronicleWorldMapData *self)
{
  return self->height;
}

guint
chronicle_world_map_data_get_n_countries (ChronicleWorldMapData *self)
{
  return self->countries->len;
}

/**
 * chronicle_world_map_data_get_code:
 * @self: the outlines
 * @country: the index of a country, below chronicle_world_map_data_get_n_countries()
 *
 * Returns: its ISO 3166-1 alpha-2 code (XK for Kosovo)
 */
const char *
chronicle_world_map_data_get_code (ChronicleWorldMapData *self,
                                   guint                  country)
{
  g_return_val_if_fail (country < self->countries->len, NULL);

  return g_array_index (self->countries, Country, country).code;
}

static int
compare_code (const void *key,
              const void *element)
{
  const Country *country = element;

  return strcmp (key, country->code);
}

/**
 * chronicle_world_map_data_find:
 * @self: the outlines
 * @code: an ISO 3166-1 alpha-2 code, in any case
 *
 * Returns: the index of the country, or -1 if the map does not have it
 */
int
chronicle_world_map_data_find (ChronicleWorldMapData *self,
                               const char            *code)
{
  char key[3];
  const Country *found;

  if (code == NULL || code[0] == '\0' || code[1] == '\0' || code[2] != '\0')
    return -1;
  key[0] = g_ascii_toupper (code[0]);
  key[1] = g_ascii_toupper (code[1]);
  key[2] = '\0';

  found = bsearch (key, self->countries->data, self->countries->len, sizeof (Country),
                   compare_code);
  return found != NULL ? (int) (found - (const Country *) self->countries->data) : -1;
}

guint
chronicle_world_map_data_get_n_rings (ChronicleWorldMapData *self,
                                      guint                  country)
{
  g_return_val_if_fail (country < self->countries->len, 0);

  return g_array_index (self->countries, Country, country).n_rings;
}

/**
 * chronicle_world_map_data_get_ring:
 * @self: the outlines
 * @country: the index of a country
 * @ring: the index of one of its rings
 * @n_points: (out): the number of points
 *
 * A country is the area inside an odd number of its rings (even-odd rule).
 * Rings are closed: the last point joins the first.
 *
 * Returns: (array) (transfer none): the points, x and y in map units
 */
const float *
chronicle_world_map_data_get_ring (ChronicleWorldMapData *self,
                                   guint                  country,
                                   guint                  ring,
                                   guint                 *n_points)
{
  const Country *c;
  const Ring *r;

  g_return_val_if_fail (country < self->countries->len, NULL);
  c = &g_array_index (self->countries, Country, country);
  g_return_val_if_fail (ring < c->n_rings, NULL);
  r = &g_array_index (self->rings, Ring, c->first_ring + ring);

  *n_points = r->n_points;
  return &g_array_index (self->points, float, r->first_point * 2);
}

/**
 * chronicle_world_map_data_get_bounds:
 * @self: the outlines
 * @country: the index of a country
 * @bounds: (out caller-allocates) (array fixed-size=4): the left, top, right and bottom edges
 *
 * The box around the country, in map units.
 */
void
chronicle_world_map_data_get_bounds (ChronicleWorldMapData *self,
                                     guint                  country,
                                     float                  bounds[4])
{
  g_return_if_fail (country < self->countries->len);

  memcpy (bounds, g_array_index (self->countries, Country, country).bounds, 4 * sizeof (float));
}

static gboolean
country_contains (ChronicleWorldMapData *self,
                  const Country         *country,
                  double                 x,
                  double                 y)
{
  gboolean inside = FALSE;

  if (x < country->bounds[0] || x > country->bounds[2] ||
      y < country->bounds[1] || y > country->bounds[3])
    return FALSE;

  /* Even-odd rule: count the edges a ray to the right crosses. */
  for (guint r = 0; r < country->n_rings; r++)
    {
      const Ring *ring = &g_array_index (self->rings, Ring, country->first_ring + r);
      const float *p = &g_array_index (self->points, float, ring->first_point * 2);

      for (guint i = 0, j = ring->n_points - 1; i < ring->n_points; j = i++)
        {
          double xi = p[2 * i], yi = p[2 * i + 1];
          double xj = p[2 * j], yj = p[2 * j + 1];

          if ((yi > y) != (yj > y) && x < xj + (y - yj) * (xi - xj) / (yi - yj))
            inside = !inside;
        }
    }

  return inside;
}

/**
 * chronicle_world_map_data_hit_test:
 * @self: the outlines
 * @x: a point's x, in map units
 * @y: its y, in map units
 *
 * Returns: the index of the country at (@x, @y), or -1 for the sea
 */
int
chronicle_world_map_data_hit_test (ChronicleWorldMapData *self,
                                   double                 x,
                                   double                 y)
{
  for (guint c = 0; c < self->countries->len; c++)
    if (country_contains (self, &g_array_index (self->countries, Country, c), x, y))
      return c;

  return -1;
}

/**
 * chronicle_world_map_data_project:
 * @self: the outlines
 * @longitude: degrees east
 * @latitude: degrees north
 * @x: (out): x in map units
 * @y: (out): y in map units
 *
 * Where a place is on the map. The map uses the Natural Earth projection
 * (Šavrič, Jenny, Patterson, Petrovič and Hurni, 2011).
 */
void
chronicle_world_map_data_project (ChronicleWorldMapData *self,
                                  double                 longitude,
                                  double                 latitude,
                                  double                *x,
                                  double                *y)
{
  double lambda = longitude * G_PI / 180.0;
  double phi = latitude * G_PI / 180.0;
  double p2 = phi * phi;
  double p4 = p2 * p2;
  double px, py;

  px = lambda * (0.870700 - 0.131979 * p2 +
                 p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4)));
  py = phi * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4)));

  *x = (px - self->left) * self->units;
  *y = (self->top - py) * self->units;
}

/**
 * chronicle_world_map_data_get_n_borders:
 * @self: the outlines
 *
 * Returns: the number of land borders: runs of segments two countries share
 */
guint
chronicle_world_map_data_get_n_borders (ChronicleWorldMapData *self)
{
  return self->borders->len;
}

/**
 * chronicle_world_map_data_get_border:
 * @self: the outlines
 * @border: the index of a border, below chronicle_world_map_data_get_n_borders()
 * @n_points: (out): the number of points, at least 2
 *
 * Every segment two countries share is in exactly one border; coasts are in none.
 *
 * Returns: (array) (transfer none): the points of an open line, x and y in map units
 */
const float *
chronicle_world_map_data_get_border (ChronicleWorldMapData *self,
                                     guint                  border,
                                     guint                 *n_points)
{
  const Ring *run;

  g_return_val_if_fail (border < self->borders->len, NULL);
  run = &g_array_index (self->borders, Ring, border);

  *n_points = run->n_points;
  return &g_array_index (self->border_points, float, run->first_point * 2);
}
