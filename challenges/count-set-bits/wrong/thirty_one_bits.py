def count_set_bits(n):
    count = 0
    for i in range(31):
        if n & (1 << i):
            count += 1
    return count
