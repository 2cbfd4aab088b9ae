def is_leap_year(year):
    if year % 4 != 0:
        return False
    return year % 100 or year % 400 == 0
