# Checks independent counter closures built with nonlocal and mutable cells.
def make_counter(start=0):
    n = start
    def counter():
        nonlocal n
        n += 1
        return n
    return counter
c1 = make_counter()
c2 = make_counter(100)
print(c1(), c1(), c1())
print(c2(), c2())
print(c1())
def make_acc():
    items = []
    def add(x):
        items.append(x)
        return len(items)
    def get():
        return list(items)
    return add, get
add, get = make_acc()
add('a')
add('b')
print(get())
def make_bank(balance):
    def deposit(x):
        nonlocal balance
        balance += x
        return balance
    def withdraw(x):
        nonlocal balance
        if x > balance:
            return 'insufficient'
        balance -= x
        return balance
    return deposit, withdraw
dep, wd = make_bank(50)
print(dep(25), wd(100), wd(70), dep(1))
