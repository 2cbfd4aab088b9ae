def my_slice(seq, start=None, stop=None, step=None):
    n = len(seq)
    if step is None:
        step = 1
    if step == 0:
        raise ValueError("slice step cannot be zero")

    def bound(i, default):
        if i is None:
            return default
        if i < 0:
            i += n
        return min(max(i, 0), n - 1 if step < 0 else n)

    if step > 0:
        first, last = bound(start, 0), bound(stop, n)
    else:
        first, last = bound(start, n - 1), bound(stop, -1)
    return [seq[i] for i in range(first, last, step)]
