#include "crash_guard.h"

#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

// Everything the handler touches is prepared beforehand in static storage:
// a signal handler may only call async-signal-safe functions (write,
// tcsetattr, sigaction, raise), never malloc or stdio.
static char saved_message[1024];
static char reset_sequence[256] = "\033[?1049l\033[0m\033[?25h";
static struct termios saved_termios;
static int have_termios = 0;
static volatile sig_atomic_t handling = 0;

static const int guarded[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT};
#define GUARDED_COUNT (sizeof(guarded) / sizeof(guarded[0]))
static struct sigaction previous[GUARDED_COUNT];
static int installed = 0;

static void write_all(int fd, const char *text) {
    size_t left = strlen(text);
    while (left > 0) {
        ssize_t n = write(fd, text, left);
        if (n <= 0) return;
        text += n;
        left -= (size_t)n;
    }
}

static void on_crash(int sig, siginfo_t *info, void *context) {
    int index = -1;
    for (unsigned i = 0; i < GUARDED_COUNT; i++) if (guarded[i] == sig) index = (int)i;
    if (!handling) {
        handling = 1;
        write_all(STDOUT_FILENO, reset_sequence);
        if (have_termios) tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
        write_all(STDERR_FILENO, "\r\n");
        write_all(STDERR_FILENO, saved_message);
        write_all(STDERR_FILENO, "\n");
    }
    // Hand over to what was there before (the Swift runtime's backtracer,
    // which writes its report to a file, or the default: end the process).
    if (index >= 0) {
        struct sigaction *old = &previous[index];
        sigaction(sig, old, NULL);
        if ((old->sa_flags & SA_SIGINFO) && old->sa_sigaction != NULL) {
            old->sa_sigaction(sig, info, context);
            return;
        }
        if (old->sa_handler != SIG_DFL && old->sa_handler != SIG_IGN && old->sa_handler != NULL) {
            old->sa_handler(sig);
            return;
        }
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

void tw_crash_guard_install(const char *message) {
    strncpy(saved_message, message ? message : "", sizeof(saved_message) - 1);
    saved_message[sizeof(saved_message) - 1] = 0;
    have_termios = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved_termios) == 0;
    if (installed) return;
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_sigaction = on_crash;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    for (unsigned i = 0; i < GUARDED_COUNT; i++) sigaction(guarded[i], &action, &previous[i]);
    installed = 1;
}

void tw_crash_guard_set_reset(const char *sequence) {
    if (!sequence) return;
    strncpy(reset_sequence, sequence, sizeof(reset_sequence) - 1);
    reset_sequence[sizeof(reset_sequence) - 1] = 0;
}

void tw_crash_guard_remove(void) {
    if (!installed) return;
    for (unsigned i = 0; i < GUARDED_COUNT; i++) sigaction(guarded[i], &previous[i], NULL);
    installed = 0;
}
