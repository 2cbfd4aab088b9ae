# challenge: is-prime
# mode: submit
# expect: accepted
# Recursion 900 deep is legal Python and must work.
def depth(k):
    return 0 if k == 0 else 1 + depth(k - 1)


def is_prime(n):
    assert depth(900) == 900
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True
