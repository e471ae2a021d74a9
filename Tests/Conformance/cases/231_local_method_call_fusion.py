# `local.method()` with no arguments: the VM calls builtin types' native methods of a local in place
# (LOAD_FAST_CALL_METHOD0) and must behave exactly like LOAD_FAST; LOAD_METHOD; CALL 0 otherwise.
import threading


def natives():
    lock = threading.Lock()
    print(lock.acquire(), lock.locked(), lock.release(), lock.locked())
    items = [3, 1, 2]
    print(items.pop(), items.copy(), items)
    text = "  Mixed Case  "
    print(text.strip(), text.upper(), text.lower().split())
    d = {"a": 1}
    print(d.keys(), d.copy(), d.popitem(), d)
    r = threading.RLock()
    print(r.acquire(), r.acquire(), r._is_owned(), r.release(), r.release(), r._is_owned())


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self):
        self.n += 1
        return self.n


def python_methods():
    c = Counter()
    print(c.bump(), c.bump())
    c.bump = lambda: "instance attribute wins"
    print(c.bump())


def overrides():
    t = str
    print(t.mro())
    m = threading
    print(m.active_count())


def errors():
    lock = threading.Lock()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    items = []
    try:
        items.pop()
    except IndexError as e:
        print("IndexError:", e)
    try:
        ghost.pop()
    except NameError as e:
        print("NameError:", e)
    n = 5
    try:
        n.nothing()
    except AttributeError as e:
        print("AttributeError:", e)


def unbound():
    try:
        later.pop()
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    later = []


def conditional(flag):
    a, b = [1], [2, 3]
    return (a if flag else b).pop()


def saved_callables():
    lock = threading.Lock()
    acquire, release, locked = lock.acquire, lock.release, lock.locked
    print(acquire(), locked(), release(), locked())
    items = [1, 2, 3]
    pop, copy = items.pop, items.copy
    print(pop(), copy(), pop(), items)
    make_dict, make_list = dict, list
    print(make_dict(), make_list())
    py = lambda: "python function"
    print(py())
    size = len
    try:
        size()
    except TypeError as e:
        print("TypeError:", e)
    try:
        release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    n = (5).bit_length
    print(n())
    try:
        later()
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    later = print


natives()
saved_callables()
python_methods()
overrides()
errors()
unbound()
print(conditional(True), conditional(False))


def traceback_line():
    items = []
    items.pop()


traceback_line()
