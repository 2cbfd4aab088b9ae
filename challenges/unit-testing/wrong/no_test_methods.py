import unittest


class TestIsLeapYear(unittest.TestCase):
    def check_2000(self):
        self.assertIs(is_leap_year(2000), True)
