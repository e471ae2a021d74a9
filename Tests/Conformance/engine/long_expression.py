# Engine claim: very long expressions compile (on a big stack) instead of crashing the compiler;
# a 1,200-term sum works as in CPython.
src = "x = " + "+".join(["1"] * 1200)
ns = {}
exec(src, ns)
assert ns["x"] == 1200
print("ok")
