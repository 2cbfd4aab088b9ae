def contains(haystack, needle):
    n, m = len(haystack), len(needle)
    for i in range(n - m):
        if haystack[i:i + m] == needle:
            return True
    return False
