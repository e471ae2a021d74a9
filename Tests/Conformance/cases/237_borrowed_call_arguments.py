# Calls whose arguments are plain local and constant loads lend the locals to native callees
# (LOAD_FAST_BORROW / CALL_BORROWED): results, errors, fallbacks to Python callees and the objects'
# lifetimes must be exactly as with ordinary calls.
import threading


class Box:
    def __init__(self, v):
        self.v = v

    def pair(self, a, b):
        return (self.v, a, b)

    def __repr__(self):
        return "Box(%r)" % (self.v,)


def natives():
    xs = []
    words = {}
    s = set()
    key = "k" + str(7)
    box = Box(1)
    for i in range(2000):
        item = Box(i)
        xs.append(item)
        words.get(key, 0)
        words.setdefault(key, item)
        s.add(key)
        len(xs)
        isinstance(item, Box)
    print(len(xs), xs[-1], words[key], sorted(s), len(key), key)
    print(xs.index(xs[5]), xs.count(box), key.startswith("k"), key.find("7", 0))
    total = 0
    for x in xs[:10]:
        total += x.v
    print(total)


def errors():
    xs = [1, 2, 3]
    d = {}
    missing = 99
    try:
        xs.index(missing)
    except ValueError as e:
        print("ValueError", e)
    try:
        d.get()
    except TypeError as e:
        print("TypeError", e)
    n = 5
    try:
        len(n)
    except TypeError as e:
        print("TypeError", e)
    try:
        xs.append(unbound_later)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    unbound_later = 1
    print(xs, d, n, missing)


def python_callees():
    b = Box("x")
    a = [1]
    c = "c"
    print(b.pair(a, c), b.pair(c, a))
    f = b.pair
    print(f(a, c))
    app = a.append
    app(c)
    app(a[0])
    print(a)
    r = max(a[0], 2)
    print(r, divmod(r, 3), str(c), repr(b))


def keeps_lent_values():
    out = []
    for i in range(300):
        s = "value-" + str(i)
        t = (s, i)
        out.append(s)
        out.append(t)
        del s, t
    print(len(out), out[0], out[-1], out[-2])


def threads():
    shared = []
    lock = threading.Lock()

    def work(n):
        local = []
        tag = "t" + str(n)
        for i in range(3000):
            local.append(tag)
            with lock:
                shared.append(tag)
        return local

    results = {}

    def run(n):
        results[n] = len(work(n))

    ts = [threading.Thread(target=run, args=(n,)) for n in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print(sorted(results.items()), len(shared), sorted(set(shared)))


def generator_calls():
    def gen(xs):
        acc = []
        for x in xs:
            acc.append(x)
            got = yield len(acc)
            acc.append(got)
        return acc

    g = gen(["a", "b"])
    print(next(g), g.send("s1"), end=" ")
    try:
        g.send("s2")
    except StopIteration as e:
        print(e.value)


natives()
errors()
python_callees()
keeps_lent_values()
threads()
generator_calls()
