# challenge: fibonacci
# expect: wrong_answer
# The expected values never exist as Python objects, so scanning the heap finds nothing.
import gc


def fibonacci(n):
    for obj in gc.get_objects():
        if isinstance(obj, list) and len(obj) == n and obj[:2] == [0, 1]:
            return obj
    return ["no expected value found"]
