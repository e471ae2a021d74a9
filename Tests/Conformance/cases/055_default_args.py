# Checks default argument values, keyword calls, and evaluation of defaults at def time.
def greet(name, greeting='Hello', punct='!'):
    return greeting + ', ' + name + punct
print(greet('Ann'))
print(greet('Bob', 'Hi'))
print(greet('Cy', punct='?'))
print(greet(punct='.', name='Di', greeting='Yo'))
counter = 0
def next_val():
    global counter
    counter += 1
    print('default evaluated', counter)
    return counter
def f(x=next_val()):
    return x
print(f(), f(), f(99))
base = 10
def g(v=base):
    return v
base = 20
print(g())
def h(a, b=None):
    if b is None:
        b = a * 2
    return a + b
print(h(1), h(1, 1))
