def word_counts(text):
    counts = {}
    for raw in text.split():
        word = "".join(c for c in raw.lower() if c.isalnum())
        if word:
            counts[word] = counts.get(word, 0) + 1
    return counts
