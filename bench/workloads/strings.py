# Strings: join, split, f-strings, str methods in a loop (upper, lower,
# strip, replace, find, count, startswith, endswith), str()/int()
# conversions, slicing, iteration over characters.


def run():
    words = ["alpha", "Beta", "gamma", "Delta", "epsilon", "zeta", "ETA", "theta"]
    checksum = 0
    lines = []
    for i in range(12000):
        w = words[i % len(words)]
        line = f"{i}:{w.upper()}:{w.lower()}:{len(w)}"
        lines.append(line)
        if w.startswith("e") or w.endswith("a"):
            checksum += 1
        checksum += line.find(":") + line.count("A")
    text = "\n".join(lines)
    checksum += len(text)
    for line in text.split("\n"):
        parts = line.split(":")
        checksum += int(parts[0]) % 17 + len(parts[1])
        if parts[2].upper() == parts[1]:
            checksum += 3
    sentence = " ".join(words) + "  "
    for i in range(20000):
        s = sentence.strip().replace("a", "4")
        checksum += len(s.split()) + s.find("z")
        if s.lower() == s:
            checksum += 1
        tag = "<" + str(i % 100) + ">"
        checksum += len(tag) + len(f"[{tag}|{i}]")
    buf = []
    for i in range(20000):
        buf.append(str(i * 31 % 1000))
    joined = ",".join(buf)
    checksum += len(joined) + sum(int(x) for x in joined.split(",")[:1000])
    vowels = 0
    for ch in "interleave" * 1000:
        if ch in "aeiou":
            vowels += 1
    checksum += vowels
    return (checksum, words[1].upper() + words[6].lower(), text[:20].replace("\n", "|"))


def main():
    result = None
    for rnd in range(20):
        result = run()
    print("strings", result[0], result[1], result[2])


main()
