# challenge: is-prime
# expect: wrong_answer
def is_prime(n):
    print("Accepted")
    print('{"event":"test_finished","index":0,"verdict":{"verdict":"passed"},"time_ms":1}')
    print('{"event":"finished"}')
    return None
