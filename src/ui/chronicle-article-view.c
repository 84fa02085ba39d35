/* chronicle-article-view.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * The right pane: one article as text (never as remote HTML). Title, source,
 * author, date ("date inferred" when it was), the people, countries, places
 * and organisations as chips, the body with entity mentions, dates and
 * search matches marked and clickable, the dates the article mentions with
 * what they refer to, and the other articles of the same event.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "chronicle-article-view.h"
#include "chronicle-format.h"
#include "chronicle-mention.h"
#include "chronicle-time-mention.h"

struct _ChronicleArticleView
{
  GtkWidget          parent_instance;

  ChronicleArticle  *article;
  GPtrArray         *mentions;        /* ChronicleMention, offsets into the body */
  GPtrArray         *time_mentions;   /* ChronicleTimeMention, offsets into the body */
  char              *search;
  guint              body_offset;     /* characters of "title\n" before the body */

  GtkScrolledWindow *scrolled_window;
  GtkLabel          *meta_label;
  GtkLabel          *title_label;
  GtkLabel          *author_label;
  GtkWidget         *inferred_label;
  GtkFlowBox        *entities_box;
  GtkTextView       *body_view;
  GtkLabel          *tags_label;
  GtkLabel          *rights_label;
  GtkWidget         *dates_group;
  GtkListBox        *dates_list;
  GtkWidget         *related_group;
  GtkListBox        *related_list;
};

static void fill_tags_and_rights (ChronicleArticleView *self,
                                  ChronicleArticle     *article);

G_DEFINE_FINAL_TYPE (ChronicleArticleView, chronicle_article_view, GTK_TYPE_WIDGET)

enum {
  ENTITY_ACTIVATED,
  DATE_ACTIVATED,
  ARTICLE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const kind_classes[] = { "person", "country", "place", "organization" };

static char *
describe_period (const ChronicleTimeMention *m)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_unix_local (m->start);

  switch (m->granularity)
    {
    case CHRONICLE_GRANULARITY_DAY:
      {
        g_autofree char *date = chronicle_format_date (start);
        g_autofree char *weekday = g_date_time_format (start, "%A");
        /* Translators: a mentioned day, e.g. "Friday, 1 January 2016" */
        return g_strdup_printf (_("%s, %s"), weekday, date);
      }
    case CHRONICLE_GRANULARITY_WEEK:
      {
        g_autofree char *date = chronicle_format_date (start);
        /* Translators: a mentioned week, %s is the date of its Monday */
        return g_strdup_printf (_("Week of %s"), date);
      }
    case CHRONICLE_GRANULARITY_MONTH:
      /* xgettext:no-c-format */
      return g_date_time_format (start, C_("mentioned month", "%OB %Y"));
    case CHRONICLE_GRANULARITY_QUARTER:
      /* Translators: a quarter, e.g. "Q1 2016" */
      return g_strdup_printf (_("Q%d %d"), (g_date_time_get_month (start) - 1) / 3 + 1,
                              g_date_time_get_year (start));
    case CHRONICLE_GRANULARITY_YEAR:
      return g_date_time_format (start, "%Y");
    case CHRONICLE_GRANULARITY_DECADE:
      /* Translators: a decade, e.g. "the 1990s" */
      return g_strdup_printf (_("the %ds"), g_date_time_get_year (start));
    case CHRONICLE_GRANULARITY_CENTURY:
    default:
      return g_date_time_format (start, "%Y");
    }
}

/* The sentence around a mention, trimmed to a readable width. */
static char *
context_of (const char *body,
            guint       start,
            guint       end)
{
  glong n = g_utf8_strlen (body, -1);
  glong from = MAX (0, (glong) start - 50), to = MIN (n, (glong) end + 50);
  const char *a, *b;
  g_autofree char *slice = NULL;

  if (start >= n)
    return g_strdup ("");

  for (glong i = start; i > from; i--)
    {
      gunichar c = g_utf8_get_char (g_utf8_offset_to_pointer (body, i - 1));
      if (c == '\n' || ((c == '.' || c == '!' || c == '?') && i < (glong) start - 1))
        {
          from = i;
          break;
        }
    }
  for (glong i = end; i < to; i++)
    {
      gunichar c = g_utf8_get_char (g_utf8_offset_to_pointer (body, i));
      if (c == '\n' || c == '.' || c == '!' || c == '?')
        {
          to = i + (c != '\n');
          break;
        }
    }

  /* Start and end on word boundaries. */
  if (from > 0)
    for (glong i = from; i < (glong) start; i++)
      if (g_unichar_isspace (g_utf8_get_char (g_utf8_offset_to_pointer (body, i))))
        {
          from = i + 1;
          break;
        }
  if (to < n && !g_unichar_ispunct (g_utf8_get_char (g_utf8_offset_to_pointer (body, to - 1))))
    for (glong i = to; i > (glong) end; i--)
      if (g_unichar_isspace (g_utf8_get_char (g_utf8_offset_to_pointer (body, i))))
        {
          to = i;
          break;
        }

  a = g_utf8_offset_to_pointer (body, from);
  b = g_utf8_offset_to_pointer (body, to);
  slice = g_strstrip (g_strndup (a, b - a));
  g_strdelimit (slice, "\n\t", ' ');

  return g_strdup_printf ("%s%s%s", from > 0 ? "…" : "", slice, to < n ? "…" : "");
}

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
clear_flow_box (GtkFlowBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_flow_box_remove (box, child);
}

static void
entity_clicked_cb (GtkButton            *button,
                   ChronicleArticleView *self)
{
  g_signal_emit (self, signals[ENTITY_ACTIVATED], 0,
                 GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "entity-kind")),
                 g_object_get_data (G_OBJECT (button), "entity-name"));
}

static void
fill_entities (ChronicleArticleView *self)
{
  /* Countries, people, places, organisations: in that order, each once. */
  static const ChronicleEntityKind order[] = {
    CHRONICLE_ENTITY_KIND_COUNTRY, CHRONICLE_ENTITY_KIND_PERSON,
    CHRONICLE_ENTITY_KIND_PLACE, CHRONICLE_ENTITY_KIND_ORGANIZATION,
  };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = 0;

  clear_flow_box (self->entities_box);

  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    for (guint i = 0; self->mentions != NULL && i < self->mentions->len; i++)
      {
        const ChronicleMention *m = g_ptr_array_index (self->mentions, i);
        g_autofree char *key = NULL;
        g_autofree char *label = NULL;
        g_autofree char *accessible = NULL;
        GtkWidget *button;

        if (m->entity_kind != order[k] || m->entity_name == NULL)
          continue;
        key = g_strdup_printf ("%d:%s", m->entity_kind, m->entity_name);
        if (g_hash_table_contains (seen, key))
          continue;
        g_hash_table_add (seen, g_steal_pointer (&key));

        if (m->entity_kind == CHRONICLE_ENTITY_KIND_COUNTRY)
          {
            g_autofree char *flag = chronicle_format_flag (m->country_code);
            label = flag ? g_strdup_printf ("%s %s", flag, m->entity_name) : g_strdup (m->entity_name);
          }
        else
          label = g_strdup (m->entity_name);

        button = gtk_button_new_with_label (label);
        gtk_widget_add_css_class (button, "entity-chip");
        gtk_widget_add_css_class (button, kind_classes[m->entity_kind]);
        gtk_widget_set_halign (button, GTK_ALIGN_START);
        /* Translators: a button on an entity chip (opens its page); %s is a person, country, … */
        accessible = g_strdup_printf (_("Open %s"), m->entity_name);
        gtk_widget_set_tooltip_text (button, accessible);
        gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        accessible, -1);
        g_object_set_data (G_OBJECT (button), "entity-kind", GINT_TO_POINTER (m->entity_kind));
        g_object_set_data_full (G_OBJECT (button), "entity-name", g_strdup (m->entity_name), g_free);
        g_signal_connect (button, "clicked", G_CALLBACK (entity_clicked_cb), self);
        gtk_flow_box_append (self->entities_box, button);
        n++;
      }

  gtk_widget_set_visible (GTK_WIDGET (self->entities_box), n > 0);
}

static void
date_row_activated_cb (GtkListBox           *list,
                       GtkListBoxRow        *row,
                       ChronicleArticleView *self)
{
  const ChronicleTimeMention *m = g_object_get_data (G_OBJECT (row), "time-mention");

  if (m != NULL)
    g_signal_emit (self, signals[DATE_ACTIVATED], 0, m->start, m->end);
}

static int
compare_time_mentions (gconstpointer a,
                       gconstpointer b)
{
  const ChronicleTimeMention *ma = *(ChronicleTimeMention **) a;
  const ChronicleTimeMention *mb = *(ChronicleTimeMention **) b;

  return (ma->start > mb->start) - (ma->start < mb->start);
}

static void
fill_dates (ChronicleArticleView *self,
            const char           *body)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint n = 0;

  clear_list_box (self->dates_list);

  for (guint i = 0; self->time_mentions != NULL && i < self->time_mentions->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (self->time_mentions, i));
  g_ptr_array_sort (sorted, compare_time_mentions);

  for (guint i = 0; i < sorted->len; i++)
    {
      const ChronicleTimeMention *m = g_ptr_array_index (sorted, i);
      g_autofree char *title = describe_period (m);
      g_autofree char *context = NULL;
      g_autofree char *escaped = NULL;
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%d", m->start, m->granularity);
      GtkWidget *row;

      if (g_hash_table_contains (seen, key))
        continue;
      g_hash_table_add (seen, g_steal_pointer (&key));

      context = context_of (body, m->offset_start, m->offset_end);
      escaped = g_markup_escape_text (context, -1);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "time-mention", chronicle_time_mention_copy (m),
                              (GDestroyNotify) chronicle_time_mention_free);

      if (m->start > now || m->relation == CHRONICLE_TIME_RELATION_FUTURE)
        {
          GtkWidget *tag = gtk_label_new (m->start > now ? _("Upcoming") : _("Was upcoming"));

          gtk_widget_set_tooltip_text (tag, m->start > now
                                            ? _("This date is still ahead")
                                            : _("This was ahead when the article was published"));
          gtk_widget_add_css_class (tag, "caption");
          gtk_widget_add_css_class (tag, m->start > now ? "upcoming" : "dim-label");
          gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->dates_list, row);
      n++;
    }

  gtk_widget_set_visible (self->dates_group, n > 0);
}

static void
mark_body (ChronicleArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  g_auto(GStrv) terms = chronicle_format_search_terms (self->search);
  GtkTextIter start, end;
  glong n_chars;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_all_tags (buffer, &start, &end);
  n_chars = gtk_text_buffer_get_char_count (buffer);

  for (guint i = 0; self->mentions != NULL && i < self->mentions->len; i++)
    {
      const ChronicleMention *m = g_ptr_array_index (self->mentions, i);

      if (m->end <= m->start || m->end > n_chars || m->entity_kind >= G_N_ELEMENTS (kind_classes))
        continue;
      gtk_text_buffer_get_iter_at_offset (buffer, &start, m->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, m->end);
      gtk_text_buffer_apply_tag_by_name (buffer, kind_classes[m->entity_kind], &start, &end);
    }

  for (guint i = 0; self->time_mentions != NULL && i < self->time_mentions->len; i++)
    {
      const ChronicleTimeMention *m = g_ptr_array_index (self->time_mentions, i);

      if (m->offset_end <= m->offset_start || m->offset_end > n_chars)
        continue;
      gtk_text_buffer_get_iter_at_offset (buffer, &start, m->offset_start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, m->offset_end);
      gtk_text_buffer_apply_tag_by_name (buffer, "date", &start, &end);
    }

  for (guint i = 0; terms[i] != NULL; i++)
    {
      GtkTextIter from;

      gtk_text_buffer_get_start_iter (buffer, &from);
      while (gtk_text_iter_forward_search (&from, terms[i], GTK_TEXT_SEARCH_CASE_INSENSITIVE
                                                              | GTK_TEXT_SEARCH_TEXT_ONLY,
                                           &start, &end, NULL))
        {
          if (gtk_text_iter_starts_word (&start))
            gtk_text_buffer_apply_tag_by_name (buffer, "match", &start, &end);
          from = end;
        }
    }
}

static void
body_released_cb (GtkGestureClick      *gesture,
                  int                   n_press,
                  double                x,
                  double                y,
                  ChronicleArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter iter, sel_start, sel_end;
  int bx, by;

  /* A drag that selected text is not a click. */
  if (gtk_text_buffer_get_selection_bounds (buffer, &sel_start, &sel_end))
    return;

  gtk_text_view_window_to_buffer_coords (self->body_view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y,
                                         &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->body_view, &iter, bx, by))
    return;

  chronicle_article_view_activate_offset (self, gtk_text_iter_get_offset (&iter));
}

static void
body_motion_cb (GtkEventControllerMotion *motion,
                double                    x,
                double                    y,
                ChronicleArticleView     *self)
{
  GtkTextIter iter;
  gboolean link = FALSE;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (self->body_view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y,
                                         &bx, &by);
  if (gtk_text_view_get_iter_at_location (self->body_view, &iter, bx, by))
    {
      g_autoptr(GSList) tags = gtk_text_iter_get_tags (&iter);

      for (GSList *l = tags; l != NULL && !link; l = l->next)
        {
          g_autofree char *name = NULL;

          g_object_get (l->data, "name", &name, NULL);
          link = g_strcmp0 (name, "match") != 0;
        }
    }

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->body_view), link ? "pointer" : "text");
}

static GtkWidget *
create_related_row (gpointer item,
                    gpointer user_data)
{
  ChronicleArticle *article = item;
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GDateTime) published = g_date_time_new_from_unix_local (chronicle_article_get_published (article));
  g_autofree char *date = chronicle_format_date (published);
  g_autofree char *title = g_markup_escape_text (chronicle_article_get_title (article)
                                                   ? chronicle_article_get_title (article) : "", -1);
  g_autofree char *subtitle = NULL;
  const char *source = chronicle_article_get_source_title (article);

  subtitle = g_markup_printf_escaped ("%s%s%s", source ? source : "", source ? " · " : "", date);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "article", g_object_ref (article), g_object_unref);

  return row;
}

static void
related_row_activated_cb (GtkListBox           *list,
                          GtkListBoxRow        *row,
                          ChronicleArticleView *self)
{
  ChronicleArticle *article = g_object_get_data (G_OBJECT (row), "article");

  if (article != NULL)
    g_signal_emit (self, signals[ARTICLE_ACTIVATED], 0, article);
}

static void
chronicle_article_view_dispose (GObject *object)
{
  ChronicleArticleView *self = CHRONICLE_ARTICLE_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONICLE_TYPE_ARTICLE_VIEW);
  /* Unnamed template children are not cleared by dispose_template in GTK 4.8. */
  while (gtk_widget_get_first_child (GTK_WIDGET (self)) != NULL)
    gtk_widget_unparent (gtk_widget_get_first_child (GTK_WIDGET (self)));
  g_clear_object (&self->article);
  g_clear_pointer (&self->mentions, g_ptr_array_unref);
  g_clear_pointer (&self->time_mentions, g_ptr_array_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (chronicle_article_view_parent_class)->dispose (object);
}

static void
chronicle_article_view_class_init (ChronicleArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chronicle_article_view_dispose;

  /**
   * ChronicleArticleView::entity-activated:
   * @self: the view
   * @kind: a #ChronicleEntityKind
   * @name: the entity's canonical name
   *
   * The user clicked a person, country, place or organisation.
   */
  signals[ENTITY_ACTIVATED] =
    g_signal_new ("entity-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_STRING);

  /**
   * ChronicleArticleView::date-activated:
   * @self: the view
   * @start: the start of the mentioned period (Unix time)
   * @end: its end, exclusive
   *
   * The user clicked a date the article mentions.
   */
  signals[DATE_ACTIVATED] =
    g_signal_new ("date-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  /**
   * ChronicleArticleView::article-activated:
   * @self: the view
   * @article: another article of the same event
   */
  signals[ARTICLE_ACTIVATED] =
    g_signal_new ("article-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, CHRONICLE_TYPE_ARTICLE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/chronicle-article-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronicleArticleView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, ChronicleArticleView, meta_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleArticleView, title_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleArticleView, author_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleArticleView, inferred_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleArticleView, entities_box);
  gtk_widget_class_bind_template_child (widget_class, ChronicleArticleView, body_view);
  gtk_widget_class_bind_template_child (widget_class, ChronicleArticleView, tags_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleArticleView, rights_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleArticleView, dates_group);
  gtk_widget_class_bind_template_child (widget_class, ChronicleArticleView, dates_list);
  gtk_widget_class_bind_template_child (widget_class, ChronicleArticleView, related_group);
  gtk_widget_class_bind_template_child (widget_class, ChronicleArticleView, related_list);
  gtk_widget_class_bind_template_callback (widget_class, date_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, related_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, body_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, body_motion_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "articleview");
}

static void
chronicle_article_view_init (ChronicleArticleView *self)
{
  GtkTextBuffer *buffer;
  GdkRGBA color;

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (self->body_view);
  gtk_text_buffer_create_tag (buffer, "person", "underline", PANGO_UNDERLINE_SINGLE,
                              "foreground", "#9141ac", NULL);
  gtk_text_buffer_create_tag (buffer, "country", "underline", PANGO_UNDERLINE_SINGLE,
                              "foreground", "#1c71d8", NULL);
  gtk_text_buffer_create_tag (buffer, "place", "underline", PANGO_UNDERLINE_SINGLE,
                              "foreground", "#26a269", NULL);
  gtk_text_buffer_create_tag (buffer, "organization", "underline", PANGO_UNDERLINE_SINGLE,
                              "foreground", "#c64600", NULL);
  gtk_text_buffer_create_tag (buffer, "date", "underline", PANGO_UNDERLINE_DOUBLE,
                              "weight", PANGO_WEIGHT_SEMIBOLD, NULL);
  gdk_rgba_parse (&color, "rgba(246,211,45,0.5)");
  gtk_text_buffer_create_tag (buffer, "match", "background-rgba", &color, NULL);
}

/**
 * chronicle_article_view_new:
 *
 * Returns: (transfer floating): an empty article view
 */
GtkWidget *
chronicle_article_view_new (void)
{
  return g_object_new (CHRONICLE_TYPE_ARTICLE_VIEW, NULL);
}

/**
 * chronicle_article_view_get_article:
 * @self: a #ChronicleArticleView
 *
 * Returns: (transfer none) (nullable): the article shown
 */
ChronicleArticle *
chronicle_article_view_get_article (ChronicleArticleView *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE_VIEW (self), NULL);

  return self->article;
}

static GPtrArray *
shift_mentions (GPtrArray *mentions,
                guint      shift,
                gboolean   time)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (time ? (GDestroyNotify) chronicle_time_mention_free
                                                        : (GDestroyNotify) chronicle_mention_free);

  for (guint i = 0; mentions != NULL && i < mentions->len; i++)
    {
      if (time)
        {
          ChronicleTimeMention *m = chronicle_time_mention_copy (g_ptr_array_index (mentions, i));

          if (m->offset_start < shift)
            {
              chronicle_time_mention_free (m);
              continue;
            }
          m->offset_start -= shift;
          m->offset_end -= shift;
          g_ptr_array_add (out, m);
        }
      else
        {
          ChronicleMention *m = chronicle_mention_copy (g_ptr_array_index (mentions, i));

          /* Mentions in the title are shown as chips all the same. */
          if (m->start < shift)
            m->start = m->end = 0;
          else
            {
              m->start -= shift;
              m->end -= shift;
            }
          g_ptr_array_add (out, m);
        }
    }

  return out;
}

/**
 * chronicle_article_view_set_article:
 * @self: a #ChronicleArticleView
 * @article: (nullable): the article
 * @mentions: (nullable) (element-type ChronicleMention): its entity mentions,
 *   offsets into chronicle_article_dup_text(); %NULL uses the article's own
 * @time_mentions: (nullable) (element-type ChronicleTimeMention): the dates
 *   it mentions, offsets as for @mentions; %NULL uses the article's own
 */
void
chronicle_article_view_set_article (ChronicleArticleView *self,
                                    ChronicleArticle     *article,
                                    GPtrArray            *mentions,
                                    GPtrArray            *time_mentions)
{
  const char *title, *author, *source, *body;
  g_autoptr(GDateTime) published = NULL;
  g_autoptr(GString) meta = g_string_new (NULL);

  g_return_if_fail (CHRONICLE_IS_ARTICLE_VIEW (self));
  g_return_if_fail (article == NULL || CHRONICLE_IS_ARTICLE (article));

  g_set_object (&self->article, article);
  g_clear_pointer (&self->mentions, g_ptr_array_unref);
  g_clear_pointer (&self->time_mentions, g_ptr_array_unref);
  chronicle_article_view_set_related (self, NULL);

  if (article == NULL)
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), "", 0);
      return;
    }

  title = chronicle_article_get_title (article);
  author = chronicle_article_get_author (article);
  source = chronicle_article_get_source_title (article);
  body = chronicle_article_get_body (article);
  if (body == NULL || *body == '\0')
    body = chronicle_article_get_summary (article);
  if (body == NULL)
    body = "";

  self->body_offset = g_utf8_strlen (title ? title : "", -1) + 1;
  self->mentions = shift_mentions (mentions ? mentions : chronicle_article_get_mentions (article),
                                   self->body_offset, FALSE);
  self->time_mentions = shift_mentions (time_mentions ? time_mentions
                                                      : chronicle_article_get_time_mentions (article),
                                        self->body_offset, TRUE);

  if (source != NULL && *source != '\0')
    g_string_append (meta, source);
  if (chronicle_article_get_published (article) > 0)
    {
      g_autofree char *date = NULL;
      g_autofree char *time = NULL;

      published = g_date_time_new_from_unix_local (chronicle_article_get_published (article));
      date = chronicle_format_date (published);
      if (meta->len > 0)
        g_string_append (meta, " · ");
      g_string_append (meta, date);
      if (chronicle_format_has_time (chronicle_article_get_published (article)))
        {
          time = chronicle_format_time (published);
          g_string_append_printf (meta, ", %s", time);
        }
    }
  gtk_label_set_text (self->meta_label, meta->str);
  gtk_label_set_text (self->title_label, title ? title : _("Untitled"));
  gtk_widget_set_visible (self->inferred_label, chronicle_article_get_published_inferred (article));

  if (author != NULL && *author != '\0')
    {
      /* Translators: the author line of an article */
      g_autofree char *by = g_strdup_printf (_("By %s"), author);
      gtk_label_set_text (self->author_label, by);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->author_label), author != NULL && *author != '\0');

  /* Text with blank lines between paragraphs needs no extra spacing. */
  gtk_text_view_set_pixels_below_lines (self->body_view, strstr (body, "\n\n") ? 0 : 10);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), body, -1);
  mark_body (self);
  fill_entities (self);
  fill_dates (self, body);
  fill_tags_and_rights (self, article);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

/* Under the text, small and dim, only when the source gave them: the keyword tags,
 * then the licence and the credit line it asks for. */
static void
fill_tags_and_rights (ChronicleArticleView *self,
                      ChronicleArticle     *article)
{
  const char * const *tags = chronicle_article_get_tags (article);
  const char *license = chronicle_article_get_license (article);
  const char *attribution = chronicle_article_get_attribution (article);
  g_autoptr(GString) rights = g_string_new (NULL);

  if (tags != NULL && tags[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (" · ", (char **) tags);
      /* Translators: the keyword tags of an article, e.g. "Tags: Russia · Syria" */
      g_autofree char *text = g_strdup_printf (_("Tags: %s"), joined);

      gtk_label_set_text (self->tags_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->tags_label), tags != NULL && tags[0] != NULL);

  if (license != NULL && *license != '\0')
    /* Translators: the licence (or copyright line) of an article's text */
    g_string_append_printf (rights, _("Licence: %s"), license);
  /* The credit line usually names the licence too: then it says it all. */
  if (attribution != NULL && *attribution != '\0')
    {
      if (rights->len > 0 && license != NULL && strstr (attribution, license) != NULL)
        g_string_truncate (rights, 0);
      if (rights->len > 0)
        g_string_append_c (rights, '\n');
      /* Translators: the credit line an article's licence asks for */
      g_string_append_printf (rights, _("Source: %s"), attribution);
    }
  gtk_label_set_text (self->rights_label, rights->str);
  gtk_widget_set_visible (GTK_WIDGET (self->rights_label), rights->len > 0);
}

/**
 * chronicle_article_view_get_tags_text:
 * @self: a #ChronicleArticleView
 *
 * Returns: (nullable): the tags line under the text, %NULL when there is none
 */
const char *
chronicle_article_view_get_tags_text (ChronicleArticleView *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE_VIEW (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->tags_label)))
    return NULL;
  return gtk_label_get_text (self->tags_label);
}

/**
 * chronicle_article_view_get_rights_text:
 * @self: a #ChronicleArticleView
 *
 * Returns: (nullable): the licence and attribution under the text, %NULL when the
 *   source gave neither
 */
const char *
chronicle_article_view_get_rights_text (ChronicleArticleView *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE_VIEW (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->rights_label)))
    return NULL;
  return gtk_label_get_text (self->rights_label);
}

/**
 * chronicle_article_view_set_related:
 * @self: a #ChronicleArticleView
 * @articles: (nullable): other #ChronicleArticle of the same event
 */
void
chronicle_article_view_set_related (ChronicleArticleView *self,
                                    GListModel           *articles)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE_VIEW (self));

  gtk_list_box_bind_model (self->related_list, articles, create_related_row, self, NULL);
  gtk_widget_set_visible (self->related_group,
                          articles != NULL && g_list_model_get_n_items (articles) > 0);
}

/**
 * chronicle_article_view_set_search:
 * @self: a #ChronicleArticleView
 * @search: (nullable): the search whose terms are marked in the text
 */
void
chronicle_article_view_set_search (ChronicleArticleView *self,
                                   const char           *search)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE_VIEW (self));

  if (g_strcmp0 (self->search, search) == 0)
    return;

  g_free (self->search);
  self->search = g_strdup (search);
  if (self->article != NULL)
    mark_body (self);
}

/**
 * chronicle_article_view_get_n_dates:
 * @self: a #ChronicleArticleView
 *
 * Returns: how many dates are listed under the text
 */
guint
chronicle_article_view_get_n_dates (ChronicleArticleView *self)
{
  guint n = 0;

  g_return_val_if_fail (CHRONICLE_IS_ARTICLE_VIEW (self), 0);

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->dates_list)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

/**
 * chronicle_article_view_get_body_text:
 * @self: a #ChronicleArticleView
 *
 * Returns: (transfer none): the text shown (owned by the view until it changes)
 */
const char *
chronicle_article_view_get_body_text (ChronicleArticleView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  char *text;

  g_return_val_if_fail (CHRONICLE_IS_ARTICLE_VIEW (self), NULL);

  buffer = gtk_text_view_get_buffer (self->body_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_object_set_data_full (G_OBJECT (self), "body-text", text, g_free);

  return text;
}

/**
 * chronicle_article_view_activate_offset:
 * @self: a #ChronicleArticleView
 * @char_offset: a character offset in the text shown
 *
 * Does what a click there does: a marked entity emits ::entity-activated, a
 * marked date ::date-activated; elsewhere nothing happens.
 */
void
chronicle_article_view_activate_offset (ChronicleArticleView *self,
                                        guint                 char_offset)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE_VIEW (self));

  for (guint i = 0; self->time_mentions != NULL && i < self->time_mentions->len; i++)
    {
      const ChronicleTimeMention *m = g_ptr_array_index (self->time_mentions, i);

      if (char_offset >= m->offset_start && char_offset < m->offset_end)
        {
          g_signal_emit (self, signals[DATE_ACTIVATED], 0, m->start, m->end);
          return;
        }
    }

  for (guint i = 0; self->mentions != NULL && i < self->mentions->len; i++)
    {
      const ChronicleMention *m = g_ptr_array_index (self->mentions, i);

      if (m->end > m->start && char_offset >= m->start && char_offset < m->end)
        {
          g_signal_emit (self, signals[ENTITY_ACTIVATED], 0, m->entity_kind, m->entity_name);
          return;
        }
    }
}
