# Checks seeded random.shuffle, random.sample and random.choice against CPython.
import random
random.seed(42)
lst = list(range(10))
random.shuffle(lst)
print(lst)
random.shuffle(lst)
print(lst)
print(random.sample(range(100), 5))
print(random.sample(['a', 'b', 'c', 'd', 'e'], 3))
print(random.choice(['red', 'green', 'blue']))
print([random.choice('abcdef') for _ in range(8)])
random.seed(2024)
deck = [r + s for s in 'SH' for r in 'A23456789']
random.shuffle(deck)
print(deck)
print(random.sample(deck, 4))
words = ['alpha', 'beta', 'gamma']
random.shuffle(words)
print(words)
print(sorted(random.sample(range(1000), 10)))
