def contains(haystack, needle):
    return haystack.find(needle) != -1
