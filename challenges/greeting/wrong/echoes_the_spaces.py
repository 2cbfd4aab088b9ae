name = input("What is your name? ").strip()
typed = input("How old are you? ")
age_text = typed.strip()
if age_text.isdigit():
    print(f"Hello, {name}! Next year you will be {int(age_text) + 1}.")
else:
    print(f'Sorry, "{typed}" is not a valid age.')
