def two_sum(nums, target):
    # Return (a, b) with a + b == target, or None.
    pass
