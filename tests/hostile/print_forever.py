# challenge: is-prime
# expect: time_limit
# contains: "output_cut":true
def is_prime(n):
    while True:
        print("spam " * 20)
