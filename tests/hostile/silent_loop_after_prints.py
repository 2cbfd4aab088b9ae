# challenge: is-prime
# expect: time_limit
# contains: printed 3 of 3
# Lines printed just before a long silent stretch are still shown when the
# time limit stops it: the judge sends waiting output while code runs on.
for i in range(1, 4):
    print("printed", i, "of", 3)
while True:
    pass
