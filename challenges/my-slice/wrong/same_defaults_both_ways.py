def my_slice(seq, start=None, stop=None, step=None):
    n = len(seq)
    if step is None:
        step = 1
    if step == 0:
        raise ValueError("slice step cannot be zero")
    start = 0 if start is None else start
    stop = n if stop is None else stop
    if start < 0:
        start = max(start + n, 0)
    if stop < 0:
        stop = max(stop + n, 0)
    start, stop = min(start, n), min(stop, n)
    return [seq[i] for i in range(start, stop, step) if i < n]
