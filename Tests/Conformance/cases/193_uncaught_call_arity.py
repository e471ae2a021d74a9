# Checks an uncaught TypeError from calling a function with a missing argument.
def area(width, height):
    return width * height
print(area(3, 4))
print(area(height=2, width=5))
try:
    area(1, 2, 3)
except TypeError as e:
    print('caught', e)
print('calling with one argument')
print(area(3))
