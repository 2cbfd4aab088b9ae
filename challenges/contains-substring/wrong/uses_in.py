def contains(haystack, needle):
    return needle in haystack
