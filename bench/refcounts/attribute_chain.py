# 20,000 loop iterations; the count is per iteration.
class V:
    def __init__(self, x):
        self.x = x
class H:
    def __init__(self, v):
        self.v = v
    def total(self):
        s = 0
        for i in range(20000):
            s += self.v.x
        return s
print(H(V(3)).total())
