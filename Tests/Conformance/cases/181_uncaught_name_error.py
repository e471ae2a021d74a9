# Checks an uncaught NameError for an undefined name inside a function.
def compute():
    total = 10
    return total + undefined_quantity_zz
def safe():
    return 'safe'
print('start', safe())
try:
    compute()
except NameError as e:
    print('caught', e)
compute()
