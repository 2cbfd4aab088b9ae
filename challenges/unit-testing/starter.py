import unittest


class TestIsLeapYear(unittest.TestCase):
    def test_2024_is_a_leap_year(self):
        self.assertTrue(is_leap_year(2024))
