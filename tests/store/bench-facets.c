/* bench-facets.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "chronicle-store.h"
#include "chronicle-store-private.h"

/* bench-facets --db PATH [--runs R] [--generator BENCH_STORE --articles N] [--sql-runs S]
 *
 * Facet counts after a filter change (issue 7), the way the window asks for them: the
 * entity facets (top 10 of each kind) and the Sources facet for one query. Queries
 * are drawn from the store itself (its most mentioned entities, words of its titles),
 * so any cache works; with --generator and an empty or missing --db, bench-store
 * --ingest-only fills it first.
 *
 * Prints one JSON object per line, as bench-store does: the first count (which builds
 * the in-memory facet index) with the index's build time, memory and the process RSS
 * growth; then p50/p95 of each query shape, with the index and (--sql-runs times)
 * with SQL alone. */

static GRand *rng;

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
print_samples (const char *metric,
               GArray     *samples)
{
  double sum = 0;

  g_array_sort (samples, cmp_double);
  for (guint i = 0; i < samples->len; i++)
    sum += g_array_index (samples, double, i);
  print_metric (metric, "ms", samples->len > 0 ? sum / samples->len : 0,
                percentile (samples, 0.5), percentile (samples, 0.95));
  g_array_set_size (samples, 0);
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

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec
         + usage.ru_stime.tv_usec / 1e6;
}

static gint64
read_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  p = strstr (status, "VmRSS:");
  return p != NULL ? g_ascii_strtoll (p + 6, NULL, 10) : -1;
}

/* What the window does after a filter change: entity facets and the Sources facet. */
static double
count_once (ChronicleStore *store,
            ChronicleQuery *query)
{
  gint64 start = g_get_monotonic_time ();
  GAsyncResult *r1 = NULL, *r2 = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GArray) sources = NULL;
  g_autoptr(GError) error = NULL;
  double ms;

  chronicle_store_facet_counts_async (store, query, 10, NULL, result_cb, &r1);
  chronicle_store_source_counts_async (store, query, NULL, result_cb, &r2);
  wait_for (&r1);
  wait_for (&r2);
  ms = ms_since (start);
  entities = chronicle_store_facet_counts_finish (store, r1, &error);
  g_assert_no_error (error);
  sources = chronicle_store_source_counts_finish (store, r2, &error);
  g_assert_no_error (error);
  g_object_unref (r1);
  g_object_unref (r2);
  return ms;
}

typedef struct {
  GPtrArray *countries;
  GPtrArray *people;
  GPtrArray *words;
} Material;

static const char *
pick (GPtrArray *from)
{
  return g_ptr_array_index (from, g_rand_int_range (rng, 0, from->len));
}

static ChronicleQuery *
make_query (Material *m,
            guint     shape,
            gint64    first,
            gint64    last)
{
  g_autoptr(ChronicleQuery) all = chronicle_query_new ();
  g_autoptr(ChronicleQuery) q1 = NULL;
  gint64 from;

  switch (shape)
    {
    case 0: /* no filter */
      return g_steal_pointer (&all);
    case 1: /* one country, all time */
      return chronicle_query_with_entity_added (all, CHRONICLE_ENTITY_KIND_COUNTRY, pick (m->countries));
    case 2: /* one country, one year */
      q1 = chronicle_query_with_entity_added (all, CHRONICLE_ENTITY_KIND_COUNTRY, pick (m->countries));
      from = first + (gint64) (g_rand_double (rng) * MAX (0, last - first - 365 * 86400));
      return chronicle_query_with_date_range (q1, from, from + 365 * 86400);
    case 3: /* a country and a person */
      q1 = chronicle_query_with_entity_added (all, CHRONICLE_ENTITY_KIND_COUNTRY, pick (m->countries));
      return chronicle_query_with_entity_added (q1, CHRONICLE_ENTITY_KIND_PERSON, pick (m->people));
    case 4: /* search text and a country */
      q1 = chronicle_query_with_text (all, pick (m->words));
      return chronicle_query_with_entity_added (q1, CHRONICLE_ENTITY_KIND_COUNTRY, pick (m->countries));
    case 5: /* the most mentioned country, all time (the largest facet); an end past
             * the newest article, different each time, so that no answer is reused */
      q1 = chronicle_query_with_entity_added (all, CHRONICLE_ENTITY_KIND_COUNTRY,
                                              g_ptr_array_index (m->countries, 0));
      return chronicle_query_with_date_range (q1, 0, last + 86400 + g_rand_int_range (rng, 0, 1000000));
    case 6: /* search text alone */
      return chronicle_query_with_text (all, pick (m->words));
    case 7: /* a one-month range alone */
      from = first + (gint64) (g_rand_double (rng) * MAX (0, last - first - 30 * 86400));
      return chronicle_query_with_date_range (all, from, from + 30 * 86400);
    default: /* Unread alone (every article of a generated cache is unread); an end past
              * the newest article, different each time, so that no answer is reused */
      q1 = chronicle_query_with_unread_only (all, TRUE);
      return chronicle_query_with_date_range (q1, 0, last + 86400 + g_rand_int_range (rng, 0, 1000000));
    }
}

static const char *shape_names[] = {
  "no_filter", "one_country_all_time", "one_country_one_year", "two_facets", "text_and_country",
  "top_country_all_time", "text_only", "one_month_only", "unread_only",
};

static void
collect_material (ChronicleStore *store,
                  Material       *m,
                  gint64         *first,
                  gint64         *last)
{
  g_autoptr(ChronicleQuery) all = chronicle_query_new ();
  g_autoptr(GAsyncResult) r = AWAIT (chronicle_store_facet_counts_async, store, all, 100, NULL);
  g_autoptr(GPtrArray) top = chronicle_store_facet_counts_finish (store, r, NULL);
  g_autoptr(GAsyncResult) r2 = AWAIT (chronicle_store_timeline_async, store, all, 0, NULL);
  g_autoptr(GArray) ids = chronicle_store_timeline_finish (store, r2, NULL);
  g_autoptr(GAsyncResult) r3 = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GArray) some = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  m->countries = g_ptr_array_new_with_free_func (g_free);
  m->people = g_ptr_array_new_with_free_func (g_free);
  m->words = g_ptr_array_new_with_free_func (g_free);
  g_assert_nonnull (top);
  g_assert_nonnull (ids);
  g_assert_cmpuint (ids->len, >, 0);

  for (guint i = 0; i < top->len; i++)
    {
      ChronicleEntity *e = g_ptr_array_index (top, i);

      if (chronicle_entity_get_kind (e) == CHRONICLE_ENTITY_KIND_COUNTRY)
        g_ptr_array_add (m->countries, g_strdup (chronicle_entity_get_name (e)));
      else if (chronicle_entity_get_kind (e) == CHRONICLE_ENTITY_KIND_PERSON)
        g_ptr_array_add (m->people, g_strdup (chronicle_entity_get_name (e)));
    }

  /* Newest first. */
  *last = 0;
  *first = 0;
  for (guint i = 0; i < 40; i++)
    g_array_append_val (some, g_array_index (ids, gint64, g_rand_int_range (rng, 0, ids->len)));
  r3 = AWAIT (chronicle_store_get_articles_async, store, (gint64 *) (gpointer) some->data,
              some->len, NULL);
  articles = chronicle_store_get_articles_finish (store, r3, NULL);
  for (guint i = 0; articles != NULL && i < articles->len; i++)
    {
      ChronicleArticle *a = g_ptr_array_index (articles, i);
      g_auto(GStrv) parts = g_strsplit (chronicle_article_get_title (a) ? chronicle_article_get_title (a) : "",
                                        " ", -1);
      gint64 t = chronicle_article_get_published (a);

      *first = *first == 0 ? t : MIN (*first, t);
      *last = MAX (*last, t);
      for (guint j = 0; parts[j] != NULL; j++)
        if (strlen (parts[j]) >= 4 && g_hash_table_add (seen, parts[j]))
          g_ptr_array_add (m->words, g_strdup (parts[j]));
    }
  if (m->words->len == 0)
    g_ptr_array_add (m->words, g_strdup ("news"));
  if (m->people->len == 0)
    g_ptr_array_add (m->people, g_strdup ("nobody"));
  if (m->countries->len == 0)
    g_ptr_array_add (m->countries, g_strdup ("nowhere"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleStore) store = NULL;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *db = NULL;
  g_autofree char *generator = NULL;
  g_autofree char *tmpdir = NULL;
  Material m = { NULL, };
  gint64 first, last, rss0, build_usec = 0;
  gsize bytes = 0;
  guint n_builds = 0;
  int runs = 30, sql_runs = 3, articles = 100000;
  double cpu0, ms;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "Database file", "PATH" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each query shape", "R" },
    { "sql-runs", 0, 0, G_OPTION_ARG_INT, &sql_runs, "Runs of each shape with SQL alone", "S" },
    { "generator", 0, 0, G_OPTION_ARG_FILENAME, &generator, "bench-store, to fill --db", "PATH" },
    { "articles", 0, 0, G_OPTION_ARG_INT, &articles, "Articles to generate", "N" },
    { NULL }
  };

  context = g_option_context_new ("- benchmark Chronicle's facet counts");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (db == NULL)
    {
      tmpdir = g_dir_make_tmp ("chronicle-bench-facets-XXXXXX", &error);
      g_assert_no_error (error);
      db = g_build_filename (tmpdir, "bench.db", NULL);
    }
  if (generator != NULL && !g_file_test (db, G_FILE_TEST_EXISTS))
    {
      g_autofree char *n = g_strdup_printf ("%d", articles);
      const char *gen_argv[] = { generator, "--articles", n, "--db", db, "--ingest-only", NULL };
      int status = 0;

      if (!g_spawn_sync (NULL, (char **) gen_argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                         NULL, NULL, &status, &error)
          || !g_spawn_check_wait_status (status, &error))
        g_error ("%s", error->message);
    }

  rng = g_rand_new_with_seed (20261126);
  store = chronicle_store_open_sync (db, NULL, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  collect_material (store, &m, &first, &last);

  /* The first count under a filter builds the index. */
  {
    g_autoptr(ChronicleQuery) q = make_query (&m, 1, first, last);

    rss0 = read_rss_kb ();
    cpu0 = cpu_seconds ();
    ms = count_once (store, q);
    _chronicle_store_get_facet_index_stats (store, &build_usec, &bytes, &n_builds);
    print_metric ("facet_first_count_with_build", "ms", ms, ms, ms);
    print_metric ("facet_index_build", "ms", build_usec / 1000.0, build_usec / 1000.0,
                  build_usec / 1000.0);
    print_metric ("facet_index_build_cpu", "s", cpu_seconds () - cpu0, 0, 0);
    print_metric ("facet_index_memory", "MB", bytes / 1048576.0, bytes / 1048576.0,
                  bytes / 1048576.0);
    print_metric ("facet_index_rss_delta", "MB", (read_rss_kb () - rss0) / 1024.0, 0, 0);
  }

  for (guint shape = 0; shape < G_N_ELEMENTS (shape_names); shape++)
    {
      g_autofree char *name = g_strdup_printf ("facets_%s", shape_names[shape]);
      g_autofree char *cpu_name = g_strdup_printf ("facets_%s_cpu_per_run", shape_names[shape]);

      cpu0 = cpu_seconds ();
      for (int i = 0; i < runs; i++)
        {
          g_autoptr(ChronicleQuery) q = make_query (&m, shape, first, last);
          ms = count_once (store, q);

          g_array_append_val (samples, ms);
        }
      print_samples (name, samples);
      print_metric (cpu_name, "ms",
                    (cpu_seconds () - cpu0) * 1000.0 / MAX (runs, 1), 0, 0);
    }

  _chronicle_store_set_use_facet_index (store, FALSE);
  for (guint shape = 0; sql_runs > 0 && shape < G_N_ELEMENTS (shape_names); shape++)
    {
      g_autofree char *name = g_strdup_printf ("facets_sql_%s", shape_names[shape]);

      for (int i = 0; i < sql_runs; i++)
        {
          g_autoptr(ChronicleQuery) q = make_query (&m, shape, first, last);
          ms = count_once (store, q);

          g_array_append_val (samples, ms);
        }
      print_samples (name, samples);
    }

  _chronicle_store_get_facet_index_stats (store, NULL, NULL, &n_builds);
  print_metric ("facet_index_builds", "count", n_builds, n_builds, n_builds);

  g_clear_pointer (&m.countries, g_ptr_array_unref);
  g_clear_pointer (&m.people, g_ptr_array_unref);
  g_clear_pointer (&m.words, g_ptr_array_unref);
  g_clear_object (&store);
  g_rand_free (rng);

  if (tmpdir != NULL)
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
