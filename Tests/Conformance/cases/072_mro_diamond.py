# Checks the C3 method resolution order for a diamond hierarchy.
class A:
    def who(self):
        return 'A'
    def chain(self):
        return ['A']
class B(A):
    def who(self):
        return 'B'
    def chain(self):
        return ['B'] + super().chain()
class C(A):
    def who(self):
        return 'C'
    def chain(self):
        return ['C'] + super().chain()
class D(B, C):
    def chain(self):
        return ['D'] + super().chain()
print([c.__name__ for c in D.__mro__])
print(D().who())
print(D().chain())
class E(C, B):
    pass
print([c.__name__ for c in E.__mro__])
print(E().who(), E().chain())
class X:
    pass
class Y:
    pass
class Z(X, Y):
    pass
print([k.__name__ for k in Z.__mro__])
print(Z().__class__.__mro__ == Z.__mro__)
class Mixin:
    def hello(self):
        return 'hello from ' + type(self).__name__
class Thing(Mixin, X):
    pass
print(Thing().hello())
