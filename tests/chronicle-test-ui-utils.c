/* chronicle-test-ui-utils.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chronicle-test-ui-utils.h"

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  guint *remaining = user_data;

  if (*remaining > 0)
    (*remaining)--;

  return *remaining > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * chronicle_test_wait_for_frames:
 * @widget: a widget in a shown window
 * @n_frames: how many frames to wait for
 *
 * Spins the main loop until @widget is mapped and @n_frames frames have been
 * drawn, for at most 10 seconds (then the test fails).
 */
void
chronicle_test_wait_for_frames (GtkWidget *widget,
                                guint      n_frames)
{
  guint remaining = n_frames;
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (10, timeout_cb, &timed_out);

  while (!gtk_widget_get_mapped (widget) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  gtk_widget_add_tick_callback (widget, count_frame_cb, &remaining, NULL);
  while (remaining > 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (timeout_id);

  g_assert_false (timed_out);
}

/**
 * chronicle_test_render_to_png:
 * @widget: a mapped widget
 * @path: the PNG file to write
 * @error: return location for a #GError
 *
 * Renders @widget as it is on screen, so a person can look at it.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
chronicle_test_render_to_png (GtkWidget   *widget,
                              const char  *path,
                              GError     **error)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The widget has no size");
      return FALSE;
    }

  if (GTK_IS_NATIVE (widget))
    {
      /* A paintable of a toplevel draws nothing: run the window's own
       * snapshot, which draws its background and its children. */
      GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
    }
  else
    {
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
    }
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The widget drew nothing");
      return FALSE;
    }

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot write %s", path);
      return FALSE;
    }

  return TRUE;
}

/**
 * chronicle_test_output_path:
 * @name: a file name
 *
 * Returns: (transfer full): where a test keeps a file for people to look at:
 *   `$G_TEST_BUILDDIR/output/@name`
 */
char *
chronicle_test_output_path (const char *name)
{
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *dir = g_build_filename (builddir ? builddir : ".", "output", NULL);

  g_mkdir_with_parents (dir, 0755);
  return g_build_filename (dir, name, NULL);
}
