# Checks sys.setrecursionlimit allows deeper recursion and getrecursionlimit reflects it.
import sys
print(sys.getrecursionlimit())
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
try:
    depth(5000)
except RecursionError:
    print('5000 too deep at default limit')
sys.setrecursionlimit(10000)
print(sys.getrecursionlimit())
print(depth(5000))
sys.setrecursionlimit(1000)
print(sys.getrecursionlimit())
try:
    depth(2000)
except RecursionError as e:
    print('2000 too deep again:', str(e).startswith('maximum recursion depth exceeded'))
