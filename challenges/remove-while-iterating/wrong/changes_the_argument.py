def drop_negatives(nums):
    for n in nums[:]:
        if n < 0:
            nums.remove(n)
    return nums
