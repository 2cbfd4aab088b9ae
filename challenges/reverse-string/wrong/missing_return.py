def reverse_iterative(s):
    return "".join(reversed(s))


def reverse_recursive(s):
    if len(s) <= 1:
        return s
    s[-1] + reverse_recursive(s[:-1])
