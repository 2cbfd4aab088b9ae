def wildcard_match(pattern, text):
    n = len(text)
    prev = [True] + [False] * n
    for c in pattern:
        cur = [False] * (n + 1)
        if c == "*":
            for j in range(1, n + 1):
                cur[j] = prev[j - 1] or cur[j - 1]
        else:
            for j in range(1, n + 1):
                cur[j] = prev[j - 1] and (c == "?" or c == text[j - 1])
        prev = cur
    return prev[n]
