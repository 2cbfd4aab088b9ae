def remove_duplicates(s):
    seen = set()
    kept = []
    for ch in s:
        if ch not in seen:
            seen.add(ch)
            kept.append(ch)
    return "".join(kept)
