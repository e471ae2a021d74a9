# `with` calls __exit__ however the class provides it (function, staticmethod, classmethod, callable
# object, builtin), on every way out of the block: normal end, return, break, continue, an exception
# suppressed or propagated, a generator closed early, several items.
import threading


class Plain:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        return isinstance(v, KeyError)


class Static:
    def __enter__(self):
        return "static-entered"

    @staticmethod
    def __exit__(*args):
        print("static exit", len(args), args[0] is None)


class Klass:
    def __enter__(self):
        return 1

    @classmethod
    def __exit__(cls, *args):
        print("classmethod exit", cls.__name__, len(args))


class Caller:
    def __call__(self, *args):
        print("callable object exit", len(args))


class WithCallable:
    __exit__ = Caller()

    def __enter__(self):
        return self


class InstanceExitIgnored:
    def __init__(self):
        self.__exit__ = lambda *a: print("never")

    def __enter__(self):
        return self

    def __exit__(self, *a):
        print("class __exit__ wins")


def returns():
    with Plain("r") as p:
        return "returned " + p.name


def loops():
    out = []
    for i in range(4):
        with Plain("loop%d" % i):
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
    return out


def suppressed():
    with Plain("s"):
        raise KeyError("k")
    return "after suppressed"


def propagated():
    try:
        with Plain("p"):
            raise ValueError("v")
    except ValueError as e:
        return "caught " + str(e)


def gen():
    with Plain("g"):
        yield 1
        yield 2


def nested_return():
    with Plain("a") as a, Plain("b") as b:
        with Plain("c"):
            return a.name + b.name


def finally_and_with():
    try:
        with Plain("f"):
            return "from with"
    finally:
        print("finally runs after exit")


print(returns())
print(loops())
print(suppressed())
print(propagated())
g = gen()
print(next(g))
g.close()
print(nested_return())
print(finally_and_with())
with Static() as s:
    print(s)
with Klass() as k:
    print(k)
with WithCallable():
    pass
with InstanceExitIgnored():
    pass
lock = threading.Lock()
with lock:
    print("locked inside:", lock.locked())
print("locked after:", lock.locked())
try:
    with lock:
        raise RuntimeError("inside lock")
except RuntimeError as e:
    print(e, lock.locked())
r = threading.RLock()
with r, r:
    print(r._is_owned())
print(r._is_owned())
try:
    with 5:
        pass
except TypeError as e:
    print("TypeError:", e)


class OnlyEnter:
    def __enter__(self):
        return self


try:
    with OnlyEnter():
        pass
except TypeError as e:
    print("TypeError:", e)


def lam():
    return [x for x in range(3) if x]


with Plain("last") as p:
    print(lam(), p.name)
