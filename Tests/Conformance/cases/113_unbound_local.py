# Checks UnboundLocalError when a local is read before assignment.
count = 10
def bad():
    print('before')
    count += 1
    return count
try:
    bad()
except UnboundLocalError as e:
    print(type(e).__name__, e)
def bad2():
    print(value)
    value = 5
try:
    bad2()
except UnboundLocalError as e:
    print(type(e).__name__, e)
def conditional(flag):
    if flag:
        result = 'set'
    return result
print(conditional(True))
try:
    conditional(False)
except UnboundLocalError as e:
    print(type(e).__name__, e)
print(isinstance(UnboundLocalError('x'), NameError))
def good():
    global count
    count += 1
    return count
print(good())
