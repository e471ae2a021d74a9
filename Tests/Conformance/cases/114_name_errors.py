# Checks NameError messages for undefined names in functions and at module level.
def use_undefined():
    return not_defined_anywhere + 1
try:
    use_undefined()
except NameError as e:
    print(type(e).__name__, e)
try:
    print(qqq_undefined)
except NameError as e:
    print(type(e).__name__, e)
try:
    undefined_func_zz()
except NameError as e:
    print(e)
def later():
    return defined_later
defined_later = 'now defined'
print(later())
try:
    del never_existed_var
except NameError as e:
    print(e)
