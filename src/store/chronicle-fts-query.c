/* chronicle-fts-query.c
 *
 * Copyright 2026 The Chronicle authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-store"

#include "config.h"

#include <string.h>

#include "chronicle-fts-query.h"

/* The user's search syntax, parsed and re-emitted as an FTS5 expression that is
 * always valid: every word and phrase is quoted, operators are kept only between
 * operands (AND spelled out), parentheses only when balanced, NEAR only in its
 * NEAR(a b, N) form. */

typedef enum {
  TOKEN_WORD,
  TOKEN_PHRASE,
  TOKEN_OPEN,
  TOKEN_CLOSE,
  TOKEN_AND,
  TOKEN_OR,
  TOKEN_NOT,
  TOKEN_NEAR,
} TokenType;

typedef struct {
  TokenType type;
  char *text;
  gboolean prefix;
} Token;

typedef struct {
  GArray *tokens;
  guint pos;
} Parser;

static void
token_clear (gpointer data)
{
  Token *token = data;

  g_free (token->text);
}

static void
add_token (GArray     *tokens,
           TokenType   type,
           const char *text,
           gsize       len,
           gboolean    prefix)
{
  Token token = { type, text != NULL ? g_strndup (text, len) : NULL, prefix };

  g_array_append_val (tokens, token);
}

static GArray *
tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  const char *p = text;

  g_array_set_clear_func (tokens, token_clear);

  while (*p != '\0')
    {
      if (g_ascii_isspace (*p))
        {
          p++;
        }
      else if (*p == '(')
        {
          add_token (tokens, TOKEN_OPEN, NULL, 0, FALSE);
          p++;
        }
      else if (*p == ')')
        {
          add_token (tokens, TOKEN_CLOSE, NULL, 0, FALSE);
          p++;
        }
      else if (*p == '"')
        {
          const char *start = ++p;
          const char *end = strchr (start, '"');
          gboolean prefix = FALSE;

          if (end == NULL)
            end = start + strlen (start);
          p = *end == '"' ? end + 1 : end;
          if (*p == '*')
            {
              prefix = TRUE;
              p++;
            }
          add_token (tokens, TOKEN_PHRASE, start, end - start, prefix);
        }
      else
        {
          const char *start = p;
          gsize len;

          while (*p != '\0' && !g_ascii_isspace (*p) && *p != '(' && *p != ')' && *p != '"')
            p++;
          len = p - start;

          if (len == 3 && strncmp (start, "AND", 3) == 0)
            add_token (tokens, TOKEN_AND, start, len, FALSE);
          else if (len == 2 && strncmp (start, "OR", 2) == 0)
            add_token (tokens, TOKEN_OR, start, len, FALSE);
          else if (len == 3 && strncmp (start, "NOT", 3) == 0)
            add_token (tokens, TOKEN_NOT, start, len, FALSE);
          else if (len == 4 && strncmp (start, "NEAR", 4) == 0)
            add_token (tokens, TOKEN_NEAR, start, len, FALSE);
          else
            {
              gboolean prefix = len > 1 && start[len - 1] == '*';

              add_token (tokens, TOKEN_WORD, start, prefix ? len - 1 : len, prefix);
            }
        }
    }

  return tokens;
}

static Token *
peek (Parser *parser)
{
  if (parser->pos >= parser->tokens->len)
    return NULL;
  return &g_array_index (parser->tokens, Token, parser->pos);
}

/* Has at least one letter or digit, so the tokenizer will produce a token. */
static gboolean
has_word_chars (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        return FALSE;
      if (g_unichar_isalnum (c))
        return TRUE;
    }
  return FALSE;
}

static void
append_quoted (GString    *out,
               const char *text,
               gboolean    prefix)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      if (*p == '*' && !prefix)
        {
          g_string_append_c (out, ' ');
          continue;
        }
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  if (prefix)
    g_string_append_c (out, '*');
}

/* A word or phrase, quoted; FALSE if it has nothing searchable. */
static gboolean
emit_phrase (GString *out,
             Token   *token)
{
  g_autofree char *clean = NULL;

  if (!has_word_chars (token->text))
    return FALSE;

  /* Stars inside a word are not operators: drop them. */
  clean = g_strdup (token->text);
  g_strdelimit (clean, "*", ' ');
  append_quoted (out, clean, token->prefix);
  return TRUE;
}

static void parse_expr (Parser  *parser,
                        guint    depth,
                        GString *out);

static gboolean
parse_near (Parser  *parser,
            GString *out)
{
  g_autoptr(GString) inner = g_string_new (NULL);
  guint n_phrases = 0;
  int distance = -1;
  gboolean want_distance = FALSE;
  Token *token;

  parser->pos++; /* ( */
  while ((token = peek (parser)) != NULL && token->type != TOKEN_CLOSE)
    {
      parser->pos++;
      if (token->type == TOKEN_WORD || token->type == TOKEN_PHRASE)
        {
          g_autofree char *text = g_strdup (token->text);
          gsize len = strlen (text);
          guint64 number;

          if (token->type == TOKEN_WORD && len > 0 && text[0] == ',')
            {
              memmove (text, text + 1, len);
              len--;
              want_distance = TRUE;
            }
          if (want_distance && token->type == TOKEN_WORD
              && g_ascii_string_to_unsigned (text, 10, 0, 1000, &number, NULL))
            {
              distance = (int) number;
              want_distance = FALSE;
              continue;
            }
          if (token->type == TOKEN_WORD && len > 0 && text[len - 1] == ',')
            {
              text[--len] = '\0';
              want_distance = TRUE;
            }
          if (has_word_chars (text))
            {
              Token copy = { token->type, text, token->prefix };

              if (n_phrases > 0)
                g_string_append_c (inner, ' ');
              emit_phrase (inner, &copy);
              n_phrases++;
            }
        }
    }
  if (token != NULL)
    parser->pos++; /* ) */

  if (n_phrases == 0)
    return FALSE;
  if (n_phrases == 1)
    {
      g_string_append (out, inner->str);
      return TRUE;
    }

  g_string_append_printf (out, "NEAR(%s", inner->str);
  if (distance >= 0)
    g_string_append_printf (out, ", %d", distance);
  g_string_append_c (out, ')');
  return TRUE;
}

static gboolean
parse_term (Parser  *parser,
            guint    depth,
            GString *out)
{
  Token *token = peek (parser);

  if (token == NULL)
    return FALSE;
  parser->pos++;

  switch (token->type)
    {
    case TOKEN_WORD:
    case TOKEN_PHRASE:
      return emit_phrase (out, token);

    case TOKEN_OPEN:
      {
        g_autoptr(GString) inner = g_string_new (NULL);
        Token *next;

        parse_expr (parser, depth + 1, inner);
        next = peek (parser);
        if (next != NULL && next->type == TOKEN_CLOSE)
          parser->pos++;
        if (inner->len == 0)
          return FALSE;
        g_string_append_printf (out, "(%s)", inner->str);
        return TRUE;
      }

    case TOKEN_NEAR:
      {
        Token *next = peek (parser);

        if (next != NULL && next->type == TOKEN_OPEN)
          return parse_near (parser, out);

        /* A bare NEAR is just the word. */
        append_quoted (out, "NEAR", FALSE);
        return TRUE;
      }

    case TOKEN_CLOSE:
    case TOKEN_AND:
    case TOKEN_OR:
    case TOKEN_NOT:
    default:
      return FALSE;
    }
}

static void
parse_expr (Parser  *parser,
            guint    depth,
            GString *out)
{
  const char *pending_op = NULL;
  Token *token;

  while ((token = peek (parser)) != NULL)
    {
      g_autoptr(GString) term = NULL;

      if (token->type == TOKEN_CLOSE)
        {
          if (depth > 0)
            return;
          parser->pos++; /* unbalanced: ignore */
          continue;
        }

      if (token->type == TOKEN_AND || token->type == TOKEN_OR || token->type == TOKEN_NOT)
        {
          if (out->len > 0)
            pending_op = token->text;
          parser->pos++;
          continue;
        }

      term = g_string_new (NULL);
      if (parse_term (parser, depth, term))
        {
          /* FTS5 refuses an implicit AND next to a group: always spell it out. */
          if (out->len > 0)
            g_string_append_printf (out, " %s ", pending_op != NULL ? pending_op : "AND");
          g_string_append_len (out, term->str, term->len);
          pending_op = NULL;
        }
    }
}

/**
 * chronicle_fts_query_from_user:
 * @text: (nullable): what the user typed in a search field
 *
 * Turns user search syntax into a valid FTS5 query. Supported: words (all must
 * match), "quoted phrases", prefix*, AND / OR / NOT between terms, (grouping), and
 * NEAR(word word, N). Anything else is searched literally, so no input produces an
 * SQL error: unbalanced quotes end at the end of the text, unbalanced parentheses are
 * dropped or closed, dangling operators are dropped.
 *
 * Returns: (transfer full) (nullable): the FTS5 expression, or %NULL when nothing in
 *   @text is searchable
 */
char *
chronicle_fts_query_from_user (const char *text)
{
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  Parser parser;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  tokens = tokenize (text);
  parser.tokens = tokens;
  parser.pos = 0;
  parse_expr (&parser, 0, out);

  if (out->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}
