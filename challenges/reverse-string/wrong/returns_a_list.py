def reverse_iterative(s):
    return list(reversed(s))


def reverse_recursive(s):
    if s == "":
        return s
    return reverse_recursive(s[1:]) + s[0]
