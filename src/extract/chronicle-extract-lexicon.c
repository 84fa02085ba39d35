/* chronicle-extract-lexicon.c: the bundled data tables, loaded once
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-extract"

#include "config.h"

#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

#include "chronicle-extract-private.h"
#include "chronicle-extract-resources.h"

#define DATA_PATH RESOURCE_PREFIX "/extract/"

/* Words that, ending a run of capitalised words, make it an organisation
 * ("Free Syrian Army"), or, starting it before "of", too ("Ministry of …"). */
static const char * const org_cues[] = {
  "army", "party", "council", "union", "bank", "ministry", "organization", "organisation",
  "committee", "commission", "agency", "association", "corporation", "corp", "inc", "ltd",
  "company", "group", "institute", "university", "college", "court", "front", "movement",
  "forces", "navy", "police", "department", "service", "foundation", "fund", "authority",
  "board", "assembly", "parliament", "congress", "senate", "church", "club", "airlines",
  "airways", "league", "brigade", "brigades", "alliance", "coalition", "network", "society",
  "bureau", "exchange", "guard", "federation", "office", "administration", "cabinet",
  "tribunal", "academy", "school", "hospital", "industries", "motors", "bank", "times",
  "post", "news", "press", "television", "radio", "channel", "brotherhood",
  "center", "centre", "conference", "mission", "team", "fc",
  "systems", "technologies", "holdings", "airline", "institution", "program", "programme",
  "directorate", "command", "corps", "militia", "regime", "jihad", "taliban", "force",
  "embassy", "consulate", "tigers", "reserve", "survey", "institution", "fed", "llc", "plc",
  "cooperation", "initiative",
  "ag", "gmbh", "sa", "nv", "spa", "holding", "trading", "wireless", "aircraft", "aerospace",
  "galleries", "gallery", "planetarium", "herald", "tribune", "journal", "gazette",
  "telegraph", "observer", "communications", "pharmaceuticals", "electronics", "energy",
  "petroleum", "oil", "steel", "insurance", "capital", "partners", "securities", "studios",
  "records", "entertainment", "media", "labs", "software", "computer", "computers",
  NULL
};

/* Small closed word classes the rules ask about. */
static const char * const particles[] = {
  "al", "el", "bin", "ibn", "ben", "abu", "de", "da", "van", "von", "der", "den", "di", "du",
  "la", "le", "del", "dos", "das", "des", "y", "ter", "zu", NULL
};

static const char * const function_words[] = {
  "the", "a", "an", "in", "on", "at", "since", "during", "after", "before", "when", "while",
  "but", "and", "as", "for", "with", "from", "by", "to", "of", "this", "that", "these",
  "those", "his", "her", "its", "their", "our", "my", "it", "he", "she", "they", "we", "i",
  "there", "here", "however", "meanwhile", "together", "also", "yet", "so", "if", "although",
  "though", "because", "despite", "under", "over", "about", "then", "some", "many", "most",
  "all", "both", "each", "every", "no", "not", "one", "two", "three", "several", "another",
  "other", "such", "what", "which", "who", "whom", "why", "how", "where", "until", "unlike",
  "like", "near", "into", "across", "against", "among", "between", "without", "within",
  "speaking", "asked", "according", "earlier", "later", "last", "next", "now", "today",
  "recently", "separately", "elsewhere", "officials", "police", "witnesses", "analysts",
  "experts", "critics", "authorities", "residents", "reports", "more", "less", "few",
  "any", "even", "still", "only", "just", "once", "amid", "following", "nearly", "around",
  "almost", "you", "your", "is", "are", "was", "were", "has", "have", "had", "will", "would",
  "can", "could", "should", "may", "might", "must", "do", "does", "did", NULL
};

static const char * const speech_verbs[] = {
  "said", "says", "told", "added", "stated", "insisted", "noted", "argued", "explained",
  "warned", "declared", "announced", "urged", "wrote", "asked", "acknowledged", "denied",
  "confirmed", "claimed", "criticized", "criticised", "praised", "called", "met", "pleaded",
  "testified", "resigned", "vowed", "pledged", "apologized", "apologised", "admitted",
  "thanked", "congratulated", "replied", "recalled", "conceded", "predicted", NULL
};

static const char * const locatives[] = {
  "in", "at", "from", "near", "to", "outside", "into", "across", "around", "toward",
  "towards", "via", "through", "visit", "visited", "visiting", NULL
};

static const char * const facilities[] = {
  "house", "hall", "palace", "building", "square", "street", "avenue", "road", "airport",
  "stadium", "hotel", "park", "bridge", "tower", "headquarters", "compound", NULL
};

static const char * const future_cues[] = {
  "will", "would", "'ll", "\u2019ll", "shall", "planned", "planning", "scheduled", "soon", "expected",
  "expects", "upcoming", "pencilled", "penciled", "slated", "next", "coming", "forthcoming",
  "await", "awaits", "tomorrow", NULL
};

static const char * const past_cues[] = {
  "was", "were", "had", "did", "wasn", "weren", "didn", "hadn", "ago", "last", "took",
  "met", "went", "came", "began", "been", "since", "earlier", "saw", "won", "yesterday",
  "lost", "made", "held", "fell", "rose", "left", "gave", "got", "struck", "killed", "hit",
  "led", "ran", "sent", "spoke", "wrote", "broke", "became", "previously", "meant", "brought",
  "bought", "caught", "fought", "thought", "sought", "taught", "built", "spent", "felt", "kept",
  "paid", "laid", "sold", "stood", "understood", "drew", "grew", "knew", "threw", "flew",
  "rode", "drove", "chose", "froze", "stole", "shook", "stuck", "hung", "fed", "fled", "shot",
  "sat", "swore", "tore", "wore", "withdrew", "overthrew", "arose", NULL
};

static const char * const zones[] = {
  "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet", NULL
};

static const char * const place_prefixes[] = {
  "port", "fort", "mount", "lake", "cape", "san", "santa", "saint", "st", "ciudad", "sierra",
  "puerto", "beit", "kafr", "ras", "tel", "bandar", "bir", "wadi", "jebel", "kuala", "porto",
  "villa", "nueva", "nuevo", NULL
};

static const char * const place_suffixes[] = {
  "province", "region", "district", "county", "valley", "island", "islands", "mountains",
  "river", "sea", "gulf", "bay", "strait", "straits", "peninsula", "desert", "lake", "coast",
  "pradesh", "territory", "territories", "oblast", "prefecture", "canyon", "delta", "basin",
  "plateau", "camp", "city", "town", "village", "highlands", "mountain", "ocean", "falls",
  "heights", "strip", "bank", "archipelago", "governorate", "state", "krai", "canton",
  "plains", "plain", "isle", "isles", "hills", NULL
};

static const char * const not_orgs[] = {
  "gdp", "aids", "hiv", "tv", "ceo", "dna", "sars", "mers", "ok", "pm", "am", "bc", "ad",
  "mp", "mps", "id", "pc", "cd", "dvd", "gmt", "utc", "usd", "eur", "gps", "sms", "iq", "co2",
  "rss", "pdf", "html", "url", "faq", "ngo", "ngos", "mw", "km", "kg", "tnt", "wmd", "vip",
  "tb", "hiv/aids", "true", "false", "ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi",
  "xii", "usb", "led", "lcd", "cctv", "suv", "atm", "phd", "mba", "pr", "ap", "ft", "mph",
  "rpg", "ied", "ieds", "rpgs", "uav", "uavs", "h5n1", "h1n1", "covid", "ebola", "lng",
  "gmo", "ipo", "vat", "ppm", NULL
};

static const char * const event_cues[] = {
  "agreement", "treaty", "accord", "accords", "act", "summit", "games", "cup", "prize",
  "award", "awards", "war", "revolution", "protocol", "convention", "olympics", "festival",
  "hurricane", "storm", "typhoon", "cyclone", "plan", "initiative", "street",
  "road", "avenue", "bridge", "airport", "station", "stadium", "hotel", "museum", "prison",
  "mosque", "church", "cathedral", "temple", "palace", "square", "index", "average",
  "exchange", "championship", "championships", "open", "league", "trophy", "declaration",
  "charter", "doctrine", "report", "program", "programme", "project", "operation", "law",
  "bill", "constitution", "masjid", "hospital", "university", "school", "college", "factory",
  "plant", "mine", "refinery", "base", "field", "farm", "centre", "center", "building", NULL
};

static const char * const compass[] = {
  "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
  "upper", "lower", "northeast", "northwest", "southeast", "southwest", "northeastern",
  "northwestern", "southeastern", "southwestern", "sub", NULL
};

static const char * const honorifics[] = {
  "mr", "mrs", "ms", "miss", "dr", "sir", "dame", NULL
};

static void
lex_entry_free (gpointer data)
{
  LexEntry *e = data;

  g_free (e->places);
  g_free (e);
}

static LexEntry *entry_for (Lexicon *lex, const char *key, gboolean exact);

static void
load_class (Lexicon            *lex,
            const char * const *words,
            guint32             flag)
{
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *w = g_strcompress (words[i]);
      entry_for (lex, w, FALSE)->flags |= flag;
    }
}

static void
load_timex_words (Lexicon *lex)
{
  const char * const *words = NULL;
  gsize size = 0;
  guint n = 0;
  const char *table = _chronicle_timex_words (&n, &size, &words);

  for (guint i = 0; i < n; i++)
    {
      LexEntry *e = entry_for (lex, words[i], FALSE);

      /* The first entry of a word wins ("second" the unit, not the ordinal). */
      if (e->timex == NULL)
        e->timex = table + i * size;
    }
  g_free ((gpointer) words);
}

static LexEntry *
entry_for (Lexicon    *lex,
           const char *key,
           gboolean    exact)
{
  GHashTable *table = exact ? lex->exact : lex->folded;
  g_autofree char *folded = exact ? g_strdup (key) : g_utf8_strdown (key, -1);
  LexEntry *e = g_hash_table_lookup (table, folded);

  if (e == NULL)
    {
      e = g_new0 (LexEntry, 1);
      g_hash_table_insert (table, g_string_chunk_insert_const (lex->strings, folded), e);
    }
  return e;
}

/* Adds @surface and records, on the entry of its first token, how many tokens
 * it has, so lookups know how far to look. */
static LexEntry *
add_surface (Lexicon    *lex,
             const char *surface,
             gboolean    exact)
{
  Doc doc = { surface, strlen (surface), NULL, 0 };
  LexEntry *e;

  if (doc.length == 0)
    return NULL;

  /* Most entries are one plain word: no need to tokenise them. */
  if (strpbrk (surface, " -'.&,/()\xe2") == NULL)
    return entry_for (lex, surface, exact);

  _chronicle_tokenize (&doc);
  if (doc.n_toks > 1)
    {
      char first[128];

      if (_chronicle_span_key (&doc, 0, 0, !exact, first, sizeof first) > 0)
        {
          LexEntry *head = entry_for (lex, first, exact);
          head->max_words = MAX (head->max_words, MIN (doc.n_toks, 12));
        }
    }
  g_free (doc.toks);

  e = entry_for (lex, surface, exact);
  return e;
}

/* The lines of a bundled table, split with memchr (not g_strsplit, whose
 * strstr calls rescan the rest of the text under AddressSanitizer). */
static char **
load_lines (const char *name)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = g_strconcat (DATA_PATH, name, NULL);
  GPtrArray *lines = g_ptr_array_new ();
  const char *p, *end;
  gsize size = 0;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (bytes != NULL);
  p = g_bytes_get_data (bytes, &size);
  end = p + size;
  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl != NULL ? nl : end;

      g_ptr_array_add (lines, g_strndup (p, line_end - p));
      p = line_end + 1;
    }
  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (lines, FALSE);
}

static const char *
intern (Lexicon    *lex,
        const char *s)
{
  return g_string_chunk_insert_const (lex->strings, s);
}

static void
load_countries (Lexicon *lex)
{
  g_auto(GStrv) lines = load_lines ("countries.tsv");

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      LexEntry *e;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      f = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (f) < 3)
        continue;

      g_hash_table_insert (lex->country_names, (char *) intern (lex, f[0]),
                           (char *) intern (lex, f[1]));
      if (strchr (f[1], ',') == NULL)
        {
          e = add_surface (lex, f[1], FALSE);
          e->flags |= LX_COUNTRY_NAME;
          e->country = intern (lex, f[0]);
        }
      if (f[2][0] != '\0')
        {
          g_auto(GStrv) names = g_strsplit (f[2], "|", -1);

          for (guint k = 0; names[k] != NULL; k++)
            {
              const char *n = names[k];

              if (g_str_has_prefix (n, "the "))
                n += 4;
              e = add_surface (lex, n, FALSE);
              e->flags |= LX_COUNTRY_NAME;
              e->country = intern (lex, f[0]);
            }
        }
    }
}

static void
load_country_aliases (Lexicon *lex)
{
  g_auto(GStrv) lines = load_lines ("country-aliases.tsv");

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      const char *surface;
      LexEntry *e;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      f = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (f) < 3)
        continue;

      surface = f[2];
      if (g_str_has_prefix (surface, "the "))
        surface += 4;

      if (strcmp (f[1], "display") == 0)
        {
          g_hash_table_insert (lex->country_names, (char *) intern (lex, f[0]),
                               (char *) intern (lex, surface));
          continue;
        }

      e = add_surface (lex, surface, strcmp (f[1], "exact") == 0);
      e->flags |= strcmp (f[1], "demonym") == 0 ? LX_DEMONYM : LX_COUNTRY_NAME;
      e->country = intern (lex, f[0]);
    }
}

static void
add_place (Lexicon    *lex,
           GHashTable *builders,
           LexEntry   *e,
           const char *country,
           guint32     population)
{
  GArray *arr = g_hash_table_lookup (builders, e);

  if (arr == NULL)
    {
      arr = g_array_new (FALSE, FALSE, sizeof (PlaceCandidate));
      g_hash_table_insert (builders, e, arr);
    }
  for (guint k = 0; k < arr->len; k++)
    {
      PlaceCandidate *c = &g_array_index (arr, PlaceCandidate, k);

      if (g_strcmp0 (c->country, country) == 0)
        {
          c->population = MAX (c->population, population);
          return;
        }
    }
  {
    PlaceCandidate c = { country, population };
    g_array_append_val (arr, c);
  }
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const PlaceCandidate *x = a, *y = b;

  return x->population < y->population ? 1 : x->population > y->population ? -1 : 0;
}

static void
load_places (Lexicon *lex)
{
  g_autoptr(GHashTable) builders = g_hash_table_new_full (NULL, NULL, NULL,
                                                          (GDestroyNotify) g_array_unref);
  GHashTableIter iter;
  gpointer key, value;

  {
    g_auto(GStrv) lines = load_lines ("cities.tsv");

    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_auto(GStrv) f = NULL;
        LexEntry *e;

        if (lines[i][0] == '#' || lines[i][0] == '\0')
          continue;
        f = g_strsplit (lines[i], "\t", -1);
        if (g_strv_length (f) < 4)
          continue;

        e = add_surface (lex, f[0], FALSE);
        e->flags |= LX_PLACE;
        if (f[3][0] == 'C')
          e->flags |= LX_CAPITAL;
        if (e->place == NULL)
          e->place = intern (lex, f[0]);
        add_place (lex, builders, e, intern (lex, f[1]), (guint32) strtoul (f[2], NULL, 10));
      }
  }

  {
    g_auto(GStrv) lines = load_lines ("place-aliases.tsv");

    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_auto(GStrv) f = NULL;
        LexEntry *e;
        gboolean region;

        if (lines[i][0] == '#' || lines[i][0] == '\0')
          continue;
        f = g_strsplit (lines[i], "\t", -1);
        if (g_strv_length (f) < 4)
          continue;

        region = strcmp (f[3], "region") == 0;
        e = add_surface (lex, f[0], strcmp (f[3], "exact") == 0);
        e->flags |= (region ? LX_REGION : LX_PLACE) | LX_CURATED;
        e->place = intern (lex, f[1]);
        /* A curated reading comes first: it outranks any same-named town. */
        add_place (lex, builders, e, intern (lex, f[2]), G_MAXUINT32 / 2);
      }
  }

  g_hash_table_iter_init (&iter, builders);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      LexEntry *e = key;
      GArray *arr = value;

      g_array_sort (arr, compare_candidates);
      e->n_places = MIN (arr->len, 255);
      e->places = g_memdup2 (arr->data, sizeof (PlaceCandidate) * e->n_places);
    }
}

static void
load_word_list (Lexicon    *lex,
                const char *name,
                guint32     flag)
{
  g_auto(GStrv) lines = load_lines (name);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      LexEntry *e;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      e = add_surface (lex, lines[i], FALSE);
      e->flags |= flag;
    }
}

static void
load_organizations (Lexicon *lex)
{
  g_auto(GStrv) lines = load_lines ("organizations.tsv");

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      LexEntry *e;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      f = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (f) < 2)
        continue;
      e = add_surface (lex, f[0], f[2] != NULL && strcmp (f[2], "exact") == 0);
      e->flags |= LX_ORG;
      e->org = intern (lex, f[1]);
    }

  for (guint i = 0; org_cues[i] != NULL; i++)
    entry_for (lex, org_cues[i], FALSE)->flags |= LX_ORG_CUE;
}

static void
load_people (Lexicon *lex)
{
  g_auto(GStrv) lines = load_lines ("people.tsv");

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      LexEntry *e;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      f = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (f) < 2)
        continue;
      e = add_surface (lex, f[0], TRUE);
      e->flags |= LX_PERSON;
      e->person = intern (lex, f[1]);
      /* The full name too. */
      e = add_surface (lex, f[1], TRUE);
      e->flags |= LX_PERSON;
      e->person = intern (lex, f[1]);
    }
}

static gpointer
load_lexicon (gpointer data)
{
  Lexicon *lex = g_new0 (Lexicon, 1);

  g_resources_register (chronicle_extract_get_resource ());

  lex->strings = g_string_chunk_new (64 * 1024);
  lex->folded = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, lex_entry_free);
  lex->exact = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, lex_entry_free);
  lex->country_names = g_hash_table_new (g_str_hash, g_str_equal);

  load_word_list (lex, "common-words.txt", LX_COMMON);
  load_word_list (lex, "given-names.txt", LX_GIVEN);
  load_word_list (lex, "titles.txt", LX_TITLE);
  load_countries (lex);
  load_country_aliases (lex);
  load_places (lex);
  load_organizations (lex);
  load_people (lex);
  load_class (lex, particles, LX_PARTICLE);
  load_class (lex, function_words, LX_FUNCTION);
  load_class (lex, speech_verbs, LX_SPEECH);
  load_class (lex, locatives, LX_LOCATIVE);
  load_class (lex, facilities, LX_FACILITY);
  load_class (lex, future_cues, LX_FUTURE);
  load_class (lex, past_cues, LX_PAST);
  load_class (lex, zones, LX_ZONE);
  load_class (lex, honorifics, LX_HONORIFIC);
  load_class (lex, place_prefixes, LX_PLACE_PREFIX);
  load_class (lex, place_suffixes, LX_PLACE_SUFFIX);
  load_class (lex, not_orgs, LX_NOT_ORG);
  load_class (lex, event_cues, LX_EVENT_CUE);
  load_class (lex, compass, LX_COMPASS);
  load_word_list (lex, "groups.txt", LX_GROUP);
  load_timex_words (lex);

  {
    GHashTableIter iter;
    gpointer key, value;
    const guint32 closed = LX_PARTICLE | LX_FUNCTION | LX_SPEECH | LX_LOCATIVE | LX_FACILITY |
                           LX_FUTURE | LX_PAST | LX_ZONE | LX_HONORIFIC | LX_PLACE_SUFFIX |
                           LX_COMPASS;

    lex->closed = g_hash_table_new (g_str_hash, g_str_equal);
    g_hash_table_iter_init (&iter, lex->folded);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        LexEntry *e = value;

        if ((e->flags & closed) || e->timex != NULL)
          g_hash_table_insert (lex->closed, key, e);
      }
  }

  return lex;
}

/**
 * _chronicle_lexicon_get:
 *
 * Returns: (transfer none): the lexicon, loaded on first use from the
 *   bundled resources; immutable afterwards, so any thread may read it
 */
const Lexicon *
_chronicle_lexicon_get (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, load_lexicon, NULL);
  return once.retval;
}

const LexEntry *
_chronicle_lexicon_lookup (const Lexicon *lex,
                           const char    *key,
                           gboolean       exact)
{
  return g_hash_table_lookup (exact ? lex->exact : lex->folded, key);
}

/**
 * _chronicle_lexicon_annotate:
 *
 * Looks every word token up once, lower-cased, so the rules can ask about
 * word classes without building keys again.
 */
void
_chronicle_lexicon_annotate (const Lexicon *lex,
                             Doc           *doc)
{
  doc->lex = g_new0 (const LexEntry *, doc->n_toks + 1);

  for (guint i = 0; i < doc->n_toks; i++)
    {
      const Token *t = &doc->toks[i];
      char buf[64];

      if (t->kind != TOK_WORD || t->end - t->start >= sizeof buf)
        continue;
      if (_chronicle_span_key (doc, i, i, TRUE, buf, sizeof buf) == 0)
        continue;
      /* Lower-case words only matter as members of the closed classes. */
      doc->lex[i] = g_hash_table_lookup ((t->flags & TF_LOWER) ? lex->closed : lex->folded, buf);
    }
}

/**
 * chronicle_country_name:
 * @code: an ISO 3166-1 alpha-2 code
 *
 * Returns: (nullable): the English display name of the country ("Russia"
 *   for "RU"), or %NULL for an unknown code
 */
const char *
chronicle_country_name (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  return g_hash_table_lookup (_chronicle_lexicon_get ()->country_names, code);
}
