# Checks string alignment, fill characters and truncation in format specs.
s = 'hi'
print(f'[{s:<10}]')
print(f'[{s:^10}]')
print(f'[{s:>10}]')
print(f'[{s:*^11}]')
print(f'[{s:-<6}]')
print(f'[{s:.>6}]')
print(f'[{s:^5}]')
print(f'[{"hello world":.5}]')
print(f'[{"hello":10.3}]')
print(f'[{s:1}]')
print(f'[{"":>3}]')
print(f'[{"héllo":>7}]')
for word in ['a', 'abc', 'abcdef']:
    print(f'|{word:^8}|{word:>8}|{word:<8}|')
print('[' + format('x', '#^5') + ']')
