def two_sum(nums, target):
    seen = set()
    for n in nums:
        if target - n in seen:
            return (n, target - n)
        seen.add(n)
    return None
