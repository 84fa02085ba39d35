/* chronicle-time-mention.h
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * ChronicleGranularity:
 * @CHRONICLE_GRANULARITY_DAY: one day
 * @CHRONICLE_GRANULARITY_WEEK: a week, Monday to Sunday (ISO 8601)
 * @CHRONICLE_GRANULARITY_MONTH: a calendar month
 * @CHRONICLE_GRANULARITY_QUARTER: a calendar quarter
 * @CHRONICLE_GRANULARITY_YEAR: a calendar year
 * @CHRONICLE_GRANULARITY_DECADE: a decade (2020–2029)
 * @CHRONICLE_GRANULARITY_CENTURY: a century (2001–2100 counts as 2000–2099 here)
 *
 * How precise a period is. Also the bucket size of histograms (day, week, month,
 * year). The numeric values are stored in databases: append only.
 */
typedef enum {
  CHRONICLE_GRANULARITY_DAY,
  CHRONICLE_GRANULARITY_WEEK,
  CHRONICLE_GRANULARITY_MONTH,
  CHRONICLE_GRANULARITY_QUARTER,
  CHRONICLE_GRANULARITY_YEAR,
  CHRONICLE_GRANULARITY_DECADE,
  CHRONICLE_GRANULARITY_CENTURY,
} ChronicleGranularity;

/**
 * ChronicleTimeRelation:
 * @CHRONICLE_TIME_RELATION_PAST: the period ended before the article was published
 * @CHRONICLE_TIME_RELATION_PRESENT: the period contains the publication date
 * @CHRONICLE_TIME_RELATION_FUTURE: the period starts after the publication date
 *
 * Where a referenced period lies relative to the article's publication.
 */
typedef enum {
  CHRONICLE_TIME_RELATION_PAST,
  CHRONICLE_TIME_RELATION_PRESENT,
  CHRONICLE_TIME_RELATION_FUTURE,
} ChronicleTimeRelation;

/**
 * ChronicleTimeMention:
 * @article_id: the article's id, or 0 before it is stored
 * @start: the first second of the referenced period (Unix time, UTC)
 * @end: the first second after the period (exclusive)
 * @granularity: how precise the period is
 * @relation: past, present or future relative to the article's publication (the store
 *   computes it from the publication date when saving, see
 *   chronicle_time_mention_relation_to())
 * @text: the expression as written ("next Tuesday", "in March 2024")
 * @offset_start: character offset of @text in the article's text
 * @offset_end: character offset one past @text
 *
 * A period an article refers to. A boxed struct, like #ChronicleMention, for the same
 * reasons: many per batch, never observed.
 */
typedef struct {
  gint64 article_id;
  gint64 start;
  gint64 end;
  ChronicleGranularity granularity;
  ChronicleTimeRelation relation;
  char *text;
  guint offset_start;
  guint offset_end;
} ChronicleTimeMention;

#define CHRONICLE_TYPE_TIME_MENTION (chronicle_time_mention_get_type ())

GType                 chronicle_time_mention_get_type       (void) G_GNUC_CONST;
ChronicleTimeMention *chronicle_time_mention_new            (gint64                      start,
                                                             gint64                      end,
                                                             ChronicleGranularity        granularity,
                                                             const char                 *text);
ChronicleTimeMention *chronicle_time_mention_copy           (const ChronicleTimeMention *self);
void                  chronicle_time_mention_free           (ChronicleTimeMention       *self);
gboolean              chronicle_time_mention_equal          (const ChronicleTimeMention *a,
                                                             const ChronicleTimeMention *b);
ChronicleTimeRelation chronicle_time_mention_relation_to    (const ChronicleTimeMention *self,
                                                             gint64                      published);

gint64                chronicle_granularity_floor           (ChronicleGranularity        granularity,
                                                             gint64                      time);
gint64                chronicle_granularity_next            (ChronicleGranularity        granularity,
                                                             gint64                      time);
const char           *chronicle_granularity_to_string       (ChronicleGranularity        granularity);
gboolean              chronicle_granularity_from_string     (const char                 *str,
                                                             ChronicleGranularity       *granularity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronicleTimeMention, chronicle_time_mention_free)

G_END_DECLS
