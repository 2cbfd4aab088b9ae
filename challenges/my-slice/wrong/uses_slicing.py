def my_slice(seq, start=None, stop=None, step=None):
    return list(seq[start:stop:step])
