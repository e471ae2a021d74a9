# Checks the application order of stacked decorators.
def tag(name):
    def deco(fn):
        print('decorating with', name)
        def wrapper():
            return '<' + name + '>' + fn() + '</' + name + '>'
        return wrapper
    return deco
@tag('b')
@tag('i')
def text():
    return 'hi'
print(text())
def trace(label):
    def deco(fn):
        def wrapper(x):
            print('enter', label)
            r = fn(x)
            print('exit', label)
            return r
        return wrapper
    return deco
@trace('outer')
@trace('inner')
def double(x):
    print('body')
    return x * 2
print(double(21))
def manual(fn):
    return lambda: 'manual(' + fn() + ')'
def base():
    return 'base'
wrapped = manual(manual(base))
print(wrapped())
