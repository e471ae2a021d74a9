# Checks __new__ overriding, including a singleton pattern via cls._instance.
class Singleton:
    _instance = None
    def __new__(cls):
        if cls._instance is None:
            print('creating instance')
            cls._instance = super().__new__(cls)
            cls._instance.value = 0
        return cls._instance
a = Singleton()
b = Singleton()
a.value += 5
print(a is b, b.value)
class Tracked:
    def __new__(cls, *args):
        print('__new__ called with', args)
        obj = super().__new__(cls)
        return obj
    def __init__(self, x):
        print('__init__ called with', x)
        self.x = x
t = Tracked(42)
print(t.x)
class Weird:
    def __new__(cls):
        return 'not a Weird'
    def __init__(self):
        print('never printed')
w = Weird()
print(w, type(w).__name__)
