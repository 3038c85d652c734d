"""The pages of one site and the links between them.

The navigation is the one in mkdocs.yml without the pages left out for this site. MkDocs reports a link
to a left-out page only at INFO level, so `--strict` would let the site ship a dead link: we find such
links ourselves, with their line.
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


def _is_page(entry) -> bool:
    return isinstance(entry, str) and "://" not in entry


def prune(nav: list | None, excluded: set[str]) -> list | None:
    """Drop excluded pages, and sections that end up empty."""
    if nav is None:
        return None
    kept = []
    for entry in nav:
        if isinstance(entry, dict):
            (title, value), = entry.items()
            if isinstance(value, list):
                value = prune(value, excluded)
                if value:
                    kept.append({title: value})
            elif not (_is_page(value) and value in excluded):
                kept.append(entry)
        elif not (_is_page(entry) and entry in excluded):
            kept.append(entry)
    return kept


def pages(nav: list | None) -> set[str]:
    found = set()
    for entry in nav or []:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            found |= pages(value)
        elif _is_page(value):
            found.add(value)
    return found
