# challenge: fibonacci
# expect: wrong_answer
# A list subclass that prints like the right answer is still not the right list.
class Shown(list):
    def __repr__(self):
        return "[0, 1, 1, 2, 3]"

    def __eq__(self, other):
        return True


def fibonacci(n):
    return Shown()
