# Checks Thread with target/args/kwargs, start/join, and collecting results deterministically.
import threading
results = []
lock = threading.Lock()
def worker(n, scale=1):
    value = n * n * scale
    with lock:
        results.append(value)
threads = []
for i in range(5):
    t = threading.Thread(target=worker, args=(i,), kwargs={'scale': 10}, name='worker-' + str(i))
    threads.append(t)
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))
print(len(results))
print([t.name for t in threads])
print([t.is_alive() for t in threads])
out = {}
def store(key, value):
    out[key] = value
t = threading.Thread(target=store, args=('k',), kwargs={'value': 'v'})
t.start()
t.join()
print(out)
def noop():
    pass
t2 = threading.Thread(target=noop)
print(t2.is_alive())
t2.start()
t2.join()
print(t2.is_alive())
