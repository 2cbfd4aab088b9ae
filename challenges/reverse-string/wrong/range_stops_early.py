def reverse_iterative(s):
    chars = []
    for i in range(len(s) - 1, 0, -1):
        chars.append(s[i])
    return "".join(chars)


def reverse_recursive(s):
    if len(s) <= 1:
        return s
    return s[-1] + reverse_recursive(s[:-1])
