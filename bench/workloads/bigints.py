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
            s += ord(ch) - 48
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


def main():
    total = 0
    f = factorial(2500)
    total += digit_sum(f)
    total += num_digits(f)
    m = (1 << 127) - 1
    for i in range(1, 600):
        total += powmod(i, (1 << 100) + i, m) % 1000003
    for i in range(2000):
        total += pow(i + 2, 65537, 1000000007)
    total += digit_sum(2 ** 20000)
    a = 3 ** 2000
    b = 7 ** 900
    q = a // b
    r = a % b
    total += (q * b + r == a) + digit_sum(q) + (a > b) - (b > a)
    x = 1
    for i in range(1, 300):
        x = x * (2 ** 64 + i) - i
    total += x % 1000000007 + (-x) % 99991 + abs(-x) // x
    print("bigints", total, str(f % 10 ** 40)[:20], str(2 ** 200)[-10:])


main()
