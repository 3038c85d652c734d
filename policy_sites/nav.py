"""The navigation of one site: the nav in mkdocs.yml without the pages left out for its audience."""
from __future__ import annotations


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
