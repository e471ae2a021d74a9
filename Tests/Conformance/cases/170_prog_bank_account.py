# Program: a thread-safe bank account class with deposits/withdrawals from several threads.
import threading
class InsufficientFunds(Exception):
    pass
class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self._lock = threading.Lock()
        self.history = []
    @property
    def balance(self):
        with self._lock:
            return self._balance
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError('deposit must be positive')
        with self._lock:
            self._balance += amount
            self.history.append(('deposit', amount))
    def withdraw(self, amount):
        with self._lock:
            if amount > self._balance:
                raise InsufficientFunds(f'{self.owner}: cannot withdraw {amount}, balance {self._balance}')
            self._balance -= amount
            self.history.append(('withdraw', amount))
    def __repr__(self):
        return f'Account({self.owner!r}, {self._balance})'
acct = Account('alice', 100)
def depositor(n):
    for _ in range(n):
        acct.deposit(5)
def withdrawer(n):
    for _ in range(n):
        acct.withdraw(1)
threads = [threading.Thread(target=depositor, args=(1000,), name='dep' + str(i)) for i in range(3)]
threads += [threading.Thread(target=withdrawer, args=(500,), name='wd' + str(i)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(acct)
print(acct.balance, len(acct.history))
deposits = sum(a for kind, a in acct.history if kind == 'deposit')
withdrawals = sum(a for kind, a in acct.history if kind == 'withdraw')
print(deposits, withdrawals, 100 + deposits - withdrawals == acct.balance)
try:
    acct.withdraw(10 ** 6)
except InsufficientFunds as e:
    print(type(e).__name__, e)
try:
    acct.deposit(-5)
except ValueError as e:
    print(type(e).__name__, e)
def transfer(src, dst, amount):
    first, second = (src, dst) if src.owner < dst.owner else (dst, src)
    with first._lock:
        with second._lock:
            if src._balance < amount:
                return False
            src._balance -= amount
            dst._balance += amount
            return True
bob = Account('bob', 0)
print(transfer(acct, bob, 1000), transfer(bob, acct, 5000))
print(acct, bob)
