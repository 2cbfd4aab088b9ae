def contains(haystack, needle):
    pass
