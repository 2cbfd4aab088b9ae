# challenge: is-prime
# expect: wrong_answer
# contains: <Liar object>
class Liar(int):
    def __eq__(self, other):
        return True

    def __repr__(self):
        return "True"


def is_prime(n):
    return Liar(1)
