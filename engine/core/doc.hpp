// DOC(text): a documentation string (a keyword's or field's description, form or schema) that stays beside what it
// documents in the source but is left out of the page's engine (YIBAO_LEAN), which never lists its tables.
#pragma once

#ifdef YIBAO_LEAN
#define DOC(text) ""
#else
#define DOC(text) text
#endif
