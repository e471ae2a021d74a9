#define _GNU_SOURCE
#include "CSupport.h"
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

pid_t interleave_gettid(void) { return (pid_t)syscall(SYS_gettid); }

static atomic_int sigint_pending = 0;

static void on_sigint(int sig) { (void)sig; atomic_store(&sigint_pending, 1); }

int interleave_install_sigint(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    return sigaction(SIGINT, &sa, 0);
}

int interleave_take_sigint(void) { return atomic_exchange(&sigint_pending, 0); }
