# Checks global and nonlocal declarations and their effects.
count = 0
def incr():
    global count
    count += 1
incr()
incr()
print(count)
def set_new():
    global brand_new
    brand_new = 'created'
set_new()
print(brand_new)
def outer():
    x = 'outer'
    def inner():
        nonlocal x
        x = 'changed'
    inner()
    return x
print(outer())
def shadow():
    count = 100
    return count
print(shadow(), count)
def nested():
    total = 0
    def add(n):
        nonlocal total
        total += n
        return total
    add(5)
    add(10)
    return total
print(nested())
def two_levels():
    v = 1
    def mid():
        def inner():
            nonlocal v
            v *= 10
        inner()
        inner()
    mid()
    return v
print(two_levels())
g = 'module'
def reads_global():
    return g
print(reads_global())
