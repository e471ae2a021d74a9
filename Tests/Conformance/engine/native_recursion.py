# Engine claim: recursion through native code (repr calling __repr__ calling repr) ends in
# RecursionError even with a huge recursion limit, in the main thread and in other threads - never a crash.
import sys
import threading
sys.setrecursionlimit(1000000)

class A:
    def __repr__(self):
        return repr(self)

def provoke():
    try:
        repr(A())
    except RecursionError:
        return True
    return False

assert provoke(), "main thread"
results = []
t = threading.Thread(target=lambda: results.append(provoke()))
t.start()
t.join()
assert results == [True], results

def deep(n):
    return n if n == 0 else deep(n - 1) + 0
assert deep(200000) == 0   # Python-to-Python calls live on the heap
print("ok")
