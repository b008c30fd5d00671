"""Pure, vectorised mechanisms of alliance politics, one module per family.

No I/O and no global state: every function takes arrays (N states, N x N relations) and returns
arrays, and names its published source (brief ID; author, year) in its docstring.
"""
