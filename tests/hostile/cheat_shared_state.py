# challenge: is-prime
# mode: submit
# expect: wrong_answer
# Each test runs in a fresh namespace, so a counter cannot learn the test order.
calls = 0


def is_prime(n):
    global calls
    calls += 1
    return calls in (1, 3)
