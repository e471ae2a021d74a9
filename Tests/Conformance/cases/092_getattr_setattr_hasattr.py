# Checks getattr (with default), setattr, hasattr, and del of attributes.
class Obj:
    cls_attr = 'class-level'
    def __init__(self):
        self.x = 1
    def method(self):
        return 'method called'
o = Obj()
print(getattr(o, 'x'), getattr(o, 'missing', 'default'), getattr(o, 'cls_attr'))
print(getattr(o, 'method')())
setattr(o, 'y', 2)
print(o.y, hasattr(o, 'y'), hasattr(o, 'z'))
for name in ['a', 'b', 'c']:
    setattr(o, name, name.upper())
print([getattr(o, n) for n in ['a', 'b', 'c']])
del o.a
print(hasattr(o, 'a'))
try:
    getattr(o, 'nope')
except AttributeError as e:
    print(type(e).__name__, e)
print(hasattr(5, 'bit_length'), hasattr('s', 'upper'), hasattr([], 'nope'))
print(getattr('abc', 'upper')())
print(getattr(Obj, '__name__'))
