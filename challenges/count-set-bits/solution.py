def count_set_bits(n):
    n &= 0xFFFFFFFF          # the 32-bit two's complement pattern, as a non-negative int
    count = 0
    while n:
        n &= n - 1           # clears the lowest set bit
        count += 1
    return count
