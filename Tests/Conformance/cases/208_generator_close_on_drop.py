# Generators dropped while suspended are closed: their finally blocks run at once.
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("early finally")
for v in gen():
    print(v)
    break
print("after loop")
g = gen()
next(g)
del g
print("end")
