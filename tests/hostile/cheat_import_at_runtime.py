# challenge: wildcard-match
# mode: submit
# expect: rule_broken
# Reach a forbidden module without an import statement, through a module
# that imported it.
def is_match(text, pattern):
    import fnmatch as _f
    return _f.fnmatchcase(text, pattern)
