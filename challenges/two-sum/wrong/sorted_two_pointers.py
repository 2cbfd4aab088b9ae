def two_sum(nums, target):
    ordered = sorted(nums)
    i, j = 0, len(ordered) - 1
    while i < j:
        total = ordered[i] + ordered[j]
        if total == target:
            return (ordered[i], ordered[j])
        if total < target:
            i += 1
        else:
            j -= 1
    return None
