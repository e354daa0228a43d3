// The C library's idea of how many terminal columns a character takes.
// TwinningUI must not import ncurses, yet it has to measure text exactly the
// way ncurses will draw it (ncurses itself asks wcwidth), so it gets this
// tiny module instead. wcwidth is not exported by Swift's Glibc module, hence
// the explicit declaration.
#ifndef TWINNING_CWIDTH_H
#define TWINNING_CWIDTH_H

#include <locale.h>
#include <langinfo.h>
#include <string.h>
#include <wchar.h>

int wcwidth(wchar_t c);

/// wcwidth only knows non-ASCII characters under a UTF-8 LC_CTYPE; in the
/// "C" locale it answers -1 for "ü" and "東". Adopt the user's locale and, if
/// that is not UTF-8 (LANG unset, LC_ALL=C), fall back to C.UTF-8, which
/// exists even on a bare Debian. Returns 1 when LC_CTYPE ends up UTF-8.
static inline int tw_width_ensure_utf8_ctype(void) {
    setlocale(LC_CTYPE, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0)) return 1;
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL && setlocale(LC_CTYPE, "C.utf8") == NULL) return 0;
    codeset = nl_langinfo(CODESET);
    return codeset != NULL && strcmp(codeset, "UTF-8") == 0;
}

/// wcwidth for a Unicode scalar value (wchar_t is 32-bit UTF-32 on Linux and macOS).
static inline int tw_width_of_scalar(unsigned int scalar) {
    return wcwidth((wchar_t)scalar);
}
#endif
