# Program: worker threads pulling tasks from a shared list under a lock; results printed sorted.
import threading
tasks = list(range(1, 101))
results = {}
lock = threading.Lock()
processed_by = {}
def worker(name):
    count = 0
    while True:
        with lock:
            if not tasks:
                break
            n = tasks.pop()
        value = sum(i * i for i in range(n))
        with lock:
            results[n] = value
        count += 1
    with lock:
        processed_by[name] = count
threads = [threading.Thread(target=worker, args=('w' + str(i),), name='w' + str(i)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(results), tasks)
print(sum(results.values()))
print([results[k] for k in sorted(results)][:10])
print(sorted(processed_by), sum(processed_by.values()))
print(all(not t.is_alive() for t in threads))
