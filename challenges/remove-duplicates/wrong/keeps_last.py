def remove_duplicates(s):
    seen = set()
    kept = []
    for ch in reversed(s):
        if ch not in seen:
            seen.add(ch)
            kept.append(ch)
    return "".join(reversed(kept))
