import os


def delete_if_exists(path):
    try:
        os.remove(path)
    except OSError:
        pass
    return True
