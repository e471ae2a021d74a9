# Uncontended locking, 1M times each: `with lock:` and `lock.acquire(); lock.release()` for Lock and
# RLock (the fast paths a learner's counter loop hits on every iteration).
import threading

N = 1_000_000


def with_lock(lock):
    n = 0
    for _ in range(N):
        with lock:
            n += 1
    return n


def acquire_release(lock):
    n = 0
    acquire = lock.acquire
    release = lock.release
    for _ in range(N):
        acquire()
        n += 1
        release()
    return n


def methods(lock):
    n = 0
    for _ in range(N):
        lock.acquire()
        n += 1
        lock.release()
    return n


total = 0
for make in (threading.Lock, threading.RLock):
    total += with_lock(make()) + acquire_release(make()) + methods(make())
print(total)
