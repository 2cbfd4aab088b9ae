# Integer arithmetic in loops, where the interpreter specialises it: every
# operator on pairs of ints around the 30-, 32- and 64-bit edges (and
# beyond), the in-place forms, comparisons, and mixed types after the
# specialisation, all printed for comparison with CPython.
edges = [0, 1, -1, 2, -2, 3, -7, 10, 2**30 - 1, 2**30, -(2**30), 2**31, 2**32 + 5,
         2**62, -(2**62), 2**63 - 1, -(2**63), 2**63, -(2**63) - 1, 2**64 + 1,
         10**12 + 39, -(10**12 + 39), 999983, 10**30 + 7, -(10**30)]
counts = [0, 1, 2, 5, 31, 32, 62, 63, 64, 65, 100, -1]

def table(name, f, xs, ys):
    rows = []
    for _ in range(3):  # the first round specialises, the later ones run specialised
        row = []
        for a in xs:
            for b in ys:
                try:
                    row.append(f(a, b))
                except Exception as e:
                    row.append(type(e).__name__)
        rows.append(row)
    assert rows[0] == rows[1] == rows[2], name
    print(name, rows[0])

def iadd(a, b):
    a += b
    return a
def isub(a, b):
    a -= b
    return a
def imul(a, b):
    a *= b
    return a
def imod(a, b):
    a %= b
    return a
def ifloordiv(a, b):
    a //= b
    return a
def ilshift(a, b):
    a <<= b
    return a
def irshift(a, b):
    a >>= b
    return a
def iand(a, b):
    a &= b
    return a
def ior(a, b):
    a |= b
    return a
def ixor(a, b):
    a ^= b
    return a

table("+", lambda a, b: a + b, edges, edges)
table("-", lambda a, b: a - b, edges, edges)
table("*", lambda a, b: a * b, edges, edges)
table("%", lambda a, b: a % b, edges, edges)
table("//", lambda a, b: a // b, edges, edges)
table("&", lambda a, b: a & b, edges, edges)
table("|", lambda a, b: a | b, edges, edges)
table("^", lambda a, b: a ^ b, edges, edges)
table("<<", lambda a, b: a << b, edges, counts)
table(">>", lambda a, b: a >> b, edges, counts)
for name, f in [("+=", iadd), ("-=", isub), ("*=", imul), ("%=", imod), ("//=", ifloordiv),
                ("&=", iand), ("|=", ior), ("^=", ixor)]:
    table(name, f, edges, edges)
table("<<=", ilshift, edges, counts)
table(">>=", irshift, edges, counts)
table("<", lambda a, b: a < b, edges, edges)
table("<=", lambda a, b: a <= b, edges, edges)
table("==", lambda a, b: a == b, edges, edges)
table("!=", lambda a, b: a != b, edges, edges)
table(">", lambda a, b: a > b, edges, edges)
table(">=", lambda a, b: a >= b, edges, edges)

# After specialising on ints: bools, floats, int subclasses and other types.
class Int(int):
    def __mod__(self, other):
        return "Int.__mod__"
    def __lt__(self, other):
        return "Int.__lt__"
    def __rshift__(self, other):
        return "Int.__rshift__"
others = [True, False, 2.5, -0.0, Int(7), "s", None, 10**40]
for name, f in [("%", lambda a, b: a % b), ("//", lambda a, b: a // b), ("<", lambda a, b: a < b),
                (">>", lambda a, b: a >> b), ("+", lambda a, b: a + b), ("*", lambda a, b: a * b),
                ("&", lambda a, b: a & b)]:
    table("mixed " + name, f, edges[:6] + others, others + edges[:6])

# The loop the prime check runs, on values past 32 bits.
def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True
print([n for n in range(10**12 + 1, 10**12 + 40) if is_prime(n)], is_prime(999983 * 999983))
print(sum(i * i % 7 for i in range(10**5)), sum(i // 3 - i % 3 for i in range(-5000, 5000)))
print(sum(1 << (i % 70) for i in range(200)), sum((2**70 + i) >> (i % 80) for i in range(200)))

# Exact ints and floats are freed without the checks other objects need
# (vendor/README.md): they take no weak references; subclasses keep their
# dict and their __del__.
import weakref
for value in (5, 10**20, 2.5):
    try:
        weakref.ref(value)
    except TypeError as e:
        print(type(value).__name__, "TypeError")
deleted = []
class Big(int):
    def __del__(self):
        deleted.append(int(self) + self.extra)
class Real(float):
    def __del__(self):
        deleted.append(float(self))
keep = [Big(i) for i in range(1000)] + [Real(i) for i in range(1000)]
for k in keep[:1000]:
    k.extra = 1
del keep, k
print(len(deleted), sum(deleted))
