"""The site's rendered pages as chapters of one document.

Each page arrives as MkDocs rendered it for this variant, so pages and fragments meant for other
audiences are already gone. Put together in one file, the ids of two pages could clash and the links
between pages would point at other files: every id gets its chapter as prefix, a link to a page in the
document becomes a link inside it, and a link to a page outside it points at the published site (or,
without a site address, loses its target and keeps its text).

The HTML is edited as a tree (lxml), so an attribute in another order, a nested element or an escaped
character cannot make an edit miss or cut an element in half.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable
from urllib.parse import urljoin, urlsplit

from lxml import html as lxml_html
from lxml.html import HtmlElement


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


def edit(html: str, change: Callable[[HtmlElement], None]) -> str:
    """`html` (a fragment: a page's content, not a document) after `change` has edited its tree.

    `change` gets a wrapper element whose children are the fragment's top-level elements.
    """
    root = lxml_html.fragment_fromstring(html, create_parent="div")
    change(root)
    return (root.text or "") + _serialise(root)


def _serialise(elements: Iterable[HtmlElement]) -> str:
    """The elements as HTML, each with the text that follows it."""
    return "".join(lxml_html.tostring(element, encoding="unicode") for element in elements)


def until_next(heading: HtmlElement, tags: tuple[str, ...]) -> list[HtmlElement]:
    """The heading and the elements after it, up to (not including) the next element with one of `tags`."""
    block = [heading]
    for sibling in heading.itersiblings():
        if sibling.tag in tags:
            break
        block.append(sibling)
    return block


def section(html: str, heading_id: str) -> str | None:
    """The part of a page from the `<h2>` with this id up to the next `<h2>`, or None."""
    root = lxml_html.fragment_fromstring(html, create_parent="div")
    found = root.xpath(".//h2[@id=$id]", id=heading_id)
    return _serialise(until_next(found[0], ("h2",))) if found else None


def chapters(pages: list[Page], site_url: str | None) -> list[Chapter]:
    """The pages as chapters of one document, with unique ids and links that work inside it."""
    inside = {page.url: page.id for page in pages}
    return [Chapter(page.id, page.title, page.section,
                    edit(page.html, lambda root, page=page: _rewrite(root, page, inside, site_url)))
            for page in pages]


def _rewrite(root: HtmlElement, page: Page, inside: dict[str, str], site_url: str | None) -> None:
    for anchor in root.xpath('.//a[@class="headerlink"]'):   # the ¶ beside each heading on the site
        anchor.drop_tree()
    # A page's own style sheets and scripts (the self-test's) belong to the site: a layout tool would fetch
    # them from the site's address, a request that must never leave the build.
    for element in root.xpath(".//link | .//script"):
        element.drop_tree()
    for element in root.iter():
        if element.get("id") is not None:
            element.set("id", f"{page.id}--{element.get('id')}")
        href = element.get("href")
        if href is None or urlsplit(href).scheme:          # https:, mailto:, tel: stay as they are
            continue
        if href.startswith("#"):
            element.set("href", f"#{page.id}--{href[1:]}")
            continue
        target = urlsplit(urljoin("/" + page.url, href))
        path = target.path.lstrip("/")
        fragment = f"#{target.fragment}" if target.fragment else ""
        if path in inside:
            element.set("href", f"#{inside[path]}--{target.fragment}" if fragment else f"#{inside[path]}")
        elif site_url:
            element.set("href", urljoin(site_url, path) + fragment)
        else:
            del element.attrib["href"]


# --- Parts of a page for the short documents (slides, annex, house rules, checklist) -----------------

EXAMPLE_BOXES = ("example", "success", "failure")   # a situation, a good post, a bad post: not rules


def page_named(pages: list[Page], src: str) -> Page | None:
    return next((page for page in pages if page.src == src), None)


def section_body(html: str, heading_id: str, drop_examples: bool = True) -> str | None:
    """The part of a page under the `<h2>` with this id, without the heading itself, as plain
    printable HTML: no ¶ beside headings, links within the site reduced to their text (they point
    nowhere on paper), and without the example boxes when `drop_examples`. None if there is no such
    heading."""
    part = section(html, heading_id)
    if part is None:
        return None

    def tidy(root: HtmlElement) -> None:
        root.remove(root[0])                            # the <h2>
        plain(root, drop_examples)
    return edit(part, tidy)


def plain(root: HtmlElement, drop_examples: bool = True) -> None:
    """Edit a fragment for paper: see `section_body`. Ids go too: fragments of several pages meet."""
    for anchor in root.xpath('.//a[contains(concat(" ", @class, " "), " headerlink ")]'):
        anchor.drop_tree()
    if drop_examples:
        for box in root.xpath(".//div[contains(concat(' ', @class, ' '), ' admonition ')] | .//details"):
            if set((box.get("class") or "").split()) & set(EXAMPLE_BOXES):
                box.drop_tree()
    for anchor in root.xpath(".//a"):
        href = anchor.get("href") or ""
        if not urlsplit(href).scheme:                   # a page of the site or a place on it
            anchor.drop_tag()
    for element in root.iter():
        element.attrib.pop("id", None)


def sentences_without(text: str, openings: tuple[str, ...]) -> str:
    """`text` without the sentences that start with one of `openings` ("Lees ..." pointers to pages)."""
    parts = re.split(r"(?<=[.!?])\s+", " ".join(text.split()))
    return " ".join(p for p in parts if p and not p.startswith(openings))


def strip_pointers(root: HtmlElement, openings: tuple[str, ...]) -> None:
    """Remove, in every text of the tree, the sentences that start with one of `openings`."""
    alternatives = "|".join(re.escape(o) for o in openings)
    pattern = re.compile(rf"(^|(?<=[.!?:])\s+)(?:{alternatives})[^.!?]*[.!?]?")
    for element in root.iter():
        for attribute in ("text", "tail"):
            value = getattr(element, attribute)
            if value and any(o in value for o in openings):
                setattr(element, attribute, pattern.sub("", value))
