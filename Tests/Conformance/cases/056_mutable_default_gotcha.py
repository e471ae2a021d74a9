# Checks that a mutable default argument is shared between calls.
def append_to(item, target=[]):
    target.append(item)
    return target
print(append_to(1))
print(append_to(2))
print(append_to(3, []))
print(append_to(4))
def safe_append(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(safe_append(1))
print(safe_append(2))
def memo_fib(n, cache={}):
    if n in cache:
        return cache[n]
    r = n if n < 2 else memo_fib(n - 1) + memo_fib(n - 2)
    cache[n] = r
    return r
print(memo_fib(80))
def count_calls(d={'n': 0}):
    d['n'] += 1
    return d['n']
print(count_calls(), count_calls(), count_calls())
