def count_set_bits(n):
    return (n & 0xFFFFFFFF).bit_count()
