# Checks name-mangled __private attributes and access via _Class__private.
class Account:
    def __init__(self, balance):
        self.__balance = balance
        self._protected = 'p'
    def balance(self):
        return self.__balance
    def __secret(self):
        return 'secret method'
    def reveal(self):
        return self.__secret()
acct = Account(100)
print(acct.balance(), acct._protected)
try:
    print(acct.__balance)
except AttributeError as e:
    print(type(e).__name__, e)
print(acct._Account__balance)
print(acct.reveal(), acct._Account__secret())
print(sorted(acct.__dict__))
class Sub(Account):
    def __init__(self):
        super().__init__(5)
        self.__balance = 'sub own'
    def both(self):
        return self.__balance, self.balance()
s = Sub()
print(s.both())
print(sorted(s.__dict__))
class Dunder:
    def __init__(self):
        self.__both__ = 'not mangled'
print(Dunder().__both__)
