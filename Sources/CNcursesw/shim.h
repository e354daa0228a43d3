// Bridges ncurses (wide-character build) to Swift.
// Macros and C globals are not imported by Swift (or are rejected by Swift 6
// strict concurrency), so they are wrapped in tiny inline functions here.
#ifndef TWINNING_CNCURSESW_SHIM_H
#define TWINNING_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <wchar.h>
#include <curses.h>

int wcwidth(wchar_t c);
int wcswidth(const wchar_t *s, size_t n);

static inline WINDOW *tw_stdscr(void) { return stdscr; }
static inline int tw_lines(void) { return LINES; }
static inline int tw_cols(void) { return COLS; }
static inline int tw_key_f(int n) { return KEY_F(n); }
static inline attr_t tw_a_bold(void) { return A_BOLD; }
static inline attr_t tw_a_reverse(void) { return A_REVERSE; }
static inline attr_t tw_a_underline(void) { return A_UNDERLINE; }
static inline attr_t tw_a_dim(void) { return A_DIM; }
static inline attr_t tw_a_normal(void) { return A_NORMAL; }
static inline FILE *tw_stdout(void) { return stdout; }
static inline FILE *tw_stdin(void) { return stdin; }

/// Writes one cell: `n` wide characters (a base character plus combining marks)
/// with attributes and a colour pair, at (y, x).
static inline int tw_put_cell(int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t cc;
    if (setcchar(&cc, wch, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(stdscr, y, x, &cc);
}
#endif
