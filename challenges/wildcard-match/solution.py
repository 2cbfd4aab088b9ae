def wildcard_match(pattern, text):
    p = t = 0
    star = -1  # position of the last '*' seen in the pattern
    mark = 0   # where in the text that '*' match currently ends
    while t < len(text):
        if p < len(pattern) and (pattern[p] == "?" or pattern[p] == text[t]):
            p += 1
            t += 1
        elif p < len(pattern) and pattern[p] == "*":
            star = p
            mark = t
            p += 1
        elif star != -1:
            # Backtrack: let the last '*' swallow one more character.
            p = star + 1
            mark += 1
            t = mark
        else:
            return False
    while p < len(pattern) and pattern[p] == "*":
        p += 1
    return p == len(pattern)
