# Checks an uncaught UnboundLocalError message.
total = 0
def add(n):
    total += n
    return total
def add_ok(n):
    global total
    total += n
    return total
print(add_ok(5))
print('calling add')
add(1)
