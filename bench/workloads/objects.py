# Classes: __init__, attribute reads/writes, method calls, a small
# particle simulation with integer (fixed-point) vectors.


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Particle:
    def __init__(self, i):
        self.pos = Vec(i * 7 % 1000, i * 13 % 1000)
        self.vel = Vec(i % 5 - 2, i % 7 - 3)
        self.bounces = 0

    def step(self):
        self.pos = self.pos.add(self.vel)
        if self.pos.x < 0 or self.pos.x > 1000:
            self.vel.x = -self.vel.x
            self.bounces += 1
        if self.pos.y < 0 or self.pos.y > 1000:
            self.vel.y = -self.vel.y
            self.bounces += 1

    def energy(self):
        return self.vel.dot(self.vel)


class World:
    def __init__(self, n):
        self.particles = []
        for i in range(n):
            self.particles.append(Particle(i))
        self.ticks = 0

    def tick(self):
        for p in self.particles:
            p.step()
        self.ticks += 1

    def checksum(self):
        s = 0
        b = 0
        e = 0
        for p in self.particles:
            s += p.pos.x * 3 + p.pos.y
            b += p.bounces
            e += p.energy()
        return s, b, e


def main():
    w = World(900)
    for _ in range(2000):
        w.tick()
    s, b, e = w.checksum()
    c = Vec(1, 2)
    for k in range(100000):
        c = c.add(Vec(k % 3, k % 5)).scale(1)
    print("objects", w.ticks, s, b, e, c.x, c.y)


main()
