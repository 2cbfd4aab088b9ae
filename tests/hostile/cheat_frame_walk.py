# challenge: fibonacci
# expect: wrong_answer
# The caller of the candidate's function is the Rust judge: there is no Python frame to read.
import sys


def fibonacci(n):
    frame = sys._getframe()
    seen = []
    while frame is not None:
        seen.extend(frame.f_locals.values())
        frame = frame.f_back
    for value in seen:
        if isinstance(value, list) and value[:2] == [0, 1] and len(value) == n:
            return value
    return [len(seen)]
