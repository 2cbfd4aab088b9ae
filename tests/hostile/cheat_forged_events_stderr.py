# challenge: is-prime
# expect: wrong_answer
# Forged event lines on the real stderr, with guessed secrets, change nothing.
import os
import sys

passed = '{"event":"test_finished","index":%d,"verdict":{"verdict":"passed"},"time_ms":1}'
for guess in ("0" * 32, "f" * 32, "deadbeef" * 4):
    for i in range(20):
        line = "\n%s %s\n" % (guess, passed % i)
        os.write(2, line.encode())
        sys.__stderr__.write(line)
os.write(2, b'\n{"event":"finished"}\n')


def is_prime(n):
    return "no"
