"""Compiled theme templates, kept in memory for the whole MkDocs run.

MkDocs gives each build a fresh Jinja environment, and the i18n plugin runs one build per
language, so every build compiles Material's templates again, once per language, and
`mkdocs serve` again on every save. Jinja's bytecode cache (a public API) lets all of them
after the first load the compiled code instead; a template whose source changed is compiled
afresh (Jinja checks each one's checksum).
"""

from __future__ import annotations

from jinja2.bccache import Bucket, BytecodeCache


class MemoryBytecodeCache(BytecodeCache):
    """Jinja bytecode, keyed by template, in this process's memory."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


TEMPLATES = MemoryBytecodeCache()
