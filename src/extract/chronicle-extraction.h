/* chronicle-extraction.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

/* Entity kinds are the model's: ChronicleEntityKind and its stable names. */
#include "chronicle-entity.h"

G_BEGIN_DECLS

/**
 * ChronicleTimexType:
 *
 * The TIMEX3 types.
 */
typedef enum {
  CHRONICLE_TIMEX_DATE,
  CHRONICLE_TIMEX_TIME,
  CHRONICLE_TIMEX_DURATION,
  CHRONICLE_TIMEX_SET,
} ChronicleTimexType;

/**
 * ChronicleTimexGranularity:
 *
 * How precise a resolved DATE or TIME is. %CHRONICLE_TIMEX_GRANULARITY_NONE for
 * durations, sets, unresolved values and PRESENT_REF/PAST_REF/FUTURE_REF.
 */
typedef enum {
  CHRONICLE_TIMEX_GRANULARITY_NONE,
  CHRONICLE_TIMEX_GRANULARITY_TIME,
  CHRONICLE_TIMEX_GRANULARITY_DAY,
  CHRONICLE_TIMEX_GRANULARITY_WEEK,
  CHRONICLE_TIMEX_GRANULARITY_MONTH,
  CHRONICLE_TIMEX_GRANULARITY_QUARTER,
  CHRONICLE_TIMEX_GRANULARITY_SEASON,
  CHRONICLE_TIMEX_GRANULARITY_YEAR,
  CHRONICLE_TIMEX_GRANULARITY_DECADE,
  CHRONICLE_TIMEX_GRANULARITY_CENTURY,
} ChronicleTimexGranularity;

/**
 * ChronicleTense:
 *
 * Where a time expression lies relative to the reference (publication) date.
 */
typedef enum {
  CHRONICLE_TENSE_UNKNOWN,
  CHRONICLE_TENSE_PAST,
  CHRONICLE_TENSE_PRESENT,
  CHRONICLE_TENSE_FUTURE,
} ChronicleTense;

/**
 * ChronicleEntitySpan:
 * @start: first code point of the mention in the input text
 * @end: code point after the mention (end exclusive)
 * @text: the mention as written
 * @kind: what it names
 * @canonical: the name it resolves to ("Kerry" → "John Kerry", "Russian" →
 *   "Russia", "FSA" → "Free Syrian Army")
 * @country: ISO 3166-1 alpha-2 code of the country (countries and places),
 *   or the empty string
 */
typedef struct {
  guint                start;
  guint                end;
  char                *text;
  ChronicleEntityKind  kind;
  char                *canonical;
  char                 country[3];
} ChronicleEntitySpan;

/**
 * ChronicleTimex:
 * @start: first code point, as for #ChronicleEntitySpan
 * @end: code point after the expression
 * @text: the expression as written
 * @type: its TIMEX3 type
 * @value: its TIMEX3 value ("2015-12-18", "2015-09", "P2D", "PRESENT_REF",
 *   "XXXX-05-12" when there is no reference date)
 * @granularity: precision of @first_day/@last_day
 * @first_day: first day the expression covers (invalid if unresolved)
 * @last_day: last day it covers (invalid if unresolved)
 * @tense: before, at or after the reference date
 */
typedef struct {
  guint                     start;
  guint                     end;
  char                     *text;
  ChronicleTimexType        type;
  char                     *value;
  ChronicleTimexGranularity granularity;
  GDate                     first_day;
  GDate                     last_day;
  ChronicleTense            tense;
} ChronicleTimex;

typedef struct _ChronicleExtraction ChronicleExtraction;

#define CHRONICLE_TYPE_EXTRACTION (chronicle_extraction_get_type ())

GType                      chronicle_extraction_get_type          (void) G_GNUC_CONST;

ChronicleExtraction       *chronicle_extract                      (const char    *text,
                                                                   gssize         length,
                                                                   const GDate   *reference_date,
                                                                   GError       **error);
ChronicleExtraction       *chronicle_extraction_new_from_entities (const ChronicleEntitySpan *entities,
                                                                   guint                      n_entities,
                                                                   const GDate               *reference_date);
void                       chronicle_extract_preload              (void);

ChronicleExtraction       *chronicle_extraction_ref               (ChronicleExtraction *self);
void                       chronicle_extraction_unref             (ChronicleExtraction *self);

const ChronicleEntitySpan *chronicle_extraction_get_entities      (ChronicleExtraction *self,
                                                                   guint               *n_entities);
const ChronicleTimex      *chronicle_extraction_get_timexes       (ChronicleExtraction *self,
                                                                   guint               *n_timexes);
const GDate               *chronicle_extraction_get_reference_date (ChronicleExtraction *self);
gboolean                   chronicle_extraction_get_reference_date_inferred (ChronicleExtraction *self);
gboolean                   chronicle_extraction_get_event_date    (ChronicleExtraction *self,
                                                                   GDate               *date);

const char                *chronicle_timex_type_to_string         (ChronicleTimexType  type);
const char                *chronicle_country_name                 (const char         *code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronicleExtraction, chronicle_extraction_unref)

G_END_DECLS
