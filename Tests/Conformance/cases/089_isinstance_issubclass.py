# Checks isinstance/issubclass with classes, builtins and tuples of types.
class A:
    pass
class B(A):
    pass
class C:
    pass
b = B()
print(isinstance(b, B), isinstance(b, A), isinstance(b, C))
print(isinstance(b, (C, A)), isinstance(b, (C, int)))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (C, A)), issubclass(A, A))
print(isinstance(1, int), isinstance(1.0, int), isinstance(1, (int, float)))
print(isinstance('s', str), isinstance([], list), isinstance({}, dict), isinstance((), tuple))
print(isinstance(True, int), issubclass(bool, int), isinstance(None, object))
print(isinstance(ValueError('x'), Exception), issubclass(KeyError, LookupError))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(Exception, BaseException))
print(issubclass(IndexError, (KeyError, LookupError)))
print(isinstance(set(), (list, tuple)), isinstance(frozenset(), frozenset))
def classify(x):
    if isinstance(x, bool):
        return 'bool'
    if isinstance(x, int):
        return 'int'
    if isinstance(x, (list, tuple)):
        return 'sequence'
    return 'other'
print([classify(v) for v in [True, 3, [1], (1,), 'x', 2.0]])
try:
    isinstance(1, 'int')
except TypeError as e:
    print(type(e).__name__)
