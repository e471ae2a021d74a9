# Checks LEGB name resolution, shadowing builtins, and class scope not leaking into methods.
x = 'global'
def outer():
    x = 'enclosing'
    def inner():
        return x
    return inner()
print(outer(), x)
def local_shadow():
    len = lambda s: 'shadowed'
    return len('abc')
print(local_shadow(), len('abc'))
class Scope:
    x = 'class'
    def method(self):
        return x
    def method2(self):
        return self.x
print(Scope().method(), Scope().method2())
def reads_then_global():
    return x + '!'
print(reads_then_global())
y = 1
def f():
    y = 2
    def g():
        y = 3
        return y
    return g(), y
print(f(), y)
max = 'my max'
print(max)
del max
print(max(1, 2))
for loop_var in range(3):
    pass
print(loop_var)
if True:
    block_var = 'visible'
print(block_var)
