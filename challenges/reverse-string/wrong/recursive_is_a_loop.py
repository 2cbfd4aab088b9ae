def reverse_iterative(s):
    return s[::-1]


def reverse_recursive(s):
    result = ""
    for ch in s:
        result = ch + result
    return result
