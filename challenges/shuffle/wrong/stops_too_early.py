def shuffle(items, rng):
    for i in range(len(items) - 1, 1, -1):
        j = rng.randrange(i + 1)
        items[i], items[j] = items[j], items[i]
