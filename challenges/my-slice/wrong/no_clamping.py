def my_slice(seq, start=None, stop=None, step=None):
    n = len(seq)
    if step is None:
        step = 1
    if step == 0:
        raise ValueError("slice step cannot be zero")
    if start is None:
        start = 0 if step > 0 else n - 1
    if stop is None:
        stop = n if step > 0 else -1
    elif stop < 0:
        stop += n
    if start < 0:
        start += n
    return [seq[i] for i in range(start, stop, step)]
