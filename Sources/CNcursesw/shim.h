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
#include <term.h>
#include <stdlib.h>
#include <string.h>

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

// ---- added for NcursesTerminal ----------------------------------------

/// setlocale(LC_ALL, "") as ncurses requires, then C.UTF-8 for LC_CTYPE when
/// the user's locale is not UTF-8 (LANG unset, LC_ALL=C): without it
/// "Düsseldorf" is drawn as "Dsseldorf". Returns 1 when LC_CTYPE is UTF-8.
static inline int tw_setup_locale(void) {
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset != NULL && strcmp(codeset, "UTF-8") == 0) return 1;
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL && setlocale(LC_CTYPE, "C.utf8") == NULL) return 0;
    codeset = nl_langinfo(CODESET);
    return codeset != NULL && strcmp(codeset, "UTF-8") == 0;
}

/// newterm on the process's stdout/stdin (the FILE* globals are not usable
/// from Swift 6). Returns NULL instead of exiting when TERM is unknown.
static inline SCREEN *tw_newterm(const char *type) { return newterm(type, stdout, stdin); }

/// A terminfo string capability, or NULL when the terminal has none
/// (tigetstr answers (char *)-1 for "not a string capability").
static inline const char *tw_terminfo_string(const char *name) {
    char *value = tigetstr(name);
    if (value == NULL || value == (char *)-1) return NULL;
    return value;
}

/// What the program needs of a terminal: cursor addressing, and a way to
/// mark the selected row (reverse video or standout). 0 when both are there;
/// bit 1: no cursor addressing; bit 2: no reverse video.
/// Looked up with setupterm before newterm, so nothing is sent to a terminal
/// that is refused; -1 when the terminal type is unknown.
static inline int tw_terminal_lacks(const char *type) {
    int err = 0;
    if (setupterm((char *)type, 1, &err) != OK) return -1;
    int lacks = 0;
    if (tw_terminfo_string("cup") == NULL) lacks |= 1;
    if (tw_terminfo_string("rev") == NULL && tw_terminfo_string("smso") == NULL) lacks |= 2;
    del_curterm(cur_term);
    return lacks;
}

static inline WINDOW *tw_curscr(void) { return curscr; }
static inline int tw_colors(void) { return COLORS; }
static inline int tw_color_pairs(void) { return COLOR_PAIRS; }
static inline int tw_key_code_yes(void) { return KEY_CODE_YES; }
static inline int tw_key_resize(void) { return KEY_RESIZE; }
static inline int tw_key_btab(void) { return KEY_BTAB; }
static inline int tw_key_enter(void) { return KEY_ENTER; }
static inline int tw_key_backspace(void) { return KEY_BACKSPACE; }
static inline int tw_key_dc(void) { return KEY_DC; }
static inline int tw_key_ic(void) { return KEY_IC; }
static inline int tw_key_home(void) { return KEY_HOME; }
static inline int tw_key_end(void) { return KEY_END; }
static inline int tw_key_ppage(void) { return KEY_PPAGE; }
static inline int tw_key_npage(void) { return KEY_NPAGE; }
static inline int tw_key_up(void) { return KEY_UP; }
static inline int tw_key_down(void) { return KEY_DOWN; }
static inline int tw_key_left(void) { return KEY_LEFT; }
static inline int tw_key_right(void) { return KEY_RIGHT; }
/// KEY_F(0)…KEY_F(63) are consecutive codes.
static inline int tw_key_f0(void) { return KEY_F0; }

/// Reads one key: returns OK (a character), KEY_CODE_YES (a function key) or
/// ERR (timeout); the value goes to *out.
static inline int tw_get_wch(unsigned int *out) {
    wint_t w = 0;
    int rc = wget_wch(stdscr, &w);
    *out = (unsigned int)w;
    return rc;
}

/// Restores the terminal if the program exits (exit(), a fatal error path)
/// while ncurses is still active; harmless after a normal endwin.
static inline void tw_endwin_at_exit(void) {
    if (!isendwin()) endwin();
}
static inline void tw_install_endwin_at_exit(void) {
    static int installed = 0;
    if (!installed) { installed = 1; atexit(tw_endwin_at_exit); }
}
#endif
