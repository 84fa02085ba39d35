/* chronicle-store-search-backend.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-format.h"
#include "chronicle-store-search-backend.h"

/* Answers GNOME Shell's searches from the store's full-text index: the ids of
 * the best matches, then each article's title and where and when it appeared. */

struct _ChronicleStoreSearchBackend
{
  GObject         parent_instance;

  ChronicleStore *store;
  GApplication   *application;  /* weak; held while a search runs */
};

static void backend_iface_init (ChronicleSearchBackendInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ChronicleStoreSearchBackend, chronicle_store_search_backend,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CHRONICLE_TYPE_SEARCH_BACKEND,
                                                      backend_iface_init))

/* The Shell starts the application just to search: it stays while a search runs
 * (and its inactivity timeout after that). */
static void
hold (ChronicleStoreSearchBackend *self)
{
  if (self->application != NULL)
    g_application_hold (self->application);
}

static void
release_cb (gpointer data)
{
  ChronicleStoreSearchBackend *self = data;

  if (self->application != NULL)
    g_application_release (self->application);
  g_object_unref (self);
}

static GTask *
held_task_new (ChronicleStoreSearchBackend *self,
               GCancellable                *cancellable,
               GAsyncReadyCallback          callback,
               gpointer                     user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  hold (self);
  g_task_set_task_data (task, g_object_ref (self), release_cb);
  return task;
}

static gboolean
is_word (const char *term)
{
  for (const char *p = term; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isalnum (g_utf8_get_char (p)))
        return FALSE;
    }
  return *term != '\0';
}

/**
 * chronicle_store_search_backend_text:
 * @terms: what the Shell passes, one word each
 *
 * The Shell searches as a person types, so each plain word is taken as a
 * prefix; anything else is kept as typed (the store reads it literally).
 *
 * Returns: (transfer full): the store's search text
 */
char *
chronicle_store_search_backend_text (const char * const *terms)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; terms != NULL && terms[i] != NULL; i++)
    {
      if (*terms[i] == '\0')
        continue;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, terms[i]);
      if (is_word (terms[i]))
        g_string_append_c (text, '*');
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
search_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  GArray *ids;

  hits = chronicle_store_search_finish (CHRONICLE_STORE (object), result, &error);
  if (hits == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), hits->len);
  for (guint i = 0; i < hits->len; i++)
    {
      const ChronicleSearchHit *hit = g_ptr_array_index (hits, i);
      g_array_append_val (ids, hit->article_id);
    }
  g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
}

static void
backend_search_async (ChronicleSearchBackend *backend,
                      const char * const     *terms,
                      guint                   max_results,
                      GCancellable           *cancellable,
                      GAsyncReadyCallback     callback,
                      gpointer                user_data)
{
  ChronicleStoreSearchBackend *self = CHRONICLE_STORE_SEARCH_BACKEND (backend);
  g_autoptr(GTask) task = held_task_new (self, cancellable, callback, user_data);
  g_autoptr(ChronicleQuery) empty = chronicle_query_new ();
  g_autoptr(ChronicleQuery) query = NULL;
  g_autofree char *text = chronicle_store_search_backend_text (terms);

  g_task_set_source_tag (task, backend_search_async);

  if (*text == '\0')
    {
      g_task_return_pointer (task, g_array_new (FALSE, FALSE, sizeof (gint64)),
                             (GDestroyNotify) g_array_unref);
      return;
    }

  query = chronicle_query_with_text (empty, text);
  chronicle_store_search_async (self->store, query, max_results, cancellable, search_cb,
                                g_steal_pointer (&task));
}

static GArray *
backend_search_finish (ChronicleSearchBackend  *backend,
                       GAsyncResult            *result,
                       GError                 **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static char *
describe (ChronicleArticle *article)
{
  const char *source = chronicle_article_get_source_title (article);
  gint64 published = chronicle_article_get_published (article);
  g_autofree char *date = NULL;

  if (published > 0)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (published);
      g_autoptr(GDateTime) local = g_date_time_to_local (utc);

      date = chronicle_format_date (local);
    }

  if (source != NULL && *source != '\0' && date != NULL)
    /* Translators: a Shell search result's description: "BBC News · 3 March 2024" */
    return g_strdup_printf (_("%s · %s"), source, date);
  if (date != NULL)
    return g_steal_pointer (&date);
  return g_strdup (source);
}

static void
get_articles_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  GPtrArray *metas;

  articles = chronicle_store_get_articles_finish (CHRONICLE_STORE (object), result, &error);
  if (articles == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  metas = g_ptr_array_new_with_free_func ((GDestroyNotify) chronicle_search_meta_free);
  for (guint i = 0; i < articles->len; i++)
    {
      ChronicleArticle *article = g_ptr_array_index (articles, i);
      g_autofree char *description = NULL;

      if (article == NULL)
        continue;
      description = describe (article);
      g_ptr_array_add (metas, chronicle_search_meta_new (chronicle_article_get_id (article),
                                                        chronicle_article_get_title (article),
                                                        description));
    }
  g_task_return_pointer (task, metas, (GDestroyNotify) g_ptr_array_unref);
}

static void
backend_get_metas_async (ChronicleSearchBackend *backend,
                         const gint64           *ids,
                         guint                   n_ids,
                         GCancellable           *cancellable,
                         GAsyncReadyCallback     callback,
                         gpointer                user_data)
{
  ChronicleStoreSearchBackend *self = CHRONICLE_STORE_SEARCH_BACKEND (backend);
  GTask *task = held_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, backend_get_metas_async);
  chronicle_store_get_articles_async (self->store, ids, n_ids, cancellable, get_articles_cb,
                                      task);
}

static GPtrArray *
backend_get_metas_finish (ChronicleSearchBackend  *backend,
                          GAsyncResult            *result,
                          GError                 **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
backend_iface_init (ChronicleSearchBackendInterface *iface)
{
  iface->search_async = backend_search_async;
  iface->search_finish = backend_search_finish;
  iface->get_metas_async = backend_get_metas_async;
  iface->get_metas_finish = backend_get_metas_finish;
}

static void
chronicle_store_search_backend_dispose (GObject *object)
{
  ChronicleStoreSearchBackend *self = CHRONICLE_STORE_SEARCH_BACKEND (object);

  g_clear_object (&self->store);
  g_clear_weak_pointer (&self->application);

  G_OBJECT_CLASS (chronicle_store_search_backend_parent_class)->dispose (object);
}

static void
chronicle_store_search_backend_class_init (ChronicleStoreSearchBackendClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = chronicle_store_search_backend_dispose;
}

static void
chronicle_store_search_backend_init (ChronicleStoreSearchBackend *self)
{
}

/**
 * chronicle_store_search_backend_new:
 * @store: the store to search
 *
 * Returns: (transfer full): a Shell search backend over @store
 */
ChronicleStoreSearchBackend *
chronicle_store_search_backend_new (ChronicleStore *store)
{
  ChronicleStoreSearchBackend *self;

  g_return_val_if_fail (CHRONICLE_IS_STORE (store), NULL);

  self = g_object_new (CHRONICLE_TYPE_STORE_SEARCH_BACKEND, NULL);
  self->store = g_object_ref (store);
  return self;
}

/**
 * chronicle_store_search_backend_set_application:
 * @self: a #ChronicleStoreSearchBackend
 * @application: (nullable): the application to keep running while a search runs
 */
void
chronicle_store_search_backend_set_application (ChronicleStoreSearchBackend *self,
                                                GApplication                *application)
{
  g_return_if_fail (CHRONICLE_IS_STORE_SEARCH_BACKEND (self));

  g_set_weak_pointer (&self->application, application);
}
