# Big integers: factorials, modular powers, digit sums of 2**N, big
# multiplication/division and comparison.


def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def digit_sum(n):
    # Peel off 18 decimal digits at a time with big // and %, so no
    # str() of a huge number is needed (CPython caps that at 4300 digits).
    chunk = 10 ** 18
    s = 0
    while n > 0:
        n, low = n // chunk, n % chunk
        for ch in str(low):
            s += int(ch)
    return s


def num_digits(n):
    d = 0
    while n >= 10 ** 100:
        n //= 10 ** 100
        d += 100
    return d + len(str(n))


def powmod(b, e, m):
    r = 1
    b = b % m
    while e > 0:
        if e & 1:
            r = r * b % m
        b = b * b % m
        e >>= 1
    return r


def big_fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def main():
    total = 0
    f = 1
    for n in range(2000, 8001, 2000):
        f = factorial(n)
        total += digit_sum(f) + num_digits(f)
    m = (1 << 521) - 1
    for i in range(1, 1400):
        total += powmod(i, (1 << 200) + i, m) % 1000003
    for i in range(3000):
        total += powmod(i + 2, 65537, 1000000007)
    total += digit_sum(2 ** 40000)
    fb = big_fib(80000)
    total += fb % 1000000007 + num_digits(fb)
    a = 3 ** 4000
    b = 7 ** 1800
    q = a // b
    r = a % b
    total += digit_sum(q)
    if q * b + r == a and a > b and not b > a:
        total += 1
    x = 1
    for i in range(1, 1400):
        x = x * (2 ** 64 + i) - i
    total += x % 1000000007 + (-x) % 99991 + (-x) // x
    print("bigints", total, f // 10 ** (num_digits(f) - 20), str(2 ** 200)[-10:])


main()
