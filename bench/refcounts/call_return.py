# fib(20): 21,891 calls; the count is per call (and return).
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print(fib(20))
