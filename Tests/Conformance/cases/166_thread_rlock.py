# Checks that an RLock can be acquired repeatedly by the same thread and released in turn.
import threading
rlock = threading.RLock()
print(rlock.acquire())
print(rlock.acquire())
rlock.release()
rlock.release()
print('released twice')
with rlock:
    with rlock:
        print('nested with on RLock')
class SafeList:
    def __init__(self):
        self.lock = threading.RLock()
        self.items = []
    def add(self, x):
        with self.lock:
            self.items.append(x)
    def add_many(self, xs):
        with self.lock:
            for x in xs:
                self.add(x)
s = SafeList()
threads = [threading.Thread(target=s.add_many, args=(range(i * 100, i * 100 + 100),)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(s.items), sum(s.items))
def fact(n):
    with rlock:
        return 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
try:
    threading.RLock().release()
except RuntimeError as e:
    print(type(e).__name__)
