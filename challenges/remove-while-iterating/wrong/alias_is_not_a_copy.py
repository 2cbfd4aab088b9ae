def drop_negatives(nums):
    result = nums
    for n in result:
        if n < 0:
            result.remove(n)
    return result
