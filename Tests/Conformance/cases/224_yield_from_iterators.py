# `yield from` over the engine's own iterators (range, list, map, zip, str) takes them item by item
# without `__next__`; generators are resumed in place. Exhaustion, StopIteration raised inside a mapped
# function, re-entrance and send through the delegation must still behave as in CPython.

def deleg(it):
    r = yield from it
    yield ("returned", r)


print(list(deleg(range(0, 10, 3))))
print(list(deleg([1, "a", None])))
print(list(deleg(iter("xyz"))))
print(list(deleg(zip("ab", [1, 2, 3]))))
print(list(deleg(map(str.upper, ["p", "q"]))))
print(list(deleg(range(0))))


def stopper(x):
    if x == 2:
        raise StopIteration("from map")
    return x * 10


print(list(deleg(map(stopper, [0, 1, 2, 3]))))


def inner():
    got = yield "first"
    print("inner got", got)
    second = yield "second"
    print("inner got", second)
    return "inner done"


# (throw() into a delegating generator is not forwarded yet: the coroutines issue's part.)
g = deleg(inner())
print(next(g), g.send("hello"), g.send("again"))


def selfish():
    yield next(me)


me = selfish()
try:
    next(me)
except ValueError as e:
    print("ValueError", e)


def counting(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(n):
    for i in counting(n):
        yield i * i


def chain(*gens):
    for g in gens:
        yield from g


print(sum(chain(counting(100), squares(10), range(5), [7, 8])))
c = chain(counting(3), squares(3))
print(next(c), next(c), list(c), list(c))
