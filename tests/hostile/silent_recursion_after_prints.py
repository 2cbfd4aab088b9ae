# challenge: is-prime
# expect: time_limit
# contains: counted 3 of 3
# As silent_loop_after_prints.py, with the silent stretch in calls, not a loop.
def grow(n):
    return 1 if n < 2 else grow(n - 1) + grow(n - 2)


for i in range(1, 4):
    print("counted", i, "of", 3)
grow(100)
