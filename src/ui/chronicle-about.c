/* chronicle-about.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-about.h"

/* Every piece of third-party data Chronicle bundles is listed in
 * data/attributions.ini, one group each, and shown as a legal section here. */
static void
add_attributions (AdwAboutWindow *about)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) groups = NULL;

  bytes = g_resources_lookup_data (RESOURCE_PREFIX "/attributions.ini",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL ||
      !g_key_file_load_from_bytes (keyfile, bytes, G_KEY_FILE_NONE, &error))
    {
      g_critical ("Cannot read the data attributions: %s", error->message);
      return;
    }

  groups = g_key_file_get_groups (keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *title = g_key_file_get_locale_string (keyfile, groups[i], "title",
                                                             NULL, NULL);
      g_autofree char *copyright = g_key_file_get_string (keyfile, groups[i], "copyright",
                                                          NULL);
      g_autofree char *license = g_key_file_get_string (keyfile, groups[i], "license", NULL);

      adw_about_window_add_legal_section (about, title ? title : groups[i], copyright,
                                          GTK_LICENSE_CUSTOM, license);
    }
}

/**
 * chronicle_about_new:
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer full): the About window, with credits and data attributions
 */
GtkWidget *
chronicle_about_new (GtkWindow *parent)
{
  static const char *developers[] = { "The Chronicle authors", NULL };
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  g_object_set (about,
                "transient-for", parent,
                "application-name", _("Chronicle"),
                "application-icon", BASE_APP_ID,
                "version", PACKAGE_VERSION,
                "developer-name", _("The Chronicle authors"),
                "developers", developers,
                "copyright", "© 2026 The Chronicle authors",
                "license-type", GTK_LICENSE_GPL_3_0,
                "website", "https://github.com/chronicle-news/chronicle",
                "issue-url", "https://github.com/chronicle-news/chronicle/issues",
                /* Translators: put your names here, one per line */
                "translator-credits", _("translator-credits"),
                NULL);
  add_attributions (about);

  return GTK_WIDGET (about);
}

/**
 * chronicle_about_present:
 * @parent: (nullable): the window it belongs to
 *
 * Shows the About window.
 */
void
chronicle_about_present (GtkWindow *parent)
{
  gtk_window_present (GTK_WINDOW (chronicle_about_new (parent)));
}
