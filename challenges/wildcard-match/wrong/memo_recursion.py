from functools import lru_cache


def wildcard_match(pattern, text):
    @lru_cache(maxsize=None)
    def match(i, j):
        if i == len(pattern):
            return j == len(text)
        if pattern[i] == "*":
            return match(i + 1, j) or (j < len(text) and match(i, j + 1))
        if j < len(text) and (pattern[i] == "?" or pattern[i] == text[j]):
            return match(i + 1, j + 1)
        return False

    return match(0, 0)
