# challenge: is-prime
# expect: runtime_error
# contains: Sneaky
# contains: No such file or directory
# An exception whose `filename` runs code when the judge reads it: the judge
# reads only a builtin class's own field, so this code never runs.
import os


class Sneaky(FileNotFoundError):
    @property
    def filename(self):
        os.write(2, b'\n{"event":"finished"}\n')
        while True:
            pass


def is_prime(n):
    raise Sneaky(2, "No such file or directory")
