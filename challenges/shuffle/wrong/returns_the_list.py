def shuffle(items, rng):
    pool = list(items)
    items.clear()
    while pool:
        items.append(pool.pop(rng.randrange(len(pool))))
    return items
