# Nested while/for loops with integer arithmetic and comparisons.
# No function calls in the hot loop.


def main():
    n = 1650
    acc = 0
    evens = 0
    i = 0
    while i < n:
        j = 0
        while j < n:
            x = i * j + (i ^ j)
            if x % 3 == 0:
                acc += x
            elif x % 5 == 1:
                acc -= j
            else:
                acc += 1
            if (i + j) & 1 == 0:
                evens += 1
            j += 1
        i += 1
    acc = acc % 1000000007
    tri = 0
    for a in range(1250):
        for b in range(a, 1250):
            if a * a + b * b < 40000:
                tri += a - b
            else:
                tri += 1
    print("loops", acc, evens, tri)


main()
