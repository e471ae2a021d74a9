# Int arithmetic and comparisons on locals run fused (LOAD_FAST + LOAD_CONST/LOAD_FAST + operator, with
# the STORE_FAST or jump after it); anything the fast path cannot decide must fall back exactly.
def arithmetic(a, b):
    out = []
    for op in range(13):
        try:
            if op == 0: r = a + b
            elif op == 1: r = a - b
            elif op == 2: r = a * b
            elif op == 3: r = a / b
            elif op == 4: r = a // b
            elif op == 5: r = a % b
            elif op == 6: r = a ** 3
            elif op == 7: r = a << 3
            elif op == 8: r = a >> 1
            elif op == 9: r = a & b
            elif op == 10: r = a | b
            elif op == 11: r = a ^ b
            else: r = a - 1
        except ZeroDivisionError as e:
            r = "ZeroDivisionError: " + str(e)
        out.append(r)
    return out


def comparisons(a, b):
    res = []
    if a < b: res.append("<")
    if a <= b: res.append("<=")
    if a == b: res.append("==")
    if a != b: res.append("!=")
    if a > b: res.append(">")
    if a >= b: res.append(">=")
    if a < 5: res.append("<5")
    if not a > 5: res.append("not>5")
    return res


def count_to(n):
    i = 0
    while i < n:
        i += 1
    return i


def overflowing():
    x = 2 ** 62
    y = x
    y += x          # past 64 bits: the fused path must hand over to big ints
    z = x * x
    w = -x - x - x
    k = 9223372036854775807
    k += 1
    return y, z, w, k, k - 1, x < y, y > x


def mixed():
    f = 1.5
    i = 3
    s = "ab"
    out = [i + f, i * s, i < f, f < i, i == 3.0]
    try:
        out.append(i < s)
    except TypeError as e:
        out.append("TypeError: " + str(e))
    n = None
    try:
        out.append(i + n)
    except TypeError as e:
        out.append("TypeError: " + str(e))
    return out


def unbound():
    try:
        return later + 1
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
    later = 0


def stores():
    a = 5
    b = a + 1
    a = a * 2
    c = b - a
    lst = [a, b, c]
    lst = a + 1     # a store over an object-holding local
    return a, b, c, lst


for a, b in [(7, 2), (-7, 2), (7, -2), (0, 5), (5, 0), (3, 3)]:
    print(a, b, arithmetic(a, b), comparisons(a, b))
print(count_to(100000), overflowing())
print(mixed(), unbound(), stores())


def fails(a, b):
    q = a // b
    return q


fails(1, 0)
