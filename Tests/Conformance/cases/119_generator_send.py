# Checks generator send(): priming with next/send(None) and receiving values.
def echo():
    received = None
    while True:
        received = yield 'echo: ' + str(received)
g = echo()
print(next(g))
print(g.send('hello'))
print(g.send(42))
print(next(g))
def averager():
    total = 0
    count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count
a = averager()
a.send(None)
for v in [10, 20, 30, 40]:
    print('avg', a.send(v))
def accumulate():
    items = []
    while True:
        x = yield len(items)
        if x is None:
            break
        items.append(x)
    yield items
acc = accumulate()
next(acc)
acc.send('a')
acc.send('b')
print(acc.send(None))
try:
    g2 = echo()
    g2.send('too early')
except TypeError as e:
    print(type(e).__name__, e)
