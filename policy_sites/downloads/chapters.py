"""The site's rendered pages as chapters of one document.

Each page arrives as MkDocs rendered it for this variant, so pages and fragments meant for other
audiences are already gone. Put together in one file, the ids of two pages could clash and the links
between pages would point at other files: every id gets its chapter as prefix, a link to a page in the
document becomes a link inside it, and a link to a page outside it points at the published site (or,
without a site address, loses its target and keeps its text).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape, unescape
from urllib.parse import urljoin, urlsplit

HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
ID = re.compile(r'(\sid=")([^"]*)"')
HREF = re.compile(r'\shref="([^"]*)"')


@dataclass(frozen=True)
class Page:
    """One page of the site, as rendered for this variant."""
    src: str            # path in docs/: basis/werkchats.md
    url: str            # path on the site: basis/werkchats/
    title: str
    section: str | None  # the heading of its group in the navigation
    html: str

    @property
    def id(self) -> str:
        return self.url.strip("/").replace("/", "-").removesuffix(".html") or "start"


@dataclass(frozen=True)
class Chapter:
    id: str
    title: str
    section: str | None
    html: str


def section(html: str, heading_id: str) -> str | None:
    """The part of a page from the `<h2>` with this id up to the next `<h2>`, or None."""
    found = re.search(rf'<h2 id="{re.escape(heading_id)}".*?(?=<h2[\s>]|\Z)', html, re.S)
    return found.group(0) if found else None


def chapters(pages: list[Page], site_url: str | None) -> list[Chapter]:
    """The pages as chapters of one document, with unique ids and links that work inside it."""
    inside = {page.url: page.id for page in pages}
    return [Chapter(page.id, page.title, page.section, _rewrite(page, inside, site_url)) for page in pages]


def _rewrite(page: Page, inside: dict[str, str], site_url: str | None) -> str:
    html = HEADERLINK.sub("", page.html)
    html = ID.sub(lambda m: f'{m[1]}{page.id}--{m[2]}"', html)

    def link(match: re.Match) -> str:
        href = unescape(match[1])
        if urlsplit(href).scheme:                      # https:, mailto:, tel:
            return match[0]
        if href.startswith("#"):
            return f' href="#{page.id}--{escape(href[1:])}"'
        target = urlsplit(urljoin("/" + page.url, href))
        path = target.path.lstrip("/")
        if path in inside:
            anchor = f"{inside[path]}--{target.fragment}" if target.fragment else inside[path]
            return f' href="#{escape(anchor)}"'
        if site_url:
            return f' href="{escape(urljoin(site_url, path) + (f"#{target.fragment}" if target.fragment else ""))}"'
        return ""
    return HREF.sub(link, html)
