# Checks an uncaught ZeroDivisionError inside a function ends the program with exit code 1.
def average(values):
    return sum(values) / len(values)
print(average([1, 2, 3]))
try:
    average([])
except ZeroDivisionError as e:
    print('caught once:', e)
print('now without a handler')
print(average([]))
print('never printed')
