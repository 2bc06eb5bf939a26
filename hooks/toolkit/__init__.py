"""The toolkit's core: collect the docs tree, validate it, and render listings.

Plain Python with no MkDocs import, so the `check` command and the tests call it directly
and it survives a move away from MkDocs. `hooks/toolkit_hooks.py` connects it to MkDocs.
"""
