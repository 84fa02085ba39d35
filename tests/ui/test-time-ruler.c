/* test-time-ruler.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "chronicle-test-ui-utils.h"
#include "chronicle-time-ruler-private.h"
#include "chronicle-ui.h"

static gint64
local_date (const char *text)
{
  g_autofree char *iso = g_strdup_printf ("%sT00:00:00", text);
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, tz);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

static gint64
local_noon (const char *text)
{
  return local_date (text) + 12 * 3600;
}

static GStrv
data_lines (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ui", name, NULL);
  g_autofree char *contents = NULL;
  GPtrArray *lines = g_ptr_array_new ();
  g_auto(GStrv) all = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  all = g_strsplit (contents, "\n", -1);
  for (guint i = 0; all[i] != NULL; i++)
    if (all[i][0] != '#' && all[i][0] != '\0')
      g_ptr_array_add (lines, g_strdup (all[i]));
  g_ptr_array_add (lines, NULL);

  return (GStrv) g_ptr_array_free (lines, FALSE);
}

static GStrv
fields_of (const char *line)
{
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_split (spaces, line, 0);
}

static void
load_days (ChronicleTimeRuler *ruler)
{
  g_auto(GStrv) lines = data_lines ("ruler-days.txt");
  g_autoptr(GArray) published = g_array_new (FALSE, FALSE, sizeof (ChronicleRulerBucket));
  g_autoptr(GArray) reported = g_array_new (FALSE, FALSE, sizeof (ChronicleRulerBucket));

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = fields_of (lines[i]);
      ChronicleRulerBucket p = { local_date (f[0]), atoi (f[1]) };
      ChronicleRulerBucket r = { local_date (f[0]), atoi (f[2]) };

      g_array_append_val (published, p);
      if (r.count > 0)
        g_array_append_val (reported, r);
    }

  chronicle_time_ruler_set_buckets (ruler, (ChronicleRulerBucket *) published->data, published->len);
  chronicle_time_ruler_set_reported_buckets (ruler, (ChronicleRulerBucket *) reported->data,
                                             reported->len);
}

static ChronicleRulerZoom
zoom_of (const char *nick)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (CHRONICLE_TYPE_RULER_ZOOM);
  GEnumValue *value = g_enum_get_value_by_nick (klass, nick);

  g_assert_nonnull (value);
  return value->value;
}

static void
test_buckets (void)
{
  static const char *const times[] = {
    "2015-12-15T00:00:00", "2015-12-15T23:59:59", "2016-02-29T12:00:00",
    "2026-03-29T02:30:00+00:00", "2026-10-25T02:30:00+01:00", "1970-01-01T00:00:00",
    "1969-12-31T23:00:00", "2004-11-24T18:00:00",
  };
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();

  for (ChronicleRulerZoom zoom = CHRONICLE_RULER_ZOOM_DAY; zoom <= CHRONICLE_RULER_ZOOM_YEAR; zoom++)
    for (guint i = 0; i < G_N_ELEMENTS (times); i++)
      {
        g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (times[i], tz);
        g_autoptr(GDateTime) start_dt = NULL;
        gint64 t = g_date_time_to_unix (dt);
        gint64 index = chronicle_ruler_zoom_bucket_index (zoom, t);
        gint64 start = chronicle_ruler_zoom_bucket_start (zoom, index);
        gint64 next = chronicle_ruler_zoom_bucket_start (zoom, index + 1);

        g_assert_cmpint (start, <=, t);
        g_assert_cmpint (t, <, next);
        g_assert_cmpint (chronicle_ruler_zoom_bucket_index (zoom, start), ==, index);
        g_assert_cmpint (chronicle_ruler_zoom_bucket_index (zoom, next), ==, index + 1);

        /* Every bucket starts at local midnight; weeks on Monday. */
        start_dt = g_date_time_new_from_unix_local (start);
        g_assert_cmpint (g_date_time_get_hour (start_dt), ==, 0);
        g_assert_cmpint (g_date_time_get_minute (start_dt), ==, 0);
        if (zoom == CHRONICLE_RULER_ZOOM_WEEK)
          g_assert_cmpint (g_date_time_get_day_of_week (start_dt), ==, 1);
        if (zoom >= CHRONICLE_RULER_ZOOM_MONTH)
          g_assert_cmpint (g_date_time_get_day_of_month (start_dt), ==, 1);
        if (zoom == CHRONICLE_RULER_ZOOM_YEAR)
          g_assert_cmpint (g_date_time_get_month (start_dt), ==, 1);
      }

  g_assert_cmpint (chronicle_ruler_zoom_bucket_index (CHRONICLE_RULER_ZOOM_MONTH,
                                                      local_noon ("2015-12-15")),
                   ==, 2015 * 12 + 11);
  g_assert_cmpint (chronicle_ruler_zoom_bucket_index (CHRONICLE_RULER_ZOOM_YEAR,
                                                      local_noon ("2015-12-15")),
                   ==, 2015);
  /* Summer-time days are 23 and 25 hours long. */
  g_assert_cmpint (chronicle_ruler_zoom_bucket_start (CHRONICLE_RULER_ZOOM_DAY,
      chronicle_ruler_zoom_bucket_index (CHRONICLE_RULER_ZOOM_DAY, local_noon ("2026-03-29")) + 1)
                   - local_date ("2026-03-29"), ==, 23 * 3600);
}

static void
test_aggregation (void)
{
  ChronicleTimeRuler *ruler = CHRONICLE_TIME_RULER (g_object_ref_sink (chronicle_time_ruler_new ()));
  g_auto(GStrv) lines = data_lines ("ruler-expected.txt");

  load_days (ruler);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = fields_of (lines[i]);
      ChronicleRulerZoom zoom = zoom_of (f[0]);
      guint reported = G_MAXUINT;

      chronicle_time_ruler_set_zoom (ruler, zoom);
      g_assert_cmpint (chronicle_time_ruler_get_zoom (ruler), ==, zoom);
      g_assert_cmpint (chronicle_ruler_zoom_bucket_start (zoom,
                         chronicle_ruler_zoom_bucket_index (zoom, local_noon (f[1]))),
                       ==, local_date (f[2]));
      g_assert_cmpuint (chronicle_time_ruler_count_at (ruler, local_noon (f[1]), &reported), ==,
                        atoi (f[3]));
      g_assert_cmpuint (reported, ==, atoi (f[4]));
    }

  g_object_unref (ruler);
}

typedef struct
{
  guint  activated;
  guint  selected;
  gint64 start;
  gint64 end;
} Received;

static void
date_activated_cb (ChronicleTimeRuler *ruler,
                   gint64              start,
                   gint64              end,
                   Received           *received)
{
  received->activated++;
  received->start = start;
  received->end = end;
}

static void
range_selected_cb (ChronicleTimeRuler *ruler,
                   gint64              start,
                   gint64              end,
                   Received           *received)
{
  received->selected++;
  received->start = start;
  received->end = end;
}

static GtkWindow *
show_ruler (ChronicleTimeRuler *ruler,
            int                 width)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, 80);
  gtk_window_set_child (window, GTK_WIDGET (ruler));
  gtk_window_present (window);
  chronicle_test_wait_for_frames (GTK_WIDGET (ruler), 3);
  /* The style sheet gives the ruler a small margin. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (ruler)), >=, width - 16);

  return window;
}

static void
test_pointer (void)
{
  ChronicleTimeRuler *ruler = CHRONICLE_TIME_RULER (chronicle_time_ruler_new ());
  GtkWindow *window;
  Received received = { 0 };
  double x, x2;
  gint64 start, end;
  g_autofree char *png = NULL;
  g_autoptr(GError) error = NULL;

  load_days (ruler);
  chronicle_time_ruler_set_zoom (ruler, CHRONICLE_RULER_ZOOM_DAY);
  chronicle_time_ruler_set_position (ruler, local_noon ("2015-12-15"));
  g_signal_connect (ruler, "date-activated", G_CALLBACK (date_activated_cb), &received);
  g_signal_connect (ruler, "range-selected", G_CALLBACK (range_selected_cb), &received);
  window = show_ruler (ruler, 600);

  /* The marked position is in view, and x ↔ date agree. */
  x = chronicle_time_ruler_x_for_date (ruler, local_noon ("2015-12-15"));
  g_assert_cmpfloat (x, >, 0);
  g_assert_cmpfloat (x, <, 600);
  g_assert_cmpint (chronicle_time_ruler_date_at_x (ruler, x), ==, local_date ("2015-12-15"));

  /* A click on the bar of 15 December asks to go to that day. */
  _chronicle_time_ruler_click (ruler, x);
  g_assert_cmpuint (received.activated, ==, 1);
  g_assert_cmpint (received.start, ==, local_date ("2015-12-15"));
  g_assert_cmpint (received.end, ==, local_date ("2015-12-16"));

  /* A drag from 7 to 15 December (either way) selects those nine days. */
  x2 = chronicle_time_ruler_x_for_date (ruler, local_noon ("2015-12-07"));
  _chronicle_time_ruler_drag (ruler, x, x2);
  g_assert_cmpuint (received.selected, ==, 1);
  g_assert_cmpint (received.start, ==, local_date ("2015-12-07"));
  g_assert_cmpint (received.end, ==, local_date ("2015-12-16"));
  g_assert_true (chronicle_time_ruler_get_selection (ruler, &start, &end));
  g_assert_cmpint (start, ==, local_date ("2015-12-07"));
  g_assert_cmpint (end, ==, local_date ("2015-12-16"));

  chronicle_test_wait_for_frames (GTK_WIDGET (ruler), 2);
  png = chronicle_test_output_path ("time-ruler-days.png");
  g_assert_true (chronicle_test_render_to_png (GTK_WIDGET (ruler), png, &error));
  g_assert_no_error (error);

  /* Ctrl+scroll up zooms in around the pointer: the date under it stays. */
  chronicle_time_ruler_set_zoom (ruler, CHRONICLE_RULER_ZOOM_MONTH);
  x = chronicle_time_ruler_x_for_date (ruler, local_noon ("2015-12-15"));
  _chronicle_time_ruler_scroll (ruler, x, -1, TRUE);
  g_assert_cmpint (chronicle_time_ruler_get_zoom (ruler), ==, CHRONICLE_RULER_ZOOM_WEEK);
  g_assert_cmpfloat (ABS (chronicle_time_ruler_x_for_date (ruler, local_noon ("2015-12-15")) - x),
                     <, 2);
  _chronicle_time_ruler_scroll (ruler, x, 1, TRUE);
  _chronicle_time_ruler_scroll (ruler, x, 1, TRUE);
  g_assert_cmpint (chronicle_time_ruler_get_zoom (ruler), ==, CHRONICLE_RULER_ZOOM_YEAR);
  _chronicle_time_ruler_scroll (ruler, x, 1, TRUE);
  g_assert_cmpint (chronicle_time_ruler_get_zoom (ruler), ==, CHRONICLE_RULER_ZOOM_YEAR);
  g_assert_false (chronicle_time_ruler_zoom_out (ruler));
  g_assert_true (chronicle_time_ruler_zoom_in (ruler));
  g_assert_cmpint (chronicle_time_ruler_get_zoom (ruler), ==, CHRONICLE_RULER_ZOOM_MONTH);

  /* The keyboard zooms too when the ruler has focus. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ruler), "ruler.zoom-in", NULL));
  g_assert_cmpint (chronicle_time_ruler_get_zoom (ruler), ==, CHRONICLE_RULER_ZOOM_WEEK);

  /* A plain scroll pans: the same date moves. */
  chronicle_time_ruler_set_zoom (ruler, CHRONICLE_RULER_ZOOM_DAY);
  x = chronicle_time_ruler_x_for_date (ruler, local_noon ("2015-12-15"));
  _chronicle_time_ruler_scroll (ruler, 300, -2, FALSE);
  g_assert_cmpfloat (chronicle_time_ruler_x_for_date (ruler, local_noon ("2015-12-15")), >, x + 10);

  /* The marker follows the list: a far position scrolls into view. */
  chronicle_time_ruler_set_position (ruler, local_noon ("2015-11-30"));
  x = chronicle_time_ruler_x_for_date (ruler, local_noon ("2015-11-30"));
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (x, <=, 600);

  gtk_window_destroy (window);
}

static void
test_render_zooms (void)
{
  for (ChronicleRulerZoom zoom = CHRONICLE_RULER_ZOOM_DAY; zoom <= CHRONICLE_RULER_ZOOM_YEAR; zoom++)
    {
      ChronicleTimeRuler *ruler = CHRONICLE_TIME_RULER (chronicle_time_ruler_new ());
      g_autoptr(GEnumClass) klass = g_type_class_ref (CHRONICLE_TYPE_RULER_ZOOM);
      g_autofree char *name = g_strdup_printf ("time-ruler-%s.png",
                                               g_enum_get_value (klass, zoom)->value_nick);
      g_autofree char *png = chronicle_test_output_path (name);
      g_autoptr(GError) error = NULL;
      GtkWindow *window;

      load_days (ruler);
      chronicle_time_ruler_set_zoom (ruler, zoom);
      window = show_ruler (ruler, 480);
      g_assert_true (chronicle_test_render_to_png (GTK_WIDGET (ruler), png, &error));
      g_assert_no_error (error);
      gtk_window_destroy (window);
    }
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  chronicle_ui_init ();

  g_test_add_func ("/ui/time-ruler/buckets", test_buckets);
  g_test_add_func ("/ui/time-ruler/aggregation", test_aggregation);
  g_test_add_func ("/ui/time-ruler/pointer", test_pointer);
  g_test_add_func ("/ui/time-ruler/render-zooms", test_render_zooms);

  return g_test_run ();
}
