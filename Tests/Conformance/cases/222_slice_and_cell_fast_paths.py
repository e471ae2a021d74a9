# seq[a:b] on exact lists, tuples and strs is sliced without a slice object (BUILD_SLICE 2 fused with
# BINARY_SUBSCR); every other shape must behave as the generic path does. Closure cells are read and
# written in place.

def slices():
    xs = list(range(10))
    t = tuple(xs)
    s = "interleave"
    u = "héllo wörld ✓"
    for lo in (None, -20, -3, -1, 0, 2, 9, 10, 25):
        for hi in (None, -20, -4, 0, 3, 10, 30):
            print(lo, hi, xs[lo:hi], t[lo:hi], repr(s[lo:hi]), repr(u[lo:hi]))
    print(t[:] is t, t[0:] is t, t[0:10] is t, t[1:] is t)
    print(s[:] is s, s[0:10] is s, u[:] is u)
    c = xs[2:5]
    c.append(99)
    print(c, xs)
    print(xs[True:3], xs[False:], t[1:True], s[True:4])
    print(xs[2**70:], xs[:2**70], xs[-2**70:2], s[:-2**70])
    print(t[3:3], xs[5:2], repr(s[7:1]), t[5:2] is (), repr(s[5:5]))
    i, j = 1, 4
    print(xs[i:j], t[i:j], s[i:j], xs[i:], s[:j])
    for bad in ("a", 1.5, [1]):
        for seq in (xs, t, s):
            try:
                seq[bad:2]
            except TypeError as e:
                print(type(seq).__name__, "TypeError", e)


class MyList:
    def __init__(self, items):
        self.items = items

    def __getitem__(self, k):
        return ("MyList", k, self.items[k])


class Index:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


def subclasses():
    m = MyList([1, 2, 3])
    print(m[0:2], m[1:])
    print([1, 2, 3, 4][Index(1):Index(3)], "abcdef"[Index(2):])
    d = {"a": 1}
    try:
        d[0:1]
    except TypeError as e:
        print("dict", e)
    print(range(10)[2:5], b"bytes"[1:3])


def counter():
    count = 0
    items = []

    def inc(step):
        nonlocal count
        count += step
        items.append(count)
        return count
    return inc, items


def cells():
    inc, items = counter()
    for k in range(5):
        inc(k)
    print(inc(0), items)

    def late():
        return value
    try:
        late()
    except NameError as e:
        print("NameError", e)
    value = "bound"
    print(late())

    def reader():
        x = 1
        def get():
            return x
        del x
        try:
            get()
        except NameError as e:
            print("NameError", e)
    reader()


slices()
subclasses()
cells()
try:
    hash(slice(1, 2))
except TypeError as e:
    print("hash", e)
print(() is (), tuple() is (), (1, 2)[2:] is ())
