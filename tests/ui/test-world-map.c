/* test-world-map.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "chronicle-country-names.h"
#include "chronicle-map-canvas.h"
#include "chronicle-map-scale.h"
#include "chronicle-test-ui-utils.h"
#include "chronicle-ui.h"
#include "chronicle-world-map-data.h"
#include "chronicle-world-map.h"

/* Helpers */

typedef struct
{
  GtkWidget         *window;
  ChronicleWorldMap *map;
  GPtrArray         *activated;
} Fixture;

static char *
read_test_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* The lines of a test data file, without comments and blank lines. */
static GStrv
read_test_lines (const char *name)
{
  g_autofree char *contents = read_test_data (name);
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' && lines[i][0] != '#')
      g_strv_builder_add (builder, lines[i]);

  return g_strv_builder_end (builder);
}

static GtkWidget *
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static GdkTexture *
render (GtkWidget *widget)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                      node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* The colour at (@x, @y), unpremultiplied, 0–255 per channel. */
static void
texture_pixel (GdkTexture *texture,
               int         x,
               int         y,
               guint       rgba[4])
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);
  const guchar *p;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, width);
  g_assert_cmpint (y, <, height);

  /* Cairo's ARGB32: premultiplied, native-endian (B, G, R, A in memory here). */
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  p = pixels + ((gsize) y * width + x) * 4;
  rgba[3] = p[3];
  for (guint i = 0; i < 3; i++)
    rgba[i] = p[3] > 0 ? (p[2 - i] * 255 + p[3] / 2) / p[3] : 0;
}

static void
assert_color (const guint    rgba[4],
              const GdkRGBA *expected)
{
  guint channels[3] = {
    (guint) (expected->red * 255 + 0.5),
    (guint) (expected->green * 255 + 0.5),
    (guint) (expected->blue * 255 + 0.5),
  };

  g_assert_cmpuint (rgba[3], ==, 255);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpint ((int) rgba[i], >=, (int) channels[i] - 3);
      g_assert_cmpint ((int) rgba[i], <=, (int) channels[i] + 3);
    }
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = chronicle_test_output_path (name);

  chronicle_test_render_to_png (widget, path, &error);
  g_assert_no_error (error);
  g_test_message ("screenshot: %s", path);
}

/* Puts the map on a view's background, as in the app, for a screenshot. */
static void
show_on_view (Fixture *fixture)
{
  GtkWidget *view = adw_bin_new ();

  g_object_ref (fixture->map);
  gtk_window_set_child (GTK_WINDOW (fixture->window), NULL);
  gtk_widget_add_css_class (view, "view");
  adw_bin_set_child (ADW_BIN (view), GTK_WIDGET (fixture->map));
  gtk_window_set_child (GTK_WINDOW (fixture->window), view);
  g_object_unref (fixture->map);
  chronicle_test_wait_for_frames (fixture->window, 3);
}

static GHashTable *
sample_counts (void)
{
  /* Roughly what a month of world news looks like. */
  static const struct { const char *code; guint count; } counts[] = {
    { "US", 1234 }, { "CN", 420 }, { "RU", 390 }, { "UA", 350 }, { "GB", 260 },
    { "fr", 180 }, { "DE", 150 }, { "IL", 140 }, { "IN", 120 }, { "IR", 95 },
    { "JP", 70 }, { "BR", 60 }, { "TR", 55 }, { "AU", 40 }, { "ZA", 35 },
    { "MX", 30 }, { "CA", 28 }, { "EG", 22 }, { "NG", 18 }, { "KR", 17 },
    { "AR", 12 }, { "SA", 11 }, { "PK", 10 }, { "ID", 9 }, { "ES", 8 },
    { "IT", 8 }, { "PL", 7 }, { "KE", 6 }, { "SD", 5 }, { "VE", 4 },
    { "CO", 4 }, { "SY", 4 }, { "AF", 3 }, { "ET", 3 }, { "NZ", 2 },
    { "CL", 2 }, { "SE", 2 }, { "SG", 9 }, { "XK", 1 }, { "IS", 1 }, { "ZZ", 99 },
  };
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    g_hash_table_insert (table, (gpointer) counts[i].code, GUINT_TO_POINTER (counts[i].count));

  return table;
}


static void
activated_cb (ChronicleWorldMap *map,
              const char        *code,
              Fixture           *fixture)
{
  g_ptr_array_add (fixture->activated, g_strdup (code));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GHashTable) counts = sample_counts ();

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);

  fixture->activated = g_ptr_array_new_with_free_func (g_free);
  fixture->map = CHRONICLE_WORLD_MAP (chronicle_world_map_new ());
  g_signal_connect (fixture->map, "country-activated", G_CALLBACK (activated_cb), fixture);
  chronicle_world_map_set_counts (fixture->map, counts);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 960, 540);
  gtk_widget_set_margin_top (GTK_WIDGET (fixture->map), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (fixture->map), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (fixture->map), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (fixture->map), 12);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->map));
  gtk_window_present (GTK_WINDOW (fixture->window));
  chronicle_test_wait_for_frames (fixture->window, 3);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_ptr_array_unref (fixture->activated);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
}

/* The data */

static void
test_data_countries (void)
{
  ChronicleWorldMapData *data = chronicle_world_map_data_get_default ();
  g_auto(GStrv) lines = read_test_lines ("world-map-countries.txt");
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  guint n_points = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) codes = g_strsplit (lines[i], " ", -1);

      for (guint j = 0; codes[j] != NULL; j++)
        g_ptr_array_add (expected, g_strdup (codes[j]));
    }

  g_assert_cmpuint (chronicle_world_map_data_get_n_countries (data), ==, expected->len);
  g_assert_cmpfloat (chronicle_world_map_data_get_width (data), >, 4000);
  g_assert_cmpfloat (chronicle_world_map_data_get_height (data), >, 1000);

  for (guint c = 0; c < expected->len; c++)
    {
      const char *code = g_ptr_array_index (expected, c);
      float bounds[4];

      /* Every country of Natural Earth 1:110m is there, named as iso-codes names it. */
      g_assert_cmpstr (chronicle_world_map_data_get_code (data, c), ==, code);
      g_assert_cmpint (chronicle_world_map_data_find (data, code), ==, c);
      g_assert_true (chronicle_country_code_is_known (code));

      g_assert_cmpuint (chronicle_world_map_data_get_n_rings (data, c), >=, 1);
      for (guint r = 0; r < chronicle_world_map_data_get_n_rings (data, c); r++)
        {
          guint n;

          g_assert_nonnull (chronicle_world_map_data_get_ring (data, c, r, &n));
          g_assert_cmpuint (n, >=, 3);
          n_points += n;
        }

      chronicle_world_map_data_get_bounds (data, c, bounds);
      g_assert_cmpfloat (bounds[0], <, bounds[2]);
      g_assert_cmpfloat (bounds[1], <, bounds[3]);
      g_assert_cmpfloat (bounds[2], <=, chronicle_world_map_data_get_width (data));
      g_assert_cmpfloat (bounds[3], <=, chronicle_world_map_data_get_height (data));
    }

  g_assert_cmpuint (n_points, >, 5000);

  /* Land borders: each shared segment once, coasts left out. */
  {
    guint n_border_segments = 0;

    g_assert_cmpuint (chronicle_world_map_data_get_n_borders (data), >, 100);
    for (guint b = 0; b < chronicle_world_map_data_get_n_borders (data); b++)
      {
        guint n;

        g_assert_nonnull (chronicle_world_map_data_get_border (data, b, &n));
        g_assert_cmpuint (n, >=, 2);
        n_border_segments += n - 1;
      }
    g_assert_cmpuint (n_border_segments, >, 1000);
    g_assert_cmpuint (n_border_segments, <, n_points / 2);
  }
  g_assert_cmpint (chronicle_world_map_data_find (data, "fr"), >=, 0);
  g_assert_cmpint (chronicle_world_map_data_find (data, "AQ"), ==, -1);
  g_assert_cmpint (chronicle_world_map_data_find (data, "SG"), ==, -1);
  g_assert_cmpint (chronicle_world_map_data_find (data, "FRA"), ==, -1);
  g_assert_cmpint (chronicle_world_map_data_find (data, NULL), ==, -1);
}

static void
test_data_hit_test (void)
{
  ChronicleWorldMapData *data = chronicle_world_map_data_get_default ();
  g_auto(GStrv) lines = read_test_lines ("world-map-places.txt");

  for (guint i = 0; lines[i] != NULL; i++)
    {
      double longitude, latitude, x, y;
      char code[3];
      int country;

      g_assert_cmpint (sscanf (lines[i], "%lf %lf %2s", &longitude, &latitude, code), ==, 3);
      chronicle_world_map_data_project (data, longitude, latitude, &x, &y);
      country = chronicle_world_map_data_hit_test (data, x, y);
      g_test_message ("%s → %s", lines[i],
                      country >= 0 ? chronicle_world_map_data_get_code (data, country) : "-");
      if (g_str_equal (code, "-"))
        g_assert_cmpint (country, ==, -1);
      else
        g_assert_cmpstr (country >= 0 ? chronicle_world_map_data_get_code (data, country) : "-",
                         ==, code);
    }
}

static void
test_data_damaged (void)
{
  g_autoptr(GBytes) resource = NULL;
  g_autoptr(GBytes) truncated = NULL;
  g_autoptr(GBytes) garbage = g_bytes_new_static ("CHWM\1\0", 6);
  g_autoptr(GError) error = NULL;
  ChronicleWorldMapData *data;

  resource = g_resources_lookup_data (RESOURCE_PREFIX "/map/world-110m.bin",
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (resource), <, 100 * 1024);

  truncated = g_bytes_new_from_bytes (resource, 0, g_bytes_get_size (resource) - 3);
  data = chronicle_world_map_data_new_from_bytes (truncated, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_null (data);
  g_clear_error (&error);

  data = chronicle_world_map_data_new_from_bytes (garbage, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_null (data);
}

static void
test_data_attribution (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *license = NULL;

  /* The About window credits the map's sources (data/attributions.ini). */
  bytes = g_resources_lookup_data (RESOURCE_PREFIX "/attributions.ini",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_key_file_load_from_bytes (keyfile, bytes, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  license = g_key_file_get_string (keyfile, "natural-earth", "license", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (license, "Natural Earth"));
  g_assert_nonnull (strstr (license, "world-atlas"));
  g_assert_nonnull (strstr (license, "permission notice"));
}

static void
test_scale (void)
{
  g_auto(GStrv) lines = read_test_lines ("map-scale.txt");

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], ":", 2);
      g_auto(GStrv) uppers = g_strsplit (g_strstrip (parts[1]), " ", -1);
      guint max_count = (guint) g_ascii_strtoull (parts[0], NULL, 10);
      guint n_expected = parts[1][0] != '\0' ? g_strv_length (uppers) : 0;
      ChronicleMapScale scale;

      chronicle_map_scale_init (&scale, max_count);
      g_assert_cmpuint (scale.n_steps, ==, n_expected);
      for (guint s = 0; s < n_expected; s++)
        g_assert_cmpuint (scale.upper[s], ==, g_ascii_strtoull (uppers[s], NULL, 10));

      /* Every count from 1 to the largest is in exactly the step its bounds say. */
      g_assert_cmpuint (chronicle_map_scale_get_step (&scale, 0), ==, 0);
      g_assert_cmpuint (chronicle_map_scale_get_shade (&scale, 0), ==, 0);
      for (guint s = 1; s <= scale.n_steps; s++)
        {
          guint lower = chronicle_map_scale_get_lower (&scale, s);

          g_assert_cmpuint (chronicle_map_scale_get_step (&scale, lower), ==, s);
          g_assert_cmpuint (chronicle_map_scale_get_step (&scale, scale.upper[s - 1]), ==, s);
          /* Shades rise with the steps, and the last is always the strongest. */
          if (s > 1)
            g_assert_cmpuint (chronicle_map_scale_get_shade (&scale, s), >,
                              chronicle_map_scale_get_shade (&scale, s - 1));
        }
      if (scale.n_steps > 0)
        {
          g_assert_cmpuint (chronicle_map_scale_get_shade (&scale, scale.n_steps), ==,
                            CHRONICLE_MAP_SCALE_MAX_STEPS);
          g_assert_cmpuint (chronicle_map_scale_get_step (&scale, max_count + 1), ==,
                            scale.n_steps);
        }
    }
}

/* The widget */

static void
test_map_hit_and_activate (Fixture       *fixture,
                           gconstpointer  user_data)
{
  ChronicleWorldMap *map = fixture->map;
  double x, y;

  g_assert_true (chronicle_world_map_locate (map, 2.35, 48.86, &x, &y));
  g_assert_cmpstr (chronicle_world_map_country_at (map, x, y), ==, "FR");
  g_assert_true (chronicle_world_map_activate_at (map, x, y));
  g_assert_true (chronicle_world_map_locate (map, -99.13, 19.43, &x, &y));
  g_assert_true (chronicle_world_map_activate_at (map, x, y));

  /* The sea and the controls are not countries. */
  g_assert_true (chronicle_world_map_locate (map, -30.0, 30.0, &x, &y));
  g_assert_null (chronicle_world_map_country_at (map, x, y));
  g_assert_false (chronicle_world_map_activate_at (map, x, y));
  g_assert_false (chronicle_world_map_activate_at (map, 20, 20));

  g_assert_cmpuint (fixture->activated->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fixture->activated, 0), ==, "FR");
  g_assert_cmpstr (g_ptr_array_index (fixture->activated, 1), ==, "MX");
}

static void
test_map_shading (Fixture       *fixture,
                  gconstpointer  user_data)
{
  ChronicleWorldMap *map = fixture->map;
  ChronicleMapCanvas *canvas = CHRONICLE_MAP_CANVAS (child (map, CHRONICLE_TYPE_WORLD_MAP,
                                                            "canvas"));
  const ChronicleMapScale *scale = chronicle_world_map_get_scale (map);
  GtkWidget *legend = child (map, CHRONICLE_TYPE_WORLD_MAP, "legend");
  g_autoptr(GdkTexture) texture = NULL;
  static const struct { const char *code; double longitude, latitude; } places[] = {
    { "US", -100.0, 40.0 }, { "FR", 2.35, 48.86 }, { "BR", -47.88, -15.79 },
    { "AR", -64.0, -34.0 }, { "GL", -40.0, 72.0 }, { "SE", 15.0, 62.0 },
  };
  guint n_legend = 0;

  /* The case of codes does not matter, unknown codes are ignored. */
  g_assert_cmpuint (chronicle_world_map_get_count (map, "FR"), ==, 180);
  g_assert_cmpuint (chronicle_world_map_get_count (map, "us"), ==, 1234);
  g_assert_cmpuint (chronicle_world_map_get_count (map, "ZZ"), ==, 0);
  g_assert_cmpuint (chronicle_world_map_get_count (map, "GL"), ==, 0);

  /* Steps from the largest count on the map; the most-covered is darkest. */
  g_assert_cmpuint (scale->n_steps, ==, 5);
  g_assert_cmpuint (scale->upper[scale->n_steps - 1], ==, 1234);
  g_assert_cmpuint (chronicle_world_map_get_shade (map, "US"), ==, 5);
  g_assert_cmpuint (chronicle_world_map_get_shade (map, "GL"), ==, 0);
  g_assert_cmpuint (chronicle_world_map_get_shade (map, "SE"), ==, 1);
  g_assert_cmpuint (chronicle_world_map_get_shade (map, "FR"), >,
                    chronicle_world_map_get_shade (map, "BR"));
  g_assert_cmpuint (chronicle_world_map_get_shade (map, "BR"), >=,
                    chronicle_world_map_get_shade (map, "AR"));

  /* The legend: no articles, then each step. */
  for (GtkWidget *w = gtk_widget_get_first_child (legend); w; w = gtk_widget_get_next_sibling (w))
    n_legend++;
  g_assert_cmpuint (n_legend, ==, scale->n_steps + 1);

  /* What is drawn inside each country is the colour of its shade. */
  texture = render (GTK_WIDGET (canvas));
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      double x, y, cx, cy;
      guint rgba[4];
      GdkRGBA expected;

      g_assert_true (chronicle_world_map_locate (map, places[i].longitude, places[i].latitude,
                                                 &x, &y));
      g_assert_cmpstr (chronicle_world_map_country_at (map, x, y), ==, places[i].code);
      g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (map), GTK_WIDGET (canvas),
                                                       x, y, &cx, &cy));
      texture_pixel (texture, (int) cx, (int) cy, rgba);
      chronicle_map_canvas_get_shade_color (canvas,
                                            chronicle_world_map_get_shade (map, places[i].code),
                                            &expected);
      assert_color (rgba, &expected);
    }

  /* New counts replace the old ones. */
  chronicle_world_map_set_counts (map, NULL);
  g_assert_cmpuint (chronicle_world_map_get_count (map, "US"), ==, 0);
  g_assert_cmpuint (chronicle_world_map_get_shade (map, "US"), ==, 0);
  g_assert_cmpuint (scale->n_steps, ==, 0);
}

static void
test_map_zoom (Fixture       *fixture,
               gconstpointer  user_data)
{
  ChronicleWorldMap *map = fixture->map;
  double x, y, paris_x, paris_y;

  /* Out is off at the whole world. */
  g_assert_false (gtk_widget_get_sensitive (child (map, CHRONICLE_TYPE_WORLD_MAP,
                                                   "zoom_out_button")));
  gtk_widget_activate_action (GTK_WIDGET (map), "map.zoom-out", NULL);
  g_assert_cmpfloat (chronicle_world_map_get_zoom (map), ==, 1.0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (map), "map.zoom-in", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (map), "map.zoom-in", NULL));
  g_assert_cmpfloat_with_epsilon (chronicle_world_map_get_zoom (map), 2.25, 1e-9);

  /* Still France under Paris, wherever the zoom put it. */
  chronicle_test_wait_for_frames (fixture->window, 2);
  if (chronicle_world_map_locate (map, 2.35, 48.86, &paris_x, &paris_y))
    g_assert_cmpstr (chronicle_world_map_country_at (map, paris_x, paris_y), ==, "FR");

  save_screenshot (GTK_WIDGET (map), "world-map-zoomed.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (map), "map.zoom-reset", NULL));
  g_assert_cmpfloat (chronicle_world_map_get_zoom (map), ==, 1.0);
  g_assert_true (chronicle_world_map_locate (map, 0, 0, &x, &y));
}

static void
test_map_zoom_anchor (Fixture       *fixture,
                      gconstpointer  user_data)
{
  ChronicleWorldMap *map = fixture->map;
  ChronicleMapCanvas *canvas = CHRONICLE_MAP_CANVAS (child (map, CHRONICLE_TYPE_WORLD_MAP,
                                                            "canvas"));
  double x, y, cx, cy, after_x, after_y, before_x, before_y;

  /* At the whole world there is nowhere to pan to. */
  g_assert_true (chronicle_world_map_locate (map, 2.35, 48.86, &before_x, &before_y));
  chronicle_map_canvas_pan_by (canvas, 200, 100);
  g_assert_true (chronicle_world_map_locate (map, 2.35, 48.86, &x, &y));
  g_assert_cmpfloat_with_epsilon (x, before_x, 1e-3);
  g_assert_cmpfloat_with_epsilon (y, before_y, 1e-3);

  /* Ctrl+scroll and pinches zoom about the pointer: the place under it stays. */
  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (map), GTK_WIDGET (canvas),
                                                   before_x, before_y, &cx, &cy));
  chronicle_map_canvas_zoom_at (canvas, 4.0, cx, cy);
  g_assert_cmpfloat (chronicle_world_map_get_zoom (map), ==, 4.0);
  g_assert_true (chronicle_world_map_locate (map, 2.35, 48.86, &after_x, &after_y));
  g_assert_cmpfloat_with_epsilon (after_x, before_x, 1e-3);
  g_assert_cmpfloat_with_epsilon (after_y, before_y, 1e-3);
  g_assert_cmpstr (chronicle_world_map_country_at (map, after_x, after_y), ==, "FR");

  /* Zoomed in, a drag moves the map with the pointer. */
  chronicle_map_canvas_pan_by (canvas, 30, 20);
  g_assert_true (chronicle_world_map_locate (map, 2.35, 48.86, &x, &y));
  g_assert_cmpfloat_with_epsilon (x, after_x - 30, 1e-3);
  g_assert_cmpfloat_with_epsilon (y, after_y - 20, 1e-3);

  /* Never beyond the limits. */
  chronicle_map_canvas_zoom_at (canvas, 1000, cx, cy);
  g_assert_cmpfloat (chronicle_world_map_get_zoom (map), ==, CHRONICLE_MAP_CANVAS_MAX_ZOOM);
  chronicle_map_canvas_zoom_at (canvas, 0.01, cx, cy);
  g_assert_cmpfloat (chronicle_world_map_get_zoom (map), ==, CHRONICLE_MAP_CANVAS_MIN_ZOOM);
  g_assert_true (chronicle_world_map_locate (map, 2.35, 48.86, &x, &y));
  g_assert_cmpfloat_with_epsilon (x, before_x, 1e-3);
  g_assert_cmpfloat_with_epsilon (y, before_y, 1e-3);
}

static void
test_map_hover (Fixture       *fixture,
                gconstpointer  user_data)
{
  ChronicleWorldMap *map = fixture->map;
  ChronicleMapCanvas *canvas = CHRONICLE_MAP_CANVAS (child (map, CHRONICLE_TYPE_WORLD_MAP,
                                                            "canvas"));
  GtkInscription *info = GTK_INSCRIPTION (child (map, CHRONICLE_TYPE_WORLD_MAP, "info_label"));
  ChronicleWorldMapData *data = chronicle_map_canvas_get_data (canvas);

  g_assert_cmpstr (gtk_inscription_get_text (info), ==, "Articles in 40 countries");
  g_assert_null (chronicle_world_map_get_hovered_code (map));

  chronicle_map_canvas_set_hovered (canvas, chronicle_world_map_data_find (data, "FR"));
  g_assert_cmpstr (chronicle_world_map_get_hovered_code (map), ==, "FR");
  g_assert_true (g_str_has_suffix (gtk_inscription_get_text (info), "France — 180 articles"));

  chronicle_map_canvas_set_hovered (canvas, chronicle_world_map_data_find (data, "GL"));
  g_assert_true (g_str_has_suffix (gtk_inscription_get_text (info), "Greenland — No articles"));

  chronicle_world_map_set_selected_code (map, "us");
  g_assert_cmpstr (chronicle_world_map_get_selected_code (map), ==, "US");
  chronicle_map_canvas_set_hovered (canvas, chronicle_world_map_data_find (data, "BR"));
  show_on_view (fixture);
  save_screenshot (fixture->window, "world-map-light.png");

  chronicle_map_canvas_set_hovered (canvas, -1);
  g_assert_cmpstr (gtk_inscription_get_text (info), ==, "Articles in 40 countries");
}

static void
test_map_dark (Fixture       *fixture,
               gconstpointer  user_data)
{
  ChronicleWorldMap *map = fixture->map;
  ChronicleMapCanvas *canvas = CHRONICLE_MAP_CANVAS (child (map, CHRONICLE_TYPE_WORLD_MAP,
                                                            "canvas"));
  ChronicleWorldMapData *data = chronicle_map_canvas_get_data (canvas);
  GdkRGBA light_none, light_most, dark_none, dark_most;

  chronicle_map_canvas_get_shade_color (canvas, 0, &light_none);
  chronicle_map_canvas_get_shade_color (canvas, CHRONICLE_MAP_SCALE_MAX_STEPS, &light_most);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  chronicle_map_canvas_get_shade_color (canvas, 0, &dark_none);
  chronicle_map_canvas_get_shade_color (canvas, CHRONICLE_MAP_SCALE_MAX_STEPS, &dark_most);

  /* On dark, "none" is darker and "most" is lighter than on light. */
  g_assert_cmpfloat (dark_none.red + dark_none.green + dark_none.blue, <,
                     light_none.red + light_none.green + light_none.blue);
  g_assert_cmpfloat (dark_most.red + dark_most.green + dark_most.blue, >,
                     light_most.red + light_most.green + light_most.blue);

  chronicle_world_map_set_selected_code (map, "US");
  chronicle_map_canvas_set_hovered (canvas, chronicle_world_map_data_find (data, "BR"));
  show_on_view (fixture);
  save_screenshot (fixture->window, "world-map-dark.png");
}

static void
test_map_list (Fixture       *fixture,
               gconstpointer  user_data)
{
  ChronicleWorldMap *map = fixture->map;
  GtkListView *list_view = GTK_LIST_VIEW (child (map, CHRONICLE_TYPE_WORLD_MAP, "list_view"));
  GListModel *codes = G_LIST_MODEL (gtk_widget_get_template_child (GTK_WIDGET (map),
                                                                   CHRONICLE_TYPE_WORLD_MAP,
                                                                   "list_codes"));
  GtkStack *stack = GTK_STACK (child (map, CHRONICLE_TYPE_WORLD_MAP, "stack"));
  GtkAccessible *list_button = GTK_ACCESSIBLE (child (map, CHRONICLE_TYPE_WORLD_MAP, "list_button"));

  /* For screen readers "Show as List" is a check box, checked or not. */
  g_assert_cmpint (gtk_accessible_get_accessible_role (list_button), ==,
                   GTK_ACCESSIBLE_ROLE_CHECKBOX);
  gtk_test_accessible_assert_state (list_button, GTK_ACCESSIBLE_STATE_CHECKED,
                                    GTK_ACCESSIBLE_TRISTATE_FALSE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (map), "map.show-list", NULL));
  g_assert_true (chronicle_world_map_get_show_list (map));
  gtk_test_accessible_assert_state (list_button, GTK_ACCESSIBLE_STATE_CHECKED,
                                    GTK_ACCESSIBLE_TRISTATE_TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  /* No zooming a list. */
  gtk_widget_activate_action (GTK_WIDGET (map), "map.zoom-in", NULL);
  g_assert_cmpfloat (chronicle_world_map_get_zoom (map), ==, 1.0);

  /* Every country with articles, even those too small for the map (Singapore),
   * most first; ties by name (Italy before Spain). */
  g_assert_cmpuint (g_list_model_get_n_items (codes), ==, 40);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (codes), 0), ==, "US");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (codes), 1), ==, "CN");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (codes), 5), ==, "FR");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (codes), 25), ==, "IT");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (codes), 26), ==, "ES");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (codes), 39), ==, "XK");

  show_on_view (fixture);
  save_screenshot (fixture->window, "world-map-list.png");

  /* Choosing a row is choosing the country on the map. */
  g_signal_emit_by_name (list_view, "activate", 5);
  g_assert_cmpuint (fixture->activated->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->activated, 0), ==, "FR");

  chronicle_world_map_set_show_list (map, FALSE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "map");
  gtk_test_accessible_assert_state (list_button, GTK_ACCESSIBLE_STATE_CHECKED,
                                    GTK_ACCESSIBLE_TRISTATE_FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (map), "map.zoom-in", NULL));
  g_assert_cmpfloat (chronicle_world_map_get_zoom (map), ==, 1.5);
}

static void
load_app_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  /* What AdwApplication loads for the app. */
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

int
main (int    argc,
      char **argv)
{
  /* GTK's in-process accessibility backend, to read the states screen readers get. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  chronicle_ui_init ();
  load_app_style ();
  /* Screenshots of the end state, not of a crossfade. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/ui/world-map/data/countries", test_data_countries);
  g_test_add_func ("/ui/world-map/data/hit-test", test_data_hit_test);
  g_test_add_func ("/ui/world-map/data/damaged", test_data_damaged);
  g_test_add_func ("/ui/world-map/data/attribution", test_data_attribution);
  g_test_add_func ("/ui/world-map/scale", test_scale);
  g_test_add ("/ui/world-map/hit-and-activate", Fixture, NULL,
              fixture_set_up, test_map_hit_and_activate, fixture_tear_down);
  g_test_add ("/ui/world-map/shading", Fixture, NULL,
              fixture_set_up, test_map_shading, fixture_tear_down);
  g_test_add ("/ui/world-map/zoom", Fixture, NULL,
              fixture_set_up, test_map_zoom, fixture_tear_down);
  g_test_add ("/ui/world-map/zoom-anchor", Fixture, NULL,
              fixture_set_up, test_map_zoom_anchor, fixture_tear_down);
  g_test_add ("/ui/world-map/hover", Fixture, NULL,
              fixture_set_up, test_map_hover, fixture_tear_down);
  g_test_add ("/ui/world-map/dark", Fixture, NULL,
              fixture_set_up, test_map_dark, fixture_tear_down);
  g_test_add ("/ui/world-map/list", Fixture, NULL,
              fixture_set_up, test_map_list, fixture_tear_down);

  return g_test_run ();
}
