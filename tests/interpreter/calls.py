# Calls through the specialised paths (a plain function, a method, with and
# without arguments), and what a finished call's frame keeps: a local's
# __del__ runs as the call returns, and a frame held after its call (a
# traceback, sys._getframe, a generator, a closure) keeps its locals.
import gc
import sys

events = []

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        events.append("del " + self.name)

def plain(a, b):
    local = Noisy("plain local")
    return a + b

def no_args():
    return 7

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
    def norm1(self):
        return abs(self.x) + abs(self.y)

for i in range(3):  # warm enough for the calls to specialise
    events.append(plain(i, 1))
    events.append(no_args())
    p = Point(i, -i).moved(1, 2)
    events.append((p.x, p.y, p.norm1()))
print(events)
events.clear()

def keeps_frame(value):
    kept = Noisy("kept local")
    return sys._getframe()

for _ in range(3):
    frame = keeps_frame(41)
    print(frame.f_locals["value"] + 1, frame.f_locals["kept"].name, events)
    del frame
    gc.collect()
    print(events)
    events.clear()

def fails(value):
    also = Noisy("traceback local")
    raise ValueError(value)

for _ in range(3):
    try:
        fails(5)
    except ValueError as e:
        tb = e.__traceback__
    print(tb.tb_next.tb_frame.f_locals["value"], tb.tb_next.tb_frame.f_locals["also"].name, events)
    del tb
    gc.collect()
    print(events)
    events.clear()

def gen(n):
    held = Noisy("generator local")
    for i in range(n):
        yield i * i
g = gen(4)
print(next(g), next(g), list(g))
del g
gc.collect()
print(events)
events.clear()

def counter():
    count = 0
    def bump(by):
        nonlocal count
        count += by
        return count
    return bump
b = counter()
print([b(i) for i in range(5)])

def recurse(n):
    return n if n < 2 else recurse(n - 1) + recurse(n - 2)
print(recurse(15))

class Grabber:
    # Its __del__ runs while a call's locals are dropped, and looks for that
    # call's frame among every object the collector knows.
    def __del__(self):
        for o in gc.get_objects():
            if type(o).__name__ == "frame" and o.f_code.co_name == "drops_grabber":
                grabbed.append(o)

grabbed = []
def drops_grabber(x):
    g = Grabber()
    return x * 2
print([drops_grabber(i) for i in range(3)], all(f.f_code.co_name == "drops_grabber" for f in grabbed))
