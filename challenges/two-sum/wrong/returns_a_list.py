def two_sum(nums, target):
    seen = set()
    for b in nums:
        if target - b in seen:
            return [target - b, b]
        seen.add(b)
    return []
