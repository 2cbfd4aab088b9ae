def count_set_bits(n):
    return bin(n & 0xFFFFFFFF).count("1")
