def word_counts(text):
    """Return a dict mapping each lowercase word in text to its count."""
    counts = {}
    for raw in text.split():
        word = raw.strip(".,!?;:").lower()
        if word:
            counts[word] = counts.get(word, 0) + 1
    return counts
