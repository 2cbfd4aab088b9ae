def double(x): pass
