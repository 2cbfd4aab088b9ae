# challenge: shuffle
# mode: submit
# expect: rule_broken
# Reach random.shuffle through names the syntax tree cannot see, and pretend
# to have used the given random source.
import importlib


def shuffle(items, rng):
    module = importlib.import_module("ran" + "dom")
    getattr(module, "shuf" + "fle")(items)
    try:
        rng.calls = len(items)
    except AttributeError:
        pass
