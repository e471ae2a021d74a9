# Program: an inventory system mixing classes, dicts, exceptions, comprehensions and formatting.
class OutOfStock(Exception):
    def __init__(self, name, wanted, have):
        super().__init__(f'{name}: wanted {wanted}, only {have} left')
        self.name = name
class Item:
    def __init__(self, name, price, qty):
        self.name = name
        self.price = price
        self.qty = qty
    @property
    def value(self):
        return self.price * self.qty
    def __repr__(self):
        return f'Item({self.name!r}, {self.price}, {self.qty})'
class Inventory:
    def __init__(self):
        self.items = {}
    def add(self, name, price, qty=1):
        if name in self.items:
            self.items[name].qty += qty
        else:
            self.items[name] = Item(name, price, qty)
        return self
    def take(self, name, qty):
        item = self.items.get(name)
        if item is None:
            raise KeyError(name)
        if item.qty < qty:
            raise OutOfStock(name, qty, item.qty)
        item.qty -= qty
        if item.qty == 0:
            del self.items[name]
        return item.price * qty
    def total(self):
        return sum(i.value for i in self.items.values())
    def report(self):
        lines = [f'{"name":<10}{"price":>8}{"qty":>5}{"value":>10}']
        for item in sorted(self.items.values(), key=lambda i: (-i.value, i.name)):
            lines.append(f'{item.name:<10}{item.price:>8.2f}{item.qty:>5}{item.value:>10.2f}')
        lines.append(f'{"TOTAL":<23}{self.total():>10.2f}')
        return '\n'.join(lines)
inv = Inventory()
inv.add('apple', 0.5, 100).add('pear', 0.75, 40).add('melon', 3.0, 5).add('apple', 0.5, 20)
print(inv.report())
orders = [('apple', 30), ('melon', 5), ('kiwi', 1), ('pear', 50), ('pear', 40)]
revenue = 0
for name, qty in orders:
    try:
        got = inv.take(name, qty)
        revenue += got
        print(f'sold {qty} {name} for {got:.2f}')
    except OutOfStock as e:
        print('out of stock ->', e)
    except KeyError as e:
        print('unknown item ->', e)
print(f'revenue {revenue:.2f}')
print(sorted(inv.items))
print(inv.report())
print({n: i.qty for n, i in inv.items.items()})
