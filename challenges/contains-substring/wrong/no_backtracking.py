def contains(haystack, needle):
    if not needle:
        return True
    matched = 0
    for ch in haystack:
        if ch == needle[matched]:
            matched += 1
            if matched == len(needle):
                return True
        elif ch == needle[0]:
            matched = 1
        else:
            matched = 0
    return False
