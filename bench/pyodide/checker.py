"""The Pyodide checker's judge: runs an answer in a fresh namespace, then calls
its function once per test with fresh arguments and compares the result with
the expected literal, types included (True is not 1, a tuple is not a list).
Understands the test fields the measured questions use: call, expected,
raises, preserve_args and returns_new."""
import ast
import builtins
import contextlib
import copy
import io
import json

tests = []


def set_tests(text):
    global tests
    tests = json.loads(text)


def same(a, b):
    if type(a) is not type(b):
        return False
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return a == b


def literal(node):
    return eval(compile(ast.fix_missing_locations(ast.Expression(node)), "<test>", "eval"), {})


def passes(namespace, test):
    call = ast.parse(test["call"], mode="eval").body
    function = namespace[call.func.id]
    args = [literal(a) for a in call.args]
    before = copy.deepcopy(args) if test.get("preserve_args") else None
    try:
        result = function(*args)
    except Exception as error:
        expected = getattr(builtins, test.get("raises", ""), None)
        return expected is not None and isinstance(error, expected)
    if "raises" in test:
        return False
    ok = same(result, literal(ast.parse(test["expected"], mode="eval").body))
    if before is not None:
        ok = ok and same(args, before)
    if test.get("returns_new"):
        ok = ok and all(result is not a for a in args)
    return ok


def check(code):
    namespace = {"__name__": "__main__"}
    try:
        exec(compile(code, "<answer>", "exec"), namespace)
    except BaseException as error:
        return {"passed": 0, "total": len(tests), "error": repr(error)}
    passed = 0
    for test in tests:
        try:
            passed += passes(namespace, test)
        except Exception:
            pass
    return {"passed": passed, "total": len(tests)}


def run_program(code):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "<program>", "exec"), {"__name__": "__main__"})
    return out.getvalue()
