import unittest


class TestIsLeapYear(unittest.TestCase):
    def test_ordinary_leap_years(self):
        for year in (1996, 2024, 4):
            self.assertIs(is_leap_year(year), True)

    def test_ordinary_common_years(self):
        for year in (2023, 2019, 1):
            self.assertIs(is_leap_year(year), False)

    def test_century_years_are_not_leap(self):
        for year in (1900, 2100, 1800):
            self.assertIs(is_leap_year(year), False)

    def test_every_fourth_century_is_leap(self):
        for year in (2000, 1600, 2400):
            self.assertIs(is_leap_year(year), True)
