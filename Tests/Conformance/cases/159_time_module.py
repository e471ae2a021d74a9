# Checks time.time/perf_counter/monotonic progress and time.sleep (printing booleans only).
import time
t0 = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
time.sleep(0.01)
t1 = time.time()
p1 = time.perf_counter()
m1 = time.monotonic()
print(t1 - t0 > 0)
print(p1 - p0 >= 0.009)
print(m1 >= m0)
print(isinstance(t0, float), isinstance(p0, float))
print(t0 > 1600000000)
print(p1 - p0 < 5)
start = time.perf_counter()
total = 0
for i in range(10000):
    total += i
elapsed = time.perf_counter() - start
print(total, elapsed >= 0)
last = time.monotonic()
ok = True
for _ in range(100):
    now = time.monotonic()
    if now < last:
        ok = False
    last = now
print('monotonic', ok)
print(time.sleep(0) is None)
