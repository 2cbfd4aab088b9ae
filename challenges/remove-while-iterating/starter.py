def drop_negatives(nums):
    pass
