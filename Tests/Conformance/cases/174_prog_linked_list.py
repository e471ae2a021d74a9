# Program: a singly linked list class with __iter__, __len__, __repr__, reverse and generators.
class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self._size = 0
        for item in reversed(list(items)):
            self.push_front(item)
    def push_front(self, value):
        self.head = Node(value, self.head)
        self._size += 1
    def append(self, value):
        node = Node(value)
        if self.head is None:
            self.head = node
        else:
            cur = self.head
            while cur.next:
                cur = cur.next
            cur.next = node
        self._size += 1
    def __iter__(self):
        cur = self.head
        while cur is not None:
            yield cur.value
            cur = cur.next
    def __len__(self):
        return self._size
    def __contains__(self, value):
        return any(v == value for v in self)
    def __getitem__(self, index):
        if index < 0:
            index += self._size
        for i, v in enumerate(self):
            if i == index:
                return v
        raise IndexError('linked list index out of range')
    def reverse(self):
        prev = None
        cur = self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
    def remove(self, value):
        prev, cur = None, self.head
        while cur:
            if cur.value == value:
                if prev:
                    prev.next = cur.next
                else:
                    self.head = cur.next
                self._size -= 1
                return True
            prev, cur = cur, cur.next
        return False
    def __repr__(self):
        return 'LinkedList([' + ', '.join(repr(v) for v in self) + '])'
ll = LinkedList([1, 2, 3])
ll.append(4)
ll.push_front(0)
print(ll, len(ll))
print(list(ll), sum(ll), max(ll))
print(3 in ll, 9 in ll, ll[0], ll[-1], ll[2])
ll.reverse()
print(ll)
print(ll.remove(2), ll.remove(42), ll)
print([v * 10 for v in ll])
it = iter(ll)
print(next(it), next(it))
try:
    ll[10]
except IndexError as e:
    print(type(e).__name__, e)
empty = LinkedList()
print(empty, len(empty), list(empty), bool(empty))
words = LinkedList('abc')
print(words, ''.join(words))
