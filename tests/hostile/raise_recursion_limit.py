# challenge: is-prime
# expect: runtime_error
# contains: RecursionError
# A huge recursion limit must not crash the judge: the limit is capped.
import sys

sys.setrecursionlimit(10**9)


def dive(n):
    return dive(n + 1)


def is_prime(n):
    return dive(0)
