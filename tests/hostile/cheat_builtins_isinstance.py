# challenge: is-prime
# expect: wrong_answer
import builtins

builtins.isinstance = lambda obj, cls: True
builtins.type = lambda obj: bool


def is_prime(n):
    return "True"
