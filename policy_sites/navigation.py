"""The pages of one site and the links between them.

The navigation is the one in mkdocs.yml without the pages left out for this site. MkDocs reports a link
to a left-out page only at INFO level, so `--strict` would let the site ship a dead link: we find such
links ourselves, with their line.
"""
from __future__ import annotations

import posixpath
import re

from .problems import Problem


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


# Images `![tekst](pad.png)` and links to other files than pages `[tekst](pad.pdf)`.
FILE_LINK = re.compile(r"(!?)\[[^\]]*\]\(\s*<?([^)\s>#?]+\.(?!md\b)[A-Za-z0-9]{2,5})(?:[#?][^)\s>]*)?>?(?:\s+\"[^\"]*\")?\s*\)")


def missing_files(text: str, page_src: str, docs_dir, rel: str) -> list[Problem]:
    """Images and files a page points at that are not in docs/: MkDocs would only warn, in English."""
    problems = []
    for match in FILE_LINK.finditer(text):
        image, written = match.group(1), match.group(2)
        if "://" in written or written.startswith(("mailto:", "tel:", "/")) or "{" in written:
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page_src), written))
        if not (docs_dir / target).is_file():
            what = "de afbeelding" if image else "het bestand"
            problems.append(Problem(rel, text.count("\n", 0, match.start()) + 1, (
                f"{what} `{written}` bestaat niet (gezocht: docs/{target}). Kijk de naam en de map na, of zet het "
                "bestand in docs/assets/ en verwijs ernaar vanaf deze pagina, bijvoorbeeld `../assets/naam.png`.")))
    return problems


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
