# Checks generator functions: lazy execution, state between yields, and iteration.
def numbers(n):
    print('generator started')
    for i in range(n):
        print('yielding', i)
        yield i
    print('generator finished')
g = numbers(3)
print('created generator')
for v in g:
    print('got', v)
print(list(numbers(2)))
def squares():
    n = 0
    while True:
        yield n * n
        n += 1
sq = squares()
print([next(sq) for _ in range(6)])
def evens(seq):
    for x in seq:
        if x % 2 == 0:
            yield x
print(list(evens(range(11))))
print(sum(evens([1, 2, 3, 4])))
def pairs():
    yield 1, 'a'
    yield 2, 'b'
for n, c in pairs():
    print(n, c)
print(dict(pairs()))
def empty():
    return
    yield
print(list(empty()))
gen = numbers(1)
print(type(gen).__name__)
print(iter(gen) is gen)
