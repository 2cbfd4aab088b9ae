name = input("What is your name? ").strip()
age_text = input("How old are you? ").strip()
# A whole number written the usual way: 0, or digits that do not start with 0.
if age_text == "0" or (age_text.isdigit() and not age_text.startswith("0")):
    print(f"Hello, {name}! Next year you will be {int(age_text) + 1}.")
else:
    print(f'Sorry, "{age_text}" is not a valid age.')
