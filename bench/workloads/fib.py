# Recursive Fibonacci: function-call overhead, integer add/compare, returns.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main():
    total = 0
    for rnd in range(3):
        for n in range(27, 31):
            total += fib(n)
    print("fib", total)


main()
