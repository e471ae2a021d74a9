# Checks AttributeError messages for instances, builtins, modules and None.
import math
class Foo:
    def __init__(self):
        self.real_attr = 1
f = Foo()
tests = [
    lambda: f.bar,
    lambda: (5).foo,
    lambda: 'text'.nothing,
    lambda: [].push,
    lambda: None.value,
    lambda: {}.append,
    lambda: math.nothing_here,
]
for t in tests:
    try:
        t()
    except AttributeError as e:
        print(type(e).__name__ + ':', e)
try:
    del f.other
except AttributeError as e:
    print('del:', e)
try:
    Foo.klass_attr
except AttributeError as e:
    print('class:', e)
