/* chronicle-sync-extract.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-sync"

#include "config.h"

#include <string.h>

#include "chronicle-event-grouper.h"
#include "chronicle-extraction.h"
#include "chronicle-name-index.h"
#include "chronicle-sync-extract.h"

/* Every new or changed article goes through chronicle_extract() on a sync worker
 * thread before it is stored:
 *
 * - entities become mentions (kind, canonical name, country code, code-point offsets
 *   into chronicle_article_dup_text(), the surface form when it differs);
 * - resolved DATE/TIME expressions become time mentions (their days as a [start, end)
 *   period, the granularity, the text and offsets; the store sets past/present/future
 *   from the publication date);
 * - an article without a date gets the one extraction infers, marked inferred;
 * - the article joins an event of the service's ChronicleEventGrouper, whose key it
 *   carries; each touched event goes to the store with its label, day and main
 *   entities.
 *
 * The grouper and the ChronicleNameIndex live as long as the sync service and are
 * shared by its sources. Both start from the store, once, before the first article
 * is extracted: the name index from every person the store knows (a surname alone
 * maps to the one full name the corpus knows), the grouper from the store's
 * RECENT_EVENTS latest events, each restored from its label, day and main entities
 * (an approximation of its articles, which the store does not give back cheaply).
 * An article dated before those events can only join events grouped since. Past
 * MAX_EVENTS open events, only the KEEP_EVENTS latest stay open (memory).
 *
 * Extraction itself is pure and runs in parallel (each source on its own worker);
 * the name index, the grouper and the keys are updated under one lock, article by
 * article in feed order, so one source's result does not depend on the machine. */

#define RECENT_EVENTS  2000
#define MAX_PEOPLE     50000
#define MAX_EVENTS     4000
#define KEEP_EVENTS    2000
#define UNIX_EPOCH_JULIAN 719163
#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)

/* What the store calls a grouper's event, and the last day the grouper saw in it
 * (the grouper's own last day of the event: it is given the same days). */
typedef struct {
  char    *key;
  guint32  last;
} EventKey;

static void
event_key_free (gpointer data)
{
  EventKey *k = data;

  g_free (k->key);
  g_free (k);
}

typedef enum {
  SEED_NONE,
  SEED_RUNNING,
  SEED_DONE,
} SeedState;

struct _ChronicleSyncExtractor {
  GMutex                 lock;
  ChronicleNameIndex    *names;
  ChronicleEventGrouper *grouper;
  GHashTable            *keys;       /* guint64 * grouper id → EventKey * */
  SeedState              seed;
  GPtrArray             *waiters;    /* GTask *, waiting for the seed */
  ChronicleStore        *store;      /* while seeding */
  gboolean               doomed;     /* freed while seeding: free when it ends */
  guint                  n_extracted;
};

ChronicleSyncExtractor *
_chronicle_sync_extractor_new (void)
{
  ChronicleSyncExtractor *self = g_new0 (ChronicleSyncExtractor, 1);

  g_mutex_init (&self->lock);
  self->names = chronicle_name_index_new ();
  self->grouper = chronicle_event_grouper_new ();
  self->keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, event_key_free);
  self->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  return self;
}

void
_chronicle_sync_extractor_free (ChronicleSyncExtractor *self)
{
  if (self == NULL)
    return;

  /* The store's callbacks of a seed in flight point here: the seed frees it. */
  if (self->seed == SEED_RUNNING)
    {
      self->doomed = TRUE;
      return;
    }
  g_clear_object (&self->names);
  g_clear_object (&self->grouper);
  g_clear_pointer (&self->keys, g_hash_table_unref);
  g_clear_pointer (&self->waiters, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_mutex_clear (&self->lock);
  g_free (self);
}

static gint64
julian_to_unix (guint32 julian)
{
  return ((gint64) julian - UNIX_EPOCH_JULIAN) * SECONDS_PER_DAY;
}

static guint32
unix_to_julian (gint64 t)
{
  gint64 days = t >= 0 ? t / SECONDS_PER_DAY : -((-t + SECONDS_PER_DAY - 1) / SECONDS_PER_DAY);

  return (guint32) CLAMP (days + UNIX_EPOCH_JULIAN, 1, G_MAXUINT32 - 1);
}

static void
put_key (ChronicleSyncExtractor *self,
         guint64                 id,
         const char             *key,
         guint32                 julian)
{
  EventKey *k = g_hash_table_lookup (self->keys, &id);

  if (k == NULL)
    {
      k = g_new0 (EventKey, 1);
      k->key = g_strdup (key);
      g_hash_table_insert (self->keys, g_memdup2 (&id, sizeof id), k);
    }
  k->last = MAX (k->last, julian);
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? 1 : x > y ? -1 : 0;
}

/* Memory stays bounded: past MAX_EVENTS, only the KEEP_EVENTS events seen last (by
 * the day of their latest article) stay open. */
static void
trim_events (ChronicleSyncExtractor *self)
{
  g_autoptr(GArray) days = NULL;
  GHashTableIter iter;
  gpointer value;
  guint32 cutoff;
  GDate before;

  if (g_hash_table_size (self->keys) <= MAX_EVENTS)
    return;

  days = g_array_sized_new (FALSE, FALSE, sizeof (guint32), g_hash_table_size (self->keys));
  g_hash_table_iter_init (&iter, self->keys);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_array_append_val (days, ((EventKey *) value)->last);
  g_array_sort (days, compare_days);
  cutoff = g_array_index (days, guint32, KEEP_EVENTS) + 1;

  g_date_clear (&before, 1);
  g_date_set_julian (&before, cutoff);
  chronicle_event_grouper_forget_before (self->grouper, &before);

  g_hash_table_iter_init (&iter, self->keys);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((EventKey *) value)->last < cutoff)
      g_hash_table_iter_remove (&iter);
}

/* Seeding */

static void
seed_complete (ChronicleSyncExtractor *self)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->waiters);

  self->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  self->seed = SEED_DONE;
  g_clear_object (&self->store);
  for (guint i = 0; i < waiters->len; i++)
    g_task_return_boolean (g_ptr_array_index (waiters, i), TRUE);
  if (self->doomed)
    _chronicle_sync_extractor_free (self);
}

static void
restore_event (ChronicleSyncExtractor *self,
               guint64                 id,
               ChronicleEvent         *event)
{
  GPtrArray *entities = chronicle_event_get_entities (event);
  g_autoptr(GArray) spans = g_array_new (FALSE, TRUE, sizeof (ChronicleEntitySpan));
  g_autoptr(ChronicleExtraction) extraction = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, unix_to_julian (chronicle_event_get_start (event)));

  for (guint i = 0; i < entities->len; i++)
    {
      ChronicleEntity *entity = g_ptr_array_index (entities, i);
      const char *code = chronicle_entity_get_country_code (entity);
      ChronicleEntitySpan span = { 0 };

      span.kind = chronicle_entity_get_kind (entity);
      span.canonical = (char *) chronicle_entity_get_name (entity);
      if (code != NULL && strlen (code) == 2)
        memcpy (span.country, code, 3);
      g_array_append_val (spans, span);
    }

  extraction = chronicle_extraction_new_from_entities ((ChronicleEntitySpan *) (void *) spans->data,
                                                       spans->len, &date);
  chronicle_event_grouper_restore (self->grouper, id, chronicle_event_get_label (event), &date,
                                   extraction);
  put_key (self, id, chronicle_event_get_key (event), g_date_get_julian (&date));
}

static void
recent_events_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ChronicleSyncExtractor *self = user_data;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  events = chronicle_store_recent_events_finish (CHRONICLE_STORE (object), result, &error);
  if (events == NULL)
    g_debug ("Could not read the recent events: %s", error->message);

  g_mutex_lock (&self->lock);
  /* Oldest first, so ids grow with dates as they do for new events. */
  for (guint i = events != NULL ? events->len : 0; i > 0; i--)
    {
      ChronicleEvent *event = g_ptr_array_index (events, i - 1);
      guint64 id = events->len - i + 1;

      restore_event (self, id, event);
    }
  g_mutex_unlock (&self->lock);

  seed_complete (self);
}

static void
people_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  ChronicleSyncExtractor *self = user_data;
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;

  names = chronicle_store_entity_names_finish (CHRONICLE_STORE (object), result, &error);
  if (names == NULL)
    g_debug ("Could not read the people the store knows: %s", error->message);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    chronicle_name_index_add (self->names, names[i]);

  chronicle_store_recent_events_async (self->store, RECENT_EVENTS, NULL, recent_events_cb, self);
}

/*< private >
 * _chronicle_sync_extractor_seed_async:
 *
 * Starts the name index and the grouper from @store, once; later calls complete at
 * once (or when the first seed does). The extractor must outlive the seed.
 */
void
_chronicle_sync_extractor_seed_async (ChronicleSyncExtractor *self,
                                      ChronicleStore         *store,
                                      GCancellable           *cancellable,
                                      GAsyncReadyCallback     callback,
                                      gpointer                user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, _chronicle_sync_extractor_seed_async);

  switch (self->seed)
    {
    case SEED_DONE:
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;

    case SEED_RUNNING:
      g_ptr_array_add (self->waiters, task);
      return;

    case SEED_NONE:
    default:
      g_ptr_array_add (self->waiters, task);
      self->seed = SEED_RUNNING;
      self->store = g_object_ref (store);
      chronicle_store_entity_names_async (store, CHRONICLE_ENTITY_KIND_PERSON, MAX_PEOPLE, NULL,
                                          people_cb, self);
      return;
    }
}

void
_chronicle_sync_extractor_seed_finish (ChronicleSyncExtractor *self,
                                       GAsyncResult           *result)
{
  g_task_propagate_boolean (G_TASK (result), NULL);
}

gboolean
_chronicle_sync_extractor_get_seeded (ChronicleSyncExtractor *self)
{
  return self->seed == SEED_DONE;
}

/* Extraction → model */

static ChronicleGranularity
model_granularity (ChronicleTimexGranularity granularity)
{
  switch (granularity)
    {
    case CHRONICLE_TIMEX_GRANULARITY_WEEK: return CHRONICLE_GRANULARITY_WEEK;
    case CHRONICLE_TIMEX_GRANULARITY_MONTH: return CHRONICLE_GRANULARITY_MONTH;
    case CHRONICLE_TIMEX_GRANULARITY_QUARTER:
    case CHRONICLE_TIMEX_GRANULARITY_SEASON: return CHRONICLE_GRANULARITY_QUARTER;
    case CHRONICLE_TIMEX_GRANULARITY_YEAR: return CHRONICLE_GRANULARITY_YEAR;
    case CHRONICLE_TIMEX_GRANULARITY_DECADE: return CHRONICLE_GRANULARITY_DECADE;
    case CHRONICLE_TIMEX_GRANULARITY_CENTURY: return CHRONICLE_GRANULARITY_CENTURY;
    case CHRONICLE_TIMEX_GRANULARITY_TIME:
    case CHRONICLE_TIMEX_GRANULARITY_DAY:
    case CHRONICLE_TIMEX_GRANULARITY_NONE:
    default:
      return CHRONICLE_GRANULARITY_DAY;
    }
}

static void
add_mentions (ChronicleArticle    *article,
              ChronicleExtraction *extraction)
{
  const ChronicleEntitySpan *spans;
  guint n = 0;

  spans = chronicle_extraction_get_entities (extraction, &n);
  for (guint i = 0; i < n; i++)
    {
      const ChronicleEntitySpan *span = &spans[i];
      ChronicleMention *mention;

      if (span->canonical == NULL || span->canonical[0] == '\0')
        continue;
      mention = chronicle_mention_new (span->kind, span->canonical, span->start, span->end);
      if (span->country[0] != '\0')
        mention->country_code = g_strdup (span->country);
      if (span->text != NULL && g_strcmp0 (span->text, span->canonical) != 0)
        mention->surface = g_strdup (span->text);
      chronicle_article_add_mention (article, mention);
    }
}

static void
add_time_mentions (ChronicleArticle    *article,
                   ChronicleExtraction *extraction)
{
  const ChronicleTimex *timexes;
  guint n = 0;

  timexes = chronicle_extraction_get_timexes (extraction, &n);
  for (guint i = 0; i < n; i++)
    {
      const ChronicleTimex *t = &timexes[i];
      ChronicleTimeMention *mention;

      if ((t->type != CHRONICLE_TIMEX_DATE && t->type != CHRONICLE_TIMEX_TIME)
          || t->granularity == CHRONICLE_TIMEX_GRANULARITY_NONE
          || !g_date_valid (&t->first_day) || !g_date_valid (&t->last_day))
        continue;

      mention = chronicle_time_mention_new (julian_to_unix (g_date_get_julian (&t->first_day)),
                                            julian_to_unix (g_date_get_julian (&t->last_day) + 1),
                                            model_granularity (t->granularity), t->text);
      mention->offset_start = t->start;
      mention->offset_end = t->end;
      mention->relation = t->tense == CHRONICLE_TENSE_PAST ? CHRONICLE_TIME_RELATION_PAST
                          : t->tense == CHRONICLE_TENSE_FUTURE ? CHRONICLE_TIME_RELATION_FUTURE
                          : CHRONICLE_TIME_RELATION_PRESENT;
      chronicle_article_add_time_mention (article, mention);
    }
}

/* A key no other article's event can have: its first article's source and guid. */
static char *
new_event_key (ChronicleArticle *article)
{
  const char *guid = chronicle_article_get_guid (article);
  g_autofree char *identity = g_strdup_printf ("%" G_GINT64_FORMAT "\037%s",
                                               chronicle_article_get_source_id (article),
                                               guid != NULL ? guid
                                               : chronicle_article_get_url (article));
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA1, identity, -1);

  return g_strdup_printf ("ev:%.20s", digest);
}

static void
add_entities (ChronicleEvent      *event,
              ChronicleEntityKind  kind,
              char               **names)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autoptr(ChronicleEntity) entity = NULL;

      if (kind == CHRONICLE_ENTITY_KIND_COUNTRY)
        {
          const char *name = chronicle_country_name (names[i]);

          if (name == NULL)
            continue;
          entity = chronicle_entity_new (kind, name);
          chronicle_entity_set_country_code (entity, names[i]);
        }
      else
        entity = chronicle_entity_new (kind, names[i]);
      chronicle_event_add_entity (event, entity);
    }
}

static ChronicleEvent *
model_event (ChronicleSyncExtractor *self,
             guint64                 id)
{
  g_autoptr(ChronicleGroupedEvent) grouped = chronicle_event_grouper_get_event (self->grouper, id);
  EventKey *k = g_hash_table_lookup (self->keys, &id);
  const char *key = k != NULL ? k->key : NULL;
  ChronicleEvent *event;
  gint64 start;

  if (grouped == NULL || key == NULL || !g_date_valid (&grouped->date))
    return NULL;

  start = julian_to_unix (g_date_get_julian (&grouped->date));
  event = chronicle_event_new (key, grouped->label, start, start + SECONDS_PER_DAY);
  add_entities (event, CHRONICLE_ENTITY_KIND_PERSON, grouped->people);
  add_entities (event, CHRONICLE_ENTITY_KIND_PLACE, grouped->places);
  add_entities (event, CHRONICLE_ENTITY_KIND_COUNTRY, grouped->countries);
  add_entities (event, CHRONICLE_ENTITY_KIND_ORGANIZATION, grouped->organizations);
  return event;
}

/* With the lock held: the name index, then the grouper, in feed order. */
static guint64
group_article (ChronicleSyncExtractor *self,
               ChronicleArticle       *article,
               ChronicleExtraction    *extraction)
{
  const char *keys[2] = { NULL, NULL };
  GDate date;
  guint64 id;

  /* A lone surname becomes the one full name the store and this sync know. */
  chronicle_name_index_apply (self->names, extraction);
  chronicle_name_index_add_extraction (self->names, extraction);
  add_mentions (article, extraction);

  g_date_clear (&date, 1);
  if (!chronicle_extraction_get_event_date (extraction, &date))
    g_date_set_julian (&date, unix_to_julian (chronicle_article_get_published (article)));

  trim_events (self);
  id = chronicle_event_grouper_add (self->grouper, chronicle_article_get_title (article), &date,
                                    extraction);
  if (!g_hash_table_contains (self->keys, &id))
    {
      g_autofree char *key = new_event_key (article);

      put_key (self, id, key, g_date_get_julian (&date));
    }
  else
    put_key (self, id, NULL, g_date_get_julian (&date));
  keys[0] = ((EventKey *) g_hash_table_lookup (self->keys, &id))->key;
  chronicle_article_set_event_keys (article, keys);
  return id;
}

static ChronicleExtraction *
extract_article (ChronicleArticle *article)
{
  g_autofree char *text = chronicle_article_dup_text (article);
  g_autoptr(GError) error = NULL;
  ChronicleExtraction *extraction;
  gint64 published = chronicle_article_get_published (article);
  gboolean dated = !chronicle_article_get_published_inferred (article) && published > 0;
  GDate reference;

  g_date_clear (&reference, 1);
  if (dated)
    g_date_set_julian (&reference, unix_to_julian (published));

  extraction = chronicle_extract (text, -1, dated ? &reference : NULL, &error);
  if (extraction == NULL)
    g_debug ("No extraction for “%s”: %s", chronicle_article_get_title (article), error->message);
  return extraction;
}

/*< private >
 * _chronicle_sync_extractor_process:
 * @articles: (element-type ChronicleArticle): new or changed articles, in feed order
 * @events: (element-type ChronicleEvent): where the events they belong to are added
 *
 * Runs on a worker thread. Fills in each article's mentions, time mentions, event
 * key and (for an undated one) the inferred date.
 */
void
_chronicle_sync_extractor_process (ChronicleSyncExtractor *self,
                                   GPtrArray              *articles,
                                   GPtrArray              *events,
                                   GCancellable           *cancellable)
{
  g_autoptr(GPtrArray) extractions = g_ptr_array_new_full (articles->len, NULL);
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < articles->len; i++)
    {
      ChronicleArticle *article = g_ptr_array_index (articles, i);
      ChronicleExtraction *extraction;

      if (g_cancellable_is_cancelled (cancellable))
        break;

      extraction = extract_article (article);
      g_ptr_array_add (extractions, extraction);
      if (extraction == NULL)
        continue;

      add_time_mentions (article, extraction);
      if (chronicle_article_get_published_inferred (article)
          && chronicle_extraction_get_reference_date_inferred (extraction))
        {
          const GDate *date = chronicle_extraction_get_reference_date (extraction);

          /* Noon UTC: the same day in most time zones. */
          if (date != NULL)
            chronicle_article_set_published (article,
                                             julian_to_unix (g_date_get_julian (date))
                                             + SECONDS_PER_DAY / 2);
        }
    }

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < extractions->len; i++)
    {
      ChronicleExtraction *extraction = g_ptr_array_index (extractions, i);
      guint64 id;

      if (extraction == NULL)
        continue;
      id = group_article (self, g_ptr_array_index (articles, i), extraction);
      self->n_extracted++;
      if (!g_hash_table_contains (seen, &id))
        {
          g_array_append_val (touched, id);
          g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
        }
    }

  for (guint i = 0; i < touched->len; i++)
    {
      ChronicleEvent *event = model_event (self, g_array_index (touched, guint64, i));

      if (event != NULL)
        g_ptr_array_add (events, event);
    }
  g_mutex_unlock (&self->lock);

  for (guint i = 0; i < extractions->len; i++)
    if (g_ptr_array_index (extractions, i) != NULL)
      chronicle_extraction_unref (g_ptr_array_index (extractions, i));
}

guint
_chronicle_sync_extractor_get_n_extracted (ChronicleSyncExtractor *self)
{
  guint n;

  g_mutex_lock (&self->lock);
  n = self->n_extracted;
  g_mutex_unlock (&self->lock);
  return n;
}
