def reverse_iterative(s):
    result = ""
    for ch in s:
        result = ch + result
    return result


def reverse_recursive(s):
    if len(s) == 1:
        return s
    return s[-1] + reverse_recursive(s[:-1])
