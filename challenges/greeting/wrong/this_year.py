name = input("What is your name? ").strip()
age_text = input("How old are you? ").strip()
if age_text.isdigit():
    print(f"Hello, {name}! Next year you will be {age_text}.")
else:
    print(f'Sorry, "{age_text}" is not a valid age.')
