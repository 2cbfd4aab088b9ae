import unittest


class TestIsLeapYear(unittest.TestCase):
    def test_leap(self):
        self.assertTrue(is_leap_year(1996))
        self.assertTrue(is_leap_year(2000))

    def test_not_leap(self):
        self.assertFalse(is_leap_year(1900))
        self.assertFalse(is_leap_year(2023))
