# Lock/RLock/Condition/Semaphore/BoundedSemaphore/Event/Timer/Barrier/local: results and CPython's error messages.
import threading
l = threading.Lock()
print(l.acquire(), l.locked(), l.acquire(False), l.acquire(blocking=False), l.acquire(timeout=0.01))
l.release()
print(l.locked())
try:
    l.release()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    l.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
try:
    l.acquire(timeout=-2)
except ValueError as e:
    print("ValueError:", e)
with l:
    print("in with", l.locked())
print(type(l).__name__, type(threading.RLock()).__name__)
r = threading.RLock()
r.acquire(); r.acquire()
print(repr(r).split(" owner=")[0], "count=2" in repr(r))
r.release(); r.release()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
r.acquire()
def other():
    try:
        r.release()
    except RuntimeError as e:
        print("other RuntimeError:", e)
    print("other acquire nonblocking", r.acquire(False))
t = threading.Thread(target=other); t.start(); t.join()
r.release()
# Condition
c = threading.Condition()
try:
    c.wait()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    c.notify()
except RuntimeError as e:
    print("RuntimeError:", e)
items = []
def consumer():
    with c:
        ok = c.wait_for(lambda: items, timeout=5)
        print("consumer got", items, ok)
t = threading.Thread(target=consumer); t.start()
with c:
    items.append(1)
    c.notify_all()
t.join()
with c:
    print("wait_for timeout", c.wait_for(lambda: False, timeout=0.01))
    print("wait timeout", c.wait(0.01))
# Semaphore
s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(False), s.acquire(timeout=0.01))
s.release(2)
print(s._value)
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)
b = threading.BoundedSemaphore(1)
b.acquire(); b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)
# Event
e = threading.Event()
print(e.is_set(), e.wait(0.01))
e.set(); print(e.is_set(), e.wait())
e.clear(); print(e.is_set())
# Timer
out = []
tm = threading.Timer(0.05, out.append, args=["fired"])
tm.start(); tm.join()
print(out)
tm2 = threading.Timer(5, out.append, args=["no"])
tm2.start(); tm2.cancel(); tm2.join()
print(out)
# Barrier
bar = threading.Barrier(3, action=lambda: print("action"))
res = []
def w():
    res.append(bar.wait())
ts = [threading.Thread(target=w) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(res), bar.parties, bar.n_waiting, bar.broken)
bar2 = threading.Barrier(2)
try:
    bar2.wait(timeout=0.01)
except threading.BrokenBarrierError:
    print("broken", bar2.broken)
bar2.reset(); print(bar2.broken)
# local
loc = threading.local()
loc.x = 1
def lw():
    print("local has x:", hasattr(loc, "x"))
    loc.x = 2
t = threading.Thread(target=lw); t.start(); t.join()
print(loc.x)
