# challenge: unit-testing
# mode: submit
# expect: wrong_answer
# Tests that test nothing, passing on the version that looks correct and
# failing on the others: by the file its code was compiled from, or by
# running first and leaving a mark on sys for the versions after it.
import sys
import unittest


def looks_correct():
    code = getattr(is_leap_year, "__code__", None)
    if code is not None and "correct" in code.co_filename:
        return True
    if getattr(sys, "_seen_a_version", False):
        return False
    sys._seen_a_version = True
    return True


class Telltales(unittest.TestCase):
    def test_nothing_real(self):
        if not looks_correct():
            self.fail("guessed a buggy version")
