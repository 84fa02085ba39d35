/* chronicle-article-row.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * One article on the timeline: the day heading when it starts a day, its
 * time, source, title, a line of summary, the countries (flags) and people
 * it is about, and whether it is unread or starred. Search terms are marked.
 * The article object may still be a placeholder; the row fills in when it
 * loads (its properties notify).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-article-row.h"
#include "chronicle-format.h"
#include "chronicle-mention.h"

#define MAX_CHIPS 4

struct _ChronicleArticleRow
{
  GtkWidget         parent_instance;

  ChronicleArticle *article;
  gulong            notify_id;
  char             *search;

  GtkLabel         *heading_label;
  GtkWidget        *row_box;
  GtkLabel         *time_label;
  GtkWidget        *unread_dot;
  GtkInscription   *source_label;
  GtkWidget        *star_image;
  GtkInscription   *title_label;
  GtkInscription   *summary_label;
  GtkBox           *chips_box;
};

G_DEFINE_FINAL_TYPE (ChronicleArticleRow, chronicle_article_row, GTK_TYPE_WIDGET)

static void
clear_chips (ChronicleArticleRow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL)
    gtk_box_remove (self->chips_box, child);
}

static void
add_chip (ChronicleArticleRow *self,
          const char          *text,
          const char          *kind)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "entity-chip");
  gtk_widget_add_css_class (label, kind);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  gtk_box_append (self->chips_box, label);
}

static void
fill_chips (ChronicleArticleRow *self)
{
  GPtrArray *mentions = chronicle_article_get_mentions (self->article);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = 0;

  clear_chips (self);
  if (mentions == NULL)
    goto done;

  /* Countries first (as flags with their names), then people. */
  for (guint pass = 0; pass < 2 && n < MAX_CHIPS; pass++)
    for (guint i = 0; i < mentions->len && n < MAX_CHIPS; i++)
      {
        const ChronicleMention *m = g_ptr_array_index (mentions, i);
        ChronicleEntityKind wanted = pass == 0 ? CHRONICLE_ENTITY_KIND_COUNTRY
                                               : CHRONICLE_ENTITY_KIND_PERSON;

        if (m->entity_kind != wanted || m->entity_name == NULL
            || g_hash_table_contains (seen, m->entity_name))
          continue;
        g_hash_table_add (seen, m->entity_name);

        if (wanted == CHRONICLE_ENTITY_KIND_COUNTRY)
          {
            g_autofree char *flag = chronicle_format_flag (m->country_code);
            g_autofree char *text = flag ? g_strdup_printf ("%s %s", flag, m->entity_name)
                                         : g_strdup (m->entity_name);
            add_chip (self, text, "country");
          }
        else
          add_chip (self, m->entity_name, "person");
        n++;
      }

done:
  gtk_widget_set_visible (GTK_WIDGET (self->chips_box), n > 0);
}

static void
update (ChronicleArticleRow *self)
{
  ChronicleArticle *a = self->article;
  g_autoptr(GDateTime) published = NULL;
  g_autofree char *time = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *summary = NULL;
  const char *title, *source;
  gboolean loaded, read;

  if (a == NULL)
    return;

  loaded = chronicle_article_get_loaded (a);
  title = chronicle_article_get_title (a);
  source = chronicle_article_get_source_title (a);
  read = chronicle_article_get_read (a);

  if (chronicle_article_get_published (a) > 0
      && chronicle_format_has_time (chronicle_article_get_published (a)))
    {
      published = g_date_time_new_from_unix_local (chronicle_article_get_published (a));
      time = chronicle_format_time (published);
    }
  gtk_label_set_text (self->time_label, time ? time : "");

  markup = chronicle_format_highlight (title ? title : (loaded ? _("Untitled") : ""),
                                       self->search);
  gtk_inscription_set_markup (self->title_label, markup);

  gtk_inscription_set_text (self->source_label, source ? source : "");
  gtk_widget_set_visible (self->star_image, chronicle_article_get_starred (a));

  if (chronicle_article_get_summary (a) != NULL && *chronicle_article_get_summary (a) != '\0')
    {
      g_autofree char *line = g_strdup (chronicle_article_get_summary (a));
      g_strdelimit (line, "\n\r\t", ' ');
      summary = chronicle_format_highlight (line, self->search);
    }
  gtk_inscription_set_markup (self->summary_label, summary ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL);

  gtk_widget_set_child_visible (self->unread_dot, loaded && !read);
  if (loaded && read)
    gtk_widget_add_css_class (self->row_box, "read");
  else
    gtk_widget_remove_css_class (self->row_box, "read");

  fill_chips (self);

  /* Inscriptions are cheap to lay out but not read out: name the row. */
  {
    g_autofree char *name = g_strdup_printf ("%s%s%s", title ? title : "", source ? " — " : "",
                                             source ? source : "");
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
}

static void
article_notify_cb (ChronicleArticle    *article,
                   GParamSpec          *pspec,
                   ChronicleArticleRow *self)
{
  update (self);
}

static void
chronicle_article_row_dispose (GObject *object)
{
  ChronicleArticleRow *self = CHRONICLE_ARTICLE_ROW (object);

  chronicle_article_row_set_article (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONICLE_TYPE_ARTICLE_ROW);
  /* Unnamed template children are not cleared by dispose_template in GTK 4.8. */
  while (gtk_widget_get_first_child (GTK_WIDGET (self)) != NULL)
    gtk_widget_unparent (gtk_widget_get_first_child (GTK_WIDGET (self)));

  G_OBJECT_CLASS (chronicle_article_row_parent_class)->dispose (object);
}

static void
chronicle_article_row_finalize (GObject *object)
{
  ChronicleArticleRow *self = CHRONICLE_ARTICLE_ROW (object);

  g_free (self->search);

  G_OBJECT_CLASS (chronicle_article_row_parent_class)->finalize (object);
}

static void
chronicle_article_row_class_init (ChronicleArticleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chronicle_article_row_dispose;
  object_class->finalize = chronicle_article_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/chronicle-article-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronicleArticleRow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleArticleRow, row_box);
  gtk_widget_class_bind_template_child (widget_class, ChronicleArticleRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleArticleRow, unread_dot);
  gtk_widget_class_bind_template_child (widget_class, ChronicleArticleRow, source_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleArticleRow, star_image);
  gtk_widget_class_bind_template_child (widget_class, ChronicleArticleRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleArticleRow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleArticleRow, chips_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "articlerow");
}

static void
chronicle_article_row_init (ChronicleArticleRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

/**
 * chronicle_article_row_new:
 *
 * Returns: (transfer floating): an empty row
 */
GtkWidget *
chronicle_article_row_new (void)
{
  return g_object_new (CHRONICLE_TYPE_ARTICLE_ROW, NULL);
}

/**
 * chronicle_article_row_get_article:
 * @self: a #ChronicleArticleRow
 *
 * Returns: (transfer none) (nullable): the article shown
 */
ChronicleArticle *
chronicle_article_row_get_article (ChronicleArticleRow *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE_ROW (self), NULL);

  return self->article;
}

/**
 * chronicle_article_row_set_article:
 * @self: a #ChronicleArticleRow
 * @article: (nullable): the article to show
 */
void
chronicle_article_row_set_article (ChronicleArticleRow *self,
                                   ChronicleArticle    *article)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE_ROW (self));

  if (self->article == article)
    return;

  if (self->article != NULL)
    g_clear_signal_handler (&self->notify_id, self->article);
  g_set_object (&self->article, article);
  if (article != NULL)
    {
      self->notify_id = g_signal_connect (article, "notify", G_CALLBACK (article_notify_cb), self);
      update (self);
    }
  else
    clear_chips (self);
}

/**
 * chronicle_article_row_set_heading:
 * @self: a #ChronicleArticleRow
 * @heading: (nullable): the day heading above the row, %NULL for none
 */
void
chronicle_article_row_set_heading (ChronicleArticleRow *self,
                                   const char          *heading)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE_ROW (self));

  gtk_label_set_text (self->heading_label, heading ? heading : "");
  gtk_widget_set_visible (GTK_WIDGET (self->heading_label), heading != NULL);
}

/**
 * chronicle_article_row_set_search:
 * @self: a #ChronicleArticleRow
 * @search: (nullable): the search whose terms are marked
 */
void
chronicle_article_row_set_search (ChronicleArticleRow *self,
                                  const char          *search)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE_ROW (self));

  if (g_strcmp0 (self->search, search) == 0)
    return;

  g_free (self->search);
  self->search = g_strdup (search);
  update (self);
}
