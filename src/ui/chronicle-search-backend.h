/* chronicle-search-backend.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What a search result shows in GNOME Shell. */
typedef struct
{
  gint64  id;
  char   *title;
  char   *description;
} ChronicleSearchMeta;

#define CHRONICLE_TYPE_SEARCH_META (chronicle_search_meta_get_type ())

GType                chronicle_search_meta_get_type (void) G_GNUC_CONST;
ChronicleSearchMeta *chronicle_search_meta_new      (gint64                     id,
                                                     const char                *title,
                                                     const char                *description);
ChronicleSearchMeta *chronicle_search_meta_copy     (const ChronicleSearchMeta *meta);
void                 chronicle_search_meta_free     (ChronicleSearchMeta       *meta);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronicleSearchMeta, chronicle_search_meta_free)

#define CHRONICLE_TYPE_SEARCH_BACKEND (chronicle_search_backend_get_type ())

G_DECLARE_INTERFACE (ChronicleSearchBackend, chronicle_search_backend, CHRONICLE, SEARCH_BACKEND,
                     GObject)

/**
 * ChronicleSearchBackendInterface:
 * @search_async: finds the articles matching every term (each term a prefix of a word, as
 *   typed), best first, at most @max_results of them
 * @search_finish: returns a #GArray of #gint64 article ids
 * @get_metas_async: looks up the title and description of each id; unknown ids are left out
 * @get_metas_finish: returns a #GPtrArray of #ChronicleSearchMeta, in any order
 *
 * What the search provider needs from whatever holds the articles (the store's full-text
 * index in the application, a fake in tests). Implementations must not block.
 */
struct _ChronicleSearchBackendInterface
{
  GTypeInterface parent_iface;

  void       (*search_async)     (ChronicleSearchBackend  *self,
                                  const char * const      *terms,
                                  guint                    max_results,
                                  GCancellable            *cancellable,
                                  GAsyncReadyCallback      callback,
                                  gpointer                 user_data);
  GArray    *(*search_finish)    (ChronicleSearchBackend  *self,
                                  GAsyncResult            *result,
                                  GError                 **error);
  void       (*get_metas_async)  (ChronicleSearchBackend  *self,
                                  const gint64            *ids,
                                  guint                    n_ids,
                                  GCancellable            *cancellable,
                                  GAsyncReadyCallback      callback,
                                  gpointer                 user_data);
  GPtrArray *(*get_metas_finish) (ChronicleSearchBackend  *self,
                                  GAsyncResult            *result,
                                  GError                 **error);
};

void       chronicle_search_backend_search_async     (ChronicleSearchBackend  *self,
                                                      const char * const      *terms,
                                                      guint                    max_results,
                                                      GCancellable            *cancellable,
                                                      GAsyncReadyCallback      callback,
                                                      gpointer                 user_data);
GArray    *chronicle_search_backend_search_finish    (ChronicleSearchBackend  *self,
                                                      GAsyncResult            *result,
                                                      GError                 **error);
void       chronicle_search_backend_get_metas_async  (ChronicleSearchBackend  *self,
                                                      const gint64            *ids,
                                                      guint                    n_ids,
                                                      GCancellable            *cancellable,
                                                      GAsyncReadyCallback      callback,
                                                      gpointer                 user_data);
GPtrArray *chronicle_search_backend_get_metas_finish (ChronicleSearchBackend  *self,
                                                      GAsyncResult            *result,
                                                      GError                 **error);

G_END_DECLS
