import random


class CountingRandom:
    """A seeded source of random numbers that counts how often it is used."""

    def __init__(self, seed):
        self._random = random.Random(seed)
        self.calls = 0

    def randrange(self, *args):
        """Like random.randrange: randrange(stop) or randrange(start, stop[, step])."""
        self.calls += 1
        return self._random.randrange(*args)

    def __repr__(self):
        return "CountingRandom(calls=%d)" % self.calls
