# challenge: reverse-string
# mode: submit
# expect: rule_broken
# A self-call that never runs meets the syntax-tree rule, not the real one.
def reverse_iterative(s):
    out = ""
    for ch in s:
        out = ch + out
    return out


def reverse_recursive(s):
    if False:
        return reverse_recursive(s)
    return s[::-1]
