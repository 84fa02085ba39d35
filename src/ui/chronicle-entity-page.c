/* chronicle-entity-page.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * Everything Chronicle knows about one person, country, place or
 * organisation: its name, kind and country, the other names it was seen
 * under, how often and when it was in the news (the time ruler), who and what
 * is named with it (a click opens their page), and its latest articles.
 * The page asks the store itself; the window only says which entity to show
 * and listens for what the user wants next.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chronicle-country-names.h"
#include "chronicle-entity-corrections.h"
#include "chronicle-entity-page.h"
#include "chronicle-ui.h"
#include "chronicle-format.h"
#include "chronicle-profile.h"
#include "chronicle-time-ruler.h"

#define N_RELATED  6
#define N_ARTICLES 40
/* A sync stores in batches: one refresh after the last of them. */
#define REFRESH_DELAY_MS 400

struct _ChronicleEntityPage
{
  GtkWidget           parent_instance;

  ChronicleStore     *store;
  ChronicleEntity    *entity;
  GCancellable       *cancellable;
  ChronicleEntityKind kind;
  char               *name;
  guint               n_related;
  guint               n_articles;
  guint               pending;
  gint64              opened;          /* profiling: when show_entity was called */
  gboolean            refreshing;      /* reloading in place: keep the scroll and the focus */
  gboolean            stale;           /* the store changed while loading */
  guint               refresh_id;
  gulong              changed_id;
  guint               follow_writes;   /* Follow writes not landed yet */

  GtkStack           *stack;
  GtkScrolledWindow  *scroller;
  AdwStatusPage      *missing_page;
  AdwAvatar          *avatar;
  GtkLabel           *emblem_label;
  GtkLabel           *name_label;
  GtkLabel           *kind_label;
  GtkLabel           *aliases_label;
  GtkLabel           *count_label;
  GtkLabel           *span_label;
  GtkWidget          *filter_button;
  GtkToggleButton    *follow_button;
  GtkMenuButton      *corrections_button;
  GtkWidget          *merged_heading;
  GtkListBox         *merged_list;
  ChronicleTimeRuler *ruler;
  GtkWidget          *related_heading;
  GtkFlowBox         *related_box;
  GtkWidget          *articles_heading;
  GtkListBox         *articles_list;
};

G_DEFINE_FINAL_TYPE (ChronicleEntityPage, chronicle_entity_page, GTK_TYPE_WIDGET)

enum {
  ENTITY_ACTIVATED,
  FILTER_REQUESTED,
  ARTICLE_ACTIVATED,
  FOLLOW_TOGGLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static const char *
kind_title (ChronicleEntityKind kind)
{
  switch (kind)
    {
    case CHRONICLE_ENTITY_KIND_PERSON:
      return _("Person");
    case CHRONICLE_ENTITY_KIND_COUNTRY:
      return _("Country");
    case CHRONICLE_ENTITY_KIND_PLACE:
      return _("Place");
    case CHRONICLE_ENTITY_KIND_ORGANIZATION:
    default:
      return _("Organisation");
    }
}

static const char *
kind_icon (ChronicleEntityKind kind)
{
  switch (kind)
    {
    case CHRONICLE_ENTITY_KIND_PERSON:
      return "avatar-default-symbolic";
    case CHRONICLE_ENTITY_KIND_COUNTRY:
    case CHRONICLE_ENTITY_KIND_PLACE:
      return "mark-location-symbolic";
    case CHRONICLE_ENTITY_KIND_ORGANIZATION:
    default:
      return "system-users-symbolic";
    }
}

static const char *
kind_css (ChronicleEntityKind kind)
{
  switch (kind)
    {
    case CHRONICLE_ENTITY_KIND_PERSON:
      return "person";
    case CHRONICLE_ENTITY_KIND_COUNTRY:
      return "country";
    case CHRONICLE_ENTITY_KIND_PLACE:
      return "place";
    case CHRONICLE_ENTITY_KIND_ORGANIZATION:
    default:
      return "organization";
    }
}

/* The name to show: countries in the user's language when iso-codes has a
 * translation, else the name the news uses ("Russia", not "Russian
 * Federation"). */
static const char *
display_name (ChronicleEntity *entity)
{
  const char *code = chronicle_entity_get_country_code (entity);
  const char *local = code != NULL ? chronicle_country_get_name (code) : NULL;

  if (chronicle_entity_get_kind (entity) == CHRONICLE_ENTITY_KIND_COUNTRY && local != NULL
      && g_strcmp0 (local, chronicle_country_get_english_name (code)) != 0)
    return local;
  return chronicle_entity_get_name (entity);
}

static void set_follow (ChronicleEntityPage *self,
                        gboolean             follow);

static void
clear_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_flow_box_remove (GTK_FLOW_BOX (box), child);
    }
}

static void schedule_refresh (ChronicleEntityPage *self);

static void
finish_step (ChronicleEntityPage *self)
{
  g_assert (self->pending > 0);
  self->pending--;
  if (self->pending == 0)
    {
      self->refreshing = FALSE;
      if (self->stale)
        {
          self->stale = FALSE;
          schedule_refresh (self);
        }
    }
  /* CHRONICLE_PROFILE=1: from the click to the last answer (issue 7 budget: 200 ms). */
  if (self->pending == 0 && self->opened != 0)
    {
      chronicle_profile_report ("entity-page", (g_get_monotonic_time () - self->opened) / 1000.0,
                                "ms");
      self->opened = 0;
    }
}

static void
reset (ChronicleEntityPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->entity);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->pending = 0;
  self->refreshing = FALSE;
  self->stale = FALSE;
  self->n_related = 0;
  self->n_articles = 0;
  clear_children (GTK_WIDGET (self->related_box));
  clear_children (GTK_WIDGET (self->articles_list));
  clear_children (GTK_WIDGET (self->merged_list));
  gtk_widget_set_visible (self->merged_heading, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->merged_list), FALSE);
  chronicle_time_ruler_set_buckets (self->ruler, NULL, 0);
  gtk_widget_set_visible (self->related_heading, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->related_box), FALSE);
  gtk_widget_set_visible (self->articles_heading, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->articles_list), FALSE);
}

static void
show_header (ChronicleEntityPage *self)
{
  ChronicleEntity *entity = self->entity;
  ChronicleEntityKind kind = chronicle_entity_get_kind (entity);
  const char *code = chronicle_entity_get_country_code (entity);
  const char *const *aliases = chronicle_entity_get_aliases (entity);
  g_autofree char *flag = chronicle_format_flag (code);
  g_autofree char *subtitle = NULL;
  g_autofree char *count = NULL;
  guint n = chronicle_entity_get_mention_count (entity);

  for (guint k = 0; k < CHRONICLE_N_ENTITY_KINDS; k++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->emblem_label), kind_css (k));
  gtk_widget_add_css_class (GTK_WIDGET (self->emblem_label), kind_css (kind));
  /* Countries show their flag; people and the rest their initials. */
  gtk_label_set_label (self->emblem_label, flag != NULL ? flag : "");
  gtk_widget_set_visible (GTK_WIDGET (self->emblem_label),
                          flag != NULL && kind == CHRONICLE_ENTITY_KIND_COUNTRY);
  adw_avatar_set_text (self->avatar, display_name (entity));
  adw_avatar_set_icon_name (self->avatar, kind_icon (kind));
  adw_avatar_set_show_initials (self->avatar, kind == CHRONICLE_ENTITY_KIND_PERSON);
  gtk_widget_set_visible (GTK_WIDGET (self->avatar),
                          !gtk_widget_get_visible (GTK_WIDGET (self->emblem_label)));

  gtk_label_set_label (self->name_label, display_name (entity));
  if (code != NULL && kind != CHRONICLE_ENTITY_KIND_COUNTRY && chronicle_country_get_name (code))
    subtitle = g_strdup_printf ("%s · %s %s", kind_title (kind), flag ? flag : "",
                                chronicle_country_get_name (code));
  else
    subtitle = g_strdup (kind_title (kind));
  gtk_label_set_label (self->kind_label, subtitle);

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Named in %u article",
                                        "Named in %u articles", n), n);
  gtk_label_set_label (self->count_label, count);

  if (aliases != NULL && aliases[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) aliases);
      g_autofree char *text = g_strdup_printf (_("Also seen as %s"), joined);

      gtk_label_set_label (self->aliases_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->aliases_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->aliases_label), FALSE);

  {
    g_autoptr(GMenu) menu = g_menu_new ();

    g_menu_append (menu, _("_Rename…"), "entity.rename");
    g_menu_append (menu, _("_Merge Into…"), "entity.merge");
    g_menu_append (menu, chronicle_entity_corrections_stop_label (kind), "entity.stop");
    gtk_menu_button_set_menu_model (self->corrections_button, G_MENU_MODEL (menu));
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entity.rename", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entity.merge", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entity.stop", self->store != NULL);
}

static void
corrected_cb (ChronicleEntityKind  kind,
              const char          *name,
              GObject             *user_data)
{
  ChronicleEntityPage *self = CHRONICLE_ENTITY_PAGE (user_data);

  if (name != NULL)
    chronicle_entity_page_show_entity (self, kind, name);
  else
    chronicle_entity_page_show_entity (self, self->kind, self->name);
}

static void
split_clicked_cb (GtkButton           *button,
                  ChronicleEntityPage *self)
{
  ChronicleEntity *merged = g_object_get_data (G_OBJECT (button), "entity");

  if (self->entity != NULL && self->store != NULL)
    chronicle_entity_corrections_split (GTK_WIDGET (self), self->store, merged, self->entity,
                                        corrected_cb, G_OBJECT (self));
}

static void
add_merged (ChronicleEntityPage *self,
            ChronicleEntity     *merged)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *split = gtk_button_new_with_label (_("Split"));
  guint n = chronicle_entity_get_mention_count (merged);
  g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article",
                                                            "%u articles", n), n);
  g_autofree char *split_name = g_strdup_printf (_("Split %s"), chronicle_entity_get_name (merged));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), chronicle_entity_get_name (merged));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (split, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (split, _("Undo the merge: make it an entity of its own again"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (split), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  split_name, -1);
  g_object_set_data_full (G_OBJECT (split), "entity", g_object_ref (merged), g_object_unref);
  g_signal_connect_object (split, "clicked", G_CALLBACK (split_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), split);
  gtk_list_box_append (self->merged_list, row);
}

static void
related_clicked_cb (GtkButton           *button,
                    ChronicleEntityPage *self)
{
  g_signal_emit (self, signals[ENTITY_ACTIVATED], 0,
                 GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "entity-kind")),
                 g_object_get_data (G_OBJECT (button), "entity-name"));
}

static void
add_related (ChronicleEntityPage *self,
             ChronicleEntity     *entity)
{
  ChronicleEntityKind kind = chronicle_entity_get_kind (entity);
  g_autofree char *flag = chronicle_format_flag (chronicle_entity_get_country_code (entity));
  g_autofree char *count = g_strdup_printf ("%u", chronicle_entity_get_mention_count (entity));
  g_autofree char *a11y = NULL;
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (display_name (entity));
  GtkWidget *count_label = gtk_label_new (count);

  if (kind == CHRONICLE_ENTITY_KIND_COUNTRY && flag != NULL)
    gtk_box_append (GTK_BOX (box), gtk_label_new (flag));
  else
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (kind_icon (kind)));
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 24);
  gtk_box_append (GTK_BOX (box), name);
  gtk_widget_add_css_class (count_label, "dim-label");
  gtk_widget_add_css_class (count_label, "numeric");
  gtk_box_append (GTK_BOX (box), count_label);
  gtk_button_set_child (GTK_BUTTON (button), box);

  gtk_widget_add_css_class (button, "entity-chip");
  gtk_widget_add_css_class (button, kind_css (kind));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  a11y = g_strdup_printf (_("%s, %s, named together %s times"), display_name (entity),
                          kind_title (kind), count);
  gtk_widget_set_tooltip_text (button, a11y);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  display_name (entity), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, a11y,
                                  -1);
  g_object_set_data (G_OBJECT (button), "entity-kind", GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (button), "entity-name",
                          g_strdup (chronicle_entity_get_name (entity)), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (related_clicked_cb), self, 0);
  gtk_flow_box_append (self->related_box, button);
  self->n_related++;
}

static GtkWidget *
make_article_row (ChronicleArticle *article)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (chronicle_article_get_title (article));
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_local (chronicle_article_get_published (article));
  g_autofree char *when = date != NULL ? chronicle_format_date (date) : NULL;
  GtkWidget *meta = gtk_label_new (when);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  chronicle_article_get_title (article), -1);
  g_object_set_data_full (G_OBJECT (row), "article", g_object_ref (article), g_object_unref);
  return row;
}

/* A refresh rebuilds the lists; these find the user's place in them again. */

static gint64
row_article_id (GtkWidget *row)
{
  ChronicleArticle *article = row != NULL ? g_object_get_data (G_OBJECT (row), "article") : NULL;

  return article != NULL ? chronicle_article_get_id (article) : 0;
}

static GtkWidget *
focus_within (ChronicleEntityPage *self,
              GtkWidget           *container)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && (focus == container || gtk_widget_is_ancestor (focus, container)))
    return focus;
  return NULL;
}

static GtkAdjustment *
scroll_adjustment (ChronicleEntityPage *self)
{
  return gtk_scrolled_window_get_vadjustment (self->scroller);
}

/* Callbacks */

static void
articles_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ChronicleEntityPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  gboolean refreshing = self->refreshing;   /* finish_step() ends it */

  articles = chronicle_store_get_articles_finish (CHRONICLE_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  finish_step (self);
  if (articles == NULL)
    {
      g_debug ("Cannot load the entity's articles: %s", error->message);
      return;
    }

  if (refreshing)
    {
      double scroll = gtk_adjustment_get_value (scroll_adjustment (self));
      GtkWidget *focus = focus_within (self, GTK_WIDGET (self->articles_list));
      gint64 focus_id = 0;
      GtkWidget *focus_row = NULL;

      if (focus != NULL)
        focus_id = row_article_id (GTK_IS_LIST_BOX_ROW (focus)
                                     ? focus : gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW));
      clear_children (GTK_WIDGET (self->articles_list));
      for (guint i = 0; i < articles->len; i++)
        {
          ChronicleArticle *article = g_ptr_array_index (articles, i);
          GtkWidget *row = make_article_row (article);
          gint64 id = chronicle_article_get_id (article);

          gtk_list_box_append (self->articles_list, row);
          if (id != 0 && id == focus_id)
            focus_row = row;
        }
      if (focus_row != NULL)
        gtk_widget_grab_focus (focus_row);
      gtk_adjustment_set_value (scroll_adjustment (self), scroll);
    }
  else
    for (guint i = 0; i < articles->len; i++)
      gtk_list_box_append (self->articles_list, make_article_row (g_ptr_array_index (articles, i)));
  self->n_articles = articles->len;
  gtk_widget_set_visible (self->articles_heading, articles->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->articles_list), articles->len > 0);
}

static void
timeline_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ChronicleEntityPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  ids = chronicle_store_timeline_finish (CHRONICLE_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (ids == NULL || ids->len == 0)
    {
      if (ids == NULL)
        g_debug ("Cannot load the entity's timeline: %s", error->message);
      else if (self->refreshing)
        {
          clear_children (GTK_WIDGET (self->articles_list));
          self->n_articles = 0;
          gtk_widget_set_visible (self->articles_heading, FALSE);
          gtk_widget_set_visible (GTK_WIDGET (self->articles_list), FALSE);
        }
      finish_step (self);
      return;
    }

  chronicle_store_get_articles_async (self->store, (gint64 *) ids->data, ids->len,
                                      self->cancellable, articles_cb, g_object_ref (self));
}

static void
detail_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ChronicleEntityPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleEntityDetail) detail = NULL;
  g_autofree ChronicleRulerBucket *buckets = NULL;
  g_autofree char *focus_name = NULL;
  gint64 first = 0, last = 0;
  gboolean refreshing = self->refreshing;   /* finish_step() ends it */

  detail = chronicle_store_entity_detail_finish (CHRONICLE_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  finish_step (self);
  if (detail == NULL)
    {
      g_debug ("Cannot load the entity's details: %s", error->message);
      return;
    }

  /* The detail's entity carries the aliases and the article count. */
  g_set_object (&self->entity, detail->entity);
  show_header (self);

  buckets = g_new0 (ChronicleRulerBucket, detail->histogram->len + 1);
  for (guint i = 0; i < detail->histogram->len; i++)
    {
      ChronicleHistogramBin *bin = &g_array_index (detail->histogram, ChronicleHistogramBin, i);

      buckets[i].start = bin->start;
      buckets[i].count = bin->count;
      if (i == 0)
        first = bin->start;
      last = bin->start;
    }
  chronicle_time_ruler_set_buckets (self->ruler, buckets, detail->histogram->len);
  /* A refresh keeps the ruler where the user left it. */
  if (!refreshing)
    chronicle_time_ruler_zoom_to_fit (self->ruler);

  if (first != 0)
    {
      g_autoptr(GDateTime) a = g_date_time_new_from_unix_local (first);
      g_autoptr(GDateTime) b = g_date_time_new_from_unix_local (last);
      g_autofree char *from = chronicle_format_date (a);
      g_autofree char *to = chronicle_format_date (b);
      g_autofree char *span = g_strcmp0 (from, to) == 0
                                ? g_strdup (from)
                                : g_strdup_printf (_("From %s to %s"), from, to);

      gtk_label_set_label (self->span_label, span);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->span_label), first != 0);

  /* A refresh read before the user's last click landed would undo it on screen. */
  if (!refreshing || self->follow_writes == 0)
    set_follow (self, detail->followed);

  if (refreshing)
    {
      GtkWidget *focus = focus_within (self, GTK_WIDGET (self->related_box));
      GtkWidget *button = focus != NULL && !GTK_IS_FLOW_BOX_CHILD (focus)
                            ? (GTK_IS_BUTTON (focus) ? focus : gtk_widget_get_ancestor (focus, GTK_TYPE_BUTTON))
                            : NULL;

      g_free (focus_name);
      focus_name = button != NULL ? g_strdup (g_object_get_data (G_OBJECT (button), "entity-name"))
                                  : NULL;
      clear_children (GTK_WIDGET (self->related_box));
      clear_children (GTK_WIDGET (self->merged_list));
      self->n_related = 0;
    }

  /* People, countries, organisations, then places; most shared articles first. */
  {
    static const ChronicleEntityKind order[] = {
      CHRONICLE_ENTITY_KIND_PERSON, CHRONICLE_ENTITY_KIND_COUNTRY,
      CHRONICLE_ENTITY_KIND_ORGANIZATION, CHRONICLE_ENTITY_KIND_PLACE,
    };

    for (guint k = 0; k < G_N_ELEMENTS (order); k++)
      for (guint i = 0; i < detail->related->len; i++)
        {
          ChronicleEntity *related = g_ptr_array_index (detail->related, i);

          if (chronicle_entity_get_kind (related) == order[k])
            add_related (self, related);
        }
  }

  for (guint i = 0; detail->merged != NULL && i < detail->merged->len; i++)
    add_merged (self, g_ptr_array_index (detail->merged, i));
  gtk_widget_set_visible (self->merged_heading, detail->merged != NULL && detail->merged->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->merged_list),
                          detail->merged != NULL && detail->merged->len > 0);
  gtk_widget_set_visible (self->related_heading, self->n_related > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->related_box), self->n_related > 0);

  /* The keyboard stays on the related entity it was on. */
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->related_box));
       focus_name != NULL && c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (c));

      if (g_strcmp0 (g_object_get_data (G_OBJECT (button), "entity-name"), focus_name) == 0)
        {
          gtk_widget_grab_focus (button);
          break;
        }
    }
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ChronicleEntityPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleEntity) entity = NULL;
  g_autoptr(ChronicleQuery) all = chronicle_query_new ();
  g_autoptr(ChronicleQuery) query = NULL;
  const char *names[2] = { NULL, NULL };

  entity = chronicle_store_lookup_entity_finish (CHRONICLE_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (entity == NULL)
    {
      g_autofree char *description =
        g_strdup_printf (_("No article names “%s” any more."), self->name);

      finish_step (self);
      adw_status_page_set_description (self->missing_page, description);
      gtk_stack_set_visible_child_name (self->stack, "missing");
      return;
    }

  g_set_object (&self->entity, entity);
  show_header (self);
  gtk_stack_set_visible_child_name (self->stack, "entity");

  /* Two more answers to come, counted before this one ends (a refresh lasts
   * until the last). */
  self->pending += 2;
  finish_step (self);
  chronicle_store_entity_detail_async (self->store, chronicle_entity_get_id (entity),
                                       CHRONICLE_GRANULARITY_DAY, N_RELATED, self->cancellable,
                                       detail_cb, g_object_ref (self));
  names[0] = chronicle_entity_get_name (entity);
  query = chronicle_query_with_entities (all, chronicle_entity_get_kind (entity), names);
  chronicle_store_timeline_async (self->store, query, N_ARTICLES, self->cancellable,
                                  timeline_cb, g_object_ref (self));
}

static void
article_row_activated_cb (GtkListBox          *list,
                          GtkListBoxRow       *row,
                          ChronicleEntityPage *self)
{
  g_signal_emit (self, signals[ARTICLE_ACTIVATED], 0, g_object_get_data (G_OBJECT (row), "article"));
}

static void
filter_clicked_cb (ChronicleEntityPage *self)
{
  if (self->name != NULL)
    g_signal_emit (self, signals[FILTER_REQUESTED], 0, self->kind, self->name);
}

static void
followed_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ChronicleEntityPage) self = user_data;
  g_autoptr(GError) error = NULL;

  self->follow_writes--;
  if (!chronicle_store_set_followed_finish (CHRONICLE_STORE (object), result, &error))
    g_warning ("Cannot follow: %s", error->message);
}

static void
follow_toggled_cb (ChronicleEntityPage *self)
{
  gboolean active = gtk_toggle_button_get_active (self->follow_button);

  gtk_button_set_label (GTK_BUTTON (self->follow_button), active ? _("Following") : _("Follow"));
  if (active)
    gtk_widget_add_css_class (GTK_WIDGET (self->follow_button), "suggested-action");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->follow_button), "suggested-action");
  if (self->entity == NULL)
    return;

  if (self->store != NULL)
    {
      self->follow_writes++;
      chronicle_store_set_followed_async (self->store, chronicle_entity_get_id (self->entity),
                                          active, NULL, followed_cb, g_object_ref (self));
    }
  g_signal_emit (self, signals[FOLLOW_TOGGLED], 0, self->entity, active);
}

/* Shows the stored state without writing it back. */
static void
set_follow (ChronicleEntityPage *self,
            gboolean             follow)
{
  ChronicleEntity *entity = g_steal_pointer (&self->entity);

  gtk_toggle_button_set_active (self->follow_button, follow);
  follow_toggled_cb (self);
  self->entity = entity;
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ChronicleEntityPage *self = CHRONICLE_ENTITY_PAGE (widget);

  if (self->entity != NULL && self->store != NULL)
    chronicle_entity_corrections_rename (widget, self->store, self->entity, corrected_cb,
                                         G_OBJECT (self));
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ChronicleEntityPage *self = CHRONICLE_ENTITY_PAGE (widget);

  if (self->entity != NULL && self->store != NULL)
    chronicle_entity_corrections_merge (widget, self->store, self->entity, corrected_cb,
                                        G_OBJECT (self));
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ChronicleEntityPage *self = CHRONICLE_ENTITY_PAGE (widget);

  if (self->entity != NULL && self->store != NULL)
    chronicle_entity_corrections_stop (widget, self->store, self->entity, corrected_cb,
                                       G_OBJECT (self));
}

/* Refresh after a sync */

static void
refresh (ChronicleEntityPage *self)
{
  if (self->store == NULL || self->name == NULL)
    return;
  /* Still loading: once more when that is done. */
  if (self->pending > 0)
    {
      self->stale = TRUE;
      return;
    }

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->refreshing = TRUE;
  self->opened = 0;
  self->pending = 1;
  chronicle_store_lookup_entity_async (self->store, self->kind, self->name, self->cancellable,
                                       lookup_cb, g_object_ref (self));
}

static gboolean
refresh_timeout_cb (gpointer data)
{
  ChronicleEntityPage *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (ChronicleEntityPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_timeout_cb, self);
}

static void
store_changed_cb (ChronicleStore       *store,
                  ChronicleStoreChange  what,
                  GArray               *ids,
                  ChronicleEntityPage  *self)
{
  if ((what & (CHRONICLE_STORE_CHANGE_ARTICLES_ADDED | CHRONICLE_STORE_CHANGE_ARTICLES_UPDATED
               | CHRONICLE_STORE_CHANGE_ARTICLES_REMOVED | CHRONICLE_STORE_CHANGE_ENTITIES)) == 0)
    return;
  if (self->name != NULL)
    schedule_refresh (self);
}

/* Overrides */

static void
chronicle_entity_page_dispose (GObject *object)
{
  ChronicleEntityPage *self = CHRONICLE_ENTITY_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONICLE_TYPE_ENTITY_PAGE);
  g_clear_object (&self->entity);
  g_clear_object (&self->store);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (chronicle_entity_page_parent_class)->dispose (object);
}

static void
chronicle_entity_page_class_init (ChronicleEntityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chronicle_entity_page_dispose;

  /**
   * ChronicleEntityPage::entity-activated:
   * @self: the page
   * @kind: a #ChronicleEntityKind
   * @name: the entity's name
   *
   * A related entity was clicked: show its page.
   */
  signals[ENTITY_ACTIVATED] =
    g_signal_new ("entity-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_STRING);

  /**
   * ChronicleEntityPage::filter-requested:
   * @self: the page
   * @kind: a #ChronicleEntityKind
   * @name: the entity's name
   *
   * "Show in Timeline": filter the timeline by the entity.
   */
  signals[FILTER_REQUESTED] =
    g_signal_new ("filter-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_STRING);

  /**
   * ChronicleEntityPage::article-activated:
   * @self: the page
   * @article: one of the entity's articles
   */
  signals[ARTICLE_ACTIVATED] =
    g_signal_new ("article-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, CHRONICLE_TYPE_ARTICLE);

  /**
   * ChronicleEntityPage::follow-toggled:
   * @self: the page
   * @entity: the entity
   * @follow: whether the user now follows it
   */
  signals[FOLLOW_TOGGLED] =
    g_signal_new ("follow-toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, CHRONICLE_TYPE_ENTITY, G_TYPE_BOOLEAN);

  g_type_ensure (CHRONICLE_TYPE_TIME_RULER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/chronicle-entity-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronicleEntityPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEntityPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEntityPage, missing_page);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEntityPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEntityPage, emblem_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEntityPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEntityPage, kind_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEntityPage, aliases_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEntityPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEntityPage, span_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEntityPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEntityPage, follow_button);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEntityPage, corrections_button);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEntityPage, merged_heading);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEntityPage, merged_list);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEntityPage, ruler);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEntityPage, related_heading);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEntityPage, related_box);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEntityPage, articles_heading);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEntityPage, articles_list);
  gtk_widget_class_bind_template_callback (widget_class, article_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, follow_toggled_cb);

  gtk_widget_class_install_action (widget_class, "entity.rename", NULL, rename_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "entity.rename", NULL);
  gtk_widget_class_install_action (widget_class, "entity.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "entity.stop", NULL, stop_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "entitypage");
}

static void
chronicle_entity_page_init (ChronicleEntityPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  chronicle_ui_expose_toggle (self->follow_button);
  reset (self);
}

/* Public API */

/**
 * chronicle_entity_page_new:
 *
 * Returns: (transfer floating): an empty entity page
 */
GtkWidget *
chronicle_entity_page_new (void)
{
  return g_object_new (CHRONICLE_TYPE_ENTITY_PAGE, NULL);
}

/**
 * chronicle_entity_page_set_store:
 * @self: a #ChronicleEntityPage
 * @store: (nullable): where entities are looked up
 */
void
chronicle_entity_page_set_store (ChronicleEntityPage *self,
                                 ChronicleStore      *store)
{
  g_return_if_fail (CHRONICLE_IS_ENTITY_PAGE (self));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  /* New articles (a sync), removed ones, corrections: the page follows. */
  if (store != NULL)
    self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
}

/**
 * chronicle_entity_page_refresh:
 * @self: a #ChronicleEntityPage
 *
 * Reloads the entity shown (its counts, names, histogram, related entities and
 * articles) in place, keeping the scroll position and the keyboard focus (the
 * article or related entity it was on; the lists have no other selection). The page does this by itself shortly after the store changes
 * (a sync); this is for doing it now.
 */
void
chronicle_entity_page_refresh (ChronicleEntityPage *self)
{
  g_return_if_fail (CHRONICLE_IS_ENTITY_PAGE (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh (self);
}

/**
 * chronicle_entity_page_show_entity:
 * @self: a #ChronicleEntityPage
 * @kind: what the entity is
 * @name: its canonical name
 *
 * Loads and shows the entity. The header comes first, then its histogram,
 * its related entities and its articles as the store answers.
 */
void
chronicle_entity_page_show_entity (ChronicleEntityPage *self,
                                   ChronicleEntityKind  kind,
                                   const char          *name)
{
  char *name_copy;

  g_return_if_fail (CHRONICLE_IS_ENTITY_PAGE (self));
  g_return_if_fail (name != NULL);

  /* @name may be self->name (showing the same entity again). */
  name_copy = g_strdup (name);
  reset (self);
  self->kind = kind;
  g_free (self->name);
  self->name = name_copy;
  name = name_copy;

  /* Until the store answers: the name as given. */
  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->kind_label, kind_title (kind));
  gtk_label_set_label (self->count_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->aliases_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->span_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->emblem_label), FALSE);
  adw_avatar_set_text (self->avatar, name);
  adw_avatar_set_icon_name (self->avatar, kind_icon (kind));
  adw_avatar_set_show_initials (self->avatar, kind == CHRONICLE_ENTITY_KIND_PERSON);
  gtk_widget_set_visible (GTK_WIDGET (self->avatar), TRUE);
  set_follow (self, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "entity");

  if (self->store == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  self->pending = 1;
  self->opened = g_get_monotonic_time ();
  chronicle_store_lookup_entity_async (self->store, kind, name, self->cancellable, lookup_cb,
                                       g_object_ref (self));
}

/**
 * chronicle_entity_page_get_entity:
 * @self: a #ChronicleEntityPage
 *
 * Returns: (transfer none) (nullable): the entity shown, once the store found it
 */
ChronicleEntity *
chronicle_entity_page_get_entity (ChronicleEntityPage *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ENTITY_PAGE (self), NULL);

  return self->entity;
}

/**
 * chronicle_entity_page_is_loading:
 * @self: a #ChronicleEntityPage
 *
 * Returns: whether the store has not answered everything yet
 */
gboolean
chronicle_entity_page_is_loading (ChronicleEntityPage *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ENTITY_PAGE (self), FALSE);

  return self->pending > 0;
}

/**
 * chronicle_entity_page_get_n_related:
 * @self: a #ChronicleEntityPage
 *
 * Returns: how many related entities are shown
 */
guint
chronicle_entity_page_get_n_related (ChronicleEntityPage *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ENTITY_PAGE (self), 0);

  return self->n_related;
}

/**
 * chronicle_entity_page_get_n_articles:
 * @self: a #ChronicleEntityPage
 *
 * Returns: how many articles are listed
 */
guint
chronicle_entity_page_get_n_articles (ChronicleEntityPage *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ENTITY_PAGE (self), 0);

  return self->n_articles;
}

/**
 * chronicle_entity_page_activate_related:
 * @self: a #ChronicleEntityPage
 * @index: which related entity, most frequent first
 *
 * Clicks a related entity's button (for tests and keyboard shortcuts).
 */
void
chronicle_entity_page_activate_related (ChronicleEntityPage *self,
                                        guint                index)
{
  GtkFlowBoxChild *child;

  g_return_if_fail (CHRONICLE_IS_ENTITY_PAGE (self));

  child = gtk_flow_box_get_child_at_index (self->related_box, index);
  if (child != NULL)
    g_signal_emit_by_name (gtk_flow_box_child_get_child (child), "clicked");
}
