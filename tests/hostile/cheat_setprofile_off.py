# challenge: reverse-string
# mode: submit
# expect: rule_broken
# Switching off profiling does not switch off the judge's watch of calls: a
# self-call that never runs still breaks "must be recursive".
import sys

sys.setprofile(None)
sys.settrace(None)


def reverse_iterative(s):
    out = ""
    for ch in s:
        out = ch + out
    return out


def reverse_recursive(s):
    sys.setprofile(None)
    if False:
        return reverse_recursive(s)
    return s[::-1]
