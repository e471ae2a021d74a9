# Checks bytes() construction, decode/encode round-trips, and basic bytes operations.
print(bytes([72, 105]))
print(bytes(4))
print(bytes([104, 195, 169]).decode())
print(bytes())
print(list(bytes([0, 127, 255])))
b = 'Grüße, 世界'.encode()
print(b, len(b))
print(b.decode(), b.decode('utf-8') == 'Grüße, 世界')
print('abc'.encode('utf-8'))
try:
    bytes([256])
except ValueError as e:
    print(type(e).__name__, e)
try:
    b'\xff'.decode()
except UnicodeDecodeError as e:
    print(type(e).__name__)
print(bytes([97, 98]) == b'ab', b'a' + bytes(1))
data = bytes([1, 2, 3, 250])
print(data, data[1:], sum(data), max(data), 250 in data)
print(list('hé'.encode()), [hex(x) for x in '€'.encode()])
print(bytes([c + 1 for c in b'HAL']).decode())
print(bytes(range(65, 70)))
