"""A content-hash cache for generated files, so a rebuild only regenerates what changed.

The key is a hash of everything a file is made from: the exact input handed to the layout tool (the
assembled HTML, the Graphviz source), the generator's own code, templates and style sheets, the
versions of the tools, and the installed fonts. The entries live in `downloads/` below the
plugin's `cache_dir` (`.cache/` by default, git-ignored); each file keeps only its newest entry.
"""
from __future__ import annotations

import hashlib
import os
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Callable

import graphviz

TOOLS = ("weasyprint", "pypandoc-binary", "graphviz")
SOURCES = (".py", ".lua", ".css", ".html")
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.fonts", "~/.local/share/fonts")


@cache
def generator_version() -> str:
    """Changes when the generator's code, templates or style sheets change, or a tool or font changes."""
    digest = hashlib.sha256()
    package = Path(__file__).parent.parent
    for folder in (package / "downloads", package / "templates"):   # .lua: the Word file's pandoc filter
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in SOURCES):
            digest.update(path.relative_to(package).as_posix().encode() + path.read_bytes())
    for tool in TOOLS:
        digest.update(f"{tool}={metadata.version(tool)}".encode())
    digest.update(repr(graphviz.version()).encode())
    for folder in FONT_DIRS:      # a font installed or removed changes every PDF
        digest.update("\n".join(sorted(p.name for p in Path(folder).expanduser().rglob("*"))).encode())
    return digest.hexdigest()


class Cache:
    def __init__(self, cache_dir: Path):
        self.folder = cache_dir / "downloads"
        self.hits: list[str] = []
        self.made: list[str] = []

    def fetch(self, name: str, source: str | bytes, make: Callable[[], bytes]) -> bytes:
        """The file `name` made from `source`: from the cache when the inputs are the same, else made now."""
        source = source.encode("utf-8") if isinstance(source, str) else source
        key = hashlib.sha256(generator_version().encode() + b"\0" + name.encode() + b"\0" + source).hexdigest()[:24]
        entry = self.folder / f"{name}.{key}"
        try:
            data = entry.read_bytes()
            self.hits.append(name)
            return data
        except FileNotFoundError:
            pass
        data = make()
        self.folder.mkdir(parents=True, exist_ok=True)
        partial = entry.with_name(f".{entry.name}.{os.getpid()}")
        partial.write_bytes(data)
        os.replace(partial, entry)            # readers never see half a file
        for old in self.folder.glob(f"{name}.*"):
            if old != entry:
                old.unlink(missing_ok=True)
        self.made.append(name)
        return data
