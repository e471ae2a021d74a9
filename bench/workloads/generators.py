# Generators: generator functions with yield, yield from, generator
# expressions consumed by sum().


def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(n):
    for i in count_up(n):
        yield i * i


def evens_then_all(n):
    yield from range(0, n, 2)
    yield from count_up(n)


def chain(gens):
    for g in gens:
        yield from g


def take(gen, n):
    out = []
    for x in gen:
        if n <= 0:
            break
        out.append(x)
        n -= 1
    return out


def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def running_totals(gen):
    total = 0
    for x in gen:
        total += x
        yield total


def run():
    total = 0
    for _ in range(3):
        total += sum(squares(50000)) % 1000003
        total += sum(x % 7 for x in count_up(60000))
        total += sum(evens_then_all(40000))
        total += sum(chain([count_up(1000), squares(1000), range(10)]))
    total += sum(take(fib_gen(), 90)) % 1000003
    total += sum(1 for x in range(50000) if x % 3 == 0)
    total += max(x * (100 - x) for x in range(100))
    last = 0
    for t in running_totals(count_up(20000)):
        last = t
    total += last
    nested = sum(sum(y for y in range(x)) for x in range(300))
    return (total, nested)


def main():
    result = None
    for rnd in range(20):
        result = run()
    print("generators", result[0], result[1])


main()
