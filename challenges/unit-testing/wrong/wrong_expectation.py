import unittest


class TestIsLeapYear(unittest.TestCase):
    def test_centuries(self):
        self.assertIs(is_leap_year(1900), True)

    def test_leap(self):
        self.assertIs(is_leap_year(2024), True)
