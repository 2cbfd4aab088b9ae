def is_leap_year(year):
    return year % 400 == 0
