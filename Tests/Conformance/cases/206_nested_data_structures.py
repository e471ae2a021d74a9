# Checks building, querying and mutating nested dicts/lists (JSON-like data).
db = {
    'users': [
        {'id': 1, 'name': 'ann', 'tags': ['admin', 'dev'], 'meta': {'age': 31}},
        {'id': 2, 'name': 'bob', 'tags': [], 'meta': {'age': 25}},
        {'id': 3, 'name': 'cy', 'tags': ['dev'], 'meta': {}},
    ],
    'version': 2,
}
print(len(db['users']), db['users'][0]['tags'][1], db['users'][1]['meta']['age'])
print([u['name'] for u in db['users'] if 'dev' in u['tags']])
print({u['name']: u['meta'].get('age', 'unknown') for u in db['users']})
db['users'][2]['meta']['age'] = 40
db['users'][1]['tags'].append('new')
print(db['users'][2], db['users'][1]['tags'])
by_tag = {}
for u in db['users']:
    for t in u['tags']:
        by_tag.setdefault(t, []).append(u['id'])
print(by_tag)
print(sorted(db['users'], key=lambda u: -u['meta']['age'])[0]['name'])
grid = [[(r, c) for c in range(3)] for r in range(2)]
print(grid)
print(grid[1][2], [row[0] for row in grid])
copy = [row[:] for row in grid]
copy[0][0] = 'X'
print(grid[0][0], copy[0][0])
print(db)
