def my_slice(seq, start=None, stop=None, step=None):
    if start is None and stop is None and step in (None, 1) and isinstance(seq, list):
        return seq  # the whole list: nothing to cut
    n = len(seq)
    if step is None:
        step = 1
    if step == 0:
        raise ValueError("slice step cannot be zero")
    lower, upper = (0, n) if step > 0 else (-1, n - 1)

    def bound(i, default):
        if i is None:
            return default
        if i < 0:
            return max(i + n, lower)
        return min(i, upper)

    if step > 0:
        first, last = bound(start, lower), bound(stop, upper)
    else:
        first, last = bound(start, upper), bound(stop, lower)
    return [seq[i] for i in range(first, last, step)]
