# Checks that finally runs on return, break and continue.
def ret():
    try:
        return 'from try'
    finally:
        print('finally on return')
print(ret())
for i in range(3):
    try:
        if i == 0:
            continue
        if i == 2:
            break
        print('body', i)
    finally:
        print('finally', i)
def nested():
    try:
        try:
            return 1
        finally:
            print('inner finally')
    finally:
        print('outer finally')
print(nested())
def in_loop():
    out = []
    for i in range(3):
        try:
            out.append(i)
            if i == 1:
                return out
        finally:
            out.append('f' + str(i))
print(in_loop())
def exc_through():
    try:
        raise RuntimeError('x')
    finally:
        print('finally before propagation')
try:
    exc_through()
except RuntimeError as e:
    print('caught', e)
