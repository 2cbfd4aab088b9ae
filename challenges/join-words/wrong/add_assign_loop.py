def join_words(words, sep):
    result = ""
    for i, word in enumerate(words):
        if i > 0:
            result += sep
        result += str(word)
    return result
