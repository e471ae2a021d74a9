# `with` on locks (native __enter__/__exit__): the value bound by `as`, release on every way out of the
# block (normal end, exception, return, break, continue), nesting, RLock counting, and a manager whose
# __enter__ raises.
import threading

lock = threading.Lock()
rlock = threading.RLock()

with lock as got:
    print("inside", got, lock.locked())
print("after", lock.locked())

try:
    with lock:
        raise ValueError("boom")
except ValueError as e:
    print("caught", e, lock.locked())


def early():
    with lock:
        return "returned while holding: " + str(lock.locked())


print(early(), lock.locked())

for i in range(4):
    with lock:
        if i == 1:
            continue
        if i == 3:
            break
        print("loop", i, lock.locked())
print("loop done", lock.locked())

with rlock:
    with rlock as r2:
        print("rlock nested", r2, repr(rlock).split(" owner")[0])
print("rlock after", repr(rlock).split(" owner")[0])

with lock, rlock:
    print("two managers", lock.locked())
print("two after", lock.locked())

exit_calls = []
with lock:
    exit_calls.append(lock.locked())
    with lock if False else rlock:
        exit_calls.append("inner")
print(exit_calls, lock.locked())

try:
    with lock:
        with lock.acquire(False) or rlock:
            print("non-blocking acquire on a held lock gave False; entered the RLock")
        raise KeyError("k")
except KeyError as e:
    print("KeyError", e, lock.locked())

n = 0
for _ in range(1000):
    with lock:
        n += 1
print(n, lock.locked())
