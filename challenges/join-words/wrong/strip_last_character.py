def join_words(words, sep):
    text = "".join(str(word) + sep for word in words)
    return text[:-1]
