/* chronicle-profile.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * With CHRONICLE_PROFILE=1 in the environment the window reports what it
 * costs, one line each on stderr, for scripts to read:
 *
 *   PROFILE first-frame 212.4 ms      launch (process start) to the first painted frame
 *   PROFILE filter-update 18.2 ms     a query change to its first page shown (each change)
 *   PROFILE frame-p50 1.9 ms          per-frame work (before-paint to after-paint),
 *   PROFILE frame-p95 6.3 ms            over every frame the window drew,
 *   PROFILE frame-max 14.0 ms           reported when the window closes
 *   PROFILE frame-cpu-p95 4.1 ms      the same in main-thread CPU time (robust to a busy machine)
 *   PROFILE frames 1234 count
 *   PROFILE rss 84.1 MB               resident memory when the window closes
 *   PROFILE rss-peak 90.3 MB          its peak over the process lifetime
 *   PROFILE long-frame@5123 74.0 ms   a frame over 50 ms, and when (ms since start)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "chronicle-profile.h"

typedef struct
{
  GArray *frame_ms;          /* double */
  GArray *frame_cpu_ms;      /* double: CPU time of the main thread in the frame */
  gint64  frame_start;
  gint64  frame_cpu_start;
  gulong  before_paint_id;
  gulong  after_paint_id;
  gboolean first_frame_seen;
  GdkFrameClock *clock;
} WindowProfile;

static gint64 start_us = -1;

/* CPU time of the calling thread: unlike wall time, it does not grow when
 * other processes compete for the CPU. */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
    return 0;
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* When the process started, in g_get_monotonic_time() units, from
 * /proc/self/stat (boot-relative clock ticks) — so the launch includes the
 * dynamic linker and GTK's own start-up. Falls back to "now". */
static gint64
process_start_monotonic (void)
{
  g_autofree char *stat = NULL;
  const char *p;
  unsigned long long start_ticks = 0;
  struct timespec boot, mono;
  long hz = sysconf (_SC_CLK_TCK);
  int field = 2;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) || hz <= 0)
    return g_get_monotonic_time ();

  /* Field 2 is "(comm)", which may contain spaces: start after its ')'. */
  p = strrchr (stat, ')');
  if (p == NULL)
    return g_get_monotonic_time ();
  for (p++; *p != '\0' && field < 22; p++)
    if (*p == ' ')
      field++;
  if (sscanf (p, "%llu", &start_ticks) != 1)
    return g_get_monotonic_time ();

  if (clock_gettime (CLOCK_BOOTTIME, &boot) != 0 || clock_gettime (CLOCK_MONOTONIC, &mono) != 0)
    return g_get_monotonic_time ();

  {
    gint64 boot_us = (gint64) boot.tv_sec * G_USEC_PER_SEC + boot.tv_nsec / 1000;
    gint64 mono_us = (gint64) mono.tv_sec * G_USEC_PER_SEC + mono.tv_nsec / 1000;
    gint64 started_boot_us = (gint64) (start_ticks * G_USEC_PER_SEC / (unsigned long long) hz);
    gint64 age = boot_us - started_boot_us;

    /* Ticks are 10 ms; never claim a start in the future or hours ago. */
    if (age < 0 || age > 60 * G_USEC_PER_SEC)
      return g_get_monotonic_time ();
    return mono_us - age;
  }
}

/**
 * chronicle_profile_enabled:
 *
 * Returns: %TRUE when CHRONICLE_PROFILE is set to something other than "0"
 */
gboolean
chronicle_profile_enabled (void)
{
  static int enabled = -1;

  if (enabled < 0)
    {
      const char *value = g_getenv ("CHRONICLE_PROFILE");
      enabled = value != NULL && *value != '\0' && g_strcmp0 (value, "0") != 0;
    }

  return enabled;
}

/**
 * chronicle_profile_start:
 *
 * Records when the process started; call it once, early.
 */
void
chronicle_profile_start (void)
{
  if (start_us < 0)
    start_us = process_start_monotonic ();
}

/**
 * chronicle_profile_since_start:
 *
 * Returns: microseconds since the process started
 */
gint64
chronicle_profile_since_start (void)
{
  chronicle_profile_start ();
  return g_get_monotonic_time () - start_us;
}

/**
 * chronicle_profile_report:
 * @name: what was measured, e.g. "filter-update"
 * @value: the measurement
 * @unit: its unit: "ms", "MB", "count"
 *
 * Prints `PROFILE name value unit` to stderr when profiling is enabled.
 */
void
chronicle_profile_report (const char *name,
                          double      value,
                          const char *unit)
{
  if (!chronicle_profile_enabled ())
    return;

  fprintf (stderr, "PROFILE %s %.1f %s\n", name, value, unit);
  fflush (stderr);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

/**
 * chronicle_profile_percentile:
 * @samples: (element-type double): samples; sorted in place
 * @percentile: 0 to 100
 *
 * Returns: the nearest-rank percentile of @samples, 0 when there are none
 */
double
chronicle_profile_percentile (GArray *samples,
                              double  percentile)
{
  guint rank;

  if (samples == NULL || samples->len == 0)
    return 0;

  g_array_sort (samples, compare_doubles);
  rank = (guint) (percentile / 100.0 * samples->len + 0.999999);
  rank = CLAMP (rank, 1, samples->len);

  return g_array_index (samples, double, rank - 1);
}

static gsize
read_status_kib (const char *key)
{
  g_autofree char *status = NULL;
  const char *line;
  gsize key_len = strlen (key);

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;

  for (line = status; line != NULL && *line != '\0'; line = strchr (line, '\n'))
    {
      if (*line == '\n')
        line++;
      if (strncmp (line, key, key_len) == 0 && line[key_len] == ':')
        return (gsize) g_ascii_strtoull (line + key_len + 1, NULL, 10);
    }

  return 0;
}

/**
 * chronicle_profile_rss_kib:
 *
 * Returns: the resident memory of the process in KiB (0 if unknown)
 */
gsize
chronicle_profile_rss_kib (void)
{
  return read_status_kib ("VmRSS");
}

static void
before_paint_cb (GdkFrameClock *clock,
                 WindowProfile *profile)
{
  profile->frame_start = g_get_monotonic_time ();
  profile->frame_cpu_start = thread_cpu_us ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                WindowProfile *profile)
{
  double ms, cpu_ms;

  if (profile->frame_start == 0)
    return;

  ms = (g_get_monotonic_time () - profile->frame_start) / 1000.0;
  cpu_ms = (thread_cpu_us () - profile->frame_cpu_start) / 1000.0;
  profile->frame_start = 0;

  if (!profile->first_frame_seen)
    {
      /* The first frame is start-up, not scrolling: report it on its own. */
      profile->first_frame_seen = TRUE;
      chronicle_profile_report ("first-frame", chronicle_profile_since_start () / 1000.0, "ms");
      return;
    }

  g_array_append_val (profile->frame_ms, ms);
  g_array_append_val (profile->frame_cpu_ms, cpu_ms);

  /* Frames a person would notice, with when they happened (ms since start). */
  if (ms > 50)
    {
      g_autofree char *name = g_strdup_printf ("long-frame@%.0f",
                                               chronicle_profile_since_start () / 1000.0);
      chronicle_profile_report (name, ms, "ms");
      g_free (name);
      name = g_strdup_printf ("long-frame-cpu@%.0f", chronicle_profile_since_start () / 1000.0);
      chronicle_profile_report (name, cpu_ms, "ms");
    }
}

static void
disconnect_clock (WindowProfile *profile)
{
  if (profile->clock == NULL)
    return;

  g_clear_signal_handler (&profile->before_paint_id, profile->clock);
  g_clear_signal_handler (&profile->after_paint_id, profile->clock);
  g_clear_object (&profile->clock);
}

static void
report_frames (WindowProfile *profile)
{
  if (profile->frame_ms == NULL)
    return;

  chronicle_profile_report ("frames", profile->frame_ms->len, "count");
  chronicle_profile_report ("frame-p50", chronicle_profile_percentile (profile->frame_ms, 50), "ms");
  chronicle_profile_report ("frame-p95", chronicle_profile_percentile (profile->frame_ms, 95), "ms");
  chronicle_profile_report ("frame-max", chronicle_profile_percentile (profile->frame_ms, 100),
                            "ms");
  chronicle_profile_report ("frame-cpu-p50",
                            chronicle_profile_percentile (profile->frame_cpu_ms, 50), "ms");
  chronicle_profile_report ("frame-cpu-p95",
                            chronicle_profile_percentile (profile->frame_cpu_ms, 95), "ms");
  chronicle_profile_report ("frame-cpu-max",
                            chronicle_profile_percentile (profile->frame_cpu_ms, 100), "ms");
  chronicle_profile_report ("rss", chronicle_profile_rss_kib () / 1024.0, "MB");
  chronicle_profile_report ("rss-peak", read_status_kib ("VmHWM") / 1024.0, "MB");

  g_clear_pointer (&profile->frame_ms, g_array_unref);
  g_clear_pointer (&profile->frame_cpu_ms, g_array_unref);
}

static void
window_profile_free (gpointer data)
{
  WindowProfile *profile = data;

  disconnect_clock (profile);
  report_frames (profile);
  g_free (profile);
}

static void
realize_cb (GtkWidget     *widget,
            WindowProfile *profile)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  disconnect_clock (profile);
  if (clock == NULL)
    return;

  profile->clock = g_object_ref (clock);
  profile->before_paint_id = g_signal_connect (clock, "before-paint",
                                               G_CALLBACK (before_paint_cb), profile);
  profile->after_paint_id = g_signal_connect (clock, "after-paint",
                                              G_CALLBACK (after_paint_cb), profile);
}

static void
unrealize_cb (GtkWidget     *widget,
              WindowProfile *profile)
{
  disconnect_clock (profile);
  report_frames (profile);
}

/**
 * chronicle_profile_watch_window:
 * @window: the main window, not yet realized
 *
 * When profiling is enabled, reports its first frame and, when it closes,
 * the distribution of its frame times and the memory in use.
 */
void
chronicle_profile_watch_window (GtkWindow *window)
{
  WindowProfile *profile;

  g_return_if_fail (GTK_IS_WINDOW (window));

  if (!chronicle_profile_enabled ())
    return;

  chronicle_profile_start ();

  profile = g_new0 (WindowProfile, 1);
  profile->frame_ms = g_array_sized_new (FALSE, FALSE, sizeof (double), 1024);
  profile->frame_cpu_ms = g_array_sized_new (FALSE, FALSE, sizeof (double), 1024);
  g_object_set_data_full (G_OBJECT (window), "chronicle-profile", profile, window_profile_free);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), profile);
  g_signal_connect (window, "unrealize", G_CALLBACK (unrealize_cb), profile);
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    realize_cb (GTK_WIDGET (window), profile);
}
