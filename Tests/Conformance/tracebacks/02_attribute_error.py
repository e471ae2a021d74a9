# Traceback text: frames, source lines and ~~^~~ markers.
class A:
    pass
a = A()
print(a.missing)
