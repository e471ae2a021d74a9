# 20,000 loop iterations; the count is per iteration.
class V:
    def __init__(self, x):
        self.x = x
    def get(self):
        return self.x
def main():
    v = V(3)
    s = 0
    for i in range(20000):
        s += v.get()
    print(s)
main()
