# Traceback text: frames, source lines and ~~^~~ markers.
items = [1, 2, 3]
total = sum(items) + items[10]
