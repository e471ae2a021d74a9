# Checks closures capturing variables from enclosing functions, including late binding.
def outer(x):
    def inner(y):
        return x + y
    return inner
add3 = outer(3)
add10 = outer(10)
print(add3(1), add10(1))
def make_multipliers():
    return [lambda v: v * i for i in range(4)]
print([m(2) for m in make_multipliers()])
def make_multipliers_fixed():
    return [lambda v, i=i: v * i for i in range(4)]
print([m(2) for m in make_multipliers_fixed()])
def compose(f, g):
    return lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
def outer2():
    v = 'first'
    def show():
        return v
    v = 'second'
    return show
print(outer2()())
def level1():
    a = 1
    def level2():
        b = 2
        def level3():
            return a + b
        return level3
    return level2()()
print(level1())
def power_factory(exp):
    def power(base):
        return base ** exp
    return power
square, cube = power_factory(2), power_factory(3)
print(square(4), cube(2))
print(square.__name__)
