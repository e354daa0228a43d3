// A last line of defence for the full-screen program: if it ever crashes
// (a trap, a segmentation fault), put the terminal back the way the shell
// had it and print one plain line, instead of leaving the user in raw mode
// with pages of backtrace drawn over the screen.
#ifndef TWINNING_CRASH_GUARD_H
#define TWINNING_CRASH_GUARD_H

/// Remembers the terminal's current settings (call before ncurses starts)
/// and installs the handlers. `message` is printed on a crash; it is copied.
void tw_crash_guard_install(const char *message);

/// The terminal's own strings to leave full-screen mode (terminfo rmcup,
/// cnorm, sgr0), copied; call after ncurses has loaded the terminal.
void tw_crash_guard_set_reset(const char *sequence);

/// Removes the handlers again (the program ended normally).
void tw_crash_guard_remove(void);

#endif
