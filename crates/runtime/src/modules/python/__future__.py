# Loopscope's __future__, compiled by Loopscope at import like every module
# of modules/python/. Every feature a 3.11 program can import is already
# mandatory, or (annotations) changes nothing Loopscope runs.
all_feature_names = [
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
]
nested_scopes = True
generators = True
division = True
absolute_import = True
with_statement = True
print_function = True
unicode_literals = True
barry_as_FLUFL = True
generator_stop = True
annotations = True
