# Checks RecursionError for unbounded recursion and recovery afterwards.
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print(type(e).__name__)
    print(str(e).startswith('maximum recursion depth exceeded'))
    print(isinstance(e, RuntimeError))
depth = 0
def measure():
    global depth
    depth += 1
    measure()
try:
    measure()
except RecursionError:
    print('depth reached > 900:', depth > 900, 'and <= 1000:', depth <= 1000)
def ok(n):
    return 0 if n == 0 else 1 + ok(n - 1)
print(ok(900))
class Node:
    def __init__(self):
        self.child = self
    def walk(self):
        return self.child.walk()
try:
    Node().walk()
except RecursionError as e:
    print('method recursion:', str(e).startswith('maximum recursion depth'))
print('still alive')
