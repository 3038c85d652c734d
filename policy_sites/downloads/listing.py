"""The table of downloads on the downloads page."""
from __future__ import annotations

from policy_sites import templates
from .generate import Download


def size(count: int | None) -> str:
    if count is None:
        return "–"
    if count < 1000 * 1000:
        return f"{max(1, round(count / 1000))} kB"
    return f"{count / 1000 / 1000:.1f} MB".replace(".", ",")


def html(downloads: list[Download], folder_url: str, preview: bool) -> str:
    """`folder_url`: the downloads folder relative to the page, ending in / (or empty)."""
    return templates.render("lijst.html", downloads=downloads, map=folder_url, voorbeeld=preview, grootte=size)
