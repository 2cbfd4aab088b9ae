def shuffle(items, rng):
    # Rearrange items in place, using only rng.randrange.
    pass
