"""Compiled theme templates, kept for every build in this process.

MkDocs makes a new Jinja environment for every build, so each variant would compile Material's
templates again; they are the same for every variant. Jinja's bytecode cache lets later builds skip
that work. Its key includes a checksum of the template source, so an edited template is compiled again.
"""
from __future__ import annotations

import jinja2


class SharedBytecodeCache(jinja2.BytecodeCache):
    def __init__(self):
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


CACHE = SharedBytecodeCache()
