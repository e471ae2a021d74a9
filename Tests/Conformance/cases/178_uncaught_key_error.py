# Checks an uncaught KeyError reports the repr of the missing key.
config = {'host': 'localhost', 'port': 8080}
for key in ['host', 'port']:
    print(key, config[key])
print(config.get('timeout', 'no timeout set'))
try:
    config['retries']
except KeyError as e:
    print('caught', repr(e))
print('looking up timeout directly')
print(config['timeout'])
