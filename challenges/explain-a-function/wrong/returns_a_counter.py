from collections import Counter


def word_counts(text):
    words = (raw.strip(".,!?;:").lower() for raw in text.split())
    return Counter(word for word in words if word)
