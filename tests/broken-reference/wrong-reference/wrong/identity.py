def double(x): return x
