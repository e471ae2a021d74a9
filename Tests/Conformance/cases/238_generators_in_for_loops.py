# for loops over generators (the engine runs the generator's frame inside the loop's own eval loop):
# values, exhaustion, exceptions in both directions, StopIteration inside, break and close, nesting,
# handled-exception context, recursion, re-entrance and threads.
import sys
import threading


def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"


def squares(n):
    for i in count(n):
        yield i * i


def walk(depth):
    if depth:
        for x in walk(depth - 1):
            yield x
    yield depth


def boom(after):
    yield from range(after)
    raise ValueError("boom after %d" % after)


def leaks_stop():
    yield 1
    raise StopIteration("inside")


def guarded(log):
    try:
        yield "a"
        yield "b"
        yield "c"
    finally:
        log.append("finally")


def context_probe():
    yield repr(sys.exc_info()[1])
    try:
        raise KeyError("inner")
    except KeyError:
        yield repr(sys.exc_info()[1])
    yield repr(sys.exc_info()[1])


def basics():
    print([x for x in count(5)], sum(squares(10)), list(walk(3)))
    total = 0
    for x in count(1000):
        total += x
    print(total)
    g = count(3)
    print(next(g), [x for x in g], list(g))
    for x in count(0):
        print("never")
    print(list(x * y for x in count(3) for y in count(3)))


def errors():
    seen = []
    try:
        for x in boom(3):
            seen.append(x)
    except ValueError as e:
        print("caught", e, seen)
    try:
        for x in leaks_stop():
            print("got", x)
    except RuntimeError as e:
        print("RuntimeError", e, type(e.__cause__).__name__, e.__cause__)
    log = []
    for x in guarded(log):
        if x == "b":
            break
    print("after break", log)
    g = guarded(log)
    for x in g:
        break
    g.close()
    print("after close", log)

    def bad_body():
        for x in count(10):
            if x == 2:
                raise KeyError(x)
        return "unreached"
    try:
        bad_body()
    except KeyError as e:
        print("KeyError", e)


def contexts():
    try:
        raise IndexError("outer")
    except IndexError:
        for r in context_probe():
            print(r, repr(sys.exc_info()[1]))
    print(repr(sys.exc_info()[1]))


def reentrance():
    def selfish():
        yield 1
        for x in me:
            yield x
    me = selfish()
    try:
        for x in me:
            print("item", x)
    except ValueError as e:
        print("ValueError", e)


def deep():
    sys.setrecursionlimit(60)
    try:
        print(sum(walk(200)))
    except RecursionError as e:
        print("RecursionError", e)
    finally:
        sys.setrecursionlimit(1000)
    print(sum(walk(30)))


def threads():
    results = [0] * 4

    def work(k):
        for x in squares(2000 + k):
            results[k] += x
    ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print(results)


basics()
errors()
contexts()
reentrance()
deep()
threads()
