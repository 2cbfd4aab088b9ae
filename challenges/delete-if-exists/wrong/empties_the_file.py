import os


def delete_if_exists(path):
    if os.path.exists(path):
        open(path, "w").close()
        return True
    return False
