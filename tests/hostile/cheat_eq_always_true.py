# challenge: is-prime
# expect: wrong_answer
# An object equal to everything is not True.
class Yes:
    def __eq__(self, other):
        return True

    def __hash__(self):
        return 0


def is_prime(n):
    return Yes()
