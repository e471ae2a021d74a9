# Program: Sieve of Eratosthenes, prime factorization and twin primes.
def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = is_prime[1] = False
    p = 2
    while p * p <= limit:
        if is_prime[p]:
            for multiple in range(p * p, limit + 1, p):
                is_prime[multiple] = False
        p += 1
    return [i for i, flag in enumerate(is_prime) if flag]
primes = sieve(100)
print(primes)
print(len(sieve(10000)), sieve(10000)[-1])
def factorize(n):
    factors = {}
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors[d] = factors.get(d, 0) + 1
            n //= d
        d += 1
    if n > 1:
        factors[n] = factors.get(n, 0) + 1
    return factors
for n in [12, 97, 360, 1001, 2 ** 10 * 3 ** 5, 600851475143]:
    f = factorize(n)
    print(n, '=', ' * '.join(f'{p}^{e}' if e > 1 else str(p) for p, e in f.items()))
twins = [(p, p + 2) for p in primes if p + 2 in primes]
print(twins)
ps = set(sieve(1000))
goldbach = {n: next(p for p in sorted(ps) if n - p in ps) for n in range(4, 40, 2)}
print(goldbach)
