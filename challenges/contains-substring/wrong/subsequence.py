def contains(haystack, needle):
    j = 0
    for ch in haystack:
        if j < len(needle) and ch == needle[j]:
            j += 1
    return j == len(needle)
