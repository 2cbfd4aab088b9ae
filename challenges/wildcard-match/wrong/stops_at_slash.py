def wildcard_match(pattern, text):
    # Shell-style globbing: neither '*' nor '?' crosses a '/'.
    p = t = 0
    star = -1
    mark = 0
    while t < len(text):
        if p < len(pattern) and (pattern[p] == text[t] or (pattern[p] == "?" and text[t] != "/")):
            p += 1
            t += 1
        elif p < len(pattern) and pattern[p] == "*":
            star = p
            mark = t
            p += 1
        elif star != -1 and text[mark] != "/":
            p = star + 1
            mark += 1
            t = mark
        else:
            return False
    while p < len(pattern) and pattern[p] == "*":
        p += 1
    return p == len(pattern)
