def drop_negatives(nums):
    result = list(nums)
    for i in range(len(result)):
        if result[i] < 0:
            del result[i]
    return result
