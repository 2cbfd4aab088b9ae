def sort_by_value(d, reverse=False):
    result = {}
    while d:
        pick = None
        for key in sorted(d):
            if pick is None or (d[key] > d[pick] if reverse else d[key] < d[pick]):
                pick = key
        result[pick] = d.pop(pick)
    return result
