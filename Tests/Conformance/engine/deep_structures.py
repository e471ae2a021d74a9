# Engine claim: long chains and deep nesting never crash the engine. Freeing a 200,000-link chain
# (objects, lists, tuples, dicts) works; repr/str/==/</hash of 100,000-deep structures raise
# RecursionError (as CPython does) instead of overflowing the native stack.
class Node:
    def __init__(self, v, n):
        self.v = v
        self.next = n

head = None
for i in range(200000):
    head = Node(i, head)
head = None

def build_and_drop():
    h = None
    for i in range(200000):
        h = [i, h]
    return 1
assert build_and_drop() == 1

nested = []
for _ in range(100000):
    nested = [nested]
other = [nested]
for name, op in [("repr", lambda: repr(nested)), ("str", lambda: str(nested)),
                 ("format", lambda: f"{nested}"), ("eq", lambda: nested == other),
                 ("lt", lambda: nested < other)]:
    try:
        op()
    except RecursionError:
        pass
    else:
        raise AssertionError(name + " should raise RecursionError")

t = ()
for _ in range(100000):
    t = (t,)
try:
    hash(t)
except RecursionError:
    pass
else:
    raise AssertionError("hash of a deep tuple")
nested = other = t = None
print("ok")
