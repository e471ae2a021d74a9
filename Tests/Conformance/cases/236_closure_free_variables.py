# Free variables are lent to a closure's frame (the function's closure keeps the cells alive): class
# bodies, methods and generators inside functions, nonlocal counters, deep recursion that unwinds,
# and closures made on several threads.
def outer(n):
    k = n * 2
    class C:
        val = k
        def get(self):
            return k + n
        def gen(self):
            for i in range(n):
                yield i + k
    return C
for n in range(3):
    C = outer(n)
    c = C()
    print(C.val, c.get(), list(c.gen()))
def counter():
    x = 0
    def inc():
        nonlocal x
        x += 1
        return x
    def peek():
        return x
    return inc, peek
inc, peek = counter()
for _ in range(1000):
    inc()
print(peek())
def deep(n):
    a = [n]
    def rec(m):
        if m == 0:
            raise ValueError(a[0])
        return rec(m - 1)
    return rec
for i in range(3):
    try:
        deep(i)(50)
    except ValueError as e:
        print("caught", e)
import threading
res = []
def worker(j):
    base = j * 10
    f = lambda x: x + base
    res.append(sum(f(i) for i in range(100)))
ts = [threading.Thread(target=worker, args=(j,)) for j in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(res))
