def drop_negatives(nums):
    if all(n >= 0 for n in nums):
        return nums  # nothing to drop: hands back the caller's list itself
    return [n for n in nums if n >= 0]
