// DOC(text): a documentation string (a keyword's or field's description, form or schema) that stays beside what it
// documents in the source but is left out of the pages' engines (YIBAO_LEAN), which never list their tables.
// READER(fn): a keyword's reader from a ruleset's JSON, beside its evaluation in the vocabulary's table but left out
// of an engine that reads its rulesets only in the compact form (YIBAO_COMPACT_ONLY, the pages' engines:
// rules/compact.hpp), where nothing reads a ruleset's JSON.
#pragma once

#ifdef YIBAO_LEAN
#define DOC(text) ""
#else
#define DOC(text) text
#endif

#ifdef YIBAO_COMPACT_ONLY
#define READER(...) nullptr
#else
#define READER(...) __VA_ARGS__
#endif
