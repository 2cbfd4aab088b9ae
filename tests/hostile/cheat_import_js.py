# challenge: is-prime
# expect: samples_passed
# contains: no DOM
# No browser, DOM or network is reachable from Python.
reached = []
for name in ("js", "browser", "pyodide", "_js"):
    try:
        __import__(name)
        reached.append(name)
    except ImportError:
        pass
try:
    import socket
    socket.create_connection(("127.0.0.1", 80), timeout=1)
    reached.append("socket")
except Exception:
    pass
try:
    import urllib.request
    urllib.request.urlopen("http://127.0.0.1:1/", timeout=1)
    reached.append("urllib")
except Exception:
    pass
print("reached:", reached if reached else "no DOM, no network")


def is_prime(n):
    assert not reached, reached
    return n in (2, 3, 5, 7, 11, 13, 17)
