name = input("What is your name? ").strip()
age_text = input("How old are you? ").strip()
try:
    age = int(age_text)
except ValueError:
    age = -1
if age >= 0:
    print(f"Hello, {name}! Next year you will be {age + 1}.")
else:
    print(f'Sorry, "{age_text}" is not a valid age.')
