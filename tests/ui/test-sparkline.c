/* test-sparkline.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "chronicle-sparkline.h"
#include "chronicle-test-ui-utils.h"
#include "chronicle-ui.h"

#define WIDTH 120
#define HEIGHT 32

/* Renders @widget; returns its pixels (cairo ARGB32), or NULL if it drew nothing. */
static guchar *
render_pixels (GtkWidget *widget)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guchar *pixels;

  gdk_paintable_snapshot (paintable, snapshot, WIDTH, HEIGHT);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return NULL;

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT));
  pixels = g_malloc (WIDTH * HEIGHT * 4);
  gdk_texture_download (texture, pixels, WIDTH * 4);
  return pixels;
}

static guint
alpha_at (const guchar *pixels,
          int           x,
          int           y)
{
  return pixels[(y * WIDTH + x) * 4 + 3];
}

/* The topmost row with ink in column @x, or -1. */
static int
top_of_column (const guchar *pixels,
               int           x)
{
  for (int y = 0; y < HEIGHT; y++)
    if (alpha_at (pixels, x, y) > 128)
      return y;
  return -1;
}

static void
test_draws_series (void)
{
  static const guint values[] = { 0, 2, 5, 3, 12, 7, 4, 4, 9, 1, 0, 6 };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  ChronicleSparkline *sparkline = CHRONICLE_SPARKLINE (chronicle_sparkline_new ());
  g_autofree guchar *pixels = NULL;
  g_autofree char *path = chronicle_test_output_path ("sparkline.png");
  g_autoptr(GError) error = NULL;
  const guint *stored;
  gsize n_stored;
  int peak_x, peak_top, first_top;
  double step;

  chronicle_sparkline_set_values (sparkline, values, G_N_ELEMENTS (values));
  stored = chronicle_sparkline_get_values (sparkline, &n_stored);
  g_assert_cmpuint (n_stored, ==, G_N_ELEMENTS (values));
  g_assert_cmpmem (stored, n_stored * sizeof (guint), values, sizeof values);
  g_assert_cmpuint (chronicle_sparkline_get_peak (sparkline), ==, 12);

  gtk_widget_set_size_request (GTK_WIDGET (sparkline), WIDTH, HEIGHT);
  gtk_widget_set_halign (GTK_WIDGET (sparkline), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (sparkline), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (sparkline));
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  chronicle_test_wait_for_frames (window, 3);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (sparkline)), ==, WIDTH);

  pixels = render_pixels (GTK_WIDGET (sparkline));
  g_assert_nonnull (pixels);

  /* The peak (12, the fifth value) reaches the top; the first (0) stays at the bottom. */
  step = (WIDTH - 5.0) / (G_N_ELEMENTS (values) - 1);
  peak_x = (int) (2.5 + 4 * step);
  peak_top = top_of_column (pixels, peak_x);
  first_top = top_of_column (pixels, 3);
  g_assert_cmpint (peak_top, >=, 0);
  g_assert_cmpint (peak_top, <=, 4);
  g_assert_cmpint (first_top, >=, HEIGHT - 6);
  /* Above the line is empty. */
  g_assert_cmpuint (alpha_at (pixels, 3, 2), ==, 0);

  chronicle_test_render_to_png (GTK_WIDGET (sparkline), path, &error);
  g_assert_no_error (error);
  g_test_message ("screenshot: %s", path);

  /* No values, nothing drawn. */
  chronicle_sparkline_set_values (sparkline, NULL, 0);
  g_assert_cmpuint (chronicle_sparkline_get_peak (sparkline), ==, 0);
  chronicle_test_wait_for_frames (window, 2);
  g_clear_pointer (&pixels, g_free);
  pixels = render_pixels (GTK_WIDGET (sparkline));
  if (pixels != NULL)
    for (int i = 0; i < WIDTH * HEIGHT; i++)
      g_assert_cmpuint (pixels[i * 4 + 3], ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_flat_series (void)
{
  static const guint zeros[] = { 0, 0, 0 };
  static const guint one[] = { 7 };
  GtkWidget *window = gtk_window_new ();
  ChronicleSparkline *sparkline = CHRONICLE_SPARKLINE (chronicle_sparkline_new ());
  g_autofree guchar *pixels = NULL;

  gtk_widget_set_size_request (GTK_WIDGET (sparkline), WIDTH, HEIGHT);
  gtk_widget_set_halign (GTK_WIDGET (sparkline), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (sparkline), GTK_ALIGN_START);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (sparkline));
  gtk_window_present (GTK_WINDOW (window));

  /* All zero: a line along the bottom, no division by zero. */
  chronicle_sparkline_set_values (sparkline, zeros, G_N_ELEMENTS (zeros));
  chronicle_test_wait_for_frames (window, 2);
  pixels = render_pixels (GTK_WIDGET (sparkline));
  g_assert_nonnull (pixels);
  g_assert_cmpint (top_of_column (pixels, WIDTH / 2), >=, HEIGHT - 5);
  g_clear_pointer (&pixels, g_free);

  /* One value: a line across, at the top. */
  chronicle_sparkline_set_values (sparkline, one, 1);
  chronicle_test_wait_for_frames (window, 2);
  pixels = render_pixels (GTK_WIDGET (sparkline));
  g_assert_nonnull (pixels);
  g_assert_cmpint (top_of_column (pixels, WIDTH / 2), <=, 4);
  g_assert_cmpint (top_of_column (pixels, 4), <=, 4);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
load_app_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  /* What AdwApplication loads for the app: sparklines take the accent colour. */
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  chronicle_ui_init ();
  load_app_style ();

  g_test_add_func ("/ui/sparkline/draws-series", test_draws_series);
  g_test_add_func ("/ui/sparkline/flat-series", test_flat_series);

  return g_test_run ();
}
