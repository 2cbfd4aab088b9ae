# Runs a challenge's reference answer under CPython for `pyprep validate`.
# Reads a JSON spec on stdin and prints one JSON list of results on stdout:
# values in the judge's literal notation, so Rust compares them as it would
# compare the judge's own results.
import json
import sys
import unittest

spec = json.loads(sys.stdin.read())
helpers = {"__name__": "helpers"}
exec(compile(spec["helpers"], "helpers.py", "exec"), helpers)
shared = {k: v for k, v in helpers.items() if not k.startswith("__")}


def linked(items):
    head = None
    for item in reversed(items):
        head = helpers["ListNode"](item, head)
    return head


def tree(items):
    if not items or items[0] is None:
        return None
    make = helpers["TreeNode"]
    root = make(items[0])
    queue, rest = [root], iter(items[1:])
    while queue:
        node = queue.pop(0)
        for side in ("left", "right"):
            try:
                value = next(rest)
            except StopIteration:
                return root
            if value is not None:
                child = make(value)
                setattr(node, side, child)
                queue.append(child)
    return root


def rng(seed):
    return helpers["CountingRandom"](seed)


def canon(x, depth=0):
    t = type(x)
    if depth > 100:
        return "<too deep>"
    if x is None or t in (bool, int, str, bytes):
        return repr(x)
    if t is float:
        if x != x:
            return "float('nan')"
        if x in (float("inf"), float("-inf")):
            return "float('%s')" % repr(x)
        return repr(x)
    if t is list:
        return "[" + ", ".join(canon(i, depth + 1) for i in x) + "]"
    if t is tuple:
        inner = ", ".join(canon(i, depth + 1) for i in x)
        return "(" + inner + ("," if len(x) == 1 else "") + ")"
    if t is dict:
        return "{" + ", ".join(canon(k, depth + 1) + ": " + canon(v, depth + 1) for k, v in x.items()) + "}"
    if t in (set, frozenset):
        inner = "[" + ", ".join(canon(i, depth + 1) for i in x) + "]"
        return ("set(" if t is set else "frozenset(") + inner + ")"
    if t.__name__ == "ListNode":
        items, seen = [], set()
        while x is not None and type(x).__name__ == "ListNode" and id(x) not in seen:
            seen.add(id(x))
            items.append(canon(x.val, depth + 1))
            x = x.next
        return "linked([" + ", ".join(items) + "])"
    return "<%s object>" % t.__name__


env = {"linked": linked, "tree": tree, "rng": rng, "inf": float("inf"), "nan": float("nan")}
results = []
if spec["kind"] == "calls":
    code = compile(spec["code"], "solution.py", "exec")
    for test in spec["tests"]:
        ns = dict(shared, __name__="solution")
        exec(code, ns)
        args = [eval(a, env) for a in test["args"]]
        kwargs = {k: eval(v, env) for k, v in test["kwargs"]}
        try:
            for before in test["before"]:  # earlier calls in the same namespace
                ns[before["function"]](*[eval(a, env) for a in before["args"]],
                                       **{k: eval(v, env) for k, v in before["kwargs"]})
            value = ns[test["function"]](*args, **kwargs)
            same = [value is a for a in args] + [value is v for v in kwargs.values()]
            results.append({"returned": canon(value), "args_after": [canon(a) for a in args],
                            "same_as_args": same})
        except BaseException as e:  # the judge reports every exception, so does this
            results.append({"raised": "%s: %s" % (type(e).__name__, e), "mro": [c.__name__ for c in type(e).__mro__]})
else:  # a unittest suite against each version
    code = compile(spec["code"], "solution.py", "exec")
    for version in spec["versions"]:
        target = {"__name__": "target"}
        exec(version, target)
        ns = {"__name__": "solution", spec["function"]: target[spec["function"]]}
        exec(code, ns)
        suite = unittest.TestSuite()
        loader = unittest.TestLoader()
        for value in list(ns.values()):
            if isinstance(value, type) and issubclass(value, unittest.TestCase) and value is not unittest.TestCase:
                suite.addTests(loader.loadTestsFromTestCase(value))
        outcome = unittest.TestResult()
        suite.run(outcome)
        results.append({"passed": outcome.testsRun > 0 and outcome.wasSuccessful()})
print(json.dumps(results))
