/* chronicle-search-backend.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include "chronicle-search-backend.h"

G_DEFINE_BOXED_TYPE (ChronicleSearchMeta, chronicle_search_meta,
                     chronicle_search_meta_copy, chronicle_search_meta_free)

G_DEFINE_INTERFACE (ChronicleSearchBackend, chronicle_search_backend, G_TYPE_OBJECT)

static void
chronicle_search_backend_default_init (ChronicleSearchBackendInterface *iface)
{
}

/**
 * chronicle_search_meta_new:
 * @id: the article id
 * @title: the article title
 * @description: (nullable): one line below the title, e.g. source and date
 *
 * Returns: (transfer full): a new #ChronicleSearchMeta
 */
ChronicleSearchMeta *
chronicle_search_meta_new (gint64      id,
                           const char *title,
                           const char *description)
{
  ChronicleSearchMeta *meta;

  g_return_val_if_fail (title != NULL, NULL);

  meta = g_new0 (ChronicleSearchMeta, 1);
  meta->id = id;
  meta->title = g_strdup (title);
  meta->description = g_strdup (description);
  return meta;
}

ChronicleSearchMeta *
chronicle_search_meta_copy (const ChronicleSearchMeta *meta)
{
  g_return_val_if_fail (meta != NULL, NULL);

  return chronicle_search_meta_new (meta->id, meta->title, meta->description);
}

void
chronicle_search_meta_free (ChronicleSearchMeta *meta)
{
  if (meta == NULL)
    return;

  g_free (meta->title);
  g_free (meta->description);
  g_free (meta);
}

void
chronicle_search_backend_search_async (ChronicleSearchBackend *self,
                                       const char * const     *terms,
                                       guint                   max_results,
                                       GCancellable           *cancellable,
                                       GAsyncReadyCallback     callback,
                                       gpointer                user_data)
{
  g_return_if_fail (CHRONICLE_IS_SEARCH_BACKEND (self));
  g_return_if_fail (terms != NULL);

  CHRONICLE_SEARCH_BACKEND_GET_IFACE (self)->search_async (self, terms, max_results,
                                                           cancellable, callback, user_data);
}

/**
 * chronicle_search_backend_search_finish:
 *
 * Returns: (transfer full) (element-type gint64): the matching ids, best first
 */
GArray *
chronicle_search_backend_search_finish (ChronicleSearchBackend  *self,
                                        GAsyncResult            *result,
                                        GError                 **error)
{
  g_return_val_if_fail (CHRONICLE_IS_SEARCH_BACKEND (self), NULL);

  return CHRONICLE_SEARCH_BACKEND_GET_IFACE (self)->search_finish (self, result, error);
}

void
chronicle_search_backend_get_metas_async (ChronicleSearchBackend *self,
                                          const gint64           *ids,
                                          guint                   n_ids,
                                          GCancellable           *cancellable,
                                          GAsyncReadyCallback     callback,
                                          gpointer                user_data)
{
  g_return_if_fail (CHRONICLE_IS_SEARCH_BACKEND (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  CHRONICLE_SEARCH_BACKEND_GET_IFACE (self)->get_metas_async (self, ids, n_ids, cancellable,
                                                              callback, user_data);
}

/**
 * chronicle_search_backend_get_metas_finish:
 *
 * Returns: (transfer full) (element-type ChronicleSearchMeta): what was found
 */
GPtrArray *
chronicle_search_backend_get_metas_finish (ChronicleSearchBackend  *self,
                                           GAsyncResult            *result,
                                           GError                 **error)
{
  g_return_val_if_fail (CHRONICLE_IS_SEARCH_BACKEND (self), NULL);

  return CHRONICLE_SEARCH_BACKEND_GET_IFACE (self)->get_metas_finish (self, result, error);
}
