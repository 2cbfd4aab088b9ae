# challenge: is-prime
# expect: wrong_answer
class Fake:
    @property
    def __class__(self):
        return bool


def is_prime(n):
    return Fake()
