# Checks that a return in finally overrides the try's return and swallows exceptions.
def override():
    try:
        return 'try'
    finally:
        return 'finally'
print(override())
def swallow():
    try:
        raise ValueError('lost')
    finally:
        return 'swallowed'
print(swallow())
def counter():
    x = 0
    try:
        x += 1
        return x
    finally:
        x += 100
        print('x in finally', x)
print(counter())
def loop_break():
    for i in range(5):
        try:
            raise KeyError(i)
        finally:
            break
    return 'after break ' + str(i)
print(loop_break())
