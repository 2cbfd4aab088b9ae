# challenge: is-prime
# expect: time_limit
# contains: "output_cut":true
def is_prime(n):
    while True:
        # Long lines: the output limit is reached in a few hundred writes,
        # well within the time limit even on a busy machine.
        print("spam " * 2000)
