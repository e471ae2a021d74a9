# `lst.append(v)` is specialized at the call (as CPython's CALL_NO_KW_LIST_APPEND): the receiver is read
# in place. Every other way of calling append, and every error, must behave as before.
xs = []
for i in range(5):
    xs.append(i * i)
list.append(xs, "unbound")
app = xs.append
app(None)
xs.append(xs[:2])
print(xs)
for call in (lambda: list.append(5, 1), lambda: list.append("s", 1), lambda: xs.append(),
             lambda: xs.append(1, 2), lambda: xs.append(x=1), lambda: list.append()):
    try:
        call()
    except TypeError as e:
        print("TypeError", e)


class Holder:
    def __init__(self):
        self.items = []

    def add(self, v):
        self.items.append(v)
        return len(self.items)


h = Holder()
print([h.add(c) for c in "abc"], h.items)
nested = [[] for _ in range(3)]
for i, sub in enumerate(nested):
    sub.append(i)
    nested[0].append(-i)
print(nested)
