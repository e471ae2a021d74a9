# 20,000 loop iterations; the count is per iteration.
class V:
    def __init__(self, x):
        self.x = x
def main():
    for i in range(20000):
        v = V(i)
    print(v.x)
main()
