import unittest


class TestIsLeapYear(unittest.TestCase):
    def test_leap(self):
        self.assertIs(is_leap_year(1996), True)

    def test_common(self):
        self.assertIs(is_leap_year(2023), False)
