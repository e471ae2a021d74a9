# Checks deterministic random sequences after reseeding with several seeds.
import random
for seed in [1, 99, 123456789, 2 ** 40]:
    random.seed(seed)
    print(seed, random.randint(1, 1000), random.choice([10, 20, 30]), round(random.uniform(-5, 5), 9), random.randrange(3, 30, 3))
random.seed(3)
state_a = [random.random() for _ in range(3)]
random.seed(3)
state_b = [random.random() for _ in range(3)]
print(state_a == state_b, state_a)
random.seed(5)
rolls = [random.randint(1, 6) for _ in range(600)]
print([rolls.count(face) for face in range(1, 7)])
random.seed(11)
print(random.randrange(2 ** 70), random.randint(0, 2 ** 40))
random.seed(-42)
print(random.random())
