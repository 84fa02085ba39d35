/* chronicle-event-grouper.c: online grouping of articles into events
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-extract"

#include "config.h"

#include <string.h>

#include "chronicle-event-grouper.h"

/* An article joins the most similar open event when the score reaches
 * JOIN_SCORE; events whose date is more than WINDOW_DAYS before the article's
 * are closed to it. */
#define JOIN_SCORE   0.42
#define WINDOW_DAYS  7
#define MAX_MAIN     5
#define MAX_PER_TERM 16

typedef struct {
  guint64     id;
  char       *label;
  GHashTable *keys;        /* "P:John Kerry" → weight (double, boxed in a pointer-sized slot) */
  GHashTable *words;       /* title word → count */
  GHashTable *days;        /* julian day → count */
  guint32     last_julian;
  guint       n_articles;
  guint64     seq;         /* creation order: candidates are scored in it */
} Event;

/* An open event sharing names or title words with the article, and how much. */
typedef struct {
  Event  *e;
  double  shared;         /* weight of the article's entity keys the event has */
  guint   shared_words;   /* the article's title words the event has */
} Candidate;

struct _ChronicleEventGrouper {
  GObject    parent_instance;
  GMutex     lock;
  GPtrArray *events;       /* of Event* */
  guint64    next_id;
  guint64    next_seq;
  /* An article can only join an event it shares an entity or a title word with
   * (similarity() is 0 otherwise): "k:<key>" / "w:<word>" → GPtrArray of Event*,
   * so add() scores those events only, not every open one. */
  GHashTable *by_term;
  GHashTable *by_id;       /* guint64 * → Event* */
};

G_DEFINE_FINAL_TYPE (ChronicleEventGrouper, chronicle_event_grouper, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (ChronicleGroupedEvent, chronicle_grouped_event, chronicle_grouped_event_copy,
                     chronicle_grouped_event_free)

static Event *new_event  (ChronicleEventGrouper *self, guint64 id, const char *title);
static GArray *find_candidates (ChronicleEventGrouper *self, GHashTable *keys,
                                GHashTable *words, guint32 julian);
static Event *find_event (ChronicleEventGrouper *self, guint64 id);

static const char * const stop_words[] = {
  "about", "after", "again", "against", "amid", "also", "before", "being", "between", "could",
  "during", "from", "have", "into", "more", "news", "over", "says", "said", "than", "that",
  "their", "there", "they", "this", "those", "under", "were", "what", "when", "where",
  "which", "while", "will", "with", "would", "year", "years", "report", "reports", NULL
};

static void
event_free (gpointer data)
{
  Event *e = data;

  g_free (e->label);
  g_hash_table_unref (e->keys);
  g_hash_table_unref (e->words);
  g_hash_table_unref (e->days);
  g_free (e);
}

static double
kind_weight (ChronicleEntityKind kind)
{
  switch (kind)
    {
    case CHRONICLE_ENTITY_KIND_PERSON: return 3.0;
    case CHRONICLE_ENTITY_KIND_PLACE: return 2.0;
    case CHRONICLE_ENTITY_KIND_ORGANIZATION: return 2.0;
    case CHRONICLE_ENTITY_KIND_COUNTRY: return 1.0;
    default: return 1.0;
    }
}

static char
kind_letter (ChronicleEntityKind kind)
{
  switch (kind)
    {
    case CHRONICLE_ENTITY_KIND_PERSON: return 'P';
    case CHRONICLE_ENTITY_KIND_PLACE: return 'L';
    case CHRONICLE_ENTITY_KIND_ORGANIZATION: return 'O';
    case CHRONICLE_ENTITY_KIND_COUNTRY: return 'C';
    default: return '?';
    }
}

/* The article's entities as key → weight (kind weight, once per entity). */
static GHashTable *
article_keys (ChronicleExtraction *extraction)
{
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const ChronicleEntitySpan *ents;
  guint n = 0;

  if (extraction == NULL)
    return keys;
  ents = chronicle_extraction_get_entities (extraction, &n);
  for (guint i = 0; i < n; i++)
    {
      const char *name = ents[i].kind == CHRONICLE_ENTITY_KIND_COUNTRY ? ents[i].country : ents[i].canonical;
      char *key;
      double *w;

      if (name == NULL || name[0] == '\0')
        continue;
      key = g_strdup_printf ("%c:%s", kind_letter (ents[i].kind), name);
      w = g_hash_table_lookup (keys, key);
      if (w != NULL)
        {
          *w += 0.25 * kind_weight (ents[i].kind);
          g_free (key);
          continue;
        }
      w = g_new (double, 1);
      *w = kind_weight (ents[i].kind);
      g_hash_table_insert (keys, key, w);
    }
  return keys;
}

static GHashTable *
title_words (const char *title)
{
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *down = NULL;
  const char *p;

  if (title == NULL)
    return words;
  down = g_utf8_strdown (title, -1);
  p = down;
  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p - start >= 4)
        {
          g_autofree char *w = g_strndup (start, p - start);
          gboolean stop = FALSE;

          for (guint k = 0; stop_words[k] != NULL; k++)
            stop = stop || strcmp (stop_words[k], w) == 0;
          if (!stop)
            g_hash_table_add (words, g_steal_pointer (&w));
        }
    }
  return words;
}

/* The similarity of an article and an event: the share of the article's entity
 * weight the event has (countries weigh least), and of its title words. */
static double
combine (double total,
         double shared,
         guint  n_words,
         guint  shared_words,
         guint  event_words)
{
  double ent = total > 0 ? shared / total : 0, title = 0;

  if (n_words > 0)
    title = (double) shared_words / MIN (n_words, MAX (event_words, 1));

  if (total == 0)
    return title;
  if (n_words == 0)
    return ent;
  return 0.6 * ent + 0.4 * title;
}

/* "K:term" in @buf, a buffer the caller reuses: lookups allocate nothing. */
static const char *
term_key (GString    *buf,
          char        kind,
          const char *term)
{
  g_string_truncate (buf, 0);
  g_string_append_c (buf, kind);
  g_string_append_c (buf, ':');
  g_string_append (buf, term);
  return buf->str;
}

static void
index_term (ChronicleEventGrouper *self,
            char                   kind,
            const char            *term,
            Event                 *e)
{
  g_autoptr(GString) buf = g_string_sized_new (64);
  const char *key = term_key (buf, kind, term);
  GPtrArray *list = g_hash_table_lookup (self->by_term, key);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (self->by_term, g_strdup (key), list);
    }
  g_ptr_array_add (list, e);
}

static void
unindex_term (ChronicleEventGrouper *self,
              char                   kind,
              const char            *term,
              Event                 *e)
{
  g_autoptr(GString) buf = g_string_sized_new (64);
  const char *key = term_key (buf, kind, term);
  GPtrArray *list = g_hash_table_lookup (self->by_term, key);

  if (list == NULL)
    return;
  g_ptr_array_remove (list, e);
  if (list->len == 0)
    g_hash_table_remove (self->by_term, key);
}

static void
merge_into (ChronicleEventGrouper *self,
            Event                 *e,
            GHashTable            *keys,
            GHashTable            *words,
            guint32                julian)
{
  GHashTableIter iter;
  gpointer k, v;

  g_hash_table_iter_init (&iter, keys);
  while (g_hash_table_iter_next (&iter, &k, &v))
    {
      double *w = g_hash_table_lookup (e->keys, k);

      if (w == NULL)
        {
          w = g_new0 (double, 1);
          g_hash_table_insert (e->keys, g_strdup (k), w);
          index_term (self, 'k', k, e);
        }
      *w += *(double *) v;
    }
  g_hash_table_iter_init (&iter, words);
  while (g_hash_table_iter_next (&iter, &k, NULL))
    {
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (e->words, k));

      if (count == 0)
        index_term (self, 'w', k, e);
      g_hash_table_insert (e->words, g_strdup (k), GUINT_TO_POINTER (count + 1));
    }
  if (julian != 0)
    {
      g_hash_table_insert (e->days, GUINT_TO_POINTER (julian),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (e->days, GUINT_TO_POINTER (julian))) + 1));
      e->last_julian = MAX (e->last_julian, julian);
    }
  e->n_articles++;
}

/**
 * chronicle_event_grouper_add:
 * @self: a grouper
 * @title: (nullable): the article's title
 * @date: (nullable): the day the article is about (see
 *   chronicle_extraction_get_event_date()) or its publication day
 * @extraction: (nullable): what chronicle_extract() found in it
 *
 * Puts an article into the event it belongs to, opening a new event when
 * none is close enough in time, names and title. Thread-safe.
 *
 * Returns: the id of the article's event
 */
guint64
chronicle_event_grouper_add (ChronicleEventGrouper *self,
                             const char            *title,
                             const GDate           *date,
                             ChronicleExtraction   *extraction)
{
  g_autoptr(GHashTable) keys = NULL;
  g_autoptr(GHashTable) words = NULL;
  g_autoptr(GArray) candidates = NULL;
  GHashTableIter iter;
  gpointer v;
  double total = 0;
  guint n_words;
  guint32 julian = date != NULL && g_date_valid (date) ? g_date_get_julian (date) : 0;
  Event *best = NULL;
  double best_score = 0;
  guint64 id;

  g_return_val_if_fail (CHRONICLE_IS_EVENT_GROUPER (self), 0);

  keys = article_keys (extraction);
  words = title_words (title);

  g_mutex_lock (&self->lock);
  n_words = g_hash_table_size (words);
  g_hash_table_iter_init (&iter, keys);
  while (g_hash_table_iter_next (&iter, NULL, &v))
    total += *(double *) v;

  candidates = find_candidates (self, keys, words, julian);
  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *c = &g_array_index (candidates, Candidate, i);
      Event *e = c->e;
      double score = combine (total, c->shared, n_words, c->shared_words,
                              g_hash_table_size (e->words));

      if (julian != 0 && e->last_julian != 0 &&
          (julian > e->last_julian + 2 || julian + 2 < e->last_julian))
        score *= 0.75;
      if (score > best_score)
        {
          best_score = score;
          best = e;
        }
    }

  if (best == NULL || best_score < JOIN_SCORE)
    best = new_event (self, self->next_id++, title);
  merge_into (self, best, keys, words, julian);
  if (best->label == NULL && title != NULL)
    best->label = g_strstrip (g_strdup (title));
  id = best->id;
  g_mutex_unlock (&self->lock);

  return id;
}

static Event *
find_event (ChronicleEventGrouper *self,
            guint64                id)
{
  return g_hash_table_lookup (self->by_id, &id);
}

static gboolean
in_window (Event   *e,
           guint32  julian)
{
  return julian == 0 || e->last_julian == 0
         || (julian <= e->last_julian + WINDOW_DAYS && julian + WINDOW_DAYS >= e->last_julian);
}

static void
collect_candidates (ChronicleEventGrouper *self,
                    char                   kind,
                    GHashTable            *terms,
                    guint32                julian,
                    GHashTable            *seen,
                    GArray                *out)
{
  g_autoptr(GString) buf = g_string_sized_new (64);
  GHashTableIter iter;
  gpointer k, v;

  g_hash_table_iter_init (&iter, terms);
  while (g_hash_table_iter_next (&iter, &k, &v))
    {
      GPtrArray *list = g_hash_table_lookup (self->by_term,
                                             term_key (buf, kind, (const char *) k));
      guint taken = 0;

      /* Latest first, and a bounded number per term: a term hundreds of open events
       * share (a country, a common word) tells little, and scoring them all would
       * make grouping quadratic in a large sync. */
      for (guint i = list != NULL ? list->len : 0; i > 0 && taken < MAX_PER_TERM; i--)
        {
          Event *e = g_ptr_array_index (list, i - 1);
          gpointer slot;
          Candidate *c;

          if (!in_window (e, julian))
            continue;
          taken++;
          if (!g_hash_table_lookup_extended (seen, e, NULL, &slot))
            {
              Candidate fresh = { e, 0, 0 };

              slot = GUINT_TO_POINTER (out->len);
              g_array_append_val (out, fresh);
              g_hash_table_insert (seen, e, slot);
            }
          c = &g_array_index (out, Candidate, GPOINTER_TO_UINT (slot));
          if (kind == 'k')
            c->shared += *(double *) v;
          else
            c->shared_words++;
        }
    }
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  return x->e->seq < y->e->seq ? -1 : x->e->seq > y->e->seq;
}

/* The open events sharing an entity or a title word with the article, with what
 * they share (what similarity() counts), in creation order (the order in which a
 * plain scan of every event would meet them). */
static GArray *
find_candidates (ChronicleEventGrouper *self,
                 GHashTable            *keys,
                 GHashTable            *words,
                 guint32                julian)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Candidate));

  collect_candidates (self, 'k', keys, julian, seen, out);
  collect_candidates (self, 'w', words, julian, seen, out);
  g_array_sort (out, compare_candidates);
  return out;
}

static Event *
new_event (ChronicleEventGrouper *self,
           guint64                id,
           const char            *title)
{
  Event *e = g_new0 (Event, 1);

  e->id = id;
  e->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  e->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  e->days = g_hash_table_new (NULL, NULL);
  e->label = title != NULL ? g_strstrip (g_strdup (title)) : NULL;
  e->seq = self->next_seq++;
  g_ptr_array_add (self->events, e);
  g_hash_table_insert (self->by_id, &e->id, e);
  return e;
}

/**
 * chronicle_event_grouper_restore:
 * @id: the event the article belongs to, as stored
 * @title: (nullable): the article's title
 * @date: (nullable): its day, as for chronicle_event_grouper_add()
 * @extraction: (nullable): what chronicle_extract() found in it
 *
 * Puts a stored article back into its stored event, without looking for
 * the best match: how a grouper picks up, after a restart, the recent events
 * the store keeps. Later new events get ids above every restored one.
 */
void
chronicle_event_grouper_restore (ChronicleEventGrouper *self,
                                 guint64                id,
                                 const char            *title,
                                 const GDate           *date,
                                 ChronicleExtraction   *extraction)
{
  g_autoptr(GHashTable) keys = NULL;
  g_autoptr(GHashTable) words = NULL;
  guint32 julian = date != NULL && g_date_valid (date) ? g_date_get_julian (date) : 0;
  Event *e;

  g_return_if_fail (CHRONICLE_IS_EVENT_GROUPER (self));
  g_return_if_fail (id > 0);

  keys = article_keys (extraction);
  words = title_words (title);

  g_mutex_lock (&self->lock);
  e = find_event (self, id);
  if (e == NULL)
    e = new_event (self, id, title);
  merge_into (self, e, keys, words, julian);
  if (e->label == NULL && title != NULL)
    e->label = g_strstrip (g_strdup (title));
  self->next_id = MAX (self->next_id, id + 1);
  g_mutex_unlock (&self->lock);
}

/**
 * chronicle_event_grouper_forget_before:
 * @date: the first day to keep
 *
 * Drops the events whose last article is older than @date: no new article
 * can join them any more. Keeps memory bounded in a long-running session.
 *
 * Returns: how many events were dropped
 */
guint
chronicle_event_grouper_forget_before (ChronicleEventGrouper *self,
                                       const GDate           *date)
{
  guint32 julian;
  guint dropped = 0;

  g_return_val_if_fail (CHRONICLE_IS_EVENT_GROUPER (self), 0);
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  julian = g_date_get_julian (date);
  g_mutex_lock (&self->lock);
  for (guint i = self->events->len; i > 0; i--)
    {
      Event *e = g_ptr_array_index (self->events, i - 1);

      if (e->last_julian != 0 && e->last_julian < julian)
        {
          GHashTableIter iter;
          gpointer k;

          g_hash_table_iter_init (&iter, e->keys);
          while (g_hash_table_iter_next (&iter, &k, NULL))
            unindex_term (self, 'k', k, e);
          g_hash_table_iter_init (&iter, e->words);
          while (g_hash_table_iter_next (&iter, &k, NULL))
            unindex_term (self, 'w', k, e);
          g_hash_table_remove (self->by_id, &e->id);
          g_ptr_array_remove_index (self->events, i - 1);
          dropped++;
        }
    }
  g_mutex_unlock (&self->lock);
  return dropped;
}

typedef struct {
  const char *name;
  double      weight;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a, *y = b;

  if (x->weight != y->weight)
    return x->weight < y->weight ? 1 : -1;
  return strcmp (x->name, y->name);
}

static char **
main_names (Event *e,
            char   letter)
{
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  GPtrArray *out = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer k, v;

  g_hash_table_iter_init (&iter, e->keys);
  while (g_hash_table_iter_next (&iter, &k, &v))
    {
      const char *key = k;

      if (key[0] == letter)
        {
          Ranked r = { key + 2, *(double *) v };
          g_array_append_val (ranked, r);
        }
    }
  g_array_sort (ranked, compare_ranked);
  for (guint i = 0; i < ranked->len && i < MAX_MAIN; i++)
    g_ptr_array_add (out, g_strdup (g_array_index (ranked, Ranked, i).name));
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

/**
 * chronicle_event_grouper_get_event:
 * @id: an id chronicle_event_grouper_add() returned
 *
 * Returns: (transfer full) (nullable): a snapshot of the event
 */
ChronicleGroupedEvent *
chronicle_event_grouper_get_event (ChronicleEventGrouper *self,
                                   guint64                id)
{
  ChronicleGroupedEvent *out = NULL;

  g_return_val_if_fail (CHRONICLE_IS_EVENT_GROUPER (self), NULL);

  g_mutex_lock (&self->lock);
  for (Event *e = find_event (self, id); e != NULL; e = NULL)
    {
      GHashTableIter iter;
      gpointer k, v;
      guint best = 0, best_julian = 0;

      out = g_new0 (ChronicleGroupedEvent, 1);
      out->id = e->id;
      out->n_articles = e->n_articles;
      out->people = main_names (e, 'P');
      out->places = main_names (e, 'L');
      out->countries = main_names (e, 'C');
      out->organizations = main_names (e, 'O');
      if (e->label != NULL)
        out->label = g_strdup (e->label);
      else
        out->label = g_strjoinv (", ", out->people[0] != NULL ? out->people : out->places);
      g_date_clear (&out->date, 1);
      g_hash_table_iter_init (&iter, e->days);
      while (g_hash_table_iter_next (&iter, &k, &v))
        if (GPOINTER_TO_UINT (v) > best ||
            (GPOINTER_TO_UINT (v) == best && GPOINTER_TO_UINT (k) > best_julian))
          {
            best = GPOINTER_TO_UINT (v);
            best_julian = GPOINTER_TO_UINT (k);
          }
      if (best_julian != 0)
        g_date_set_julian (&out->date, best_julian);
      break;
    }
  g_mutex_unlock (&self->lock);

  return out;
}

guint
chronicle_event_grouper_get_n_events (ChronicleEventGrouper *self)
{
  guint n;

  g_return_val_if_fail (CHRONICLE_IS_EVENT_GROUPER (self), 0);

  g_mutex_lock (&self->lock);
  n = self->events->len;
  g_mutex_unlock (&self->lock);
  return n;
}

ChronicleGroupedEvent *
chronicle_grouped_event_copy (const ChronicleGroupedEvent *event)
{
  ChronicleGroupedEvent *copy;

  g_return_val_if_fail (event != NULL, NULL);

  copy = g_new0 (ChronicleGroupedEvent, 1);
  copy->id = event->id;
  copy->label = g_strdup (event->label);
  copy->date = event->date;
  copy->n_articles = event->n_articles;
  copy->people = g_strdupv (event->people);
  copy->places = g_strdupv (event->places);
  copy->countries = g_strdupv (event->countries);
  copy->organizations = g_strdupv (event->organizations);
  return copy;
}

void
chronicle_grouped_event_free (ChronicleGroupedEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->label);
  g_strfreev (event->people);
  g_strfreev (event->places);
  g_strfreev (event->countries);
  g_strfreev (event->organizations);
  g_free (event);
}

static void
chronicle_event_grouper_finalize (GObject *object)
{
  ChronicleEventGrouper *self = CHRONICLE_EVENT_GROUPER (object);

  g_hash_table_unref (self->by_term);
  g_hash_table_unref (self->by_id);
  g_ptr_array_unref (self->events);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (chronicle_event_grouper_parent_class)->finalize (object);
}

static void
chronicle_event_grouper_class_init (ChronicleEventGrouperClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = chronicle_event_grouper_finalize;
}

static void
chronicle_event_grouper_init (ChronicleEventGrouper *self)
{
  g_mutex_init (&self->lock);
  self->events = g_ptr_array_new_with_free_func (event_free);
  self->by_term = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
  self->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->next_id = 1;
}

ChronicleEventGrouper *
chronicle_event_grouper_new (void)
{
  return g_object_new (CHRONICLE_TYPE_EVENT_GROUPER, NULL);
}
