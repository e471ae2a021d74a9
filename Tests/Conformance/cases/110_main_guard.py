# Checks the if __name__ == '__main__' idiom and module-level execution order.
print('module level first')
def main():
    print('main running')
    return 0
def helper():
    return 'helper'
print('__name__ is', __name__)
if __name__ == '__main__':
    result = main()
    print('main returned', result, helper())
else:
    print('imported, not printed')
print('module level last')
