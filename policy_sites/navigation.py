"""The pages of one site and the links between them.

The menu comes from menu.yml and each page's front matter, without the pages left out for this site. MkDocs reports a link
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


MENU_FILE = "menu.yml"


def menu_entries(project) -> tuple[list[str], dict]:
    """menu.yml: the menu's top level in order: a page on its own (`index.md`) or the name of a group."""
    from . import yaml_source
    from .problems import PolicyError
    entries, lines = yaml_source.load(project.root / MENU_FILE, MENU_FILE)
    if not isinstance(entries, list) or not all(isinstance(e, str) and e.strip() for e in entries):
        raise PolicyError([Problem(MENU_FILE, 1, (
            "dit bestand moet het menu opsommen, één regel per onderdeel: `- index.md` voor een losse pagina, "
            "`- Naam van een groep` voor een groep."))])
    return entries, lines


def groups(entries: list[str]) -> list[str]:
    return [entry for entry in entries if not entry.endswith(".md")]


def build_menu(modules, entries: list[str]) -> tuple[list, list[Problem]]:
    """The navigation from menu.yml and each page's front matter: `menu` names its group, `volgorde` its
    place in it (then the title). A new page needs no shared file, so two writers adding pages never
    conflict."""
    alone = {entry for entry in entries if entry.endswith(".md")}
    members: dict[str, list] = {group: [] for group in groups(entries)}
    problems = []
    for module in modules:
        if module.src in alone:
            continue
        group = module.meta.get("menu")
        if group is None:
            problems.append(Problem(module.rel, module.meta_lines.get(("title",)), (
                f"de pagina staat in geen menu. Zet in de front matter `menu:` met de groep waar lezers ze "
                f"zoeken ({', '.join(groups(entries))}), en `volgorde:` met een getal voor haar plaats daarin.")))
        elif group in members:
            members[group].append(module)
    nav = []
    for entry in entries:
        if entry in alone:
            nav.append(entry)
        elif members.get(entry):
            ordered = sorted(members[entry], key=lambda m: (m.meta.get("volgorde", 1000), m.meta.get("title", "")))
            nav.append({entry: [m.src for m in ordered]})
    return nav, problems
