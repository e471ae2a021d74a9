# Containers: list append/index/slice, dict insert/lookup/update with int
# and str keys, set add/membership, tuple packing/unpacking.


def lists():
    xs = []
    for i in range(60000):
        xs.append(i * 3 % 1001)
    total = 0
    for i in range(0, len(xs) - 10, 7):
        total += xs[i] - xs[i + 3]
        chunk = xs[i:i + 5]
        total += chunk[-1] + len(chunk)
    for i in range(10, 20):
        xs[i] = 0
    total += sum(xs[::5]) + sum(xs[-100:])
    ys = sorted(xs[:5000])
    total += ys[0] + ys[-1] + ys[2500]
    rev = xs[::-1]
    total += rev[0] + rev[-1] + len(rev)
    while len(xs) > 50000:
        xs.pop()
    total += len(xs)
    return total


def dicts():
    d = {}
    for i in range(40000):
        d[i] = i * i % 997
    hits = 0
    for i in range(0, 80000, 3):
        if i in d:
            hits += d[i]
        hits += d.get(i, 1)
    names = {}
    for i in range(20000):
        key = "k" + str(i % 1500)
        names[key] = names.get(key, 0) + i
    for k in names:
        hits += names[k] % 13
    other = {"a": 1, "b": 2, "k7": 100}
    names.update(other)
    hits += names["k7"] + len(names)
    for k, v in list(names.items())[:100]:
        hits += v % 7
    del names["a"]
    hits += len(names) + len(d.keys()) + sum(d.values()) % 1000
    return hits


def sets():
    s = set()
    for i in range(40000):
        s.add(i * 7 % 50021)
    found = 0
    for i in range(60000):
        if i in s:
            found += 1
    t = {x for x in range(0, 5000, 3)}
    u = set(range(0, 5000, 5))
    for x in t:
        if x in u:
            found += 2
    words = set()
    for i in range(5000):
        words.add("w" + str(i % 700))
    found += len(words) + len(t) + len(u)
    if "w5" in words:
        found += 1
    if "zz" not in words:
        found += 10
    return found


def tuples():
    acc = 0
    a, b = 0, 1
    pairs = []
    for i in range(30000):
        a, b = b, (a + b) % 100003
        t = (i, a, b)
        x, y, z = t
        acc += x - y + z
        if i % 10 == 0:
            pairs.append((a % 100, i))
    pairs.sort()
    acc += pairs[0][1] + pairs[-1][1] + len(pairs)
    d = {}
    for i in range(10000):
        d[(i % 50, i % 7)] = i
    acc += len(d) + d[(3, 3)]
    return acc


def main():
    totals = [0, 0, 0, 0]
    for rnd in range(22):
        totals[0] += lists()
        totals[1] += dicts()
        totals[2] += sets()
        totals[3] += tuples()
    print("containers", totals[0], totals[1], totals[2], totals[3])


main()
