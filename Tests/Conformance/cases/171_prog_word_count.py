# Program: word frequency counting with dicts, string cleanup and multi-key sorting.
text = """The quick brown fox jumps over the lazy dog.
The dog barks; the fox runs away! A quick, quick fox.
Is the dog lazy? The dog is not lazy, the dog is tired."""
def normalize(word):
    return word.strip('.,;!?').lower()
counts = {}
for line in text.splitlines():
    for raw in line.split():
        w = normalize(raw)
        if w:
            counts[w] = counts.get(w, 0) + 1
print(len(counts), sum(counts.values()))
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for word, n in top[:6]:
    print(f'{word:<8}{n:>3} {"#" * n}')
by_len = {}
for w in counts:
    by_len.setdefault(len(w), []).append(w)
for length in sorted(by_len):
    print(length, sorted(by_len[length]))
letters = {}
for ch in text.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
common = sorted(letters, key=lambda c: (-letters[c], c))[:5]
print(common, [letters[c] for c in common])
print('longest:', max(counts, key=lambda w: (len(w), w)))
singles = sorted(w for w, n in counts.items() if n == 1)
print('once:', ', '.join(singles))
sentences = [s.strip() for s in text.replace('!', '.').replace('?', '.').split('.') if s.strip()]
print(len(sentences), [len(s.split()) for s in sentences])
