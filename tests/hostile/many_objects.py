# challenge: is-prime
# mode: submit
# expect: accepted
# Holding many objects of one type (here 100,000 strings and ints) must work
# in the 32-bit browser judge as natively.
KEEP = [str(i) for i in range(100_000)] + list(range(100_000, 200_000))


def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return len(KEEP) == 200_000
