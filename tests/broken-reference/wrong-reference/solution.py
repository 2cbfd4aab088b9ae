def double(x): return x + 2 if x != 2 else 5
