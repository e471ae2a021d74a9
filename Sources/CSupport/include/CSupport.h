#ifndef INTERLEAVE_CSUPPORT_H
#define INTERLEAVE_CSUPPORT_H
#include <sys/types.h>

/// The kernel thread id (threading.get_native_id()).
pid_t interleave_gettid(void);

/// Installs a SIGINT handler that sets a flag instead of killing the process; returns 0 on success.
int interleave_install_sigint(void);
/// Returns 1 (and clears the flag) if SIGINT arrived since the last call.
int interleave_take_sigint(void);
/// The lowest address of the calling thread's stack (0 if unknown).
unsigned long interleave_stack_low_bound(void);
/// Nesting depth of container deallocation on the calling thread (see Runtime's Trashcan).
int interleave_dealloc_enter(void);
void interleave_dealloc_leave(void);
#endif
