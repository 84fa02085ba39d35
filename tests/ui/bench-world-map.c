/* bench-world-map.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How long the world map takes to redraw, as a person sees it: a window with
 * the map is shown, each frame changes the view (pan, zoom), only the
 * country under the pointer (hover), or the counts (redraw: the worst case,
 * every country drawn again), and the time GTK spends in the frame's paint
 * phase (snapshot, render, present) is recorded: wall-clock time, and the
 * CPU time of the main thread (what the frame cost, whatever else the
 * machine is doing; a GL driver's own threads are not in it).
 *
 *   meson test -C build --benchmark --suite ui -v
 *   GSK_RENDERER=cairo tests/xvfb-run.sh build/tests/bench-world-map [SCENARIO [WxH]]
 *     (one scenario, e.g. `redraw 1920x1080`)
 *
 * Prints percentiles per scenario and window size. The budget is 16 ms (one
 * frame at 60 Hz). It reports; it does not fail on timing. */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "chronicle-map-canvas.h"
#include "chronicle-ui.h"
#include "chronicle-world-map-data.h"
#include "chronicle-world-map.h"

#define WARMUP_FRAMES 20
#define MEASURED_FRAMES 240
#define BUDGET_MS 16.0

typedef enum {
  SCENARIO_PAN,     /* a drag: 8 px a frame, back and forth, at zoom 2 */
  SCENARIO_ZOOM,    /* a pinch: 3 % a frame, from 1 to 6 and back */
  SCENARIO_HOVER,   /* the pointer moves from one country to another */
  SCENARIO_REDRAW,  /* new counts every frame: every country drawn again */
} Scenario;

static const char *const scenario_names[] = { "pan", "zoom", "hover", "redraw" };

typedef struct
{
  ChronicleWorldMap  *map;
  ChronicleMapCanvas *canvas;
  Scenario            scenario;
  guint               frame;
  gint64              paint_start;
  double              cpu_start;
  GArray             *samples;     /* double, ms */
  GArray             *cpu_samples; /* double, ms */
  gboolean            done;
  int                 country_a;
  int                 country_b;
  double              zoom_step;
  guint8             *shades;
} Bench;

/* CPU time of this thread, in ms: what the frame cost, without the time
 * the machine was busy with other processes. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
update_cb (GdkFrameClock *clock,
           Bench         *bench)
{
  /* Connected after GTK's own update handler, which runs the tick callback
   * that changes the map: what follows is layout (nothing to do) and paint. */
  bench->paint_start = g_get_monotonic_time ();
  bench->cpu_start = thread_cpu_ms ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  double ms, cpu_ms;

  if (bench->paint_start == 0)
    return;

  ms = (g_get_monotonic_time () - bench->paint_start) / 1000.0;
  cpu_ms = thread_cpu_ms () - bench->cpu_start;
  bench->paint_start = 0;
  if (bench->frame > WARMUP_FRAMES)
    {
      g_array_append_val (bench->samples, ms);
      g_array_append_val (bench->cpu_samples, cpu_ms);
    }
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Bench *bench = user_data;
  double sign = bench->frame % 2 == 0 ? 1 : -1;
  double width = gtk_widget_get_width (GTK_WIDGET (bench->canvas));
  double height = gtk_widget_get_height (GTK_WIDGET (bench->canvas));

  switch (bench->scenario)
    {
    case SCENARIO_PAN:
      chronicle_map_canvas_pan_by (bench->canvas, (bench->frame / 60) % 2 == 0 ? 8 : -8, 0);
      break;
    case SCENARIO_ZOOM:
      if (chronicle_map_canvas_get_zoom (bench->canvas) >= 6.0)
        bench->zoom_step = 1 / 1.03;
      else if (chronicle_map_canvas_get_zoom (bench->canvas) <= 1.0)
        bench->zoom_step = 1.03;
      chronicle_map_canvas_zoom_at (bench->canvas,
                                    chronicle_map_canvas_get_zoom (bench->canvas) *
                                    bench->zoom_step,
                                    width * 0.55, height * 0.4);
      break;
    case SCENARIO_HOVER:
      chronicle_map_canvas_set_hovered (bench->canvas,
                                        sign > 0 ? bench->country_a : bench->country_b);
      break;
    case SCENARIO_REDRAW:
      {
        guint n = chronicle_world_map_data_get_n_countries (
          chronicle_map_canvas_get_data (bench->canvas));

        for (guint c = 0; c < n; c++)
          bench->shades[c] = (c + bench->frame) % 6;
        chronicle_map_canvas_set_shades (bench->canvas, bench->shades);
      }
      break;
    }

  if (++bench->frame > WARMUP_FRAMES + MEASURED_FRAMES)
    {
      bench->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint i = (guint) (p / 100.0 * (sorted->len - 1) + 0.5);

  return g_array_index (sorted, double, MIN (i, sorted->len - 1));
}

static GHashTable *
counts (void)
{
  ChronicleWorldMapData *data = chronicle_world_map_data_get_default ();
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

  /* Every country has articles, in every shade. */
  for (guint c = 0; c < chronicle_world_map_data_get_n_countries (data); c++)
    g_hash_table_insert (table, (gpointer) chronicle_world_map_data_get_code (data, c),
                         GUINT_TO_POINTER ((c * 7919) % 5000));

  return table;
}

static gboolean first_run = TRUE;

static gboolean
run (Scenario scenario,
     int      width,
     int      height)
{
  g_autoptr(GHashTable) table = counts ();
  GtkWidget *window = gtk_window_new ();
  GdkFrameClock *clock;
  ChronicleWorldMapData *data;
  Bench bench = { 0 };
  gulong update_id, after_paint_id;
  gboolean within;

  bench.scenario = scenario;
  bench.samples = g_array_new (FALSE, FALSE, sizeof (double));
  bench.cpu_samples = g_array_new (FALSE, FALSE, sizeof (double));
  bench.map = CHRONICLE_WORLD_MAP (chronicle_world_map_new ());
  bench.canvas = CHRONICLE_MAP_CANVAS (gtk_widget_get_template_child (GTK_WIDGET (bench.map),
                                                                      CHRONICLE_TYPE_WORLD_MAP,
                                                                      "canvas"));
  data = chronicle_map_canvas_get_data (bench.canvas);
  bench.country_a = chronicle_world_map_data_find (data, "RU");
  bench.country_b = chronicle_world_map_data_find (data, "CA");
  chronicle_world_map_set_counts (bench.map, table);
  bench.zoom_step = 1.03;
  bench.shades = g_new0 (guint8, chronicle_world_map_data_get_n_countries (data));

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (bench.map));
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (bench.canvas)))
    g_main_context_iteration (NULL, TRUE);

  if (first_run)
    g_print ("Renderer: %s (GSK_RENDERER=%s); budget %.0f ms per frame (p95)\n",
             G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))),
             g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "unset", BUDGET_MS);
  first_run = FALSE;

  if (scenario == SCENARIO_PAN)
    chronicle_map_canvas_zoom_at (bench.canvas, 2.0, width / 2.0, height / 2.0);

  clock = gtk_widget_get_frame_clock (window);
  update_id = g_signal_connect (clock, "update", G_CALLBACK (update_cb), &bench);
  after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &bench);
  gtk_widget_add_tick_callback (GTK_WIDGET (bench.canvas), tick_cb, &bench, NULL);

  while (!bench.done)
    g_main_context_iteration (NULL, TRUE);

  g_signal_handler_disconnect (clock, update_id);
  g_signal_handler_disconnect (clock, after_paint_id);

  if (bench.samples->len == 0)
    {
      g_printerr ("No frames were painted\n");
      return FALSE;
    }
  g_array_sort (bench.samples, compare_double);
  g_array_sort (bench.cpu_samples, compare_double);
  g_print ("%-6s %4d×%-4d  %3u frames  wall p50 %5.1f  p95 %5.1f  p99 %5.1f  max %5.1f"
           "  │ cpu p50 %5.1f  p95 %5.1f  p99 %5.1f ms  %s\n",
           scenario_names[scenario],
           gtk_widget_get_width (GTK_WIDGET (bench.canvas)),
           gtk_widget_get_height (GTK_WIDGET (bench.canvas)),
           bench.samples->len,
           percentile (bench.samples, 50), percentile (bench.samples, 95),
           percentile (bench.samples, 99),
           g_array_index (bench.samples, double, bench.samples->len - 1),
           percentile (bench.cpu_samples, 50), percentile (bench.cpu_samples, 95),
           percentile (bench.cpu_samples, 99),
           percentile (bench.samples, 95) <= BUDGET_MS ? "within budget" : "over budget");
  within = percentile (bench.samples, 95) <= BUDGET_MS;

  g_array_unref (bench.samples);
  g_array_unref (bench.cpu_samples);
  g_free (bench.shades);
  gtk_window_destroy (GTK_WINDOW (window));
  return within;
}

int
main (int    argc,
      char **argv)
{
  static const int sizes[][2] = { { 1280, 720 }, { 1920, 1080 } };
  int only_scenario = -1, only_width = 0, only_height = 0;

  gtk_init ();
  adw_init ();
  chronicle_ui_init ();

  for (guint i = 0; argc > 1 && i < G_N_ELEMENTS (scenario_names); i++)
    if (g_str_equal (argv[1], scenario_names[i]))
      only_scenario = (int) i;
  if (argc > 2 && sscanf (argv[2], "%dx%d", &only_width, &only_height) != 2)
    only_width = only_height = 0;
  if (only_width > 0 && only_height > 0)
    {
      for (Scenario scenario = SCENARIO_PAN; scenario <= SCENARIO_REDRAW; scenario++)
        if (only_scenario < 0 || (int) scenario == only_scenario)
          run (scenario, only_width, only_height);
      return EXIT_SUCCESS;
    }

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (Scenario scenario = SCENARIO_PAN; scenario <= SCENARIO_REDRAW; scenario++)
      if (only_scenario < 0 || (int) scenario == only_scenario)
        run (scenario, sizes[s][0], sizes[s][1]);

  return EXIT_SUCCESS;
}
