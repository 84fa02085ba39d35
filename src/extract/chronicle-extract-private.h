/* chronicle-extract-private.h: internals shared by the extractor's files
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "chronicle-extraction.h"

G_BEGIN_DECLS

/* ---- Tokens ---------------------------------------------------------- */

typedef enum {
  TOK_WORD,
  TOK_NUMBER,
  TOK_PUNCT,
} TokKind;

enum {
  TF_CAP       = 1 << 0,  /* first character is an upper-case letter */
  TF_UPPER     = 1 << 1,  /* every letter upper case, at least two letters */
  TF_LOWER     = 1 << 2,  /* every letter lower case */
  TF_SENT      = 1 << 3,  /* first token of a sentence */
  TF_SPACE     = 1 << 4,  /* white space before the token */
  TF_NEWLINE   = 1 << 5,  /* a line break before the token */
  TF_HEADLINE  = 1 << 6,  /* on a title-case line without a full stop */
  TF_CLITIC    = 1 << 7,  /* 's, 't, 'll … split off a word */
  TF_DIGIT     = 1 << 8,  /* contains a digit */
  TF_USED      = 1 << 9,  /* taken by a time expression */
  TF_ABBREV    = 1 << 10, /* ends with a full stop that was kept ("U.S.") */
};

typedef struct {
  guint32 start;   /* byte offsets into the sanitised text */
  guint32 end;
  guint16 kind;
  guint16 flags;
} Token;

typedef struct _LexEntry LexEntry;

typedef struct {
  const char      *text;      /* valid UTF-8, NUL-terminated */
  gsize            length;
  Token           *toks;
  guint            n_toks;
  const LexEntry **lex;       /* the lower-cased lexicon entry of each word token, or NULL */
} Doc;

void     _chronicle_tokenize      (Doc *doc);
gboolean _chronicle_tok_is_punct  (const Doc *doc, guint i, char c);
gsize    _chronicle_tok_lower     (const Doc *doc, guint i, char *buf, gsize size);
gsize    _chronicle_span_key      (const Doc *doc, guint first, guint last, gboolean lower,
                                   char *buf, gsize size);

static inline guint
tok_len (const Doc *doc, guint i)
{
  return doc->toks[i].end - doc->toks[i].start;
}

/* Whether token @i is @word, ignoring ASCII case. Inline, so that the length
 * of a literal @word is known at compile time. */
static inline gboolean
_chronicle_tok_is (const Doc *doc, guint i, const char *word)
{
  gsize len = strlen (word);
  const Token *t;

  if (i >= doc->n_toks)
    return FALSE;
  t = &doc->toks[i];
  return t->end - t->start == len && g_ascii_strncasecmp (doc->text + t->start, word, len) == 0;
}

/* ---- Lexicon --------------------------------------------------------- */

enum {
  LX_PARTICLE     = 1 << 11, /* "al", "bin", "de", "van" */
  LX_FUNCTION     = 1 << 12, /* sentence-initial words that start no name */
  LX_SPEECH       = 1 << 13, /* "said", "told" */
  LX_LOCATIVE     = 1 << 14, /* "in", "near", "visited" */
  LX_FACILITY     = 1 << 15, /* "House", "Palace" */
  LX_FUTURE       = 1 << 16, /* tense cues */
  LX_PAST         = 1 << 17,
  LX_ZONE         = 1 << 18, /* time zones */
  LX_HONORIFIC    = 1 << 19, /* "Mr", "Dr" */
  LX_GROUP        = 1 << 20, /* "Sunni", "Catholic": no person, no place */
  LX_PLACE_PREFIX = 1 << 21, /* "San", "Port", "Ciudad" */
  LX_PLACE_SUFFIX = 1 << 22, /* "Province", "Valley", "Pradesh" */
  LX_NOT_ORG      = 1 << 23, /* capitalised acronyms that name no organisation: "GDP" */
  LX_EVENT_CUE    = 1 << 24, /* "Agreement", "Summit": the name of a thing, not of a person */
  LX_CURATED      = 1 << 25, /* a hand-curated place: no context needed */
  LX_COMPASS      = 1 << 26, /* "North", "Western" */
};

enum {
  LX_COUNTRY_NAME = 1 << 0,
  LX_DEMONYM      = 1 << 1,
  LX_ORG          = 1 << 2,
  LX_PLACE        = 1 << 3,
  LX_REGION       = 1 << 4,
  LX_GIVEN        = 1 << 5,
  LX_TITLE        = 1 << 6,
  LX_COMMON       = 1 << 7,  /* a lower-case English word */
  LX_PERSON       = 1 << 8,  /* a well-known person */
  LX_ORG_CUE      = 1 << 9,  /* "Army", "Ministry", … */
  LX_CAPITAL      = 1 << 10,
};

typedef struct {
  const char *country;    /* code, also the country of a place or region */
  guint32     population;
} PlaceCandidate;

struct _LexEntry {
  guint32         flags;
  guint8          max_words;   /* longest multi-word entry starting with this word */
  guint8          n_places;
  const void     *timex;       /* the TimexWord of chronicle-extract-timex.c, or NULL */
  const char     *country;     /* for LX_COUNTRY_NAME / LX_DEMONYM */
  const char     *org;         /* canonical organisation */
  const char     *person;      /* canonical person */
  const char     *place;       /* canonical place name */
  PlaceCandidate *places;
};

typedef struct {
  GHashTable   *folded;   /* lower-case key → LexEntry */
  GHashTable   *exact;    /* key as written → LexEntry */
  GHashTable   *closed;   /* the entries of closed word classes and time words, a small
                           * table for lower-case tokens that stays in cache */
  GHashTable   *country_names;  /* code → display name */
  GStringChunk *strings;
} Lexicon;

const Lexicon  *_chronicle_lexicon_get    (void);
const LexEntry *_chronicle_lexicon_lookup (const Lexicon *lex, const char *key, gboolean exact);
void            _chronicle_lexicon_annotate (const Lexicon *lex, Doc *doc);

/* The lower-cased lexicon entry of token @i, cached by _chronicle_lexicon_annotate() */
static inline const LexEntry *
tok_entry (const Doc *doc, guint i)
{
  return i < doc->n_toks && doc->lex != NULL ? doc->lex[i] : NULL;
}

static inline guint32
tok_flags (const Doc *doc, guint i)
{
  const LexEntry *e = tok_entry (doc, i);
  return e != NULL ? e->flags : 0;
}

/* The timex module's word table, for the lexicon to index. */
const void *_chronicle_timex_words (guint *n, gsize *size, const char * const **words);

/* ---- Internal results ------------------------------------------------ */

typedef struct {
  guint               first_tok;
  guint               last_tok;    /* inclusive */
  ChronicleEntityKind kind;
  const char         *canonical;   /* interned or owned by the doc's chunk */
  const char         *country;
} EntityHit;

/* What a time expression says, before it is resolved against a date. */
typedef enum {
  TK_ABS,        /* y, m, d; any may be 0 (unknown); extra: 1 when the year was written */
  TK_WEEKDAY,    /* extra: 1..7 (Monday = 1); n: -1 last, 0 bare, 1 next, 2 this; unit: part of day */
  TK_REL_DAY,    /* n: day offset (yesterday = -1); unit: part of day or 0 */
  TK_REL_UNIT,   /* unit; n: -1 last, 0 this, 1 next */
  TK_AGO,        /* unit; n: count (-1 unknown); extra: -1 ago, 1 from now */
  TK_DURATION,   /* unit; n: count (-1 unknown) */
  TK_REF,        /* extra: 0 present, 1 past, 2 future */
  TK_QUARTER,    /* n: 1..4; y: year or 0 */
  TK_SEASON,     /* extra: 0..3 (SP, SU, FA, WI); n: offset as TK_REL_UNIT */
  TK_DECADE,     /* y: first year */
  TK_CENTURY,    /* n: ordinal */
  TK_CLOCK,      /* n: hour, extra: minute */
  TK_SET,        /* unit */
  TK_WEEKEND,    /* n: -1 last, 0 this/the, 1 next */
} TimexKind;

enum {
  U_NONE, U_SECOND, U_MINUTE, U_HOUR, U_DAY, U_WEEK, U_WEEKEND, U_MONTH, U_QUARTER, U_YEAR,
  U_DECADE, U_CENTURY,
};

enum { PART_NONE, PART_MO, PART_AF, PART_EV, PART_NI };

typedef struct {
  guint first_tok;
  guint last_tok;
  int   kind;           /* TimexKind in chronicle-extract-timex.c */
  int   y, m, d;        /* parsed fields, 0 when absent */
  int   n;              /* count or offset */
  int   unit;
  int   extra;
  int   cue;            /* ChronicleTense of the context */
  gboolean strong_cue;  /* the cue is the word right before */
  gboolean anaphoric;   /* "the following year": relative to the last date named, not to today */
  int   clock;          /* 1 + minutes after midnight when a time of day was given */
  gboolean possessive;
} TimexHit;

void     _chronicle_find_timexes   (Doc *doc, GArray *hits);
void     _chronicle_align_weekdays (GArray *hits);
int      _chronicle_cue_of         (const Doc *doc, guint i);
int      _chronicle_context_tense  (const Doc *doc, guint first, guint last);
gboolean _chronicle_infer_reference (const Doc *doc, GArray *hits, GDate *date);
void     _chronicle_resolve_timex  (const TimexHit *hit, const GDate *reference,
                                    ChronicleTimex *out);

void     _chronicle_find_entities  (Doc *doc, const Lexicon *lex, GStringChunk *chunk,
                                    GArray *hits);

typedef const char * (*RenameFunc) (gpointer data, const char *name);
guint    _chronicle_extraction_rename_people (ChronicleExtraction *self, RenameFunc func,
                                              gpointer data);

G_END_DECLS
