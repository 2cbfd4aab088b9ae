# challenge: is-prime
# expect: wrong_answer
# Nothing in sys.modules decides the verdict; patching every function named like a checker does nothing.
import sys

for module in list(sys.modules.values()):
    for name in ("check", "compare", "judge", "verdict", "assertEqual"):
        try:
            setattr(module, name, lambda *a, **k: True)
        except Exception:
            pass


def is_prime(n):
    return None
