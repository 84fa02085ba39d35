/* chronicle-ui.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <adwaita.h>

#include "chronicle-ui-resources.h"
#include "chronicle-ui.h"

/**
 * chronicle_ui_init:
 *
 * Registers the UI resources (templates, styles, icons). Call it once before
 * creating any widget of this layer; the application and the widget tests do.
 */
void
chronicle_ui_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      GdkDisplay *display;

      chronicle_ui_register_resource ();

      /* The application finds these by its resource base path; widgets shown
       * without it (tests, previews) need them too. */
      display = gdk_display_get_default ();
      if (display != NULL)
        gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (display),
                                          RESOURCE_PREFIX "/icons");

      /* AdwApplication loads style.css by itself; widgets shown without it
       * (tests, previews) load it here. */
      if (display != NULL && g_application_get_default () == NULL)
        {
          g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

          gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
          gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                      GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
        }

      g_once_init_leave (&initialized, 1);
    }
}

static void
toggle_active_cb (GtkToggleButton *button)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_CHECKED,
                               gtk_toggle_button_get_active (button) ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                                                     : GTK_ACCESSIBLE_TRISTATE_FALSE,
                               -1);
}

/**
 * chronicle_ui_expose_toggle:
 * @button: a #GtkToggleButton whose #GtkAccessible:accessible-role is
 *   %GTK_ACCESSIBLE_ROLE_CHECKBOX (set in its template or at construction)
 *
 * GTK 4.8 shows a toggle button to assistive technologies as a push button that
 * is "pressed" only while active (there is no toggle-button role before 4.10),
 * so its off state cannot be told from a plain button. With the check box role,
 * this keeps the checked state, on and off, in step with the button.
 */
void
chronicle_ui_expose_toggle (GtkToggleButton *button)
{
  g_return_if_fail (GTK_IS_TOGGLE_BUTTON (button));

  g_signal_connect (button, "notify::active", G_CALLBACK (toggle_active_cb), NULL);
  toggle_active_cb (button);
}
