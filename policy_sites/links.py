"""Find links to pages that are left out of this audience's site.

MkDocs reports such a link only at INFO level when the page is excluded, so `--strict` would let
the site ship a dead link; we report it as an error with the line of the link.
"""
from __future__ import annotations

import posixpath
import re

# Inline links `[tekst](pad.md#anker "titel")` and reference definitions `[id]: pad.md`.
LINK = re.compile(r"\]\(\s*<?([^)\s>#]+\.md)(?:#[^)\s>]*)?>?(?:\s+\"[^\"]*\")?\s*\)|^\s*\[[^\]]+\]:\s*<?([^\s>#]+\.md)", re.M)


def targets(markdown: str, page_src: str) -> list[tuple[str, str]]:
    """Every .md link in the page: (as written, path inside docs/)."""
    found = []
    for match in LINK.finditer(markdown):
        written = match.group(1) or match.group(2)
        if "://" in written:
            continue
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page_src), written)) \
            if not written.startswith("/") else written.lstrip("/")
        found.append((written, resolved))
    return found


def line_of(text: str, needle: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    return None
