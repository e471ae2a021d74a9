# Closures, lambdas and higher-order functions: map/filter/sorted with key.


def make_adder(n):
    def add(x):
        return x + n
    return add


def make_counter():
    count = 0

    def inc(step):
        nonlocal count
        count += step
        return count
    return inc


def compose(f, g):
    return lambda x: f(g(x))


def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x


def run():
    total = 0
    adders = [make_adder(i) for i in range(10)]
    for i in range(20000):
        total += adders[i % 10](i)
    counter = make_counter()
    for i in range(30000):
        counter(i % 3)
    total += counter(0)
    double_then_inc = compose(make_adder(1), lambda x: x * 2)
    total += apply_n(lambda x: x % 1000003, 5000, 0)
    for i in range(15000):
        total += double_then_inc(i) % 11
    data = list(range(20000))
    total += sum(map(lambda x: x * 3, data)) % 1000003
    total += len(list(filter(lambda x: x % 7 == 3, data)))
    total += sum(map(make_adder(5), data[:5000]))
    items = [(i * 37 % 1009, "n" + str(i)) for i in range(8000)]
    by_key = sorted(items, key=lambda t: t[0])
    by_name = sorted(items, key=lambda t: t[1], reverse=True)
    total += by_key[0][0] + by_key[-1][0] + len(by_name[0][1])
    by_pair = sorted(items[:2000], key=lambda t: (t[0] % 10, t[1]))
    total += by_pair[0][0] + by_pair[-1][0]
    fs = []
    for i in range(5):
        fs.append(lambda x, i=i: x * i)
    total += sum(f(10) for f in fs)
    return (total, by_name[0][1], by_key[5][1])


def main():
    result = None
    for rnd in range(40):
        result = run()
    print("closures", result[0], result[1], result[2])


main()
