# Checks __len__ and __bool__ and how truthiness falls back to __len__.
class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
b = Bag(1, 2, 3)
print(len(b), bool(b), bool(Bag()))
if not Bag():
    print('empty bag is falsy')
class Flag:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        return self.on
print(bool(Flag(True)), bool(Flag(False)))
print('yes' if Flag(True) else 'no', 'yes' if Flag(False) else 'no')
print(Flag(False) or 'fallback')
class Both:
    def __len__(self):
        return 0
    def __bool__(self):
        return True
print(bool(Both()), len(Both()))
class NoLen:
    pass
print(bool(NoLen()))
try:
    len(NoLen())
except TypeError as e:
    print(type(e).__name__, e)
while_bag = Bag('a', 'b')
while while_bag:
    print('pop', while_bag.items.pop())
