# Checks exception handling inside loops with continue/break and accumulated error reports.
raw = ['10', 'x', '30', '', '5.5', '-7', 'end', '99']
numbers = []
errors = []
for item in raw:
    if item == 'end':
        print('stop marker')
        break
    try:
        numbers.append(int(item))
    except ValueError as e:
        errors.append(str(e))
        continue
    finally:
        print('processed', repr(item))
    print('ok', numbers[-1])
print(numbers)
for e in errors:
    print(' -', e)
class TransientError(Exception):
    pass
attempts = 0
while True:
    attempts += 1
    try:
        if attempts < 3:
            raise TransientError(f'attempt {attempts} failed')
        print('connected after', attempts, 'attempts')
        break
    except TransientError as e:
        print('retry:', e)
results = []
for d in [2, 0, 5, 0]:
    try:
        results.append(100 // d)
    except ZeroDivisionError:
        results.append(None)
print(results)
