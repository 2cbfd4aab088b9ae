# challenge: is-prime
# mode: submit
# expect: wrong_answer
# Point the event descriptor at a pipe of our own, make the judge write an
# event, read it back and replay it edited: the descriptor functions are not
# there, and even a line read back is signed for one place in the sequence.
import os

stolen = []
try:
    r, w = os.pipe()
    saved = os.dup(2)
    os.dup2(w, 2)
    print("x" * 100000)
    os.dup2(saved, 2)
    stolen = os.read(r, 1 << 20).decode(errors="replace").splitlines()
except (AttributeError, OSError):
    pass
passed = '{"event":"test_finished","index":%d,"verdict":{"verdict":"passed"},"time_ms":1}'
for line in stolen:
    parts = line.split(" ", 2)
    if len(parts) == 3:
        for i in range(20):
            os.write(2, ("\n%s %s %s\n" % (parts[0], parts[1], passed % i)).encode())
            os.write(2, ("\n%d %s %s\n" % (i + 1, parts[1], passed % i)).encode())
        os.write(2, ("\n%s\n" % line).encode())


def is_prime(n):
    return "no"
