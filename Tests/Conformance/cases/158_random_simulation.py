# Checks a seeded Monte Carlo style simulation yields exact CPython numbers.
import random
random.seed(1234)
inside = 0
N = 2000
for _ in range(N):
    x = random.random()
    y = random.random()
    if x * x + y * y <= 1.0:
        inside += 1
print(inside, 4 * inside / N)
random.seed(99)
walk = 0
path = []
for _ in range(20):
    walk += random.choice([-1, 1])
    path.append(walk)
print(path)
random.seed(8)
population = list(range(1, 50))
tickets = [sorted(random.sample(population, 6)) for _ in range(3)]
print(tickets)
random.seed(0)
names = ['ann', 'bob', 'cy', 'di', 'ed']
random.shuffle(names)
print(names, random.randrange(100), random.randint(-10, 10))
