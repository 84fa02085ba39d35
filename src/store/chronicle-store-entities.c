/* chronicle-store-entities.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chronicle-store-error.h"
#include "chronicle-store-private.h"
#include "chronicle-store-sql.h"

/* The entity browser, the sidebar's facet search and Follow: result types, the
 * public read calls and their jobs. */

G_GNUC_UNUSED static void
entity_summary_free (gpointer data)
{
  ChronicleEntitySummary *row = data;

  g_clear_object (&row->entity);
  g_clear_pointer (&row->series, g_array_unref);
  g_free (row);
}

static ChronicleEntityList *
entity_list_copy (ChronicleEntityList *list)
{
  ChronicleEntityList *copy = g_new0 (ChronicleEntityList, 1);

  *copy = *list;
  copy->rows = list->rows != NULL ? g_ptr_array_ref (list->rows) : NULL;
  return copy;
}

G_DEFINE_BOXED_TYPE (ChronicleEntityList, chronicle_entity_list,
                     entity_list_copy, chronicle_entity_list_free)

/**
 * chronicle_entity_list_free:
 * @list: (nullable): a #ChronicleEntityList
 */
void
chronicle_entity_list_free (ChronicleEntityList *list)
{
  if (list == NULL)
    return;

  g_clear_pointer (&list->rows, g_ptr_array_unref);
  g_free (list);
}

static ChronicleFollowedNews *
followed_news_copy (ChronicleFollowedNews *news)
{
  ChronicleFollowedNews *copy = g_new0 (ChronicleFollowedNews, 1);

  *copy = *news;
  copy->article_ids = news->article_ids != NULL ? g_array_ref (news->article_ids) : NULL;
  copy->entities = news->entities != NULL ? g_ptr_array_ref (news->entities) : NULL;
  return copy;
}

G_DEFINE_BOXED_TYPE (ChronicleFollowedNews, chronicle_followed_news,
                     followed_news_copy, chronicle_followed_news_free)

/**
 * chronicle_followed_news_free:
 * @news: (nullable): a #ChronicleFollowedNews
 */
void
chronicle_followed_news_free (ChronicleFollowedNews *news)
{
  if (news == NULL)
    return;

  g_clear_pointer (&news->article_ids, g_array_unref);
  g_clear_pointer (&news->entities, g_ptr_array_unref);
  g_free (news);
}
