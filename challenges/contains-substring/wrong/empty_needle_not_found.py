def contains(haystack, needle):
    if not needle:
        return False
    n, m = len(haystack), len(needle)
    for i in range(n - m + 1):
        if haystack[i:i + m] == needle:
            return True
    return False
