def two_sum(nums, target):
    seen = {}
    for j, b in enumerate(nums):
        if target - b in seen:
            return (seen[target - b], j)
        seen[b] = j
    return None
