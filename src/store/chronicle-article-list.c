/* chronicle-article-list.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-store"

#include "config.h"

#include "chronicle-article-list.h"
#include "chronicle-id-diff.h"
#include "chronicle-store-enums.h"
#include "chronicle-store-private.h"

/**
 * ChronicleArticleList:
 *
 * A #GListModel of #ChronicleArticle over a #ChronicleQuery: the timeline.
 *
 * It holds the ordered ids of every matching article (8 bytes each, so a million
 * fit in 8 MB) and materialises articles a page at a time. get_item() never blocks:
 * it returns the store's shared object for the id at once, a placeholder
 * (#ChronicleArticle:loaded %FALSE) when it has not been read yet, and asks the store
 * for its page; when the page arrives the same object is filled in and notifies.
 *
 * Loading a query first reads one page of ids (so the top of the timeline shows
 * quickly), then, after a short pause that lets the window's other reads for the same
 * query (facet counts, histogram) go first and that a newer query (typing) cancels,
 * all of them; a newer query also stops a read of all ids under way. When the store changes, the ids are read again and the
 * difference — computed off the main thread — is applied as the minimal
 * `items-changed` runs: insertions, deletions, and moves as a removal plus an
 * insertion. Read and starred changes are property notifications on the shared
 * objects, not list changes (unless the query filters on them).
 */

#define FIRST_PAGE 100
#define MAX_HUNKS 256
#define CACHED_PAGES 32
/* Between the first page and the read of all ids. */
#define ALL_IDS_DELAY_MS 150

struct _ChronicleArticleList
{
  GObject parent_instance;

  ChronicleStore *store;
  ChronicleQuery *query;
  GArray *ids;
  gboolean loading;

  /* Results for an older query are dropped. */
  guint generation;
  /* Bumped whenever ids change; a diff against an older snapshot is redone. */
  guint version;
  gboolean in_flight;
  gboolean reload_again;
  guint all_ids_id;
  GCancellable *cancellable;

  GHashTable *pages_in_flight;
  /* Strong references to recently read pages, so their objects stay loaded. */
  GQueue page_cache;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ChronicleArticleList, chronicle_article_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_QUERY,
  PROP_LOADING,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  ChronicleArticleList *self;
  guint generation;
  guint version;
  guint page;
} Request;

static Request *
request_new (ChronicleArticleList *self)
{
  Request *request = g_new0 (Request, 1);

  request->self = g_object_ref (self);
  request->generation = self->generation;
  request->version = self->version;
  return request;
}

static void
request_free (Request *request)
{
  g_object_unref (request->self);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static void load_all (ChronicleArticleList *self);

static void
set_loading (ChronicleArticleList *self,
             gboolean              loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
emit_changed (ChronicleArticleList *self,
              guint                 position,
              guint                 removed,
              guint                 added)
{
  if (removed == 0 && added == 0)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
finish_in_flight (ChronicleArticleList *self)
{
  self->in_flight = FALSE;
  if (self->reload_again)
    {
      self->reload_again = FALSE;
      load_all (self);
    }
  else
    set_loading (self, FALSE);
}

static void
apply_diff (ChronicleArticleList *self,
            TimelineDiff         *diff)
{
  GArray *hunks = diff->hunks;
  const gint64 *new_ids = (const gint64 *) (gpointer) diff->ids->data;

  if (hunks == NULL || hunks->len == 0)
    return;

  self->version++;

  if (hunks->len > MAX_HUNKS)
    {
      /* A reshuffle: one run from the first change to the common tail. */
      ChronicleIdHunk *first = &g_array_index (hunks, ChronicleIdHunk, 0);
      guint old_len = self->ids->len;
      guint suffix = 0;

      while (suffix < old_len - first->position && suffix < diff->ids->len - first->position
             && g_array_index (self->ids, gint64, old_len - 1 - suffix)
                  == new_ids[diff->ids->len - 1 - suffix])
        suffix++;

      g_array_unref (self->ids);
      self->ids = g_array_ref (diff->ids);
      emit_changed (self, first->position, old_len - first->position - suffix,
                    diff->ids->len - first->position - suffix);
      return;
    }

  for (guint i = 0; i < hunks->len; i++)
    {
      ChronicleIdHunk *hunk = &g_array_index (hunks, ChronicleIdHunk, i);

      if (hunk->removed > 0)
        g_array_remove_range (self->ids, hunk->position, hunk->removed);
      if (hunk->added > 0)
        g_array_insert_vals (self->ids, hunk->position, new_ids + hunk->position, hunk->added);
      emit_changed (self, hunk->position, hunk->removed, hunk->added);
    }
}

static void
diff_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  ChronicleArticleList *self = request->self;
  g_autoptr(GError) error = NULL;
  TimelineDiff *diff;

  diff = _chronicle_store_timeline_diff_finish (CHRONICLE_STORE (object), result, &error);
  if (request->generation != self->generation)
    {
      _timeline_diff_free (diff);
      return;
    }

  if (diff == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not read the timeline: %s", error->message);
      finish_in_flight (self);
      return;
    }

  if (request->version != self->version)
    {
      /* The list changed under the snapshot: diff again. */
      _timeline_diff_free (diff);
      self->reload_again = TRUE;
      finish_in_flight (self);
      return;
    }

  apply_diff (self, diff);
  _timeline_diff_free (diff);
  finish_in_flight (self);
}

static void
load_all (ChronicleArticleList *self)
{
  g_clear_handle_id (&self->all_ids_id, g_source_remove);
  if (self->in_flight)
    {
      self->reload_again = TRUE;
      return;
    }

  self->in_flight = TRUE;
  set_loading (self, TRUE);
  _chronicle_store_timeline_diff_async (self->store, self->query, self->ids, self->cancellable,
                                        diff_cb, request_new (self));
}

static gboolean
all_ids_cb (gpointer user_data)
{
  ChronicleArticleList *self = user_data;

  self->all_ids_id = 0;
  load_all (self);
  return G_SOURCE_REMOVE;
}

static void
first_page_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  ChronicleArticleList *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  guint old_len;

  ids = chronicle_store_timeline_finish (CHRONICLE_STORE (object), result, &error);
  if (request->generation != self->generation)
    return;

  self->in_flight = FALSE;
  if (ids == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not read the timeline: %s", error->message);
      set_loading (self, FALSE);
      return;
    }

  old_len = self->ids->len;
  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&ids);
  self->version++;
  emit_changed (self, 0, old_len, self->ids->len);
  /* A handler of that change set a newer query: its own first page follows. */
  if (request->generation != self->generation)
    return;

  if (self->ids->len == FIRST_PAGE || self->reload_again)
    {
      self->reload_again = FALSE;
      g_clear_handle_id (&self->all_ids_id, g_source_remove);
      self->all_ids_id = g_timeout_add (ALL_IDS_DELAY_MS, all_ids_cb, self);
    }
  else
    set_loading (self, FALSE);
}

static void
start_query (ChronicleArticleList *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->all_ids_id, g_source_remove);
  self->cancellable = g_cancellable_new ();
  self->generation++;
  self->in_flight = TRUE;
  self->reload_again = FALSE;
  g_hash_table_remove_all (self->pages_in_flight);
  set_loading (self, TRUE);

  chronicle_store_timeline_async (self->store, self->query, FIRST_PAGE, self->cancellable,
                                  first_page_cb, request_new (self));
}

static void
store_changed_cb (ChronicleArticleList *self,
                  ChronicleStoreChange  what,
                  GArray               *ids,
                  ChronicleStore       *store)
{
  ChronicleStoreChange relevant = CHRONICLE_STORE_CHANGE_ARTICLES_ADDED
                                  | CHRONICLE_STORE_CHANGE_ARTICLES_UPDATED
                                  | CHRONICLE_STORE_CHANGE_ARTICLES_REMOVED;

  if (chronicle_query_get_unread_only (self->query)
      || chronicle_query_get_starred_only (self->query))
    relevant |= CHRONICLE_STORE_CHANGE_ARTICLE_STATE;

  if (what & relevant)
    load_all (self);
}

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  ChronicleArticleList *self = request->self;
  g_autoptr(GError) error = NULL;
  GPtrArray *articles;

  articles = chronicle_store_get_articles_finish (CHRONICLE_STORE (object), result, &error);
  g_hash_table_remove (self->pages_in_flight, GUINT_TO_POINTER (request->page + 1));
  if (articles == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not read a page of articles: %s", error->message);
      return;
    }

  g_queue_push_tail (&self->page_cache, articles);
  while (g_queue_get_length (&self->page_cache) > CACHED_PAGES)
    g_ptr_array_unref (g_queue_pop_head (&self->page_cache));
}

static void
request_page (ChronicleArticleList *self,
              guint                 page)
{
  guint start = page * CHRONICLE_ARTICLE_LIST_PAGE_SIZE;
  guint end = MIN (self->ids->len, start + CHRONICLE_ARTICLE_LIST_PAGE_SIZE);
  Request *request;

  if (start >= end || g_hash_table_contains (self->pages_in_flight, GUINT_TO_POINTER (page + 1)))
    return;

  g_hash_table_add (self->pages_in_flight, GUINT_TO_POINTER (page + 1));
  request = request_new (self);
  request->page = page;
  chronicle_store_get_articles_async (self->store,
                                      &g_array_index (self->ids, gint64, start), end - start,
                                      self->cancellable, page_cb, request);
}

static GType
chronicle_article_list_get_item_type (GListModel *model)
{
  return CHRONICLE_TYPE_ARTICLE;
}

static guint
chronicle_article_list_get_n_items (GListModel *model)
{
  return CHRONICLE_ARTICLE_LIST (model)->ids->len;
}

static gpointer
chronicle_article_list_get_item (GListModel *model,
                                 guint       position)
{
  ChronicleArticleList *self = CHRONICLE_ARTICLE_LIST (model);
  ChronicleArticle *article;

  if (position >= self->ids->len)
    return NULL;

  article = chronicle_store_dup_article (self->store, g_array_index (self->ids, gint64, position));
  if (!chronicle_article_get_loaded (article))
    request_page (self, position / CHRONICLE_ARTICLE_LIST_PAGE_SIZE);

  return article;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = chronicle_article_list_get_item_type;
  iface->get_n_items = chronicle_article_list_get_n_items;
  iface->get_item = chronicle_article_list_get_item;
}

static void
chronicle_article_list_constructed (GObject *object)
{
  ChronicleArticleList *self = CHRONICLE_ARTICLE_LIST (object);

  G_OBJECT_CLASS (chronicle_article_list_parent_class)->constructed (object);

  g_return_if_fail (CHRONICLE_IS_STORE (self->store));

  if (self->query == NULL)
    self->query = chronicle_query_new ();

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  start_query (self);
}

static void
chronicle_article_list_dispose (GObject *object)
{
  ChronicleArticleList *self = CHRONICLE_ARTICLE_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->all_ids_id, g_source_remove);
  g_queue_clear_full (&self->page_cache, (GDestroyNotify) g_ptr_array_unref);

  G_OBJECT_CLASS (chronicle_article_list_parent_class)->dispose (object);
}

static void
chronicle_article_list_finalize (GObject *object)
{
  ChronicleArticleList *self = CHRONICLE_ARTICLE_LIST (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->query);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->pages_in_flight, g_hash_table_unref);

  G_OBJECT_CLASS (chronicle_article_list_parent_class)->finalize (object);
}

static void
chronicle_article_list_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ChronicleArticleList *self = CHRONICLE_ARTICLE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_QUERY:
      g_value_set_object (value, self->query);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_article_list_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  ChronicleArticleList *self = CHRONICLE_ARTICLE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_QUERY:
      if (self->cancellable == NULL)
        g_set_object (&self->query, g_value_get_object (value)); /* constructing */
      else
        chronicle_article_list_set_query (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_article_list_class_init (ChronicleArticleListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = chronicle_article_list_constructed;
  object_class->dispose = chronicle_article_list_dispose;
  object_class->finalize = chronicle_article_list_finalize;
  object_class->get_property = chronicle_article_list_get_property;
  object_class->set_property = chronicle_article_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CHRONICLE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * ChronicleArticleList:query:
   *
   * The filter and order. Setting a different query reloads the list.
   */
  properties[PROP_QUERY] =
    g_param_spec_object ("query", NULL, NULL, CHRONICLE_TYPE_QUERY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY
                         | G_PARAM_STATIC_STRINGS);
  /**
   * ChronicleArticleList:loading:
   *
   * %TRUE while ids are being read (the first page may already be there).
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chronicle_article_list_init (ChronicleArticleList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages_in_flight = g_hash_table_new (NULL, NULL);
  g_queue_init (&self->page_cache);
}

/**
 * chronicle_article_list_new:
 * @store: the store
 * @query: (nullable): the filter and order; %NULL for every article, newest first
 *
 * Returns: (transfer full): a new list, starting to load
 */
ChronicleArticleList *
chronicle_article_list_new (ChronicleStore *store,
                            ChronicleQuery *query)
{
  g_return_val_if_fail (CHRONICLE_IS_STORE (store), NULL);
  g_return_val_if_fail (query == NULL || CHRONICLE_IS_QUERY (query), NULL);

  return g_object_new (CHRONICLE_TYPE_ARTICLE_LIST, "store", store, "query", query, NULL);
}

/**
 * chronicle_article_list_get_store:
 * @self: a #ChronicleArticleList
 *
 * Returns: (transfer none): the store
 */
ChronicleStore *
chronicle_article_list_get_store (ChronicleArticleList *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE_LIST (self), NULL);
  return self->store;
}

/**
 * chronicle_article_list_get_query:
 * @self: a #ChronicleArticleList
 *
 * Returns: (transfer none): the query
 */
ChronicleQuery *
chronicle_article_list_get_query (ChronicleArticleList *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE_LIST (self), NULL);
  return self->query;
}

/**
 * chronicle_article_list_set_query:
 * @self: a #ChronicleArticleList
 * @query: the new filter and order
 *
 * Does nothing for an equal query. Otherwise the first page of the new query
 * replaces the whole list in one `items-changed`, then the rest is added.
 */
void
chronicle_article_list_set_query (ChronicleArticleList *self,
                                  ChronicleQuery       *query)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE_LIST (self));
  g_return_if_fail (CHRONICLE_IS_QUERY (query));

  if (chronicle_query_equal (self->query, query))
    return;

  g_set_object (&self->query, query);
  start_query (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

gboolean
chronicle_article_list_get_loading (ChronicleArticleList *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE_LIST (self), FALSE);
  return self->loading;
}

/**
 * chronicle_article_list_get_id:
 * @self: a #ChronicleArticleList
 * @position: a position
 *
 * Returns: the article id at @position, or 0 past the end
 */
gint64
chronicle_article_list_get_id (ChronicleArticleList *self,
                               guint                 position)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE_LIST (self), 0);

  if (position >= self->ids->len)
    return 0;
  return g_array_index (self->ids, gint64, position);
}

/**
 * chronicle_article_list_find:
 * @self: a #ChronicleArticleList
 * @id: an article id
 *
 * A linear scan of the ids (a few milliseconds at a million).
 *
 * Returns: the position of @id, or -1
 */
int
chronicle_article_list_find (ChronicleArticleList *self,
                             gint64                id)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE_LIST (self), -1);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return (int) i;
  return -1;
}

/**
 * chronicle_article_list_reload:
 * @self: a #ChronicleArticleList
 *
 * Reads the ids again and applies the difference. The list does this by itself when
 * the store changes; this is for changes it cannot see (the clock, for a query
 * relative to today).
 */
void
chronicle_article_list_reload (ChronicleArticleList *self)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE_LIST (self));

  load_all (self);
}
