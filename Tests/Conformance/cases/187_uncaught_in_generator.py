# Checks an exception raised inside a generator propagates to the consuming loop uncaught.
def readings():
    yield 1.5
    yield 2.5
    raise RuntimeError('sensor disconnected')
try:
    print(list(readings()))
except RuntimeError as e:
    print('caught', e)
for r in readings():
    print('reading', r)
print('unreachable')
