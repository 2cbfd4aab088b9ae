def two_sum(nums, target):
    seen = set(nums)
    for a in nums:
        if target - a in seen:
            return (a, target - a)
    return None
