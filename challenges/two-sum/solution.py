def two_sum(nums, target):
    seen = set()
    for b in nums:
        a = target - b
        if a in seen:
            return (a, b)
        seen.add(b)
    return None
