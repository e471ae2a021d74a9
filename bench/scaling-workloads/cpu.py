# CPU-bound work, done twice: one after the other on one thread, or at once on two threads.
# Usage: cpu.py N THREADS   (prints the seconds the work took, then a checksum line)
import sys
import threading
import time


def work(n, out, slot):
    acc = 0
    i = 0
    while i < n:
        acc = (acc + i * i) % 1000003
        i += 1
    out[slot] = acc


n = int(sys.argv[1])
threads = int(sys.argv[2])
out = [0, 0]
t0 = time.perf_counter()
if threads == 1:
    work(n, out, 0)
    work(n, out, 1)
else:
    ts = [threading.Thread(target=work, args=(n, out, k)) for k in range(2)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
elapsed = time.perf_counter() - t0
print("%.6f" % elapsed)
print(out[0] + out[1])
