def join_words(words, sep):
    return sep.join(repr(word) for word in words)
