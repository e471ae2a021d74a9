# Checks a Lock protecting a shared counter incremented by 4 threads x 10000 times.
import threading
counter = 0
lock = threading.Lock()
def increment(times):
    global counter
    for _ in range(times):
        with lock:
            counter += 1
threads = [threading.Thread(target=increment, args=(10000,), name='inc' + str(i)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
total = {'value': 0}
lock2 = threading.Lock()
def add_many(n):
    for _ in range(n):
        lock2.acquire()
        try:
            total['value'] += 2
        finally:
            lock2.release()
ts = [threading.Thread(target=add_many, args=(2500,)) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(total['value'])
print(lock.locked(), lock2.locked())
