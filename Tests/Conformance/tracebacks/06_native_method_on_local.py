# A native method called on a local with no arguments (fused LOAD_FAST_CALL_METHOD0) reports its
# error at the call, as CPython does: no caret for a call spanning the line, `~~~^^` inside a larger one.
import threading


def release_twice(lock):
    lock.release()
    return lock.release()


def inner():
    items = []
    total = 1 + items.pop()
    return total


def main():
    lock = threading.Lock()
    lock.acquire()
    try:
        release_twice(lock)
    except RuntimeError as e:
        print("caught:", e)
    inner()


main()
