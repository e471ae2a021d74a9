# Checks an uncaught AttributeError on a user-defined class instance.
class Robot:
    def __init__(self):
        self.model = 'R2'
r = Robot()
print(r.model)
print(getattr(r, 'serial_number', 'no serial'))
print(hasattr(r, 'serial_number'))
print('accessing it directly')
print(r.serial_number)
