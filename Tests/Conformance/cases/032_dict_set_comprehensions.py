# Checks dict and set comprehensions, including filtering and key collisions.
sq = {x: x * x for x in range(5)}
print(sq)
print({k: v for k, v in sq.items() if v % 2 == 0})
words = ['apple', 'bob', 'cat', 'apricot', 'banana']
by_first = {w[0]: w for w in words}
print(by_first)
lengths = {w: len(w) for w in words}
print(lengths)
inv = {v: k for k, v in {'a': 1, 'b': 2}.items()}
print(inv)
print(sorted({len(w) for w in words}))
print(sorted({c for c in 'hello world' if c.isalpha()}))
print({(i, j): i * j for i in range(2) for j in range(2)})
print({x: [y for y in range(x)] for x in range(4)})
print({str(i): i for i in range(3)})
