def merge_sort(items):
    # Return a new sorted list; leave items unchanged.
    return items
