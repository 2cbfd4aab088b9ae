def join_words(words, sep):
    result = ""
    for word in words:
        result = result + sep + str(word)
    return result
