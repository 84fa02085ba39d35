/* chronicle-event-list.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-store"

#include "config.h"

#include "chronicle-event-list.h"
#include "chronicle-id-diff.h"
#include "chronicle-store-enums.h"
#include "chronicle-store-events.h"
#include "chronicle-store-events-private.h"

/**
 * ChronicleEventList:
 *
 * A #GListModel of #ChronicleEventSummary: the events under a #ChronicleQuery, newest
 * first by event date. The Events view of the timeline.
 *
 * It works like #ChronicleArticleList: it holds the ordered ids of every matching
 * event and reads summaries a page at a time. get_item() never blocks: it returns a
 * placeholder (#ChronicleEventSummary:loaded %FALSE) for an event not read yet and
 * asks the store for its page; the same object is filled in and notifies. The rest of
 * the page is kept, so its rows come out loaded. When the
 * store's articles change, the ids are read again and the difference is applied as
 * the minimal `items-changed` runs (#_chronicle_id_diff), and the summaries handed
 * out are read again (their counts and sources may have changed).
 */

struct _ChronicleEventList
{
  GObject parent_instance;

  ChronicleStore *store;
  ChronicleQuery *query;
  GArray *ids;
  gboolean loading;

  guint generation;
  gboolean in_flight;
  gboolean reload_again;
  GCancellable *cancellable;

  /* id -> ChronicleEventSummary handed out (or read) for the current ids. */
  GHashTable *summaries;
  GHashTable *pages_in_flight;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ChronicleEventList, chronicle_event_list, G_TYPE_OBJECT,
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
  ChronicleEventList *self;
  guint generation;
  guint page;
} Request;

static Request *
request_new (ChronicleEventList *self,
             guint               page)
{
  Request *request = g_new0 (Request, 1);

  request->self = g_object_ref (self);
  request->generation = self->generation;
  request->page = page;
  return request;
}

static void
request_free (Request *request)
{
  g_object_unref (request->self);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

#define NO_PAGE G_MAXUINT

static void load_ids (ChronicleEventList *self);

static void
set_loading (ChronicleEventList *self,
             gboolean            loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
summaries_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  ChronicleEventList *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) summaries = NULL;

  summaries = chronicle_store_get_event_summaries_finish (CHRONICLE_STORE (object), result, &error);
  if (request->page != NO_PAGE)
    g_hash_table_remove (self->pages_in_flight, GUINT_TO_POINTER (request->page + 1));
  if (summaries == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not read a page of events: %s", error->message);
      return;
    }

  for (guint i = 0; i < summaries->len; i++)
    {
      ChronicleEventSummary *read = g_ptr_array_index (summaries, i);
      ChronicleEventSummary *shown;

      gint64 id = chronicle_event_summary_get_id (read);

      shown = g_hash_table_lookup (self->summaries, &id);
      if (shown != NULL)
        _chronicle_event_summary_fill (shown, read);
      else if (request->page != NO_PAGE)
        g_hash_table_insert (self->summaries, g_memdup2 (&id, sizeof id), g_object_ref (read));
    }
}

static void
read_summaries (ChronicleEventList *self,
                const gint64       *ids,
                guint               n_ids,
                guint               page)
{
  chronicle_store_get_event_summaries_async (self->store, ids, n_ids, self->cancellable,
                                             summaries_cb, request_new (self, page));
}

static void
request_page (ChronicleEventList *self,
              guint               page)
{
  guint start = page * CHRONICLE_EVENT_LIST_PAGE_SIZE;
  guint end = MIN (self->ids->len, start + CHRONICLE_EVENT_LIST_PAGE_SIZE);

  if (start >= end || g_hash_table_contains (self->pages_in_flight, GUINT_TO_POINTER (page + 1)))
    return;

  g_hash_table_add (self->pages_in_flight, GUINT_TO_POINTER (page + 1));
  read_summaries (self, &g_array_index (self->ids, gint64, start), end - start, page);
}

/* After a reload: drops summaries no longer listed, reads the others again. */
static void
refresh_summaries (ChronicleEventList *self)
{
  g_autoptr(GHashTable) listed = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) stale = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < self->ids->len; i++)
    g_hash_table_add (listed, &g_array_index (self->ids, gint64, i));

  g_hash_table_iter_init (&iter, self->summaries);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (!g_hash_table_contains (listed, key))
        g_hash_table_iter_remove (&iter);
      else
        g_array_append_val (stale, *(gint64 *) key);
    }

  for (guint i = 0; i < stale->len; i += CHRONICLE_EVENT_LIST_PAGE_SIZE)
    read_summaries (self, &g_array_index (stale, gint64, i),
                    MIN (CHRONICLE_EVENT_LIST_PAGE_SIZE, stale->len - i), NO_PAGE);
}

static void
apply_ids (ChronicleEventList *self,
           GArray             *ids)
{
  g_autoptr(GArray) hunks = _chronicle_id_diff ((const gint64 *) (gpointer) self->ids->data,
                                                self->ids->len,
                                                (const gint64 *) (gpointer) ids->data, ids->len);
  guint old_len = self->ids->len;

  for (guint i = 0; i < hunks->len; i++)
    {
      ChronicleIdHunk *hunk = &g_array_index (hunks, ChronicleIdHunk, i);

      if (hunk->removed > 0)
        g_array_remove_range (self->ids, hunk->position, hunk->removed);
      if (hunk->added > 0)
        g_array_insert_vals (self->ids, hunk->position,
                             &g_array_index (ids, gint64, hunk->position), hunk->added);
      g_list_model_items_changed (G_LIST_MODEL (self), hunk->position, hunk->removed,
                                  hunk->added);
    }
  g_assert (self->ids->len == ids->len);
  if (old_len != self->ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
ids_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  ChronicleEventList *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  ids = chronicle_store_events_finish (CHRONICLE_STORE (object), result, &error);
  if (request->generation != self->generation)
    return;

  self->in_flight = FALSE;
  if (ids == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not read the events: %s", error->message);
    }
  else
    {
      apply_ids (self, ids);
      refresh_summaries (self);
    }

  if (self->reload_again)
    {
      self->reload_again = FALSE;
      load_ids (self);
    }
  else
    set_loading (self, FALSE);
}

static void
load_ids (ChronicleEventList *self)
{
  if (self->in_flight)
    {
      self->reload_again = TRUE;
      return;
    }

  self->in_flight = TRUE;
  set_loading (self, TRUE);
  chronicle_store_events_async (self->store, self->query, 0, self->cancellable, ids_cb,
                                request_new (self, NO_PAGE));
}

static void
start_query (ChronicleEventList *self)
{
  guint old_len = self->ids->len;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;
  self->in_flight = FALSE;
  self->reload_again = FALSE;
  g_hash_table_remove_all (self->pages_in_flight);
  g_hash_table_remove_all (self->summaries);

  /* A new query starts empty, so the diff is one insertion, not a churn of moves. */
  g_array_set_size (self->ids, 0);
  if (old_len > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
  load_ids (self);
}

static void
store_changed_cb (ChronicleEventList   *self,
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
    load_ids (self);
}

static GType
chronicle_event_list_get_item_type (GListModel *model)
{
  return CHRONICLE_TYPE_EVENT_SUMMARY;
}

static guint
chronicle_event_list_get_n_items (GListModel *model)
{
  return CHRONICLE_EVENT_LIST (model)->ids->len;
}

static gpointer
chronicle_event_list_get_item (GListModel *model,
                               guint       position)
{
  ChronicleEventList *self = CHRONICLE_EVENT_LIST (model);
  ChronicleEventSummary *summary;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  summary = g_hash_table_lookup (self->summaries, &id);
  if (summary == NULL)
    {
      summary = chronicle_event_summary_new (id);
      g_hash_table_insert (self->summaries, g_memdup2 (&id, sizeof id), summary);
    }
  if (!chronicle_event_summary_get_loaded (summary))
    request_page (self, position / CHRONICLE_EVENT_LIST_PAGE_SIZE);

  return g_object_ref (summary);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = chronicle_event_list_get_item_type;
  iface->get_n_items = chronicle_event_list_get_n_items;
  iface->get_item = chronicle_event_list_get_item;
}

static void
chronicle_event_list_constructed (GObject *object)
{
  ChronicleEventList *self = CHRONICLE_EVENT_LIST (object);

  G_OBJECT_CLASS (chronicle_event_list_parent_class)->constructed (object);

  g_return_if_fail (CHRONICLE_IS_STORE (self->store));

  if (self->query == NULL)
    self->query = chronicle_query_new ();

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  start_query (self);
}

static void
chronicle_event_list_dispose (GObject *object)
{
  ChronicleEventList *self = CHRONICLE_EVENT_LIST (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (chronicle_event_list_parent_class)->dispose (object);
}

static void
chronicle_event_list_finalize (GObject *object)
{
  ChronicleEventList *self = CHRONICLE_EVENT_LIST (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->query);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->summaries, g_hash_table_unref);
  g_clear_pointer (&self->pages_in_flight, g_hash_table_unref);

  G_OBJECT_CLASS (chronicle_event_list_parent_class)->finalize (object);
}

static void
chronicle_event_list_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ChronicleEventList *self = CHRONICLE_EVENT_LIST (object);

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
chronicle_event_list_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ChronicleEventList *self = CHRONICLE_EVENT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_QUERY:
      if (self->cancellable == NULL)
        g_set_object (&self->query, g_value_get_object (value)); /* constructing */
      else
        chronicle_event_list_set_query (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_event_list_class_init (ChronicleEventListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = chronicle_event_list_constructed;
  object_class->dispose = chronicle_event_list_dispose;
  object_class->finalize = chronicle_event_list_finalize;
  object_class->get_property = chronicle_event_list_get_property;
  object_class->set_property = chronicle_event_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CHRONICLE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUERY] =
    g_param_spec_object ("query", NULL, NULL, CHRONICLE_TYPE_QUERY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY
                         | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chronicle_event_list_init (ChronicleEventList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->summaries = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->pages_in_flight = g_hash_table_new (NULL, NULL);
}

/**
 * chronicle_event_list_new:
 * @store: the store
 * @query: (nullable): the filter; %NULL for every event
 *
 * Returns: (transfer full): a new list, empty until its first read arrives
 */
ChronicleEventList *
chronicle_event_list_new (ChronicleStore *store,
                          ChronicleQuery *query)
{
  g_return_val_if_fail (CHRONICLE_IS_STORE (store), NULL);
  g_return_val_if_fail (query == NULL || CHRONICLE_IS_QUERY (query), NULL);

  return g_object_new (CHRONICLE_TYPE_EVENT_LIST, "store", store, "query", query, NULL);
}

/**
 * chronicle_event_list_get_store:
 * @self: a #ChronicleEventList
 *
 * Returns: (transfer none): the store
 */
ChronicleStore *
chronicle_event_list_get_store (ChronicleEventList *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT_LIST (self), NULL);
  return self->store;
}

/**
 * chronicle_event_list_get_query:
 * @self: a #ChronicleEventList
 *
 * Returns: (transfer none): the query
 */
ChronicleQuery *
chronicle_event_list_get_query (ChronicleEventList *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT_LIST (self), NULL);
  return self->query;
}

/**
 * chronicle_event_list_set_query:
 * @self: a #ChronicleEventList
 * @query: the new filter
 *
 * Empties the list and reads the events under @query (an equal query does nothing).
 */
void
chronicle_event_list_set_query (ChronicleEventList *self,
                                ChronicleQuery     *query)
{
  g_return_if_fail (CHRONICLE_IS_EVENT_LIST (self));
  g_return_if_fail (CHRONICLE_IS_QUERY (query));

  if (chronicle_query_equal (self->query, query))
    return;

  g_set_object (&self->query, query);
  start_query (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

/**
 * chronicle_event_list_get_loading:
 * @self: a #ChronicleEventList
 *
 * Returns: %TRUE while the event ids are being read
 */
gboolean
chronicle_event_list_get_loading (ChronicleEventList *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT_LIST (self), FALSE);
  return self->loading;
}

/**
 * chronicle_event_list_get_id:
 * @self: a #ChronicleEventList
 * @position: a position
 *
 * Returns: the event id at @position, or 0 past the end
 */
gint64
chronicle_event_list_get_id (ChronicleEventList *self,
                             guint               position)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT_LIST (self), 0);

  if (position >= self->ids->len)
    return 0;
  return g_array_index (self->ids, gint64, position);
}

/**
 * chronicle_event_list_find:
 * @self: a #ChronicleEventList
 * @id: an event id
 *
 * Returns: the position of @id, or -1
 */
int
chronicle_event_list_find (ChronicleEventList *self,
                           gint64              id)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT_LIST (self), -1);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return (int) i;
  return -1;
}

/**
 * chronicle_event_list_reload:
 * @self: a #ChronicleEventList
 *
 * Reads the ids and the summaries handed out again (done by itself when the store's
 * articles change).
 */
void
chronicle_event_list_reload (ChronicleEventList *self)
{
  g_return_if_fail (CHRONICLE_IS_EVENT_LIST (self));

  load_ids (self);
}
