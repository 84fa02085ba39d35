/* model-test-props.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

/* Checks every writable property of @object: setting a new value notifies exactly
 * once and reads back; setting the same value again does not notify. */

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
make_other_value (GParamSpec *pspec,
                  GValue     *old,
                  GValue     *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (value, type);
  if (type == G_TYPE_STRING)
    g_value_take_string (value, g_strdup_printf ("%s-%s", g_value_get_string (old) ?: "x",
                                                 pspec->name));
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, !g_value_get_boolean (old));
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, g_value_get_int64 (old) + 1234567);
  else if (type == G_TYPE_UINT)
    g_value_set_uint (value, g_value_get_uint (old) + 7);
  else if (type == G_TYPE_STRV)
    {
      const char *strv[] = { "one", pspec->name, NULL };

      g_value_set_boxed (value, strv);
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *klass = g_type_class_peek (type);

      g_value_set_enum (value, klass->values[klass->n_values - 1].value);
      if (g_value_get_enum (value) == g_value_get_enum (old))
        g_value_set_enum (value, klass->values[0].value);
    }
  else
    g_assert_not_reached ();
}

static G_GNUC_UNUSED void
check_properties_notify (GObject *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  g_assert_cmpuint (n_pspecs, >, 0);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) old = G_VALUE_INIT;
      g_auto(GValue) value = G_VALUE_INIT;
      g_auto(GValue) read = G_VALUE_INIT;
      g_autofree char *signal = NULL;
      guint count = 0;
      gulong id;

      if (!(pspec->flags & G_PARAM_WRITABLE))
        continue;
      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);

      g_value_init (&old, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (object, pspec->name, &old);
      make_other_value (pspec, &old, &value);

      signal = g_strconcat ("notify::", pspec->name, NULL);
      id = g_signal_connect (object, signal, G_CALLBACK (count_notify_cb), &count);

      g_object_set_property (object, pspec->name, &value);
      g_assert_cmpuint (count, ==, 1);
      g_value_init (&read, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (object, pspec->name, &read);
      if (G_VALUE_HOLDS (&value, G_TYPE_STRV))
        g_assert_true (g_strv_equal (g_value_get_boxed (&read), g_value_get_boxed (&value)));
      else
        g_assert_cmpint (g_param_values_cmp (pspec, &read, &value), ==, 0);

      g_object_set_property (object, pspec->name, &value);
      g_assert_cmpuint (count, ==, 1);

      g_signal_handler_disconnect (object, id);
    }
}
