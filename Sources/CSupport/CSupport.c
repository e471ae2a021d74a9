#define _GNU_SOURCE
#include "CSupport.h"
#include <pthread.h>
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

unsigned long interleave_stack_low_bound(void) {
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) != 0) return 0;
    void *addr = 0;
    size_t size = 0;
    int rc = pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
    return rc == 0 ? (unsigned long)addr : 0;
}

static __thread int dealloc_depth = 0;
int interleave_dealloc_enter(void) { return ++dealloc_depth; }
void interleave_dealloc_leave(void) { --dealloc_depth; }
