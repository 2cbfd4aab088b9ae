import os


def delete_if_exists(path):
    folder, name = os.path.split(path)
    deleted = False
    for entry in os.listdir(folder or "."):
        if entry.startswith(name):
            os.remove(os.path.join(folder, entry))
            deleted = True
    return deleted
