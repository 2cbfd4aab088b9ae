def drop_negatives(nums):
    return [n for n in nums if n > 0]
