name = input("What is your name? ").strip()
age_text = input("How old are you? ").strip()
if age_text.isdecimal():
    print(f"Hello, {name}! Next year you will be {int(age_text) + 1}.")
else:
    print(f'Sorry, "{age_text}" is not a valid age.')
