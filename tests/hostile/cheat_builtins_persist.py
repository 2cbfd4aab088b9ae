# challenge: is-prime
# mode: submit
# expect: accepted
# Builtins patched during one test are restored before the next, so this
# sabotage of len() never reaches a later test.
import builtins


def is_prime(n):
    result = len("abc") == 3 and n > 1 and all(n % d for d in range(2, int(n ** 0.5) + 1))
    builtins.len = lambda x: 0
    return result
