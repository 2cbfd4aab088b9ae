def count_set_bits(n):
    pass
