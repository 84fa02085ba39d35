/* bench-store.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "chronicle-article-list.h"
#include "chronicle-store.h"

/* bench-store --articles N [--db PATH] [--runs R] [--keep]
 *
 * Generates N realistic articles (10 years, bursty dates, ~10 entity mentions each
 * from a Zipf population of 100,000 entities, ~2 time mentions, ~1.5 KB of text),
 * ingests them through the store's public API, then runs each read many times with
 * varied filters, printing one JSON line per metric:
 *   {"metric": "...", "unit": "ms|articles/s|MB", "value": v, "p50": x, "p95": y}
 * For latencies, value is the mean. With --db and an existing cache that already
 * holds N articles, ingest is skipped (to rerun the reads). --entities-only runs only
 * the entity views' metrics (entity page, entity browser, one facet with search).
 *
 * Everything goes through the async API with a main loop, as the app does, so the
 * figures include thread hand-off. */

#define N_ENTITIES 100000
#define N_SOURCES 50
#define N_SENTENCES 4000
#define N_WORDS 20000
#define BATCH batch_size

static guint batch_size = 1000;
#define YEARS 10
#define START G_GINT64_CONSTANT (1451606400) /* 2016-01-01 */
#define DAY G_GINT64_CONSTANT (86400)

static GRand *rng;

/* Zipf sampling over ranks 0..n-1 with exponent s, by inverse CDF. */
typedef struct {
  double *cdf;
  guint n;
} Zipf;

static void
zipf_init (Zipf   *z,
           guint   n,
           double  s)
{
  double total = 0;

  z->n = n;
  z->cdf = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      total += 1.0 / pow (i + 1, s);
      z->cdf[i] = total;
    }
  for (guint i = 0; i < n; i++)
    z->cdf[i] /= total;
}

static guint
zipf_sample (Zipf *z)
{
  double u = g_rand_double (rng);
  guint lo = 0, hi = z->n - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (z->cdf[mid] < u)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

typedef struct {
  ChronicleEntityKind kind;
  guint first;
  guint count;
  Zipf zipf;
  guint per_article;
} KindPopulation;

static char **entity_names;
static KindPopulation kinds[CHRONICLE_N_ENTITY_KINDS];
static char **words;
static Zipf word_zipf;
static char **sentences;
static gint64 *burst_centers;
static guint n_bursts;

static const char *syllables[] = {
  "ka", "lo", "mi", "ra", "ten", "vo", "si", "an", "del", "mar", "ko", "ri", "sa", "ber",
  "lin", "to", "na", "gu", "el", "fa", "zu", "pe", "ol", "quin", "ha", "ja", "ne", "us",
};

static char *
make_word (guint syllable_count)
{
  GString *w = g_string_new (NULL);

  for (guint i = 0; i < syllable_count; i++)
    g_string_append (w, syllables[g_rand_int_range (rng, 0, G_N_ELEMENTS (syllables))]);
  return g_string_free (w, FALSE);
}

static void
generate_population (void)
{
  /* person, country, place, organization */
  static const guint counts[] = { 50000, 250, 20000, 29750 };
  static const guint per_article[] = { 4, 2, 2, 2 };
  guint next = 0;

  entity_names = g_new0 (char *, N_ENTITIES);
  for (guint k = 0; k < CHRONICLE_N_ENTITY_KINDS; k++)
    {
      kinds[k].kind = k;
      kinds[k].first = next;
      kinds[k].count = counts[k];
      kinds[k].per_article = per_article[k];
      zipf_init (&kinds[k].zipf, counts[k], 1.0);
      for (guint i = 0; i < counts[k]; i++)
        {
          g_autofree char *a = make_word (2 + g_rand_int_range (rng, 0, 2));
          g_autofree char *b = make_word (2 + g_rand_int_range (rng, 0, 2));

          a[0] = g_ascii_toupper (a[0]);
          b[0] = g_ascii_toupper (b[0]);
          entity_names[next++] = k == CHRONICLE_ENTITY_KIND_COUNTRY
                                   ? g_strdup_printf ("%s%u", a, i)
                                   : g_strdup_printf ("%s %s %u", a, b, i);
        }
    }

  words = g_new0 (char *, N_WORDS);
  for (guint i = 0; i < N_WORDS; i++)
    {
      g_autofree char *w = make_word (1 + MIN (4, i / 2000));

      words[i] = g_strdup_printf ("%s%s", w, i % 7 == 0 ? "s" : "");
    }
  zipf_init (&word_zipf, N_WORDS, 1.05);

  sentences = g_new0 (char *, N_SENTENCES);
  for (guint i = 0; i < N_SENTENCES; i++)
    {
      GString *s = g_string_new (NULL);
      guint n = 10 + g_rand_int_range (rng, 0, 18);

      for (guint j = 0; j < n; j++)
        {
          const char *w = words[zipf_sample (&word_zipf)];

          if (j == 0)
            {
              g_string_append_c (s, g_ascii_toupper (w[0]));
              g_string_append (s, w + 1);
            }
          else
            {
              g_string_append_c (s, ' ');
              g_string_append (s, w);
            }
        }
      g_string_append (s, ". ");
      sentences[i] = g_string_free (s, FALSE);
    }

  /* News comes in bursts: stories that run for days. */
  n_bursts = 2000;
  burst_centers = g_new (gint64, n_bursts);
  for (guint i = 0; i < n_bursts; i++)
    burst_centers[i] = START + (gint64) (g_rand_double (rng) * YEARS * 365 * DAY);
}

static gint64
sample_date (guint *burst)
{
  if (g_rand_double (rng) < 0.5)
    {
      *burst = G_MAXUINT;
      return START + (gint64) (g_rand_double (rng) * YEARS * 365 * DAY);
    }

  /* Exponential decay after the start of a burst. */
  *burst = g_rand_int_range (rng, 0, n_bursts);
  return burst_centers[*burst] + (gint64) (-log (1.0 - g_rand_double (rng)) * 2 * DAY);
}

static void
append_sentences (GString *out,
                  gsize    min_len)
{
  while (out->len < min_len)
    g_string_append (out, sentences[g_rand_int_range (rng, 0, N_SENTENCES)]);
}

static ChronicleArticle *
generate_article (guint index)
{
  ChronicleArticle *a = chronicle_article_new ();
  g_autofree char *guid = g_strdup_printf ("urn:bench:%u", index);
  g_autofree char *url = g_strdup_printf ("https://news%u.example/%u/story-%u.html?utm_source=rss",
                                          index % N_SOURCES, index % 977, index);
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  guint burst;
  gint64 published = sample_date (&burst);
  guint offset = 0;

  for (guint j = 0; j < 7; j++)
    g_string_append_printf (title, "%s%s", j ? " " : "", words[zipf_sample (&word_zipf)]);
  title->str[0] = g_ascii_toupper (title->str[0]);
  append_sentences (summary, 200);
  append_sentences (body, 1250);

  chronicle_article_set_source_id (a, 1 + index % N_SOURCES);
  chronicle_article_set_guid (a, guid);
  chronicle_article_set_url (a, url);
  chronicle_article_set_title (a, title->str);
  chronicle_article_set_summary (a, summary->str);
  chronicle_article_set_body (a, body->str);
  chronicle_article_set_published (a, published);
  chronicle_article_set_language (a, "en");

  for (guint k = 0; k < CHRONICLE_N_ENTITY_KINDS; k++)
    for (guint m = 0; m < kinds[k].per_article; m++)
      {
        guint e = kinds[k].first + zipf_sample (&kinds[k].zipf);
        ChronicleMention *mention;

        offset += 20 + g_rand_int_range (rng, 0, 120);
        mention = chronicle_mention_new (k, entity_names[e], offset, offset + 12);
        chronicle_article_add_mention (a, mention);
      }

  for (guint t = 0; t < 2; t++)
    {
      gint64 day = published - published % DAY + (g_rand_int_range (rng, -30, 30)) * DAY;
      ChronicleTimeMention *tm = chronicle_time_mention_new (day, day + DAY,
                                                             CHRONICLE_GRANULARITY_DAY,
                                                             "on Tuesday");

      tm->offset_start = 300 + t * 100;
      tm->offset_end = tm->offset_start + 10;
      chronicle_article_add_time_mention (a, tm);
    }

  if (burst != G_MAXUINT && g_rand_double (rng) < 0.6)
    {
      g_autofree char *key = g_strdup_printf ("story-%u", burst);
      const char *keys[] = { key, NULL };

      chronicle_article_set_event_keys (a, keys);
    }

  return a;
}

/* Timing helpers */

typedef struct {
  GArray *samples;
} Stat;

static int cmp_double (gconstpointer a,
                       gconstpointer b);

static void
stat_add (Stat   *s,
          double  v)
{
  if (s->samples == NULL)
    s->samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_val (s->samples, v);
}

static GArray *
stat_take_sorted (Stat *s)
{
  GArray *samples = s->samples != NULL ? s->samples : g_array_new (FALSE, FALSE, sizeof (double));

  s->samples = NULL;
  g_array_sort (samples, cmp_double);
  return samples;
}

static int
cmp_double (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint i;

  if (sorted->len == 0)
    return 0;
  i = (guint) ceil (p * sorted->len) - 1;
  return g_array_index (sorted, double, MIN (i, sorted->len - 1));
}

static void
print_metric (const char *metric,
              const char *unit,
              double      value,
              double      p50,
              double      p95)
{
  printf ("{\"metric\": \"%s\", \"unit\": \"%s\", \"value\": %.3f, \"p50\": %.3f, \"p95\": %.3f}\n",
          metric, unit, value, p50, p95);
  fflush (stdout);
}

static void
print_stat (const char *metric,
            Stat       *s)
{
  g_autoptr(GArray) samples = stat_take_sorted (s);
  double sum = 0;

  for (guint i = 0; i < samples->len; i++)
    sum += g_array_index (samples, double, i);
  print_metric (metric, "ms", samples->len > 0 ? sum / samples->len : 0,
                percentile (samples, 0.5), percentile (samples, 0.95));
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

#define AWAIT(call_async, ...) \
  ({ GAsyncResult *_r = NULL; call_async (__VA_ARGS__, result_cb, &_r); wait_for (&_r); })

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static gint64
count_articles (ChronicleStore *store)
{
  g_autoptr(ChronicleQuery) all = chronicle_query_new ();
  g_autoptr(GAsyncResult) r = AWAIT (chronicle_store_timeline_async, store, all, 0, NULL);
  g_autoptr(GArray) ids = chronicle_store_timeline_finish (store, r, NULL);

  return ids != NULL ? ids->len : 0;
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6
         + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static void
ingest (ChronicleStore *store,
        guint           n)
{
  Stat rates = { NULL };
  g_autoptr(GArray) sorted = NULL;
  double total_ms = 0;
  double cpu = 0;

  for (guint s = 0; s < N_SOURCES; s++)
    {
      g_autofree char *url = g_strdup_printf ("https://news%u.example/rss", s);
      g_autofree char *title = g_strdup_printf ("News %u", s);
      g_autoptr(ChronicleSource) source = chronicle_source_new (CHRONICLE_SOURCE_KIND_RSS, url);
      g_autoptr(GAsyncResult) r = NULL;

      chronicle_source_set_title (source, title);
      r = AWAIT (chronicle_store_add_source_async, store, source, NULL);
      if (chronicle_store_add_source_finish (store, r, NULL) < 0)
        g_error ("Could not add a source");
    }

  for (guint done = 0; done < n; done += BATCH)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GAsyncResult) r = NULL;
      g_autoptr(GArray) ids = NULL;
      g_autoptr(GError) error = NULL;
      guint size = MIN (BATCH, n - done);
      gint64 start;
      double ms;

      for (guint i = 0; i < size; i++)
        g_ptr_array_add (batch, generate_article (done + i));

      start = g_get_monotonic_time ();
      cpu -= cpu_seconds ();
      r = AWAIT (chronicle_store_upsert_articles_async, store, batch, NULL, NULL);
      ids = chronicle_store_upsert_articles_finish (store, r, NULL, &error);
      ms = ms_since (start);
      cpu += cpu_seconds ();
      if (ids == NULL)
        g_error ("Ingest failed: %s", error->message);

      total_ms += ms;
      stat_add (&rates, size / (ms / 1000.0));
      if ((done / BATCH) % 50 == 0)
        g_printerr ("ingested %u/%u (%.0f articles/s so far)\n", done + size, n,
                    (done + size) / (total_ms / 1000.0));
    }

  sorted = stat_take_sorted (&rates);
  /* p95 here is the rate 95% of batches beat (the slow tail). */
  print_metric ("ingest", "articles/s", n / (total_ms / 1000.0), percentile (sorted, 0.5),
                percentile (sorted, 0.05));
  /* The same per second of CPU actually given to the process: the machine is shared. */
  print_metric ("ingest_per_cpu_second", "articles/s", n / cpu, n / cpu, n / cpu);
}

/* Query material: popular-to-midrange entities of each kind, by rank. */
static const char *
pick_entity (ChronicleEntityKind kind,
             guint               max_rank)
{
  guint rank = g_rand_int_range (rng, 0, MIN (max_rank, kinds[kind].count));

  return entity_names[kinds[kind].first + rank];
}

static ChronicleQuery *
single_facet_query (guint i)
{
  g_autoptr(ChronicleQuery) all = chronicle_query_new ();
  gint64 source = 1 + i % N_SOURCES;
  gint64 from = START + (gint64) (g_rand_double (rng) * (YEARS - 1) * 365) * DAY;

  switch (i % 6)
    {
    case 0:
      return chronicle_query_with_entity_added (all, CHRONICLE_ENTITY_KIND_COUNTRY,
                                                pick_entity (CHRONICLE_ENTITY_KIND_COUNTRY, 100));
    case 1:
      return chronicle_query_with_entity_added (all, CHRONICLE_ENTITY_KIND_PERSON,
                                                pick_entity (CHRONICLE_ENTITY_KIND_PERSON, 1000));
    case 2:
      return chronicle_query_with_entity_added (all, CHRONICLE_ENTITY_KIND_PLACE,
                                                pick_entity (CHRONICLE_ENTITY_KIND_PLACE, 1000));
    case 3:
      return chronicle_query_with_sources (all, &source, 1);
    case 4:
      return chronicle_query_with_date_range (all, from, from + 30 * DAY);
    default:
      return chronicle_query_with_unread_only (all, TRUE);
    }
}

static gint64
read_rss_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  p = strstr (status, field);
  if (p == NULL)
    return -1;
  return g_ascii_strtoll (p + strlen (field), NULL, 10);
}

/* In a fresh process: the RSS of an app-like process holding the whole timeline. */
static int
rss_probe (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleStore) store = chronicle_store_open_sync (path, NULL, &error);
  g_autoptr(ChronicleArticleList) list = NULL;
  gint64 start = g_get_monotonic_time ();
  guint n;

  if (store == NULL)
    g_error ("%s", error->message);

  list = chronicle_article_list_new (store, NULL);
  while (chronicle_article_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));

  /* Scroll through a few screens. */
  for (guint i = 0; i < MIN (n, 500u); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  for (guint spins = 0; spins < 200 && g_main_context_pending (NULL); spins++)
    g_main_context_iteration (NULL, TRUE);
  g_usleep (100000);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  printf ("%u %.1f %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", n, ms_since (start),
          read_rss_kb ("VmRSS:"), read_rss_kb ("VmHWM:"));
  return 0;
}

static void
run_rss_probe (const char *self_path,
               const char *db)
{
  const char *argv[] = { self_path, "--rss-probe", db, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;
  double load_ms = 0;
  gint64 rss = 0, hwm = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, NULL,
                     &error))
    g_error ("%s", error->message);
  if (sscanf (out, "%u %lf %" G_GINT64_FORMAT " %" G_GINT64_FORMAT, &n, &load_ms, &rss, &hwm) != 4)
    g_error ("Bad RSS probe output: %s", out);

  print_metric ("timeline_model_full_load", "ms", load_ms, load_ms, load_ms);
  print_metric ("rss_timeline_model", "MB", rss / 1024.0, rss / 1024.0, hwm / 1024.0);
}

/* The entity views (issue 7): the entity page (detail + first timeline page), the
 * entity browser (a page of 50 with 12-month sparklines, each sort, with and without
 * a name search) and one sidebar facet under a query, with and without its search. */
static void
bench_entities (ChronicleStore *store,
                int             runs)
{
  Stat samples = { NULL };
  Stat detail_samples = { NULL };
  static const ChronicleEntityKind page_kinds[] = {
    CHRONICLE_ENTITY_KIND_PERSON, CHRONICLE_ENTITY_KIND_COUNTRY,
    CHRONICLE_ENTITY_KIND_PLACE, CHRONICLE_ENTITY_KIND_ORGANIZATION,
  };

  for (int i = 0; i < runs; i++)
    {
      ChronicleEntityKind kind = page_kinds[i % G_N_ELEMENTS (page_kinds)];
      /* Every fourth page is one of the ten most named of its kind (the worst case). */
      const char *name = pick_entity (kind, i % 4 == 0 ? 10 : 1000);
      g_autoptr(GAsyncResult) r0 = AWAIT (chronicle_store_lookup_entity_async, store, kind, name,
                                          NULL);
      g_autoptr(ChronicleEntity) entity = chronicle_store_lookup_entity_finish (store, r0, NULL);
      g_autoptr(ChronicleQuery) q0 = chronicle_query_new ();
      g_autoptr(ChronicleQuery) q = chronicle_query_with_entity_added (q0, kind, name);
      g_autoptr(GAsyncResult) r1 = NULL;
      g_autoptr(GAsyncResult) r2 = NULL;
      g_autoptr(ChronicleEntityDetail) detail = NULL;
      g_autoptr(GArray) ids = NULL;
      gint64 start;
      double detail_ms;

      if (entity == NULL)
        continue;
      start = g_get_monotonic_time ();
      r1 = AWAIT (chronicle_store_entity_detail_async, store, chronicle_entity_get_id (entity),
                  CHRONICLE_GRANULARITY_MONTH, 10, NULL);
      detail = chronicle_store_entity_detail_finish (store, r1, NULL);
      detail_ms = ms_since (start);
      r2 = AWAIT (chronicle_store_timeline_async, store, q, 100, NULL);
      ids = chronicle_store_timeline_finish (store, r2, NULL);
      stat_add (&samples, ms_since (start));
      stat_add (&detail_samples, detail_ms);
    }
  print_stat ("entity_detail", &detail_samples);
  print_stat ("entity_page_open", &samples);

  for (int i = 0; i < runs; i++)
    {
      ChronicleEntityKind kind = page_kinds[i % G_N_ELEMENTS (page_kinds)];
      ChronicleEntitySort sort = (ChronicleEntitySort) (i % 3);
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GAsyncResult) r = AWAIT (chronicle_store_list_entities_async, store, kind, sort,
                                         NULL, 0, 50, 12, NULL);
      g_autoptr(ChronicleEntityList) list = chronicle_store_list_entities_finish (store, r, NULL);

      stat_add (&samples, ms_since (start));
    }
  print_stat ("entity_list_page_50_sparklines", &samples);

  for (int i = 0; i < runs; i++)
    {
      ChronicleEntityKind kind = page_kinds[i % G_N_ELEMENTS (page_kinds)];
      g_autofree char *search = g_strndup (pick_entity (kind, 5000), 3);
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GAsyncResult) r = AWAIT (chronicle_store_list_entities_async, store, kind,
                                         CHRONICLE_ENTITY_SORT_MENTIONS, search, 0, 50, 12, NULL);
      g_autoptr(ChronicleEntityList) list = chronicle_store_list_entities_finish (store, r, NULL);

      stat_add (&samples, ms_since (start));
    }
  print_stat ("entity_list_search", &samples);

  /* One sidebar facet (a third of the time with a two-letter search) under a country:
   * over a one-year range (the common case), then over all time (the worst case). */
  for (int ranged = 1; ranged >= 0; ranged--)
    {
      for (int i = 0; i < (ranged ? runs : MAX (runs / 4, 5)); i++)
        {
          g_autoptr(ChronicleQuery) q0 = chronicle_query_new ();
          g_autoptr(ChronicleQuery) q1 = chronicle_query_with_entity_added (
            q0, CHRONICLE_ENTITY_KIND_COUNTRY, pick_entity (CHRONICLE_ENTITY_KIND_COUNTRY, 100));
          gint64 from = START + (gint64) (g_rand_double (rng) * (YEARS - 1) * 365) * DAY;
          g_autoptr(ChronicleQuery) q = ranged ? chronicle_query_with_date_range (q1, from,
                                                                                  from + 365 * DAY)
                                               : g_object_ref (q1);
          ChronicleEntityKind kind = i % 2 ? CHRONICLE_ENTITY_KIND_PERSON
                                           : CHRONICLE_ENTITY_KIND_ORGANIZATION;
          g_autofree char *search = i % 3 == 0 ? g_strndup (pick_entity (kind, 5000), 2) : NULL;
          gint64 start = g_get_monotonic_time ();
          g_autoptr(GAsyncResult) r = AWAIT (chronicle_store_facet_entities_async, store, q, kind,
                                             search, 10, NULL);
          g_autoptr(GPtrArray) facet = chronicle_store_facet_entities_finish (store, r, NULL);

          stat_add (&samples, ms_since (start));
        }
      print_stat (ranged ? "facet_one_kind_one_facet_date_range" : "facet_one_kind_one_facet_all_time",
                  &samples);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleStore) store = NULL;
  g_autofree char *db = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *self_path = NULL;
  g_autofree char *rss_db = NULL;
  g_autoptr(ChronicleQuery) all = NULL;
  g_autoptr(GArray) all_ids = NULL;
  int n_articles = 10000;
  int runs = 60;
  gboolean keep = FALSE;
  gboolean entities_only = FALSE;
  gboolean ingest_only = FALSE;
  Stat samples = { NULL };
  gint64 stored;
  GOptionEntry entries[] = {
    { "articles", 0, 0, G_OPTION_ARG_INT, &n_articles, "Articles to generate", "N" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "Database file (kept)", "PATH" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each query", "R" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the temporary database", NULL },
    { "batch", 0, 0, G_OPTION_ARG_INT, &batch_size, "Articles per upsert (default 1000)", "B" },
    { "ingest-only", 0, 0, G_OPTION_ARG_NONE, &ingest_only, "Stop after the ingest", NULL },
    { "rss-probe", 0, 0, G_OPTION_ARG_FILENAME, &rss_db, "(internal)", "PATH" },
    { "entities-only", 0, 0, G_OPTION_ARG_NONE, &entities_only,
      "Only the entity views' metrics", NULL },
    { NULL }
  };

  context = g_option_context_new ("- benchmark Chronicle's store");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (rss_db != NULL)
    return rss_probe (rss_db);

  self_path = g_canonicalize_filename (argv[0], NULL);
  if (!g_file_test (self_path, G_FILE_TEST_EXISTS))
    {
      g_free (self_path);
      self_path = g_find_program_in_path (argv[0]);
    }

  rng = g_rand_new_with_seed (20260101);
  generate_population ();

  if (db == NULL)
    {
      tmpdir = g_dir_make_tmp ("chronicle-bench-XXXXXX", &error);
      if (tmpdir == NULL)
        g_error ("%s", error->message);
      db = g_build_filename (tmpdir, "bench.db", NULL);
    }

  store = chronicle_store_open_sync (db, NULL, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  stored = count_articles (store);
  if (stored >= n_articles)
    g_printerr ("%s holds %" G_GINT64_FORMAT " articles: skipping ingest\n", db, stored);
  else if (stored == 0)
    ingest (store, n_articles);
  else
    g_error ("%s holds %" G_GINT64_FORMAT " articles, not %d", db, stored, n_articles);

  if (ingest_only)
    goto out;
  bench_entities (store, runs);
  if (entities_only)
    goto out;

  /* Full timeline ids (what the list model loads after its first page). */
  all = chronicle_query_new ();
  for (int i = 0; i < MAX (runs / 6, 3); i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GAsyncResult) r = AWAIT (chronicle_store_timeline_async, store, all, 0, NULL);

      g_clear_pointer (&all_ids, g_array_unref);
      all_ids = chronicle_store_timeline_finish (store, r, NULL);
      stat_add (&samples, ms_since (start));
    }
  print_stat ("timeline_all_ids", &samples);

  /* First timeline page: 100 ids and the first 50 articles, single-facet queries. */
  for (int i = 0; i < runs; i++)
    {
      g_autoptr(ChronicleQuery) q = single_facet_query (i);
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GAsyncResult) r1 = AWAIT (chronicle_store_timeline_async, store, q, 100, NULL);
      g_autoptr(GArray) ids = chronicle_store_timeline_finish (store, r1, NULL);
      g_autoptr(GAsyncResult) r2 = AWAIT (chronicle_store_get_articles_async, store,
                                          (gint64 *) (gpointer) ids->data, MIN (ids->len, 50u),
                                          NULL);
      g_autoptr(GPtrArray) page = chronicle_store_get_articles_finish (store, r2, NULL);

      stat_add (&samples, ms_since (start));
    }
  print_stat ("timeline_first_page_single_facet", &samples);

  /* A page of 50 articles at a random place in the timeline. */
  for (int i = 0; i < runs * 2; i++)
    {
      guint at = g_rand_int_range (rng, 0, MAX (1, (int) all_ids->len - 50));
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GAsyncResult) r = AWAIT (chronicle_store_get_articles_async, store,
                                         &g_array_index (all_ids, gint64, at),
                                         MIN (50u, all_ids->len - at), NULL);
      g_autoptr(GPtrArray) page = chronicle_store_get_articles_finish (store, r, NULL);

      stat_add (&samples, ms_since (start));
    }
  print_stat ("page_50_articles", &samples);

  /* Facet counts: one facet + a one-year date range. */
  for (int i = 0; i < runs; i++)
    {
      g_autoptr(ChronicleQuery) q0 = chronicle_query_new ();
      ChronicleEntityKind kind = i % 2 ? CHRONICLE_ENTITY_KIND_COUNTRY : CHRONICLE_ENTITY_KIND_PERSON;
      g_autoptr(ChronicleQuery) q1 = chronicle_query_with_entity_added (q0, kind,
                                                                        pick_entity (kind, 200));
      gint64 from = START + (gint64) (g_rand_double (rng) * (YEARS - 1) * 365) * DAY;
      g_autoptr(ChronicleQuery) q = chronicle_query_with_date_range (q1, from, from + 365 * DAY);
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GAsyncResult) r = AWAIT (chronicle_store_facet_counts_async, store, q, 10, NULL);
      g_autoptr(GPtrArray) facets = chronicle_store_facet_counts_finish (store, r, NULL);

      stat_add (&samples, ms_since (start));
    }
  print_stat ("facets_one_facet_date_range", &samples);

  /* Facet counts: two facets (a country and a person), no date range. */
  for (int i = 0; i < runs; i++)
    {
      g_autoptr(ChronicleQuery) q0 = chronicle_query_new ();
      g_autoptr(ChronicleQuery) q1 = chronicle_query_with_entity_added (
        q0, CHRONICLE_ENTITY_KIND_COUNTRY, pick_entity (CHRONICLE_ENTITY_KIND_COUNTRY, 30));
      g_autoptr(ChronicleQuery) q = chronicle_query_with_entity_added (
        q1, CHRONICLE_ENTITY_KIND_PERSON, pick_entity (CHRONICLE_ENTITY_KIND_PERSON, 100));
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GAsyncResult) r = AWAIT (chronicle_store_facet_counts_async, store, q, 10, NULL);
      g_autoptr(GPtrArray) facets = chronicle_store_facet_counts_finish (store, r, NULL);

      stat_add (&samples, ms_since (start));
    }
  print_stat ("facets_two_facets", &samples);

  /* Histogram under a query: everything, one facet, one facet + date range. */
  for (int i = 0; i < runs; i++)
    {
      g_autoptr(ChronicleQuery) q0 = chronicle_query_new ();
      g_autoptr(ChronicleQuery) q1 = chronicle_query_with_entity_added (
        q0, CHRONICLE_ENTITY_KIND_COUNTRY, pick_entity (CHRONICLE_ENTITY_KIND_COUNTRY, 100));
      gint64 from = START + (gint64) (g_rand_double (rng) * (YEARS - 1) * 365) * DAY;
      g_autoptr(ChronicleQuery) q2 = chronicle_query_with_date_range (q1, from, from + 365 * DAY);
      ChronicleQuery *q = i % 3 == 0 ? q0 : i % 3 == 1 ? q1 : q2;
      ChronicleGranularity bucket = i % 2 ? CHRONICLE_GRANULARITY_MONTH : CHRONICLE_GRANULARITY_DAY;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GAsyncResult) r = AWAIT (chronicle_store_histogram_async, store, q, bucket, NULL);
      g_autoptr(GArray) bins = chronicle_store_histogram_finish (store, r, NULL);

      stat_add (&samples, ms_since (start));
    }
  print_stat ("histogram", &samples);

  /* Full-text search, ranked, 50 hits with snippets: one or two words, common to rare. */
  for (int i = 0; i < runs; i++)
    {
      g_autoptr(ChronicleQuery) q0 = chronicle_query_new ();
      g_autofree char *text = NULL;
      g_autoptr(ChronicleQuery) q = NULL;
      gint64 start;
      g_autoptr(GAsyncResult) r = NULL;
      g_autoptr(GPtrArray) hits = NULL;
      guint rank = g_rand_int_range (rng, 50, 5000);

      text = i % 2 ? g_strdup (words[rank])
                   : g_strdup_printf ("%s %s", words[rank], words[g_rand_int_range (rng, 50, 2000)]);
      q = chronicle_query_with_text (q0, text);
      start = g_get_monotonic_time ();
      r = AWAIT (chronicle_store_search_async, store, q, 50, NULL);
      hits = chronicle_store_search_finish (store, r, NULL);
      stat_add (&samples, ms_since (start));
    }
  print_stat ("fulltext_search", &samples);

  /* Full-text as a timeline filter (newest first, first page). */
  for (int i = 0; i < runs; i++)
    {
      g_autoptr(ChronicleQuery) q0 = chronicle_query_new ();
      g_autoptr(ChronicleQuery) q = chronicle_query_with_text (q0,
                                                               words[g_rand_int_range (rng, 50, 5000)]);
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GAsyncResult) r = AWAIT (chronicle_store_timeline_async, store, q, 100, NULL);
      g_autoptr(GArray) ids = chronicle_store_timeline_finish (store, r, NULL);

      stat_add (&samples, ms_since (start));
    }
  print_stat ("fulltext_timeline_first_page", &samples);

out:
  g_clear_object (&store);

  {
    GStatBuf st;

    if (g_stat (db, &st) == 0)
      print_metric ("database_size", "MB", st.st_size / 1048576.0, st.st_size / 1048576.0,
                    st.st_size / 1048576.0);
  }

  if (self_path != NULL && !ingest_only)
    run_rss_probe (self_path, db);

  if (tmpdir != NULL && !keep)
    {
      g_autofree char *wal = g_strconcat (db, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db, "-shm", NULL);

      g_unlink (db);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (tmpdir);
    }

  return 0;
}
